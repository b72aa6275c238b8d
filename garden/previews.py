"""Hover previews: for each page, what a reader sees when the pointer rests on (or the keyboard
focuses) one of its links — title, description, growth stage, type and the note's first lines.

Each preview is made once per build, when the first page needs it; each page carries only
the entries of the notes it links to, so no page grows with the garden.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from garden.badges import stage_label
from garden.graph import Garden, Wanted
from garden.markup import first_paragraph, shorten
from garden.note import Note
from garden.resolve import Status
from garden.slugs import NoteId, note_id, url_for

EXCERPT_LIMIT = 280


@dataclass(frozen=True, slots=True)
class Preview:
    """What the preview of one link target says. Plain text: the script inserts it as text."""

    url: str
    """The target's URL relative to the site root (a wanted note's has its `#anchor`)."""
    title: str
    description: str
    excerpt: str
    """The note's first lines, '' when the description already is them."""
    stage: str
    """The growth stage's label ("Seedling"), '' for a wanted note."""
    type: str
    wanted: bool


def note_preview(note: Note, directory_urls: bool) -> Preview:
    # The note's headings were found when it was read: only its code is looked for again.
    excerpt = shorten(first_paragraph(note.body, found=note.headings), EXCERPT_LIMIT)
    if excerpt.startswith(note.description.rstrip("…")):
        excerpt = ""
    return Preview(url_for(note.id, directory_urls), note.title, note.description, excerpt,
                   stage_label(note.status), note.type.capitalize(), wanted=False)


def wanted_preview(wanted: Wanted, wanted_url: str) -> Preview:
    count = len({link.source for link in wanted.wanted_by})
    asked = "1 note links" if count == 1 else f"{count} notes link"
    return Preview(
        f"{wanted_url}#{wanted.anchor}", wanted.title,
        "This note is not written yet.",
        f"{asked} to it. If you know about it, write it: it is listed on the Wanted notes page.",
        "", "", wanted=True,
    )


class PreviewIndex:
    """The previews of one garden, each made when a page first needs it; `for_page` picks the
    ones a page needs."""

    def __init__(self, garden: Garden) -> None:
        self.garden = garden
        directory_urls = garden.config.directory_urls
        self.wanted_url = url_for(note_id(garden.config.wanted_page), directory_urls)
        self._notes: dict[NoteId, Preview] = {}
        self._wanted: dict[str, Preview] = {}
        self._entries: dict[str, dict[str, object]] = {}
        """Each preview as the plain dict a page carries, made once (`asdict` copies deeply,
        and a much-linked note is on hundreds of pages). Shared between pages: never mutated."""

    def note(self, nid: NoteId) -> Preview:
        if nid not in self._notes:
            self._notes[nid] = note_preview(self.garden.notes[nid],
                                            self.garden.config.directory_urls)
        return self._notes[nid]

    def wanted(self, key: str) -> Preview | None:
        if key not in self._wanted:
            wanted = self.garden.wanted_by_key.get(key)
            if wanted is None:
                return None
            self._wanted[key] = wanted_preview(wanted, self.wanted_url)
        return self._wanted[key]

    def for_page(self, nid: NoteId) -> list[dict[str, object]]:
        """Previews for every note and wanted note this page links to (embedded notes' links
        included, as they are shown on the page), sorted by URL. Backlinks are left out: a
        much-linked note has thousands, and its page would carry the whole garden."""
        found: dict[str, Preview] = {}  # key: note id or `wanted:<key>`
        seen: set[NoteId] = set()
        pending = [nid]
        while pending:
            current = pending.pop()
            if current in seen or current not in self.garden.notes:
                continue
            seen.add(current)
            for res in self.garden.resolutions[current]:
                target = res.target
                if res.status is Status.RESOLVED and target in self.garden.notes:
                    found[target] = self.note(target)
                    if res.link.is_embed and len(seen) <= self.garden.config.embed_depth:
                        pending.append(target)
                elif res.status is Status.WANTED and (wanted := self.wanted(res.wanted_key)):
                    found["wanted:" + res.wanted_key] = wanted
        found.pop(nid, None)
        return [self._entry(key, found[key])
                for key in sorted(found, key=lambda k: found[k].url)]

    def _entry(self, key: str, preview: Preview) -> dict[str, object]:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = asdict(preview)
        return entry
