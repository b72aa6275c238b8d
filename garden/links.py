"""Links as written in a note: `[[wikilinks]]`, `![[embeds]]`, Markdown links to notes (with or
without `.md`) and to attachments, and Markdown images.

Extraction is pure and positional: every link knows its line and column, and the sentence it
stands in is cut from the body when a page asks for it. What a link points at is decided
later, by `garden.resolve`, once all notes are read.
"""

from __future__ import annotations

import enum
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from garden.attachments import extension
from garden.markup import (
    MD_IMAGE_RE,
    MD_LINK_RE,
    Masks,
    masks,
    sentence_around,
    split_wikilink,
    wikilinks,
)
from garden.slugs import NoteId

_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


class LinkKind(str, enum.Enum):
    WIKILINK = "wikilink"
    EMBED = "embed"
    MARKDOWN = "markdown"
    IMAGE = "image"
    """A Markdown image `![alt](picture.png)`."""


@dataclass(frozen=True, slots=True)
class Link:
    """One link in one note, with where it stands so messages can point at it."""

    source: NoteId
    kind: LinkKind
    target: str
    """The name or path linked to, '' for a link to a heading of the same note."""
    anchor: str | None
    """The heading after `#`, if any."""
    label: str | None
    """The text after `|` (wikilinks) or between `[]` (Markdown links)."""
    start: int
    """Offset of the link in the note body."""
    end: int
    body: str = field(repr=False)
    """The body the link was found in (the note's own string, not a copy). What is cut from it
    (the link as written, its line and column, its sentence) is computed when asked: a note is
    read far more often than a message or a backlink is shown, and nothing per link but its
    place stays in memory. Compared with the rest, so equal links have equal contexts."""
    body_line: int = 1
    """The file line on which `body` starts."""
    dest: str | None = None
    """For Markdown links and images: the destination's path as written, decoded (Obsidian
    also finds it from the notes folder's root, or by file name)."""

    @property
    def is_embed(self) -> bool:
        return self.kind is LinkKind.EMBED

    @property
    def raw(self) -> str:
        """Exactly as written, e.g. `[[Stockport#Events|the events]]`."""
        return self.body[self.start:self.end]

    @property
    def line(self) -> int:
        """1-based line in the file."""
        return self.body_line + self.body.count("\n", 0, self.start)

    @property
    def col(self) -> int:
        """1-based column in the file."""
        return self.start - self.body.rfind("\n", 0, self.start)

    @property
    def alone_on_line(self) -> bool:
        """True when nothing else (but quote markers) stands on the link's line: an embed there
        is a block. Inside a quote or callout (`> ![[Note#Part]]`) an embed still stands alone."""
        body, start, end = self.body, self.start, self.end
        line_end = body.find("\n", end)
        rest = body[end:] if line_end < 0 else body[end:line_end]
        return not body[body.rfind("\n", 0, start) + 1:start].strip(" \t>") and not rest.strip()

    @property
    def context(self) -> str:
        """The sentence the link stands in, as plain text (for "What links here"). Computed
        when asked: only pages showing backlinks or wanted links need it, `garden check` never
        does, and a string per link would stay in memory for the whole build."""
        return sentence_around(self.body, self.start, self.end) if self.body else ""


def extract_links(
    source: NoteId, body: str, body_line: int = 1, code: Masks | None = None
) -> tuple[Link, ...]:
    """Every link in `body` outside code and comments, in order. `body_line` is the file line
    on which the body starts, so positions are the file's own."""
    code = code or masks(body)
    covers = code.covers if code.spans else None  # most notes have no code: skip the lookups
    found: list[Link] = []
    wiki_spans: list[tuple[int, int]] = []
    for match_start, end, embed, inner in wikilinks(body):
        start = match_start
        bracket = start + (1 if embed else 0)
        if (covers is not None and covers(start)) or _escaped(body, bracket):
            continue
        if embed and _escaped(body, start):
            start, embed = start + 1, False
        target, anchor, label = split_wikilink(inner)
        kind = LinkKind.EMBED if embed else LinkKind.WIKILINK
        found.append(Link(source, kind, target, anchor, label, start, end, body, body_line))
        wiki_spans.append((match_start, end))
    inside_wiki = Masks(wiki_spans)
    wikilinks_found = len(found)
    # A Markdown link has `](` and an image `![`: without them, their patterns are not tried.
    patterns = ((LinkKind.MARKDOWN, MD_LINK_RE, "]("), (LinkKind.IMAGE, MD_IMAGE_RE, "!["))
    for kind, pattern, _ in (p for p in patterns if p[2] in body):
        for m in pattern.finditer(body):
            if code.covers(m.start()) or inside_wiki.covers(m.start()):
                continue
            path, anchor, dest = _local_destination(m["dest"], source)
            if path is None or (
                    kind is LinkKind.IMAGE and extension(path) in ("", ".md")):
                continue
            found.append(Link(source, kind, path, anchor, m["label"], m.start(), m.end(), body,
                              body_line, dest))
    if len(found) > wikilinks_found:  # wikilinks come in order; the others are merged in
        found.sort(key=lambda link: link.start)
    return tuple(found)


def _escaped(text: str, pos: int) -> bool:
    """True when the character at `pos` follows an odd number of backslashes."""
    if pos == 0 or text[pos - 1] != "\\":
        return False
    count = 0
    while pos - count - 1 >= 0 and text[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _local_destination(dest: str, source: NoteId) -> tuple[str | None, str | None, str]:
    """For a Markdown link inside the notes folder: its path joined to the linking note's folder
    (POSIX), its anchor and its path as written; (None, None, '') for web links, links to a
    heading of the same page, site-absolute paths and folders."""
    dest = dest.strip("<>").strip()
    if not dest or _SCHEME_RE.match(dest) or dest.startswith(("#", "/")):
        return None, None, ""
    path, _, anchor = dest.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path or path.endswith("/"):
        return None, None, ""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    return joined, (unquote(anchor) or None), path
