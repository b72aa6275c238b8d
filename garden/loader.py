"""The one place that reads note files: walk the notes folder (or take pre-read files from a
site generator), parse every note, build the Garden, and collect every Issue."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from garden.check import check
from garden.config import GardenConfig
from garden.diagnostics import Issue, Severity, sort_issues
from garden.graph import Garden
from garden.note import Note, decode, parse_note
from garden.permalinks import redirects


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A note file's path under the notes folder (POSIX) and its raw bytes."""

    path: str
    data: bytes


def read_notes_dir(notes_dir: str | os.PathLike[str]) -> list[SourceFile]:
    """Every `.md` file under `notes_dir`, sorted, skipping hidden files and folders."""
    root = Path(notes_dir)
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(".md"):
                continue
            full = Path(dirpath) / name
            found.append(SourceFile(full.relative_to(root).as_posix(), full.read_bytes()))
    return found


def read_attachment_paths(notes_dir: str | os.PathLike[str]) -> list[str]:
    """Every file under `notes_dir` that is not a note (pictures, PDFs), POSIX, sorted,
    skipping hidden files and folders."""
    root = Path(notes_dir)
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and not name.lower().endswith(".md"):
                found.append((Path(dirpath) / name).relative_to(root).as_posix())
    return found


ParseCache = dict[str, tuple[bytes, Note, tuple[Issue, ...]]]
"""Notes parsed by an earlier load, by display path, with the bytes they were parsed from."""


def parse_source(source: SourceFile, shown: str) -> tuple[Note, tuple[Issue, ...]]:
    """One file's note and its problems (decoding included)."""
    text, decode_issues = decode(source.data, shown)
    note, note_issues = parse_note(source.path, text, shown)
    return note, tuple(decode_issues + note_issues)


def load_notes(files: Iterable[SourceFile], config: GardenConfig,
               cache: ParseCache | None = None) -> tuple[list[Note], list[Issue]]:
    """Every file as a Note. Two files with one id (`a.md`, `a.MD`) keep the first, and the
    second is named in an error rather than silently replaced. With a `cache` (a preview
    between rebuilds), a file whose bytes are unchanged is not parsed again — parsing is pure,
    so that is the same note — and the cache is left holding exactly this load's files."""
    notes: list[Note] = []
    issues: list[Issue] = []
    paths: dict[str, str] = {}
    parsed: ParseCache = {}
    for source in files:
        shown = config.display_path(source.path)
        hit = cache.get(shown) if cache is not None else None
        if hit is not None and hit[0] == source.data:
            note, note_issues = hit[1], hit[2]
        else:
            note, note_issues = parse_source(source, shown)
        parsed[shown] = (source.data, note, note_issues)
        issues += note_issues
        if source.path == config.wanted_page:
            issues.append(Issue(shown, 1, 1, Severity.ERROR, "reserved-name",
                                f"{source.path} is the name of the generated "
                                f"'{config.wanted_title}' page — rename this note"))
        if note.id in paths:
            issues.append(Issue(shown, 1, 1, Severity.ERROR, "duplicate-note",
                                f"{source.path} is the same note as {paths[note.id]} to the "
                                "garden (the names differ only in the case of .md) — rename "
                                "or remove one of them"))
            continue
        paths[note.id] = source.path
        notes.append(note)
    if cache is not None:
        cache.clear()
        cache.update(parsed)
    return notes, issues


def load_garden(
    files: Iterable[SourceFile], config: GardenConfig | None = None,
    attachments: Iterable[str] = (),
    cache: ParseCache | None = None,
) -> tuple[Garden, list[Issue]]:
    """Read → index → check. Never raises for bad notes: every problem is an Issue.
    `attachments` are the paths of the other files under the notes folder."""
    config = config or GardenConfig()
    notes, issues = load_notes(files, config, cache)
    garden = Garden(notes, config, attachments)
    return garden, sort_issues(issues + check(garden) + redirects(garden)[1])
