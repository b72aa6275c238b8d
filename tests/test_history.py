"""Last-tended times: one `git log` pass over real repositories with fixed commit dates, and
file times outside git."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest

from garden import history
from garden.history import git_changes, last_tended, parse_git_log
from gitrepo import commit, init_repo

UTC = datetime.timezone.utc


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).astimezone(UTC)


def test_parse_git_log_keeps_each_files_newest_commit() -> None:
    output = "\x1e200\n\nb.md\na.md\n\x1e100\n\na.md\nc d.md\n"
    assert parse_git_log(output) == {
        "b.md": datetime.datetime.fromtimestamp(200, UTC),
        "a.md": datetime.datetime.fromtimestamp(200, UTC),
        "c d.md": datetime.datetime.fromtimestamp(100, UTC),
    }


def test_parse_git_log_of_nothing() -> None:
    assert parse_git_log("") == {}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = init_repo(tmp_path / "garden")
    commit(repo, {"notes/a.md": "a", "notes/places/b.md": "b", "README.md": "r"},
           "2021-03-01T10:00:00+00:00")
    commit(repo, {"notes/places/b.md": "b, tended"}, "2023-06-15T12:30:00+00:00")
    commit(repo, {"notes/é café.md": "c"}, "2022-01-02T08:00:00+01:00")
    return repo


def test_git_changes_are_relative_to_the_notes_folder(repo: Path) -> None:
    assert git_changes(repo / "notes") == {
        "a.md": at("2021-03-01T10:00:00+00:00"),
        "places/b.md": at("2023-06-15T12:30:00+00:00"),
        "é café.md": at("2022-01-02T08:00:00+01:00"),
    }


def test_uncommitted_notes_fall_back_to_their_file_time(repo: Path) -> None:
    new = repo / "notes" / "new.md"
    new.write_text("not committed yet", encoding="utf-8")
    os.utime(new, (1_700_000_000, 1_700_000_000))
    tended = last_tended(repo / "notes", ["a.md", "new.md", "missing.md"])
    assert tended == {"a.md": at("2021-03-01T10:00:00+00:00"),
                      "new.md": datetime.datetime.fromtimestamp(1_700_000_000, UTC)}


def test_outside_git_every_note_has_its_file_time(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("a", encoding="utf-8")
    os.utime(notes / "a.md", (1_600_000_000, 1_600_000_000))
    assert git_changes(notes) == {}
    assert last_tended(notes, ["a.md"]) == {
        "a.md": datetime.datetime.fromtimestamp(1_600_000_000, UTC)}


def test_the_whole_history_is_read_with_one_git_call(repo: Path, monkeypatch) -> None:
    calls = []
    real_run = subprocess.run

    def counting_run(args, **kwargs):
        calls.append(args)
        return real_run(args, **kwargs)

    monkeypatch.setattr(history.subprocess, "run", counting_run)
    paths = ["a.md", "places/b.md", "é café.md"] * 50
    assert len(last_tended(repo / "notes", paths)) == 3
    assert len(calls) == 1


def test_missing_git_is_not_an_error(tmp_path: Path, monkeypatch) -> None:
    def no_git(args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(history.subprocess, "run", no_git)
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    assert set(last_tended(tmp_path, ["a.md"])) == {"a.md"}
