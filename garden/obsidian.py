"""Obsidian-flavoured Markdown that is not about links: inline `#tags`, `%%comments%%` and
callouts (`> [!tip]- Title`), turned into what the site generator already understands.

`==highlights==` are left to pymdownx.mark (the adapter enables it). Dataview queries, Canvas
and Bases are out of scope: their code blocks stay code. Pure: strings in, strings out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from garden.markup import (
    MD_LINK_RE,
    WIKILINK_RE,
    Masks,
    line_starts,
    masks,
    merge_spans,
    without_comments,
)

INLINE_TAG_RE = re.compile(r"#(?<!\S#)(?P<tag>[\w/-]*[^\W\d_][\w/-]*)")
"""`#tag` after a space or at the start of a line; group `tag` holds letters,
digits, `_`, `-` and `/` with at least one letter (`#123` and `#` alone are not tags). The
`#` comes first and the look back after it, so the regex engine can skip from `#` to `#`."""
_HEADING_LINE_RE = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
"""An ATX heading line, matched at a line's start (`re.match(body, offset)`)."""

_CALLOUT_RE = re.compile(
    r"^(?P<indent>[ \t]*)>[ \t]?"  # a quote line, perhaps indented (inside a list)
    r"\[!(?P<type>[^\]\s]+)\]"  # [!type]
    r"(?P<fold>[+-]?)"  # `-` folded, `+` foldable and open
    r"(?:[^\S\n]+(?P<title>.*?))?\s*$"  # an optional title (after any space, NBSP too)
)
"""The first line of a callout."""
_QUOTE_RE = re.compile(r"^(?P<indent>[ \t]*)>[ \t]?(?P<rest>.*)$")

ADMONITION_TYPES = {
    name: name for name in (
        "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
        "success", "check", "done", "question", "help", "faq", "warning", "caution",
        "attention", "failure", "fail", "missing", "danger", "error", "bug", "example", "quote",
        "cite",
    )
}
"""Obsidian's callout types (with their aliases) and mkdocs-material's admonition types: the
same names. Any other type (Obsidian allows custom ones) shows as a note."""
_CLASS_RE = re.compile(r"[^a-z0-9-]+")


@dataclass(frozen=True, slots=True)
class InlineTag:
    """A `#tag` in a note's text."""

    name: str
    start: int
    end: int


def inline_tags(body: str, code: Masks | None = None) -> tuple[InlineTag, ...]:
    """Every inline `#tag` outside code, comments, headings, links and URLs, in order."""
    candidates = list(INLINE_TAG_RE.finditer(body))
    if not candidates:
        return ()
    code = code or masks(body)
    offsets = line_starts(body)
    taken = [(m.start(), m.end()) for m in WIKILINK_RE.finditer(body)]
    taken += [(m.start(), m.end()) for m in MD_LINK_RE.finditer(body)]
    links = Masks(merge_spans(taken))
    heading_lines = {i for i, off in enumerate(offsets)
                     if _HEADING_LINE_RE.match(body, off) and not code.covers(off)}
    found = []
    line = 0
    for m in candidates:
        while line + 1 < len(offsets) and offsets[line + 1] <= m.start():
            line += 1
        if code.covers(m.start()) or links.covers(m.start()) or line in heading_lines:
            continue
        found.append(InlineTag(m["tag"], m.start(), m.end()))
    return tuple(found)


def tag_name(text: str) -> str:
    """A front-matter tag as Obsidian reads it: a leading `#` is not part of the name."""
    return text.lstrip("#").strip()


def strip_comments(text: str) -> str:
    """`%%comments%%` (inline or over many lines) removed; `%%` inside code is kept."""
    return without_comments(text) if "%%" in text else text


def callouts_to_admonitions(text: str) -> str:
    """`> [!type]± Title` quotes as admonitions (`!!!`, or `???`/`???+` when foldable), nested
    callouts included, so mkdocs-material styles them and pymdownx.details folds them."""
    if "[!" not in text:
        return text
    return "\n".join(_convert(text.split("\n")))


def _convert(lines: list[str]) -> list[str]:
    code = masks("\n".join(lines))
    offsets = line_starts("\n".join(lines))
    out: list[str] = []
    i = 0
    while i < len(lines):
        head = _CALLOUT_RE.match(lines[i])
        if head is None or code.covers(offsets[i]):
            out.append(lines[i])
            i += 1
            continue
        indent = head["indent"]
        inner: list[str] = []
        i += 1
        while i < len(lines):
            quote = _QUOTE_RE.match(lines[i])
            if quote is None or quote["indent"] != indent:
                break
            inner.append(quote["rest"])
            i += 1
        if out and out[-1].strip():
            out.append("")
        out.append(indent + _admonition_line(head["type"], head["fold"], head["title"]))
        out.extend(f"{indent}    {line}" if line.strip() else "" for line in _convert(inner))
        out.append("")
    return out


def _admonition_line(kind: str, fold: str, title: str | None) -> str:
    name = kind.lower()
    marker = {"-": "???", "+": "???+"}.get(fold, "!!!")
    known = ADMONITION_TYPES.get(name)
    classes = known or f"note {_CLASS_RE.sub('-', name).strip('-') or 'custom'}"
    if not title and not known:  # the type's name as text, whatever it holds
        title = html.escape(kind[:1].upper() + kind[1:]).replace("\\", "\\\\")
    if not title:
        return f"{marker} {classes}"
    return f'{marker} {classes} "{title}"'


def tag_edits(tags: tuple[InlineTag, ...]) -> list[tuple[int, int, str]]:
    """Inline `#tags` as marked-up text (never a heading, even at the start of a line)."""
    return [(tag.start, tag.end, f'<span class="garden-tag">#{html.escape(tag.name)}</span>')
            for tag in tags]


def transform_page(markdown: str) -> str:
    """The page-level Obsidian transforms, after links are rendered: comments, then callouts."""
    return callouts_to_admonitions(strip_comments(markdown))
