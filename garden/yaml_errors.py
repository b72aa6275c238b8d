"""PyYAML's complaints about front matter, told in plain words with what to type instead.

PyYAML says "mapping values are not allowed here"; a community worker needs "put the title in
quotes". Pure text in, text out; `note.py` (the only YAML reader) asks here for the words.
"""

from __future__ import annotations

import datetime
import re

_CANT_START_RE = re.compile(r"found character '(.+)' that cannot start any token")

_COLON = ("a colon (:) here can't be read — if the value contains a colon, put the whole value "
          "in quotes, like title: \"Big Society: a plan\"; otherwise check that this line starts "
          "as far left as the lines above it, and that the line above has a colon after its name")
_NO_COLON = ("this line has no colon (:) — write it as name: value, like type: idea; a list "
             "item needs a space after its dash, like - localism")
_INDENT = ("this line is not lined up with the lines above it — check the spaces at the start "
           "of the line: in sources, each entry starts with - title: and its url: and date: "
           "lines start two spaces further in")
_AFTER_QUOTE = ("there is more text after the closing quote — put the whole value in double "
                "quotes, like title: \"It's our square mile\"")
_UNCLOSED_QUOTE = ("the quotation mark that opens the value here is never closed — add the "
                   "closing quote at the end of the value, on the same line")
_UNCLOSED_LIST = ("the list in square brackets is not closed — end it with ] on the same line, "
                  "like tags: [localism, neighbourhoods]")
_UNCLOSED_BRACES = ("a value can't start with { — put the value in quotes, like "
                    "title: \"{Your Square Mile}\"")
_TAB = "there is a tab here — use spaces, not tabs, in the front matter"
_FALLBACK = ("this line of the front matter can't be read — write each line as name: value, "
             "start it as far left as the lines above, and put a value that contains a colon "
             "(:) in quotes")


def explain(problem: str | None, context: str | None) -> tuple[str, bool]:
    """(the message, whether it is about where the context mark points rather than the
    problem mark) for one of PyYAML's MarkedYAMLError problem and context texts."""
    problem = problem or ""
    context = context or ""
    if "quoted scalar" in context:
        return _UNCLOSED_QUOTE, True
    if "flow sequence" in context:
        return _UNCLOSED_LIST, True
    if "flow mapping" in context:
        return _UNCLOSED_BRACES, True
    if problem.startswith("mapping values are not allowed"):
        return _COLON, False
    if problem.startswith("could not find expected ':'"):
        return _NO_COLON, False
    if problem.startswith("found undefined alias"):
        return _cant_start("*"), False
    if "'<scalar>'" in problem and problem.startswith("expected <block end>"):
        return _AFTER_QUOTE, False
    if problem.startswith(("expected <block end>", "expected <block mapping key>")):
        return _INDENT, False
    found = _CANT_START_RE.match(problem)
    if found:
        char = found.group(1)
        return (_TAB if char == "\\t" else _cant_start(char)), False
    return _FALLBACK, False


def _cant_start(char: str) -> str:
    return (f"a value can't start with {char} — put the value in quotes, like "
            f"title: \"{char}home\"")


_DATE_RE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s*((\d{4})-(\d{1,2})-(\d{1,2}))\b")


def bad_date(yaml_text: str, error: str) -> tuple[int, int, str] | None:
    """Where an unquoted date that is not a real date is (0-based line, 1-based column), and
    the message; None when the error is not about a date."""
    if not re.search(r"\b(month|day|year)\b", error):
        return None
    for number, line in enumerate(yaml_text.split("\n")):
        found = _DATE_RE.match(line)
        if found and not _is_date(*(int(found.group(i)) for i in (2, 3, 4))):
            return number, found.start(1) + 1, (
                f"{found.group(1)} is not a real date ({error}) — write the date as "
                "year-month-day in quotes, like date: \"2011-05-18\"")
    return None


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
