"""The parsing algorithms as they were before they were made fast, kept as oracles:
`tests/test_parse_oracle.py` checks that the fast ones give exactly what these give.

Copied from `garden/markup.py`, `garden/limits.py`, `garden/links.py`, `garden/obsidian.py`,
`garden/note.py` and `garden/attachments.py` before the speed work (issue 6). Do not make these
faster: their worth is in being the plain, slow, already-trusted version.
"""

from __future__ import annotations

import bisect
import html
import itertools
import posixpath
import re

from garden.attachments import extension
from garden.limits import (
    _EMPHASIS_CHARS,
    _RULE_LINE_RE,
    MAX_EMPHASIS,
    MAX_NESTING,
    TooDeep,
    _deep_html,
    _deep_lines,
    _nests,
)
from garden.links import LinkKind, _escaped, _local_destination
from garden.markup import (
    _ATX_RE,
    _BACKTICKS_RE,
    _BLANK_LINE_RE,
    _EMPHASIS_RE,
    _ESCAPE_RE,
    _IMAGE_RE,
    _INLINE_CODE_RE,
    _SETEXT_RE,
    _STASHED,
    _STASHED_RE,
    _TAG_RE,
    WIKILINK_RE,
    Heading,
    Masks,
    _block_code_spans_by_line,
    _closing_backticks,
    _heading,
    _is_paragraph_line,
    merge_spans,
    sentence_around,
    split_wikilink,
    wikilink_text,
)

MD_LINK_RE = re.compile(
    r"(?<![!\\\]])"
    r"\[(?P<label>[^\[\]\n]*)\]"
    r"\(\s*(?P<dest><[^<>\n]*>|[^()\s]+)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
MD_IMAGE_RE = re.compile(
    r"(?<!\\)!"
    r"\[(?P<label>[^\[\]\n]*)\]"
    r"\(\s*(?P<dest><[^<>\n]*>|[^()\s]+)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
INLINE_TAG_RE = re.compile(r"(?<!\S)#(?P<tag>[\w/-]*[^\W\d_][\w/-]*)")
_INLINE_OPEN_RE = re.compile(r"(?P<comment><!--)|(?P<obsidian>%%)|`+")
_SPACES_RE = re.compile(r"\s+")
_LINK_START_RE = re.compile(r"\[\[|\]\(")


def line_offsets(text: str) -> list[int]:
    return list(itertools.accumulate((len(line) + 1 for line in text.split("\n")[:-1]),
                                     initial=0))


def scan(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    blocks = Masks(_block_code_spans_by_line(text))
    spans = blocks.spans
    runs: dict[str, list[int]] = {}
    for run in _BACKTICKS_RE.finditer(text):
        runs.setdefault(run.group(), []).append(run.start())
    blank_lines = [m.start() for m in _BLANK_LINE_RE.finditer(text)]
    comments: list[tuple[int, int]] = []
    pos = 0
    while True:
        opening = _INLINE_OPEN_RE.search(text, pos)
        if not opening:
            return spans, comments
        start = opening.start()
        if blocks.covers(start):
            pos = start + 1
        elif opening["comment"] or opening["obsidian"]:
            closer = "-->" if opening["comment"] else "%%"
            close = text.find(closer, opening.end())
            end = len(text) if close < 0 else close + len(closer)
            spans.append((start, end))
            if opening["obsidian"]:
                comments.append((start, end))
            pos = end
        elif start > 0 and text[start - 1] == "\\":
            pos = opening.end()
        else:
            closing = _closing_backticks(text, opening, runs, blank_lines)
            if closing is not None:
                spans.append((start, closing))
            pos = closing or opening.end()


def masks(text: str) -> Masks:
    return Masks(merge_spans(scan(text)[0]))


def headings(text: str, code: Masks) -> list[Heading]:
    lines = text.split("\n")
    offsets = line_offsets(text)
    found: list[Heading] = []
    for i, line in enumerate(lines):
        if code.covers(offsets[i]):
            continue
        atx = _ATX_RE.match(line)
        if atx:
            found.append(_heading(len(atx["hashes"]), atx["text"] or "", i))
            continue
        setext = _SETEXT_RE.match(line)
        underlines_text = i > 0 and _is_paragraph_line(lines[i - 1])
        if setext and underlines_text and not code.covers(offsets[i - 1]):
            if i > 1 and lines[i - 2].strip() and _is_paragraph_line(lines[i - 2]):
                continue
            level = 1 if setext["bar"][0] == "=" else 2
            found.append(_heading(level, lines[i - 1], i - 1))
    return found


def plain_text(markdown: str) -> str:
    text = _without_comments(markdown) if "%%" in markdown else markdown
    text = WIKILINK_RE.sub(lambda m: "" if m["embed"] else wikilink_text(m["inner"]), text)
    text = _IMAGE_RE.sub(r"\1", text)
    text = MD_LINK_RE.sub(lambda m: m["label"], text)
    text = _INLINE_CODE_RE.sub(lambda m: m.group(2).strip(), text)
    text = _ESCAPE_RE.sub(lambda m: chr(_STASHED + ord(m[1])), text)
    text = _TAG_RE.sub("", text)
    while True:
        stripped = _EMPHASIS_RE.sub(lambda m: m["text"] or m["utext"], text)
        if stripped == text:
            break
        text = stripped
    text = _STASHED_RE.sub(lambda m: chr(ord(m.group()) - _STASHED), text)
    return _SPACES_RE.sub(" ", html.unescape(text)).strip()


def _without_comments(text: str) -> str:
    pieces, pos = [], 0
    for start, end in scan(text)[1]:
        pieces.append(text[pos:start])
        pos = end
    return "".join(pieces) + text[pos:]


def too_deep(body: str) -> TooDeep | None:
    text = _blank_code(body)
    found = [f for f in (_deep_lines(text, body), _deep_html(text), _deep_paragraphs(text)) if f]
    return min(found, key=lambda f: f.offset) if found else None


def _blank_code(body: str) -> str:
    chars = list(body)
    for start, end in masks(body).spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _deep_paragraphs(text: str) -> TooDeep | None:
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
    for pos in range(start, end):
        char = text[pos]
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


def extract_links(body: str) -> list[tuple]:
    """Each link as (kind, raw, target, anchor, label, start, end, line, col, context, alone,
    dest), for a note `n` whose body starts on line 1."""
    code = masks(body)
    offsets = line_offsets(body)
    found: list[tuple] = []
    wiki_spans: list[tuple[int, int]] = []
    for m in WIKILINK_RE.finditer(body):
        start = m.start()
        bracket = start + (1 if m["embed"] else 0)
        if code.covers(start) or _escaped(body, bracket):
            continue
        if m["embed"] and _escaped(body, start):
            start, embed = start + 1, False
        else:
            embed = bool(m["embed"])
        target, anchor, label = split_wikilink(m["inner"])
        kind = LinkKind.EMBED if embed else LinkKind.WIKILINK
        found.append(_link(kind, body, start, m.end(), target, anchor, label, offsets))
        wiki_spans.append((m.start(), m.end()))
    inside_wiki = Masks(wiki_spans)
    for kind, pattern in ((LinkKind.MARKDOWN, MD_LINK_RE), (LinkKind.IMAGE, MD_IMAGE_RE)):
        for m in pattern.finditer(body):
            if code.covers(m.start()) or inside_wiki.covers(m.start()):
                continue
            path, anchor, dest = _local_destination(m["dest"], "n")
            if path is None or (
                    kind is LinkKind.IMAGE and extension(path) in ("", ".md")):
                continue
            found.append(_link(kind, body, m.start(), m.end(), path, anchor, m["label"],
                               offsets, dest))
    found.sort(key=lambda link: link[5])
    return found


def _link(kind, body, start, end, target, anchor, label, offsets, dest=None) -> tuple:
    line = bisect.bisect_right(offsets, start) - 1
    col = start - offsets[line] + 1
    line_start = offsets[line]
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    alone = not body[line_start:start].strip(" \t>") and not body[end:line_end].strip()
    return (kind, body[start:end], target, anchor, label, start, end, 1 + line, col,
            sentence_around(body, start, end), alone, dest)


def crowded_at(text: str, max_links: int) -> int | None:
    """Where `limits.crowded_note` refuses a note: the offset of the link past twice the limit."""
    for count, match in enumerate(_LINK_START_RE.finditer(text), 1):
        if count > 2 * max_links:
            return match.start()
    return None


def deep_flow(yaml_text: str, limit: int = 50) -> tuple[int, int] | None:
    depth, quote = 0, ""
    for line_no, line in enumerate(yaml_text.split("\n")):
        for col, char in enumerate(line):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char in "[{":
                depth += 1
                if depth > limit:
                    return line_no, col
            elif char in "]}":
                depth = max(depth - 1, 0)
        quote = "" if quote == "'" else quote
    return None


def file_extension(name: str) -> str:
    return posixpath.splitext(posixpath.basename(name))[1].lower()
