"""The small amount of Markdown structure the engine must see: where code and comments are
(nothing in them is a link), headings, paragraphs and sentences.

Every other module asks this one, so the checker and the renderer can never disagree about
what is a link. Patterns are module constants, documented group by group.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

WIKILINK_RE = re.compile(
    r"(?P<embed>!)?"  # `!` makes it an embed (transclusion)
    r"\[\["
    r"(?P<inner>[^\[\]\n]+?)"  # target[#anchor][|label], on one line, no brackets inside
    r"\]\]"
)
"""A `[[wikilink]]` or `![[embed]]`; `inner` is split by `split_wikilink`. For short strings;
a whole note is scanned with `wikilinks`, which finds the same links much faster."""
_WIKILINK_SCAN_RE = re.compile(r"\[\[(?P<inner>[^\[\]\n]+?)\]\]")
"""`WIKILINK_RE` without its optional `!`: a pattern that starts with a literal lets the regex
engine jump from one `[[` to the next instead of trying every position (20× faster)."""

MD_LINK_RE = re.compile(
    r"\[(?<![!\\\]]\[)"  # `[`, not after `!` (an image), `\` or `]` (a reference link's tail)
    r"(?P<label>[^\[\]\n]*)\]"  # [label]
    r"\(\s*(?P<dest><[^<>\n]*>|[^()\s]+)"  # (destination, bare or in <angle brackets>
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"  # optional "title")
)
"""An inline Markdown link `[label](destination "title")`."""

MD_IMAGE_RE = re.compile(
    r"!(?<!\\!)"  # an image, not an escaped `!`
    r"\[(?P<label>[^\[\]\n]*)\]"  # [alt text]
    r"\(\s*(?P<dest><[^<>\n]*>|[^()\s]+)"  # (destination, bare or in <angle brackets>
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"  # optional "title")
)
"""An inline Markdown image `![alt](destination "title")`.

Both patterns start with a literal and look behind it, rather than the other way round: the
same matches, but the regex engine can then skip to each `[` or `!` (10× faster on a note)."""

_FENCE_OPEN_RE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_INDENTED_RE = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM_RE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_ATX_RE = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(?P<bar>=+|-+)[ \t]*$")
_ATTR_LIST_RE = re.compile(r"[ \t]*\{:?[ \t]*(?P<attrs>[^}]*)\}[ \t]*$")
_ATTR_ID_RE = re.compile(r"#(?P<id>[\w\-:.]+)")
_COMMENT_CLOSE = "-->"
_BACKTICKS_RE = re.compile(r"`+")
_INLINE_OPEN_RE = re.compile(r"[<%`](?:(?<=<)!--|(?<=%)%|(?<=`)`*)")
"""What opens a comment (HTML `<!--` or Obsidian `%%`) or a code span (a run of backticks); the
first one in the text wins. Written as one character class first, so the regex engine skips
to the next `<`, `%` or backtick instead of trying three alternatives at every position."""
_BLOCK_HINTS = ("```", "~~~", "\n    ", "\n\t")
"""Substrings without which no line opens a code block (unless the text starts with one)."""
_HEADING_CANDIDATE_RE = re.compile(r" {0,3}[#=-]")
"""A line that could be an ATX heading or a setext underline."""
_HEADING_CANDIDATE_AFTER_NEWLINE_RE = re.compile(r"\n {0,3}[#=-]")
_OBSIDIAN_COMMENT = "%%"
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*\s+")

_INLINE_CODE_RE = re.compile(r"(`+)(.+?)\1", re.S)
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_TAG_RE = re.compile(r"</?[A-Za-z][^>\n]*>")  # a tag starts with a name: `1 < 2 > 0` is text
_EMPHASIS_RE = re.compile(
    r"(?P<mark>\*{1,3}|~~|==)(?P<text>\S(?:.*?\S)?)(?P=mark)"  # *em*, **strong**, ~~del~~, ==mark==
    r"|(?<!\w)(?P<under>_{1,3})(?P<utext>\S(?:.*?\S)?)(?P=under)(?!\w)",  # _em_ only at word edges
    re.S,
)
"""Paired emphasis only: a lone `*` or `_` (`snake_case_`, `2 * 3`) stays text, as in
Python-Markdown."""
_EMPHASIS_MARKS = ("*", "~~", "==", "_")
"""Without one of these, `_EMPHASIS_RE` cannot match."""
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~=<>])")
_ONE = 1
_STASHED = 0xE000
"""Escaped characters wait in the private-use area while emphasis and tags are removed."""
_STASHED_RE = re.compile("[\uE000-\uE07F]")
_PLAIN_MARKUP_RE = re.compile("[%\\[`\\\\<*~=_&\uE000-\uE07F]")
"""A character some pass of `plain_text` acts on: comments, links and images, code, escapes,
tags, emphasis, stashed characters, HTML entities."""
_CONTEXT_WINDOW = 300
BLOCK_MARKER_RE = re.compile(
    r"(?<=\S)(?P<marker>(?:[ \t]+|(?<=\]\]))\^(?P<id>[A-Za-z0-9-]+))[ \t]*$")
"""` ^id` at the end of a line with text before it (right after an embed's `]]`, the space may
be left out): group `marker` is what the page hides."""
BLOCK_OWN_LINE_RE = re.compile(r"^[ \t]*(?P<marker>\^(?P<id>[A-Za-z0-9-]+))[ \t]*$")
"""A line holding only `^id`: it names the block just above."""
_CALLOUT_HEAD_RE = re.compile(r"^(?:>\s*)*\[![^\]\s]+\][+-]?\s*")
"""An Obsidian callout's `[!type]-` (not part of what a reader sees)."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of a note body, as the table of contents will see it."""

    level: int
    text: str
    """Plain text, as slugified for the anchor."""
    line: int
    """0-based line within the body."""
    custom_id: str | None = None
    """An explicit `{#id}` (attr_list), which replaces the slug."""


class Masks:
    """Character ranges of a text that are code or HTML comments: never links, never headings."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [s for s, _ in spans]
        self._spans = spans

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._spans[i][1]

    @property
    def spans(self) -> list[tuple[int, int]]:
        return list(self._spans)


def _line_offsets(text: str) -> list[int]:
    # Every step in C: the length of each line but the last, plus one for its newline.
    return list(itertools.accumulate(map(_ONE.__add__, map(len, text.split("\n")[:-1])),
                                     initial=0))


def block_code_spans(text: str) -> list[tuple[int, int]]:
    """Fenced and indented code blocks, as (start, end) offsets."""
    if not text.startswith(("    ", "\t")) and not any(h in text for h in _BLOCK_HINTS):
        return []  # most notes: no line can open a block, so skip the line-by-line walk
    return _block_code_spans_by_line(text)


def _block_code_spans_by_line(text: str) -> list[tuple[int, int]]:
    lines = text.split("\n")
    offsets = _line_offsets(text)
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    fence_start = 0
    prev_blank = True
    in_list = False
    in_indented = False
    for i, line in enumerate(lines):
        start = offsets[i]
        end = start + len(line)
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                spans.append((fence_start, end))
                fence = None
            continue
        blank = not line.strip()
        opened = _FENCE_OPEN_RE.match(line)
        if opened and not (opened["fence"][0] == "`" and "`" in opened["info"]):
            fence = opened["fence"]
            fence_start = start
            in_indented = False
        elif not blank and _INDENTED_RE.match(line) and (
            in_indented or (prev_blank and not in_list)
        ):
            if in_indented:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
            in_indented = True
        elif not blank:
            in_indented = False
            if _LIST_ITEM_RE.match(line):
                in_list = True
            elif prev_blank and not _INDENTED_RE.match(line):
                in_list = False
        # A heading is one line and never continues: an indented line after it is code.
        prev_blank = blank or bool(_ATX_RE.match(line))
    if fence is not None:
        spans.append((fence_start, len(text)))
    return spans


def masks(text: str) -> Masks:
    """Everything in `text` that is code (block or inline), an HTML comment or an Obsidian
    `%%comment%%`.

    Outside code blocks, comments and code spans are found in one left-to-right scan, so
    whichever opens first wins: `` `<!--` `` is code, and a backtick inside a comment is not.
    """
    spans, _ = _scan(text)
    return Masks(merge_spans(spans))


def obsidian_comments(text: str) -> list[tuple[int, int]]:
    """The `%%comments%%` of `text` outside code (an unclosed one runs to the end), which a
    page hides."""
    return _scan(text)[1]


def _scan(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(every masked span, the Obsidian comments among them)."""
    blocks = Masks(block_code_spans(text))
    spans = blocks.spans
    runs: dict[str, list[int]] | None = None  # found at the first code span, if there is one
    blank_lines: list[int] = []
    comments: list[tuple[int, int]] = []
    if "`" not in text and "<!--" not in text and "%%" not in text:
        return spans, comments  # nothing can open a code span or a comment
    pos = 0
    while True:
        opening = _INLINE_OPEN_RE.search(text, pos)
        if not opening:
            return spans, comments
        start = opening.start()
        opener = opening.group()
        if blocks.covers(start):
            pos = start + 1
        elif opener[0] != "`":
            closer = _COMMENT_CLOSE if opener == "<!--" else _OBSIDIAN_COMMENT
            close = text.find(closer, opening.end())
            end = len(text) if close < 0 else close + len(closer)
            spans.append((start, end))
            if opener == _OBSIDIAN_COMMENT:
                comments.append((start, end))
            pos = end
        elif start > 0 and text[start - 1] == "\\":
            pos = opening.end()
        else:
            if runs is None:
                runs, blank_lines = _backtick_runs(text)
            closing = _closing_backticks(text, opening, runs, blank_lines)
            if closing is not None:
                spans.append((start, closing))
            pos = closing or opening.end()


def _backtick_runs(text: str) -> tuple[dict[str, list[int]], list[int]]:
    """Where each run of backticks starts (by run), and where the blank lines are."""
    runs: dict[str, list[int]] = {}
    for run in _BACKTICKS_RE.finditer(text):
        runs.setdefault(run.group(), []).append(run.start())
    return runs, [m.start() for m in _BLANK_LINE_RE.finditer(text)]


def _closing_backticks(text: str, opening: re.Match[str], runs: dict[str, list[int]],
                       blank_lines: list[int]) -> int | None:
    """The end of the run of backticks that closes a code span, within the paragraph.
    `runs` (start offsets by run) and `blank_lines` are found once per text, so a note with
    many unmatched backticks is not scanned again for each of them."""
    ticks = opening.group()
    after = opening.end()
    next_blank = bisect.bisect_left(blank_lines, after)
    limit = blank_lines[next_blank] if next_blank < len(blank_lines) else len(text)
    starts = runs.get(ticks, [])
    candidate = bisect.bisect_left(starts, after)
    if candidate < len(starts) and starts[candidate] + len(ticks) <= limit:
        return starts[candidate] + len(ticks)
    return None


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (start, end) spans joined, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def headings(text: str, code: Masks | None = None) -> list[Heading]:
    """ATX and setext headings outside code, with the plain text the toc will slugify."""
    code = code or masks(text)
    lines = text.split("\n")
    offsets = _line_offsets(text)
    found: list[Heading] = []
    # Only lines starting (after up to 3 spaces) with `#`, `=` or `-` can be a heading or the
    # underline of one: visit those alone, in order, instead of every line.
    candidates = [bisect.bisect_right(offsets, m.end() - 1) - 1
                  for m in _heading_candidates(text)]
    for i in candidates:
        line = lines[i]
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


def _heading_candidates(text: str) -> Iterator[re.Match[str]]:
    """Matches ending on the first `#`, `=` or `-` of each line that could be a heading or an
    underline. After a newline the regex engine can jump from newline to newline."""
    first = _HEADING_CANDIDATE_RE.match(text)
    if first is not None:
        yield first
    yield from _HEADING_CANDIDATE_AFTER_NEWLINE_RE.finditer(text)


def _is_paragraph_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not (
        _ATX_RE.match(line) or _LIST_ITEM_RE.match(line) or stripped.startswith((">", "<", "|"))
    )


def _heading(level: int, raw: str, line: int) -> Heading:
    custom_id = None
    attrs = _ATTR_LIST_RE.search(raw)
    if attrs:
        id_match = _ATTR_ID_RE.search(attrs["attrs"])
        custom_id = id_match["id"] if id_match else None
        raw = raw[: attrs.start()]
    return Heading(level=level, text=plain_text(raw), line=line, custom_id=custom_id)


def wikilinks(text: str) -> Iterator[tuple[int, int, bool, str]]:
    """(start, end, is an embed, inner) of each match of `WIKILINK_RE` in `text`, in order: the
    same matches as `WIKILINK_RE.finditer`, found by `[[` alone (an embed's `!` is the character
    before it, and can never be the end of the link before)."""
    for m in _WIKILINK_SCAN_RE.finditer(text):
        start = m.start()
        if start and text[start - 1] == "!":
            yield start - 1, m.end(), True, m.group(1)
        else:
            yield start, m.end(), False, m.group(1)


def split_wikilink(inner: str) -> tuple[str, str | None, str | None]:
    """`Target#Anchor|Label` → (target, anchor, label). `\\|` (inside tables) also separates."""
    inner = inner.replace("\\|", "|")
    target, _, label = inner.partition("|")
    name, hash_, anchor = target.partition("#")
    return name.strip(), (anchor.strip() if hash_ else None), (label.strip() if label else None)


def wikilink_text(inner: str) -> str:
    """What a reader sees for a wikilink: the label, else the target (`Note › Heading`)."""
    target, anchor, label = split_wikilink(inner)
    if label:
        return label
    if anchor and target:
        return f"{target} › {anchor}"
    return anchor or target


def plain_text(markdown: str) -> str:
    """Inline Markdown reduced to the text a reader sees (for anchors, descriptions, contexts)."""
    if _PLAIN_MARKUP_RE.search(markdown) is None:
        return " ".join(markdown.split())  # no pass below could change it (most headings)
    # Each pass is skipped when the characters it looks for are absent (a substring test is far
    # cheaper than a regex that cannot match), and text that only has spaces is left as it is.
    text = without_comments(markdown) if "%%" in markdown else markdown
    if "[[" in text:
        text = _replace_wikilinks(text)
    text = _IMAGE_RE.sub(r"\1", text)
    text = MD_LINK_RE.sub(lambda m: m["label"], text)
    if "`" in text:
        text = _INLINE_CODE_RE.sub(lambda m: m.group(2).strip(), text)
    if "\\" in text:
        text = _ESCAPE_RE.sub(lambda m: chr(_STASHED + ord(m[1])), text)
    text = _TAG_RE.sub("", text)
    while any(mark in text for mark in _EMPHASIS_MARKS):
        stripped = _EMPHASIS_RE.sub(lambda m: m["text"] or m["utext"], text)
        if stripped == text:
            break
        text = stripped
    text = _STASHED_RE.sub(lambda m: chr(ord(m.group()) - _STASHED), text)
    # Runs of whitespace as one space, ends stripped: `str.split` and `\s` agree on what is
    # whitespace, and splitting is one C pass where a regex substitution calls back per run.
    return " ".join(html.unescape(text).split())


def _replace_wikilinks(text: str) -> str:
    """`WIKILINK_RE.sub` as plain text wants it (a link's text; nothing for an embed), from the
    faster `wikilinks` scan."""
    pieces, pos = [], 0
    for start, end, embed, inner in wikilinks(text):
        pieces.append(text[pos:start])
        if not embed:
            pieces.append(wikilink_text(inner))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def without_comments(text: str) -> str:
    """`text` without its `%%comments%%` (no reader sees them); `%%` in code stays."""
    pieces, pos = [], 0
    for start, end in obsidian_comments(text):
        pieces.append(text[pos:start])
        pos = end
    return "".join(pieces) + text[pos:]


def first_paragraph(text: str, code: Masks | None = None,
                    found: Sequence[Heading] | None = None) -> str:
    """The first paragraph of prose: not a heading (ATX or setext), code, list, table, quote
    or HTML. `found` are the text's headings, when the caller has them already."""
    code = code or masks(text)
    heading_lines = {h.line for h in (headings(text, code) if found is None else found)}
    paragraph: list[str] = []
    offset = 0  # where line i starts: counted as the loop goes, which stops early
    for i, line in enumerate(text.split("\n")):
        line_start, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        usable = (
            stripped
            and not code.covers(line_start + len(line) - len(line.lstrip()))
            and i not in heading_lines
            and not _LIST_ITEM_RE.match(line)
            and not stripped.startswith(("<", "|", ">", "![", "---", "***", "==="))
        )
        if usable and not BLOCK_OWN_LINE_RE.match(stripped):
            # Every block marker has a `^`; the marker's pattern is slow to try on a long line.
            paragraph.append(BLOCK_MARKER_RE.sub("", stripped) if "^" in stripped else stripped)
        elif paragraph:
            break
    return plain_text(" ".join(paragraph))


def shorten(text: str, limit: int = 160) -> str:
    """Cut at a word boundary, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def sentence_around(text: str, start: int, end: int, limit: int = 240) -> str:
    """The plain-text sentence of `text` in which the span [start, end) stands.

    Link contexts for "What links here": the paragraph (or the list item or table row) is cut
    into sentences, looking through `[[...]]` so a dot inside a link does not end a sentence.
    """
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if _LIST_ITEM_RE.match(line) or line.lstrip().startswith(("|", "#")):
        para_start, para_end = line_start, line_end
    # Only the text near the link can be in a context of `limit` characters; looking no
    # further keeps a paragraph of thousands of links linear, not quadratic.
    para_start = max(para_start, text.rfind(" ", 0, max(start - _CONTEXT_WINDOW, 0)) + 1)
    para_end = min(para_end, max(text.find(" ", end + _CONTEXT_WINDOW), end + _CONTEXT_WINDOW))
    paragraph = text[para_start:para_end]
    masked = _links_masked(paragraph)
    rel_start = start - para_start
    sentence_start = 0
    sentence_end = len(paragraph)
    for boundary in _SENTENCE_END_RE.finditer(masked):
        if boundary.end() <= rel_start:
            sentence_start = boundary.end()
        elif boundary.start() >= rel_start:
            sentence_end = boundary.start() + 1
            break
    sentence = paragraph[sentence_start:sentence_end]
    sentence = re.sub(r"^\s*(?:[-*+]|\d+[.)]|#+|>)\s+", "", sentence)
    sentence = _CALLOUT_HEAD_RE.sub("", sentence)
    # Table cells: drop the bars between cells, but not the `|` inside [[target|label]].
    sentence = WIKILINK_RE.sub(lambda m: m.group().replace("|", "\x00"), sentence)
    sentence = sentence.replace("|", " ").replace("\x00", "|")
    return shorten(plain_text(sentence), limit)


@functools.lru_cache(maxsize=32)
def _links_masked(paragraph: str) -> str:
    """The paragraph with its links blanked out (same length), so a dot inside a link ends no
    sentence. Cached: a paragraph with several links is asked for once per link."""
    masked = WIKILINK_RE.sub(lambda m: "x" * len(m.group()), paragraph)
    return MD_LINK_RE.sub(lambda m: "x" * len(m.group()), masked)


def line_col(offsets: list[int], pos: int) -> tuple[int, int]:
    """0-based line and 1-based column of `pos`, given `line_starts(text)`."""
    line = bisect.bisect_right(offsets, pos) - 1
    return line, pos - offsets[line] + 1


def line_starts(text: str) -> list[int]:
    return _line_offsets(text)
