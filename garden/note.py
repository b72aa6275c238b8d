"""A note: one Markdown file's front matter, validated and defaulted, its body, headings and links.

`parse_note` never raises for bad input: it returns the best note it can make and the Issues
that explain what is wrong, so no note silently disappears.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import yaml

from garden.blocks import Block, find_blocks
from garden.diagnostics import Issue, Severity
from garden.links import Link, extract_links
from garden.markup import Heading, first_paragraph, headings, masks, shorten
from garden.obsidian import InlineTag, inline_tags, tag_name
from garden.slugs import NoteId, note_id, readable_name
from garden.yaml_errors import bad_date, explain

NOTE_TYPES = (
    "idea", "practice", "organisation", "initiative", "policy", "event", "place", "person",
    "resource",
)
STATUSES = ("seedling", "budding", "evergreen")
KNOWN_KEYS = ("title", "aliases", "tags", "type", "status", "description", "sources", "draft")
_SOURCE_KEYS = ("title", "url", "date")
_URL_SCHEMES = ("http://", "https://")
_BOM = "\ufeff"
_FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)
"""libyaml's safe loader, when this PyYAML was built with it."""
_DIVERGENT_RE = re.compile(r"[\t!]")
"""Characters around which libyaml and the pure-Python parser disagree on what is valid
(`0<tab>`, a lone `!` tag): text with them is read by the pure-Python parser only."""
_MAX_YAML_NESTING = 50
_EXAMPLES = {"title": "Your Square Mile", "description": "One sentence about the note.",
             "tags": "localism, neighbourhoods", "aliases": "YSM, Square Mile"}


@dataclass(frozen=True, slots=True)
class Source:
    """Where a note's facts come from."""

    title: str
    url: str
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """One note, as read from its file. Values are already defaulted per DESIGN's table."""

    id: NoteId
    """Path under the notes folder without `.md`, POSIX (`places/stockport`)."""
    path: str
    """Path under the notes folder, with `.md`."""
    title: str
    body: str
    """The Markdown after the front matter, line endings normalised to `\\n`."""
    body_line: int = 1
    """The file line on which `body` starts (diagnostics point at real lines)."""
    type: str = "idea"
    status: str = "seedling"
    description: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    draft: bool = False
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    """Front-matter keys the garden does not know; passed through to MkDocs."""
    headings: tuple[Heading, ...] = ()
    links: tuple[Link, ...] = ()
    blocks: tuple[Block, ...] = ()
    """Blocks with an Obsidian `^block-id`."""
    inline_tags: tuple[InlineTag, ...] = ()
    """`#tags` written in the text (their names are in `tags` too)."""


def decode(data: bytes, display_path: str) -> tuple[str, list[Issue]]:
    """UTF-8 (with or without BOM) to text with `\\n` line endings. Other bytes are an error
    naming the first bad line; the text is still returned (with replacement characters)."""
    issues = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = max(data.rfind(b"\n", 0, exc.start), data.rfind(b"\r", 0, exc.start)) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        if b"\n" not in data[:exc.start]:
            line = data.count(b"\r", 0, exc.start) + 1
        col = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        found = ("it looks like UTF-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff")
                 else "the byte here can't be read")
        issues.append(Issue(display_path, line, col, Severity.ERROR, "not-utf8",
                            f"this file is not UTF-8 text ({found}) — save it "
                            "with the UTF-8 encoding (most editors offer it under 'Save as')"))
        text = data.decode("utf-8", errors="replace")
    return normalise_text(text), issues


def normalise_text(text: str) -> str:
    if text.startswith(_BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_note(rel_path: str, text: str, display_path: str) -> tuple[Note, list[Issue]]:
    """Read one note's text (already decoded) into a Note plus the problems found in it."""
    nid = note_id(rel_path)
    issues: list[Issue] = []

    def report(line: int, col: int, code: str, message: str, *, error: bool = True) -> None:
        severity = Severity.ERROR if error else Severity.WARNING
        issues.append(Issue(display_path, line, col, severity, code, message))

    text = normalise_text(text)
    if not text.strip():
        report(1, 1, "empty-note", "this note is empty — write a few sentences (see the note "
               "template in CONTRIBUTING.md), or delete the file")
    meta, positions, body, body_line = _split_front_matter(text, report)
    fields = _coerce(meta, positions, report)
    code = masks(body)
    found_headings = tuple(headings(body, code))
    title = fields.pop("title", None) or _first_h1(found_headings) or readable_name(nid)
    description = fields.pop("description", None) or shorten(
        first_paragraph(body, code, found_headings))
    found_tags = inline_tags(body, code)
    # Tags compare without case, as in Obsidian (#Tag and #TAG are one tag); the first spelling
    # is kept.
    spellings = {name.casefold(): name for name in reversed(
        (*fields.get("tags", ()), *(tag.name for tag in found_tags)))}
    fields["tags"] = tuple(dict.fromkeys(spellings[name.casefold()] for name in (
        *fields.get("tags", ()), *(tag.name for tag in found_tags))))
    note = Note(
        id=nid,
        path=rel_path,
        title=title,
        body=body,
        body_line=body_line,
        description=description,
        headings=found_headings,
        links=extract_links(nid, body, body_line, code),
        blocks=find_blocks(body, code),
        inline_tags=found_tags,
        extra=MappingProxyType(fields.pop("extra")),
        **fields,
    )
    return note, issues


def _first_h1(found: tuple[Heading, ...]) -> str | None:
    return next((h.text for h in found if h.level == 1 and h.text), None)


def _split_front_matter(text: str, report) -> tuple[Any, dict, str, int]:
    """(parsed YAML, key → (line, col, node), body, body's first file line)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return {}, {}, text, 1
    close = next(
        (i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None
    )
    if close is None:
        report(1, 1, "front-matter-unclosed", "the front matter that starts with --- here has "
               "no closing --- line — add a line with just --- after its last name: value "
               "line, before the text of the note")
        return {}, {}, "\n".join(lines[1:]), 2
    yaml_text = "\n".join(lines[1:close])
    body = "\n".join(lines[close + 1:])
    body_line = close + 2
    try:
        deep = _deep_flow(yaml_text)
        if deep is not None:
            report(deep[0] + 2, deep[1] + 1, "invalid-yaml", f"the front matter nests [ or {{ "
                   f"more than {_MAX_YAML_NESTING} levels deep — write the value more simply")
            return {}, {}, body, body_line
        alias = _first_alias(yaml_text)
        if alias is not None:
            report(alias.line + 2, alias.column + 1, "yaml-alias", "the front matter uses a "
                   "shortcut (*name) that repeats another value, which the garden does not allow "
                   "(it can make a small file grow without end) — write the value out in full")
            return {}, {}, body, body_line
        node, data = _compose(yaml_text)
    except yaml.MarkedYAMLError as exc:
        message, at_context = explain(exc.problem, exc.context)
        mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
        line = (mark.line + 2) if mark else 1
        col = (mark.column + 1) if mark else 1
        report(line, col, "invalid-yaml", message)
        return {}, {}, body, body_line
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        date = bad_date(yaml_text, str(exc))
        if date:
            report(date[0] + 2, date[1], "invalid-yaml", date[2])
        else:
            report(2, 1, "invalid-yaml", "the front matter can't be read — put quotes around "
                   "dates, like date: \"2011-05-18\", and around values with special characters")
        return {}, {}, body, body_line
    if data is None:
        return {}, {}, body, body_line
    if not isinstance(data, dict):
        report(2, 1, "front-matter-not-mapping", "the front matter must be name: value lines, "
               f"like title: Your Square Mile, but here it is a {_kind(data)} — write each line "
               "as name: value")
        return {}, {}, body, body_line
    positions = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            positions[key_node.value] = (mark.line + 2, mark.column + 1, value_node)
    return data, positions, body, body_line


def _compose(yaml_text: str) -> tuple[yaml.Node | None, Any]:
    """The front matter's node tree (for positions) and its data, read with libyaml when PyYAML
    has it: ten times faster than pure Python, the same values and marks for valid YAML. Only
    its error messages differ, so on any error the pure-Python parser reads the text again and
    reports it, and messages are the same whichever PyYAML is installed."""
    if _FAST_LOADER is not None and not _DIVERGENT_RE.search(yaml_text):
        try:
            return _compose_with(_FAST_LOADER, yaml_text)
        except (yaml.YAMLError, ValueError, TypeError, RecursionError):
            pass
    return _compose_with(yaml.SafeLoader, yaml_text)


def _compose_with(loader_class: type, yaml_text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()
    return node, data
def _deep_flow(yaml_text: str) -> tuple[int, int] | None:
    """(line, column), from 0, where `[`/`{` nesting outside quotes passes the limit: PyYAML
    slows down quadratically on deep flow collections, and then recurses out of stack."""
    if yaml_text.count("[") + yaml_text.count("{") <= _MAX_YAML_NESTING:
        return None  # too few openers to nest that deep: skip the scan, character by character
    depth, quote = 0, ""
    for line_no, line in enumerate(yaml_text.split("\n")):
        for col, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char in "[{":
                depth += 1
                if depth > _MAX_YAML_NESTING:
                    return line_no, col
            elif char in "]}":
                depth = max(depth - 1, 0)
        quote = "" if quote == "'" else quote
    return None


def _first_alias(yaml_text: str) -> yaml.Mark | None:
    """Where the first `*alias` is: refused before composing, against alias bombs."""
    if "*" not in yaml_text:  # every alias starts with one: skip the slow scan
        return None
    for token in yaml.scan(yaml_text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.AliasToken):
            return token.start_mark
    return None


def _yes_no_word(value: Any, node: Any) -> str | None:
    """The word as written when YAML 1.1 read it as a boolean (`No`, `yes`, `on`): people
    mean the word, so the message shows it quoted."""
    if isinstance(value, bool) and isinstance(node, yaml.ScalarNode) and node.value:
        return node.value
    return None


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, bool):
        return "yes/no value"
    if isinstance(value, (int, float)):
        return "number"
    if value is None:
        return "empty value"
    return "piece of text"


def _scalar_text(value: Any) -> str | None:
    """Text from a YAML scalar a person would call text (numbers and dates included)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return None


def _coerce(meta: dict, positions: dict, report) -> dict[str, Any]:
    """Validate and convert known keys; collect the rest as `extra`."""
    out: dict[str, Any] = {"extra": {}}

    def where(key: str) -> tuple[int, int]:
        line, col, _ = positions.get(key, (2, 1, None))
        return line, col

    def value_where(key: str) -> tuple[int, int]:
        """Where the value starts (a wrong value is pointed at, not its key)."""
        _, _, node = positions.get(key, (2, 1, None))
        if node is None:
            return where(key)
        return node.start_mark.line + 2, node.start_mark.column + 1

    def item_where(key: str, index: int) -> tuple[int, int]:
        _, _, node = positions.get(key, (2, 1, None))
        if isinstance(node, yaml.SequenceNode) and index < len(node.value):
            mark = node.value[index].start_mark
            return mark.line + 2, mark.column + 1
        return where(key)

    for key, value in meta.items():
        key_text = str(key)
        line, col = where(key_text)
        if key_text not in KNOWN_KEYS:
            guess = difflib.get_close_matches(key_text.lower(), KNOWN_KEYS, n=1, cutoff=0.7)
            if guess:
                report(line, col, "unknown-key", f"'{key_text}' is not a front-matter key the "
                       f"garden knows — did you mean '{guess[0]}'?", error=False)
            out["extra"][key_text] = value
            continue
        if value is None:
            continue
        line, col = value_where(key_text)
        if key_text in ("title", "description"):
            text = _scalar_text(value)
            word = _yes_no_word(value, positions.get(key_text, (0, 0, None))[2])
            if word is not None:
                report(line, col, "wrong-type", f"'{key_text}' must be a piece of text, but "
                       f"{word} on its own is read as yes or no — put it in quotes: "
                       f"{key_text}: \"{word}\"")
            elif text is None:
                report(line, col, "wrong-type", f"'{key_text}' must be a piece of text, not a "
                       f"{_kind(value)} — write it in quotes on the same line, like "
                       f"{key_text}: \"{_EXAMPLES[key_text]}\"")
            elif text:
                out[key_text] = text
        elif key_text == "aliases":
            out[key_text] = _string_list(key_text, value, line, col, item_where, report,
                                   positions.get(key_text, (0, 0, None))[2])
        elif key_text == "tags":
            names = _string_list(key_text, value, line, col, item_where, report,
                                 positions.get(key_text, (0, 0, None))[2])
            out[key_text] = tuple(dict.fromkeys(n for n in map(tag_name, names) if n))
        elif key_text == "type":
            out["type"] = _choice("type", value, NOTE_TYPES, "note type", line, col, report)
        elif key_text == "status":
            out["status"] = _choice("status", value, STATUSES, "growth stage", line, col, report)
        elif key_text == "draft":
            if isinstance(value, bool):
                out["draft"] = value
            else:
                report(line, col, "wrong-type", "'draft' must be true or false — write "
                       "draft: true to keep the note out of the site, or draft: false")
        elif key_text == "sources":
            out["sources"] = _sources(value, line, col, item_where, report)
    for key in ("type", "status"):
        if out.get(key) is None:
            out.pop(key, None)
    if out["extra"].get("publish") is False:  # Obsidian Publish's way of keeping a note out
        out["draft"] = True
    return out


def _string_list(key, value, line, col, item_where, report, node) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    result: list[str] = []
    for index, item in enumerate(items):
        text = _scalar_text(item)
        item_node = node.value[index] if (isinstance(node, yaml.SequenceNode)
                                          and index < len(node.value)) else node
        word = _yes_no_word(item, item_node)
        if word is not None:
            item_line, item_col = item_where(key, index) if isinstance(value, list) else (line, col)
            report(item_line, item_col, "wrong-type", f"each of the {key} must be a word or a "
                   f"few words, but {word} on its own is read as yes or no — put it in quotes: "
                   f"\"{word}\"")
        elif text is None:
            item_line, item_col = item_where(key, index) if isinstance(value, list) else (line, col)
            report(item_line, item_col, "wrong-type", f"each of the {key} must be a word or a "
                   f"few words, not a {_kind(item)} — write them in square brackets, like "
                   f"{key}: [{_EXAMPLES[key]}]")
        elif text and text not in result:
            result.append(text)
    return tuple(result)


def _choice(key, value, allowed, what, line, col, report) -> str | None:
    text = _scalar_text(value)
    if text is not None and text.lower() in allowed:
        return text.lower()
    guess = difflib.get_close_matches((text or "").lower(), allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    shown = f"'{text}'" if text is not None else f"a {_kind(value)}"
    report(line, col, f"unknown-{key}", f"{shown} is not a {what} — {hint}use one of: "
           f"{', '.join(allowed)}")
    return None


def _sources(value, line, col, item_where, report) -> tuple[Source, ...]:
    example = ("write each source as a line - title: \"The page's title\", then url: https://… "
               "and date: \"2011-05-18\" on lines of their own, two spaces further in")
    if not isinstance(value, list):
        report(line, col, "wrong-type", f"'sources' must be a list, one entry per source — "
               f"{example}")
        return ()
    result = []
    for index, item in enumerate(value):
        item_line, item_col = item_where("sources", index)
        if not isinstance(item, dict):
            report(item_line, item_col, "bad-source", "each source needs a title and a url — "
                   f"{example}")
            continue
        title = _scalar_text(item.get("title"))
        url = _scalar_text(item.get("url"))
        date = _scalar_text(item.get("date")) if item.get("date") is not None else None
        unknown = sorted(str(k) for k in item if str(k) not in _SOURCE_KEYS)
        if not title or not url:
            missing = " and ".join(k for k, v in (("title", title), ("url", url)) if not v)
            report(item_line, item_col, "bad-source", f"this source has no {missing} — every "
                   f"source needs both: {example}")
            continue
        if not url.lower().startswith(_URL_SCHEMES):
            report(item_line, item_col, "bad-source-url", f"the source url '{url}' must start "
                   "with https:// or http:// — copy the whole address from your browser's "
                   "address bar")
            continue
        if unknown:
            report(item_line, item_col, "unknown-key", f"a source has {', '.join(unknown)}, "
                   "which the garden does not use — a source has title, url and date",
                   error=False)
        result.append(Source(title=title, url=url, date=date))
    return tuple(result)
