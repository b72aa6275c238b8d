"""Which note a link points at: DESIGN's resolution rules, in one place for checker and renderer.

Keys are compared after `slugs.normalise`. Levels are tried in order and the first level with
any match decides: (1) the path form (only for targets with a `/`), (2) file name and title,
(3) aliases. Several matches in
one level are settled by the linking note's own folder, then the nearest folder above it.

Obsidian's forms resolve here too: attachments by path or file name (`![[map.png]]`), block ids
(`[[Note#^id]]`), heading paths (`[[Note#Part#Section]]`), and Markdown links with or without
`.md`, tried relative to the linking note, then from the notes folder's root, then by name.
"""

from __future__ import annotations

import enum
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from garden.attachments import KNOWN_EXTENSIONS, Attachments, extension, is_attachment_name
from garden.links import Link, LinkKind
from garden.markup import plain_text
from garden.note import Note
from garden.slugs import NoteId, Slugify, default_slugify, folder_of, normalise, unique_anchors


class Status(str, enum.Enum):
    RESOLVED = "resolved"
    WANTED = "wanted"
    """No note has this name yet: an invitation to write it."""
    AMBIGUOUS = "ambiguous"
    BROKEN = "broken"
    """A Markdown link to a `.md` path that is not a note, or an empty link."""
    ATTACHMENT = "attachment"
    """A file under the notes folder that is not a note (a picture, a PDF)."""
    MISSING_ATTACHMENT = "missing-attachment"
    """A link or embed naming a file (`picture.png`) that is nowhere under the notes folder."""
    OTHER = "other"
    """A Markdown link to something that is neither a note nor an attachment (left as written)."""

_HEADING_PUNCTUATION_RE = re.compile(r"[!\"#$%&()*+,.:;<=>?@^`{|}~/\\\[\]]+")
"""What Obsidian ignores when it matches a link's heading to a note's heading."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one link points at."""

    link: Link
    status: Status
    target: NoteId | None = None
    anchor: str | None = None
    """The id of the heading linked to on the target page, when it exists."""
    anchor_missing: bool = False
    """The link names a heading the target does not have."""
    candidates: tuple[NoteId, ...] = ()
    """For ambiguous links, every note that matched."""
    wanted_key: str | None = None
    """For wanted links, the normalised name (the wanted note's identity)."""
    attachment: str | None = None
    """For attachments, the file's path under the notes folder."""


class Resolver:
    """Name indexes over the published notes, built once; each lookup is O(1) plus candidates."""

    def __init__(
        self, notes: Iterable[Note], slugify: Slugify = default_slugify, separator: str = "-",
        attachments: Attachments | None = None,
    ) -> None:
        self.attachments = attachments or Attachments(())
        self._notes: dict[NoteId, Note] = {note.id: note for note in notes}
        self._by_path: dict[str, list[NoteId]] = defaultdict(list)
        self._by_name: dict[str, list[NoteId]] = defaultdict(list)
        self._by_alias: dict[str, list[NoteId]] = defaultdict(list)
        for nid, note in sorted(self._notes.items()):
            self._by_path[normalise(nid)].append(nid)
            names = {normalise(posixpath.basename(nid)), normalise(note.title)}
            for name in sorted(names):
                self._by_name[name].append(nid)
            for alias in sorted({normalise(a) for a in note.aliases}):
                self._by_alias[alias].append(nid)
        self._slugify = slugify
        self._separator = separator
        self._anchors: dict[NoteId, Mapping[str, str]] = {}

    def heading_ids(self, nid: NoteId) -> tuple[str, ...]:
        """The id MkDocs' toc gives each of the note's headings, in order."""
        note = self._notes[nid]
        slugs = unique_anchors((h.text for h in note.headings), self._slugify, self._separator)
        return tuple(h.custom_id or slug for h, slug in zip(note.headings, slugs, strict=True))

    def anchors(self, nid: NoteId) -> Mapping[str, str]:
        """Heading name (normalised) or id → the heading's id on the page."""
        if nid not in self._anchors:
            table: dict[str, str] = {}
            headings = self._notes[nid].headings
            for heading, anchor in zip(headings, self.heading_ids(nid), strict=True):
                table.setdefault(normalise(heading.text), anchor)
                table.setdefault(anchor, anchor)
            for heading, anchor in zip(headings, self.heading_ids(nid), strict=True):
                table.setdefault(_loose(heading.text), anchor)
            for block in self._notes[nid].blocks:
                table.setdefault(block.anchor.casefold(), block.anchor)
            self._anchors[nid] = table
        return self._anchors[nid]

    def resolve(self, link: Link) -> Resolution:
        if link.kind in (LinkKind.MARKDOWN, LinkKind.IMAGE):
            return self._resolve_path(link)
        if not link.target:
            if link.anchor is None:
                return Resolution(link, Status.BROKEN)
            return self._with_anchor(link, link.source)
        if is_attachment_name(link.target):
            found = self._attachment(link, link.target, link.target)
            if found is not None:
                return found
        resolution = self._resolve_name(link, link.target)
        if resolution.status is Status.WANTED and extension(link.target) in KNOWN_EXTENSIONS:
            return Resolution(link, Status.MISSING_ATTACHMENT)
        return resolution

    def _attachment(self, link: Link, path: str, name: str) -> Resolution | None:
        """The attachment at `path` (from the notes folder's root), else the one named `name`
        nearest the linking note; None when there is none."""
        exact = self.attachments.by_path(path)
        if exact is not None:
            return Resolution(link, Status.ATTACHMENT, attachment=exact)
        matches = self.attachments.by_name(name)
        if not matches:
            return None
        chosen = nearest(link.source, matches)
        if chosen is None:
            return Resolution(link, Status.AMBIGUOUS, candidates=tuple(matches))
        return Resolution(link, Status.ATTACHMENT, attachment=chosen)

    def _resolve_name(self, link: Link, target: str) -> Resolution:
        key = normalise(target)
        # A bare name is not a path form: `[[Stockport]]` must reach `places/stockport` by the
        # folder rule even when a top-level `stockport.md` exists (as in Obsidian).
        levels = (self._by_path, self._by_name, self._by_alias) if "/" in key else (
            self._by_name, self._by_alias)
        for index in levels:
            matches = index.get(key)
            if not matches:
                continue
            chosen = nearest(link.source, matches)
            if chosen is None:
                return Resolution(link, Status.AMBIGUOUS, candidates=tuple(matches))
            return self._with_anchor(link, chosen)
        return Resolution(link, Status.WANTED, wanted_key=key)

    def _resolve_path(self, link: Link) -> Resolution:
        """A Markdown link or image: the path next to the linking note, else from the notes
        folder's root, else (for a bare file name) by name, as Obsidian does."""
        dest = link.dest or link.target
        is_note = extension(link.target) in ("", ".md") and link.kind is LinkKind.MARKDOWN
        if not is_note:
            found = self._attachment(link, link.target, dest)
            if found is None and not dest.startswith("../"):
                found = self._attachment(link, dest, dest)
            if found is not None:
                return found
            if extension(link.target) in KNOWN_EXTENSIONS:
                return Resolution(link, Status.MISSING_ATTACHMENT)
            return Resolution(link, Status.OTHER)
        bare = link.target[:-3] if link.target.lower().endswith(".md") else link.target
        if NoteId(bare) in self._notes:
            return self._with_anchor(link, NoteId(bare))
        for path in (bare, dest):
            matches = self._by_path.get(normalise(path))
            if matches:
                chosen = nearest(link.source, matches)
                if chosen is not None:
                    return self._with_anchor(link, chosen)
        if "/" not in dest:
            by_name = self._resolve_name(link, dest)
            if by_name.status in (Status.RESOLVED, Status.AMBIGUOUS):
                return by_name
        if link.target.lower().endswith(".md"):
            return Resolution(link, Status.BROKEN)
        return Resolution(link, Status.OTHER)

    def _with_anchor(self, link: Link, target: NoteId) -> Resolution:
        if not link.anchor:
            return Resolution(link, Status.RESOLVED, target=target)
        table = self.anchors(target)
        # `Note#Part#Section` is a heading path: the last heading named is the one meant.
        wanted = [part for part in link.anchor.split("#") if part.strip()]
        last = wanted[-1] if wanted else link.anchor
        anchor = (table.get(normalise(last)) or table.get(last) or table.get(last.casefold())
                  or table.get(_loose(last)))
        return Resolution(
            link, Status.RESOLVED, target=target, anchor=anchor, anchor_missing=anchor is None
        )


def _loose(heading: str) -> str:
    """A heading as Obsidian matches it: plain text without punctuation, case or extra spaces."""
    return " " + normalise(_HEADING_PUNCTUATION_RE.sub(" ", plain_text(heading)))


def nearest(source: NoteId, candidates: list[NoteId]) -> NoteId | None:
    """The one candidate in the source's folder, else in the nearest folder above it; None when
    that is not exactly one (the link is ambiguous)."""
    if len(candidates) == 1:
        return candidates[0]
    folder = folder_of(source)
    while True:
        here = [c for c in candidates if folder_of(c) == folder]
        if len(here) == 1:
            return here[0]
        if len(here) > 1 or not folder:
            return None
        folder = posixpath.dirname(folder)
