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
from garden.limits import apply_limits, crowded_note, oversized_note
from garden.note import Note, decode, parse_note
from garden.permalinks import redirects
from garden.slugs import note_id, readable_name


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A note file's path under the notes folder (POSIX) and its raw bytes."""

    path: str
    data: bytes
    outside: bool = False
    """The file is a symbolic link to somewhere outside the notes folder: it is not read."""


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
            rel = full.relative_to(root).as_posix()
            # os.walk does not enter linked folders, so only a file that is itself a link can
            # lead outside: the others need no `realpath` (which costs a call per path part).
            if full.is_symlink() and not is_inside(root, full):
                found.append(SourceFile(rel, b"", outside=True))
                continue
            found.append(SourceFile(rel, full.read_bytes()))
    return found


def is_inside(root: str | os.PathLike[str], path: str | os.PathLike[str]) -> bool:
    """Whether `path`, with every symbolic link followed, is inside `root`: a pull request can
    add a link `notes/x.md -> /etc/passwd`, and nothing may read or publish what it points at."""
    real_root = os.path.realpath(root)
    return os.path.commonpath([real_root, os.path.realpath(path)]) == real_root


def outside_issue(shown: str) -> Issue:
    return Issue(shown, 1, 1, Severity.ERROR, "outside-notes",
                 "this file is a symbolic link to a place outside the notes folder, which the "
                 "garden does not read or publish — put the file itself here instead of a link")


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


def parse_source(source: SourceFile, shown: str,
                 config: GardenConfig) -> tuple[Note, tuple[Issue, ...]]:
    """One file's note and its problems (decoding and limits included)."""
    if source.outside:
        nid = note_id(source.path)
        note = Note(id=nid, path=source.path, title=readable_name(nid), body="")
        return note, (outside_issue(shown),)
    if len(source.data) > config.max_note_bytes:
        note, issue = oversized_note(source.path, len(source.data), shown, config)
        return note, (issue,)
    text, decode_issues = decode(source.data, shown)
    crowded = crowded_note(source.path, text, shown, config)
    if crowded is not None:
        note, issue = crowded
        return note, (*decode_issues, issue)
    note, note_issues = parse_note(source.path, text, shown)
    note, limit_issues = apply_limits(note, shown, config)
    return note, tuple(decode_issues + note_issues + limit_issues)


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
        if hit is not None and hit[0] == source.data and not source.outside:
            note, note_issues = hit[1], hit[2]
        else:
            note, note_issues = parse_source(source, shown, config)
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
    previous: Garden | None = None,
) -> tuple[Garden, list[Issue]]:
    """Read → index → check. Never raises for bad notes: every problem is an Issue.
    `attachments` are the paths of the other files under the notes folder; `previous` (a
    preview's last garden) lends the link resolutions no change can reach."""
    config = config or GardenConfig()
    notes, issues = load_notes(files, config, cache)
    garden = Garden(notes, config, attachments, previous)
    return garden, sort_issues(issues + check(garden) + redirects(garden)[1])
