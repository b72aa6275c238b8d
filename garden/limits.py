"""Limits that keep one note from stalling or crashing a build: file size, links per note, and
how deeply its Markdown nests.

Python-Markdown recurses once per level of nested quotes, lists, `<div markdown>` blocks and
emphasis, and slows down quadratically on deeply nested brackets and indentation, so a pull
request with `>` ten thousand times could end a build in a RecursionError. These checks find
such text first (outside code, which Markdown does not parse) and report it like any other
problem. A note over a limit is still in the site, with a short notice instead of its body,
so it is never silently lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from garden.config import GardenConfig
from garden.diagnostics import Issue, Severity
from garden.markup import masks
from garden.note import Note
from garden.slugs import note_id, readable_name

MAX_NESTING = 50
"""Deepest nesting of quotes, list indentation, HTML elements or brackets a note may use."""
MAX_EMPHASIS = 400
"""Most emphasis marks (`*`, `_`, `~`, `=`, `^`) in one paragraph."""

_QUOTE_PREFIX_RE = re.compile(r"^[ \t]*(?:>[ \t]?)*")
_INDENT_RE = re.compile(r"^[ \t]*")
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
_RULE_LINE_RE = re.compile(r"^[ \t]*[-*_=~]+(?:[ \t]+[-*_=~]+)*[ \t]*$", re.M)
_LINK_START_RE = re.compile(r"\[\[|\]\(")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_EMPHASIS_CHARS = frozenset("*_~=^")
_LONG_INDENT_RE = re.compile(f"[ \\t]{{{MAX_NESTING + 1}}}")
_LONG_SPACES = " " * (MAX_NESTING + 1)
_NOT_NEWLINE_RE = re.compile(r"[^\n]")
_PARAGRAPH_MARK_RE = re.compile(r"[\[\]*_~=^]")
"""The characters `_deep_paragraph` counts: brackets and emphasis marks."""
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                        "meta", "source", "track", "wbr"})


@dataclass(frozen=True, slots=True)
class TooDeep:
    """Where a note's nesting first goes past a limit, and what is wrong there."""

    offset: int
    problem: str


def _nests(what: str, depth: int) -> str:
    return f"{what} nest {depth} levels deep here; the garden renders at most {MAX_NESTING}"


def oversized_note(rel_path: str, size: int, shown: str,
                   config: GardenConfig) -> tuple[Note, Issue]:
    """A stand-in for a note file too large to read: named in the site and in an error."""
    nid = note_id(rel_path)
    message = (f"this file is {size:,} bytes; a note may be at most {config.max_note_bytes:,} "
               "bytes — split it into several notes (or raise limits_note_bytes in the garden "
               "plugin's settings in mkdocs.yml)")
    note = Note(id=nid, path=rel_path, title=readable_name(nid), body=_notice(message))
    return note, Issue(shown, 1, 1, Severity.ERROR, "note-too-large", message)


def crowded_note(rel_path: str, text: str, shown: str,
                 config: GardenConfig) -> tuple[Note, Issue] | None:
    """A stand-in for a note with far more links than allowed, found before it is parsed
    (finding each link's sentence costs time per link). Counts `[[` and `](` anywhere, so
    only twice the limit is refused here; `apply_limits` counts exactly."""
    if text.count("[[") + text.count("](") <= 2 * config.max_links:
        return None  # the same count as below (the two never overlap), without a loop
    for count, match in enumerate(_LINK_START_RE.finditer(text), 1):
        if count > 2 * config.max_links:
            line, col = _line_col(text, match.start())
            message = (f"this note has more than {2 * config.max_links:,} links; a note may "
                       f"have at most {config.max_links:,} — split it into several notes (or "
                       "raise limits_links_per_note in the garden plugin's settings in "
                       "mkdocs.yml)")
            nid = note_id(rel_path)
            note = Note(id=nid, path=rel_path, title=readable_name(nid), body=_notice(message))
            return note, Issue(shown, line, col, Severity.ERROR, "too-many-links", message)
    return None


def apply_limits(note: Note, shown: str, config: GardenConfig) -> tuple[Note, list[Issue]]:
    """The note as the rest of the build may safely handle it, and the limits it broke."""
    issues = []
    deep = too_deep(note.body)
    if deep is not None:
        line, col = _line_col(note.body, deep.offset)
        message = f"{deep.problem} — flatten this part of the note"
        issues.append(Issue(shown, note.body_line + line - 1, col, Severity.ERROR, "too-deep",
                            message))
        return replace(note, body=_notice(message), headings=(), links=()), issues
    if len(note.links) > config.max_links:
        first = note.links[config.max_links]
        issues.append(Issue(
            shown, first.line, first.col, Severity.ERROR, "too-many-links",
            f"this note has {len(note.links):,} links; a note may have at most "
            f"{config.max_links:,} — split it into several notes (or raise "
            "limits_links_per_note in the garden plugin's settings in mkdocs.yml)"))
        note = replace(note, links=note.links[:config.max_links])
    return note, issues


def too_deep(body: str) -> TooDeep | None:
    """The first place where the body (outside code and comments) nests past a limit."""
    if not could_be_too_deep(body):
        return None
    text = _blank_code(body)
    found = [f for f in (_deep_lines(text, body), _deep_html(text), _deep_paragraphs(text)) if f]
    return min(found, key=lambda f: f.offset) if found else None


def could_be_too_deep(body: str) -> bool:
    """False when no limit can be reached, counted over the whole body in a few C-speed passes:
    past MAX_NESTING quotes, HTML elements or brackets needs more than MAX_NESTING `>`, `<` or
    `[` in all; past MAX_EMPHASIS marks in a paragraph, more than MAX_EMPHASIS in all; and
    indentation of more than MAX_NESTING levels (4 columns each, a tab at most 4) a run of more
    than MAX_NESTING spaces or tabs. Almost every note is ruled out here."""
    return (body.count(">") > MAX_NESTING or body.count("<") > MAX_NESTING
            or body.count("[") > MAX_NESTING
            or sum(map(body.count, _EMPHASIS_CHARS)) > MAX_EMPHASIS
            or _could_indent_deep(body))


def _could_indent_deep(body: str) -> bool:
    """A run of more than MAX_NESTING spaces or tabs: found by substring search when the body
    has no tab (almost always), by regex otherwise."""
    if "\t" in body:
        return _LONG_INDENT_RE.search(body) is not None
    return _LONG_SPACES in body


def _blank_code(body: str) -> str:
    """The body with code and comments blanked out (newlines kept, so offsets and lines hold)."""
    pieces, pos = [], 0
    for start, end in masks(body).spans:
        pieces.append(body[pos:start])
        pieces.append(_NOT_NEWLINE_RE.sub(" ", body[start:end]))
        pos = end
    pieces.append(body[pos:])
    return "".join(pieces)


def _deep_lines(text: str, raw: str) -> TooDeep | None:
    """Quotes outside code; indentation anywhere (an indented code block nested in lists is
    still parsed level by level by Markdown's list processor)."""
    offset = 0
    for line, raw_line in zip(text.split("\n"), raw.split("\n"), strict=True):
        prefix = _QUOTE_PREFIX_RE.match(line).group()
        quotes = prefix.count(">")
        if quotes > MAX_NESTING:
            return TooDeep(offset + _nth(prefix, ">", MAX_NESTING + 1),
                           _nests("quotes (>)", quotes))
        after_quotes = raw_line[len(prefix.rstrip(" \t")):]
        levels = max(len(_INDENT_RE.match(part).group().expandtabs(4)) // 4
                     for part in (raw_line, after_quotes))
        if raw_line.strip() and levels > MAX_NESTING:
            column = min(4 * MAX_NESTING, len(raw_line) - len(raw_line.lstrip()))
            return TooDeep(offset + column, _nests("indented lists or blocks", levels))
        offset += len(line) + 1
    return None


def _deep_html(text: str) -> TooDeep | None:
    depth = deepest = 0
    first = -1
    for match in _TAG_RE.finditer(text):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID_TAGS or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
        if depth > MAX_NESTING and first < 0:
            first = match.start()
    return TooDeep(first, _nests("HTML elements", deepest)) if first >= 0 else None


def _deep_paragraphs(text: str) -> TooDeep | None:
    """Brackets and emphasis marks, counted per paragraph (Markdown's inline scope)."""
    text = _RULE_LINE_RE.sub(lambda m: " " * len(m.group()), text)
    start = 0
    for gap in (*_BLANK_LINE_RE.finditer(text), None):
        end = gap.start() if gap else len(text)
        found = _deep_paragraph(text, start, end)
        if found:
            return found
        start = gap.end() if gap else end
    return None


def _deep_paragraph(text: str, start: int, end: int) -> TooDeep | None:
    depth = deepest = marks = 0
    first_deep = first_marks = -1
    for found in _PARAGRAPH_MARK_RE.finditer(text, start, end):
        pos = found.start()
        char = found.group()
        if pos > 0 and text[pos - 1] == "\\":
            continue
        if char == "[":
            depth += 1
            deepest = max(deepest, depth)
            if depth > MAX_NESTING and first_deep < 0:
                first_deep = pos
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char in _EMPHASIS_CHARS:
            marks += 1
            if marks > MAX_EMPHASIS and first_marks < 0:
                first_marks = pos
    if first_deep >= 0:
        return TooDeep(first_deep, _nests("brackets ([)", deepest))
    if first_marks >= 0:
        return TooDeep(first_marks, f"this paragraph has {marks} emphasis marks (* _ ~ = ^); "
                       f"the garden renders at most {MAX_EMPHASIS} in one paragraph")
    return None


def _nth(text: str, char: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.index(char, pos + 1)
    return pos


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _notice(message: str) -> str:
    escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<p class="garden-limit">This note is not shown: {escaped}.</p>\n'
