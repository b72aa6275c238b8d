"""Garden health: what needs tending — orphans, wanted notes (most wanted first), notes without
sources, notes untended for a long time, seedlings. One report, shaped for the generated page,
for `garden report` as text and as JSON; every rule lives in `health_report`.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from garden.badges import badges_html
from garden.graph import Garden
from garden.note import Note
from garden.render import escape_markdown
from garden.slugs import NoteId, note_id, relative_source_link
from garden.tended import day

PAGE_LIMIT = 50
"""Entries shown per section on the page, so it stays readable (and quick to build) in a big
garden: the page is a to-do list, and fifty is more than a gardener works through at a sitting;
`garden report` lists them all."""


@dataclass(frozen=True, slots=True)
class WantedCount:
    """A wanted note and the notes that want it."""

    title: str
    anchor: str
    wanted_by: tuple[NoteId, ...]


@dataclass(frozen=True, slots=True)
class Untended:
    note: Note
    when: datetime.datetime


@dataclass(frozen=True, slots=True)
class HealthReport:
    notes: int
    orphans: tuple[Note, ...]
    """Published notes nothing links to (the start page excepted: the site links to it)."""
    wanted: tuple[WantedCount, ...]
    """Most wanted first: by how many notes link to it, then by title."""
    unsourced: tuple[Note, ...]
    untended: tuple[Untended, ...]
    """Oldest first."""
    seedlings: tuple[Note, ...]
    stale_days: int
    newest: datetime.datetime | None
    """The garden's newest change: "untended" is measured from it, not from today, so the same
    notes and history give the same report."""


def _by_title(notes: list[Note]) -> tuple[Note, ...]:
    return tuple(sorted(notes, key=lambda n: (n.title.casefold(), n.id)))


def health_report(garden: Garden, tended: Mapping[NoteId, datetime.datetime],
                  stale_days: int | None = None) -> HealthReport:
    stale_days = stale_days or garden.config.stale_days
    published = garden.published
    orphans = [garden.notes[nid] for nid in garden.orphans() if nid != "index"]
    wanted = sorted(
        (WantedCount(w.title, w.anchor, tuple(dict.fromkeys(lk.source for lk in w.wanted_by)))
         for w in garden.wanted),
        key=lambda w: (-len(w.wanted_by), w.title.casefold()),
    )
    newest = max((tended[n.id] for n in published if n.id in tended), default=None)
    untended: list[Untended] = []
    if newest is not None:
        cutoff = newest - datetime.timedelta(days=stale_days)
        untended = sorted(
            (Untended(n, tended[n.id]) for n in published
             if n.id in tended and tended[n.id] < cutoff),
            key=lambda u: (u.when, u.note.title.casefold(), u.note.id),
        )
    return HealthReport(
        notes=len(published),
        orphans=_by_title(orphans),
        wanted=tuple(wanted),
        unsourced=_by_title([n for n in published if not n.sources]),
        untended=tuple(untended),
        seedlings=_by_title([n for n in published if n.status == "seedling"]),
        stale_days=stale_days,
        newest=newest,
    )


def _note_data(note: Note) -> dict[str, object]:
    return {"id": note.id, "title": note.title, "path": note.path, "status": note.status,
            "type": note.type}


def report_data(report: HealthReport) -> dict[str, object]:
    """The report as plain data (`garden report --format json`)."""
    return {
        "notes": report.notes,
        "orphans": [_note_data(n) for n in report.orphans],
        "wanted": [{"title": w.title, "wanted_by": list(w.wanted_by), "count": len(w.wanted_by)}
                   for w in report.wanted],
        "unsourced": [_note_data(n) for n in report.unsourced],
        "untended": [{**_note_data(u.note), "last_tended": u.when.isoformat()}
                     for u in report.untended],
        "seedlings": [_note_data(n) for n in report.seedlings],
        "stale_days": report.stale_days,
        "newest_change": report.newest.isoformat() if report.newest else None,
    }


def _sections(report: HealthReport) -> list[tuple[str, str, int]]:
    """(heading, what it means, how many) for each part, in the order shown."""
    return [
        ("Orphans", "Notes no other note links to. Link to them from a note that mentions "
         "them.", len(report.orphans)),
        ("Most wanted", "Notes that are linked to but not written yet, most wanted first.",
         len(report.wanted)),
        ("Without sources", "Notes that do not say where their facts come from. Add a "
         "`sources` list.", len(report.unsourced)),
        ("Not tended for a long time", f"Notes unchanged for more than {report.stale_days} "
         "days before the garden's newest change. Check they are still right.",
         len(report.untended)),
        ("Seedlings", "Notes at their first growth stage. Help them grow.",
         len(report.seedlings)),
    ]


def report_text(report: HealthReport, notes_label: str = "notes") -> str:
    """The report for a terminal: one line per finding, paths a gardener can open."""
    def where(note: Note) -> str:
        return f"{notes_label.rstrip('/')}/{note.path}"

    parts = _sections(report)
    lines = [f"{report.notes} notes: " + ", ".join(f"{n} {h.lower()}" for h, _, n in parts)]
    rows: list[list[str]] = [
        [f"  {where(n)}  {n.title}" for n in report.orphans],
        [f"  {len(w.wanted_by)}×  {w.title}  (wanted by {', '.join(w.wanted_by)})"
         for w in report.wanted],
        [f"  {where(n)}  {n.title}" for n in report.unsourced],
        [f"  {day(u.when)}  {where(u.note)}  {u.note.title}" for u in report.untended],
        [f"  {where(n)}  {n.title}" for n in report.seedlings],
    ]
    for (heading, _, count), section in zip(parts, rows, strict=True):
        lines += ["", f"{heading} ({count})", *(section or ["  none"])]
    return "\n".join(lines) + "\n"


def health_page_markdown(garden: Garden, report: HealthReport) -> str:
    """The generated "Garden health" page for gardeners."""
    cfg = garden.config
    page = note_id(cfg.health_page)

    def item(note: Note, before: str = "") -> str:
        dest = relative_source_link(page, note.path)
        return (f"- {before}[{escape_markdown(note.title)}]({dest}) "
                f"{badges_html(note.status, note.type)}")

    parts = _sections(report)
    lines = [f"# {escape_markdown(cfg.health_title)}", "",
             f"What needs tending among the garden's {report.notes} notes. The same report is "
             "printed by `garden report` (`--format json` for tools).", ""]
    lines += [f"- [{h}](#{garden.config.slugify(h, garden.config.toc_separator)}): {n}"
              for h, _, n in parts]
    items: list[list[str]] = [  # Markdown is made for the shown entries only
        [item(n) for n in report.orphans[:PAGE_LIMIT]],
        [_wanted_item(garden, page, w) for w in report.wanted[:PAGE_LIMIT]],
        [item(n) for n in report.unsourced[:PAGE_LIMIT]],
        [item(u.note, f"{day(u.when)} ") for u in report.untended[:PAGE_LIMIT]],
        [item(n) for n in report.seedlings[:PAGE_LIMIT]],
    ]
    for (heading, meaning, count), section in zip(parts, items, strict=True):
        lines += ["", f"## {heading}", "", meaning, ""]
        lines += section or ["Nothing here: well tended."]
        if count > len(section):
            lines += ["", f"…and {count - len(section)} more: run `garden report` to see "
                      "them all."]
    return "\n".join(lines) + "\n"


def _wanted_item(garden: Garden, page: NoteId, wanted: WantedCount) -> str:
    href = relative_source_link(page, garden.config.wanted_page, wanted.anchor)
    count = len(wanted.wanted_by)
    by = "1 note" if count == 1 else f"{count} notes"
    return f"- [{escape_markdown(wanted.title)}]({href}) — wanted by {by}"
