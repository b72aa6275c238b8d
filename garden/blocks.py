"""Obsidian block ids: a `^block-id` ending a paragraph or list item, or standing on its own line
after a quote, callout, list or table, names that block so `[[Note#^block-id]]` can link to it
and `![[Note#^block-id]]` can embed it.

Pure: finds where each block and its marker are; the renderer turns markers into anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from garden.markup import BLOCK_MARKER_RE, BLOCK_OWN_LINE_RE, Masks, line_starts, masks

_LIST_ITEM_RE = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]")


@dataclass(frozen=True, slots=True)
class Block:
    """A block of a note body that has an id."""

    id: str
    """As written, without the `^`."""
    start: int
    """Body offset where the block's text starts (the start of its first line)."""
    end: int
    """Body offset just after the block's text (embeds show [start, end))."""
    marker_start: int
    """Where the `^id` marker (with the spaces before it) starts; the page hides it."""
    marker_end: int
    own_line: bool
    """The marker stands on its own line, after the block it names."""

    @property
    def anchor(self) -> str:
        """The element id on the page, as Obsidian Publish writes it in URLs (`#^id`)."""
        return f"^{self.id}"


def find_blocks(body: str, code: Masks | None = None) -> tuple[Block, ...]:
    """Every block id outside code and comments, in order; the first of a repeated id wins."""
    if "^" not in body:
        return ()
    code = code or masks(body)
    offsets = line_starts(body)
    lines = body.split("\n")
    found: dict[str, Block] = {}
    for i, line in enumerate(lines):
        line_start = offsets[i]
        own = BLOCK_OWN_LINE_RE.match(line)
        inline = None if own else BLOCK_MARKER_RE.search(line)
        match = own or inline
        if match is None or code.covers(line_start + match.start("marker")):
            continue
        if own:
            span = _block_above(lines, offsets, i)
            if span is None:
                continue
            start, end = span
            marker_start, marker_end = line_start, line_start + len(line)
        else:
            start = line_start if _LIST_ITEM_RE.match(line) else _paragraph_start(lines, offsets, i)
            end = line_start + match.start("marker")
            marker_start, marker_end = end, line_start + len(line)
        block_id = match["id"]
        if block_id.casefold() not in found:
            found[block_id.casefold()] = Block(block_id, start, end, marker_start, marker_end,
                                               bool(own))
    return tuple(sorted(found.values(), key=lambda b: b.marker_start))


def _paragraph_start(lines: list[str], offsets: list[int], i: int) -> int:
    """The first line of the paragraph that line `i` ends."""
    while i > 0 and lines[i - 1].strip() and not lines[i - 1].lstrip().startswith("#"):
        if _LIST_ITEM_RE.match(lines[i]):
            break
        i -= 1
    return offsets[i]


def _block_above(lines: list[str], offsets: list[int], i: int) -> tuple[int, int] | None:
    """(start, end) of the block above line `i`, skipping blank lines; None at the top."""
    last = i - 1
    while last >= 0 and not lines[last].strip():
        last -= 1
    if last < 0:
        return None
    first = last
    while first > 0 and lines[first - 1].strip() and not lines[first - 1].lstrip().startswith("#"):
        first -= 1
    return offsets[first], offsets[last] + len(lines[last])


def block_edits(blocks: tuple[Block, ...], anchors: bool) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits that hide each `^id` marker and, when `anchors`, put an
    element with the block's id where the block starts (not inside an embed, where the id would
    clash with the host page's own)."""
    edits = []
    for block in blocks:
        if block.own_line:
            if anchors:
                edits.append((block.start, block.start,
                              f'\n<div class="garden-block" id="{block.anchor}"></div>\n\n'))
            edits.append((block.marker_start, block.marker_end, ""))
        else:
            anchor = f' <span class="garden-block" id="{block.anchor}"></span>' if anchors else ""
            edits.append((block.marker_start, block.marker_end, anchor))
    return edits
