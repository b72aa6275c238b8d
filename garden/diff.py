"""What a change does to the garden: two Gardens in, a GardenDiff out, as text or Markdown.

Pure. Which files were renamed is decided before (`pair_renames`, from git's rename detection
and identical contents), so a moved note is one renamed note, not one removed and one added,
and its links are not reported as removed and added again. Drafts are left out: they are not
part of the site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from garden.graph import WANTED_PREFIX, Garden
from garden.note import Note
from garden.render import escape_markdown
from garden.slugs import NoteId, normalise, note_id


@dataclass(frozen=True, slots=True, order=True)
class NoteRef:
    """A note as a change summary names it."""

    path: str
    """As the user knows it: `notes/places/stockport.md`."""
    title: str


@dataclass(frozen=True, slots=True, order=True)
class NoteChange:
    """A note that exists on both sides (renamed when the paths differ)."""

    before: NoteRef
    after: NoteRef
    changes: tuple[str, ...]
    """What changed, in words: `text`, `status: seedling → budding`, ..."""


@dataclass(frozen=True, slots=True, order=True)
class LinkChange:
    source: str
    """Title of the linking note."""
    target: str
    """Title of the note linked to (or the name of a wanted note)."""
    wanted: bool = False
    """The target is not written yet."""


@dataclass(frozen=True, slots=True)
class GardenDiff:
    added: tuple[NoteRef, ...] = ()
    changed: tuple[NoteChange, ...] = ()
    removed: tuple[NoteRef, ...] = ()
    renamed: tuple[NoteChange, ...] = ()
    links_added: tuple[LinkChange, ...] = ()
    links_removed: tuple[LinkChange, ...] = ()
    wanted_created: tuple[str, ...] = ()
    """Names linked to for the first time that no note answers to."""
    wanted_fulfilled: tuple[tuple[str, NoteRef], ...] = ()
    """Names that were wanted before, and the note that now answers to each."""
    new_orphans: tuple[NoteRef, ...] = ()
    tags_added: tuple[str, ...] = ()
    """Tags no note used before."""

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__slots__)


def pair_renames(
    before: Mapping[str, bytes], after: Mapping[str, bytes],
    detected: Iterable[tuple[str, str]] = (),
) -> dict[NoteId, NoteId]:
    """Old id → new id for files that disappeared on one side and appeared on the other:
    the pairs git detected first, then files with identical contents."""
    gone = {p for p in before if p not in after}
    new = {p for p in after if p not in before}
    pairs: dict[NoteId, NoteId] = {}
    for old, fresh in sorted(detected):
        if old in gone and fresh in new:
            pairs[note_id(old)] = note_id(fresh)
            gone.discard(old)
            new.discard(fresh)
    by_content: dict[bytes, list[str]] = {}
    for path in sorted(new):
        by_content.setdefault(after[path], []).append(path)
    for old in sorted(gone):
        matches = by_content.get(before[old])
        if matches:
            pairs[note_id(old)] = note_id(matches.pop(0))
    return pairs


def diff_gardens(
    old: Garden, new: Garden, renames: Mapping[NoteId, NoteId] | None = None
) -> GardenDiff:
    """Everything a reviewer wants to know about going from `old` to `new`."""
    renames = dict(renames or {})
    old_notes = {n.id: n for n in old.published}
    new_notes = {n.id: n for n in new.published}
    renames = {a: b for a, b in renames.items() if a in old_notes and b in new_notes
               and a not in new_notes and b not in old_notes}

    def moved(nid: NoteId) -> NoteId:
        return renames.get(nid, nid)

    added, removed, changed, renamed = [], [], [], []
    for nid, note in old_notes.items():
        after = new_notes.get(moved(nid))
        if after is None:
            removed.append(_ref(old, note))
            continue
        change = NoteChange(_ref(old, note), _ref(new, after), _changes(note, after))
        if nid in renames:
            renamed.append(change)
        elif change.changes:
            changed.append(change)
    arrived = set(renames.values())
    added = [_ref(new, n) for nid, n in new_notes.items() if nid not in old_notes
             and nid not in arrived]

    old_links = {(moved(s), moved(t)) for s, t in _edges(old)}
    new_links = set(_edges(new))
    old_wanted = {w.key: w.title for w in old.wanted}
    new_wanted = {w.key: w.title for w in new.wanted}
    names = _names(new_notes.values())
    old_orphans = {moved(n) for n in old.orphans()}
    old_tags = {t for n in old_notes.values() for t in n.tags}
    new_tags = {t for n in new_notes.values() for t in n.tags}
    return GardenDiff(
        added=tuple(sorted(added)),
        changed=tuple(sorted(changed)),
        removed=tuple(sorted(removed)),
        renamed=tuple(sorted(renamed)),
        links_added=_link_changes(new, new_links - old_links),
        links_removed=_link_changes(old, old_links - new_links, renames),
        wanted_created=tuple(sorted((t for k, t in new_wanted.items() if k not in old_wanted),
                                    key=str.casefold)),
        wanted_fulfilled=tuple(sorted(
            (title, _ref(new, new_notes[names[key]]))
            for key, title in old_wanted.items() if key not in new_wanted and key in names
        )),
        new_orphans=tuple(sorted(_ref(new, new_notes[n]) for n in new.orphans()
                                 if n not in old_orphans)),
        tags_added=tuple(sorted(new_tags - old_tags, key=str.casefold)),
    )


def _ref(garden: Garden, note: Note) -> NoteRef:
    return NoteRef(garden.config.display_path(note.path), note.title)


_FIELDS = (("title", "title"), ("type", "type"), ("status", "status"), ("tags", "tags"),
           ("aliases", "aliases"), ("description", "description"), ("sources", "sources"),
           ("body", "text"))


def _changes(before: Note, after: Note) -> tuple[str, ...]:
    found = []
    for attr, word in _FIELDS:
        old, new = getattr(before, attr), getattr(after, attr)
        # A description not written out is the first paragraph: "text" says it already.
        if old == new or (attr == "description" and before.body != after.body):
            continue
        found.append(f"{word}: {old} → {new}" if attr in ("title", "type", "status") else word)
    if dict(before.extra) != dict(after.extra):
        found.append("other front matter")
    return tuple(found)


def _edges(garden: Garden) -> list[tuple[NoteId, NoteId]]:
    return [(NoteId(s), NoteId(t)) for s, t in garden.node_link_data()[1]]


def _node_title(garden: Garden, node: str, back: Mapping[NoteId, NoteId]) -> tuple[str, bool]:
    if node.startswith(WANTED_PREFIX):
        return garden.wanted_by_key[node[len(WANTED_PREFIX):]].title, True
    nid = NoteId(node) if node in garden.notes else back.get(NoteId(node), NoteId(node))
    return garden.notes[nid].title, False


def _link_changes(
    garden: Garden, edges: Iterable[tuple[NoteId, NoteId]],
    renames: Mapping[NoteId, NoteId] | None = None,
) -> tuple[LinkChange, ...]:
    """Edges named by titles, looked up in the garden they exist in (old edges carry new ids
    for renamed notes, so `renames` maps them back)."""
    back = {new: old for old, new in (renames or {}).items()}
    result = []
    for source, target in edges:
        source_title, _ = _node_title(garden, source, back)
        target_title, wanted = _node_title(garden, target, back)
        result.append(LinkChange(source_title, target_title, wanted))
    return tuple(sorted(result, key=lambda c: (c.source.casefold(), c.target.casefold(), c)))


def _names(notes: Iterable[Note]) -> dict[str, NoteId]:
    """Normalised title, file name and aliases → note (first by id), to find what answers a
    formerly wanted name."""
    found: dict[str, NoteId] = {}
    for note in sorted(notes, key=lambda n: n.id):
        for name in (note.title, posixpath.basename(note.id), *note.aliases):
            found.setdefault(normalise(name), note.id)
    return found


_SECTIONS = (
    ("added", "Notes added"),
    ("changed", "Notes changed"),
    ("renamed", "Notes renamed"),
    ("removed", "Notes removed"),
    ("links_added", "Links added"),
    ("links_removed", "Links removed"),
    ("wanted_created", "Wanted notes created (linked to, not written yet)"),
    ("wanted_fulfilled", "Wanted notes written"),
    ("new_orphans", "New orphans (no note links to them)"),
    ("tags_added", "Tags added"),
)


def format_text(diff: GardenDiff, base: str, head: str) -> str:
    """For a terminal: one section per kind of change, one line per item."""
    lines = [f"The garden from {base} to {head}:"]
    if diff.is_empty:
        return lines[0] + " no notes, links or tags changed.\n"
    for name, heading in _SECTIONS:
        items = getattr(diff, name)
        if items:
            lines += ["", f"{heading} ({len(items)}):"]
            lines += [f"  {_item_text(item)}" for item in items]
    return "\n".join(lines) + "\n"


def _item_text(item: object) -> str:
    if isinstance(item, NoteRef):
        return f"{item.title} ({item.path})"
    if isinstance(item, NoteChange):
        where = (item.after.path if item.before.path == item.after.path
                 else f"{item.before.path} → {item.after.path}")
        what = f": {', '.join(item.changes)}" if item.changes else ""
        return f"{item.after.title} ({where}){what}"
    if isinstance(item, LinkChange):
        return f"{item.source} → {item.target}{' (not written yet)' if item.wanted else ''}"
    if isinstance(item, tuple):
        name, ref = item
        return f"{name}: {_item_text(ref)}"
    return str(item)


_SHOWN = 25
"""Items listed openly per section of the Markdown summary; the rest fold away."""


def format_markdown(diff: GardenDiff, base: str, head: str) -> str:
    """For a pull request's summary. Note text is escaped: titles are untrusted."""
    lines = ["## What this change does to the garden", ""]
    if diff.is_empty:
        return "\n".join(lines) + "No notes, links or tags changed.\n"
    counts = [f"{len(getattr(diff, name))} {heading.split(' (')[0].lower()}"
              for name, heading in _SECTIONS if getattr(diff, name)]
    lines += [f"From `{_code(base)}` to `{_code(head)}`: {', '.join(counts)}.", ""]
    for name, heading in _SECTIONS:
        items = getattr(diff, name)
        if items:
            lines += [f"### {heading}", ""]
            lines += [f"- {_item_markdown(item)}" for item in items[:_SHOWN]]
            if len(items) > _SHOWN:
                lines += ["", f"<details><summary>and {len(items) - _SHOWN} more</summary>", ""]
                lines += [f"- {_item_markdown(item)}" for item in items[_SHOWN:]]
                lines += ["", "</details>"]
            lines.append("")
    return "\n".join(lines)


def _item_markdown(item: object) -> str:
    if isinstance(item, NoteRef):
        return f"**{_md(item.title)}** ({_path(item.path)})"
    if isinstance(item, NoteChange):
        where = (_path(item.after.path) if item.before.path == item.after.path
                 else f"{_path(item.before.path)} → {_path(item.after.path)}")
        what = f": {_md(', '.join(item.changes))}" if item.changes else ""
        return f"**{_md(item.after.title)}** ({where}){what}"
    if isinstance(item, LinkChange):
        wanted = " *(not written yet)*" if item.wanted else ""
        return f"{_md(item.source)} → {_md(item.target)}{wanted}"
    if isinstance(item, tuple):
        name, ref = item
        return f"{_md(name)}: {_item_markdown(ref)}"
    return _md(str(item))


def _md(text: str) -> str:
    """Note text shown as written, on one line of a Markdown list."""
    return escape_markdown(" ".join(text.split()))


def _path(path: str) -> str:
    return f"`{_code(path)}`"


def _code(text: str) -> str:
    """Text for inside a one-backtick code span: backticks and line breaks can't close it."""
    return text.replace("`", "ʼ").replace("\n", " ")
