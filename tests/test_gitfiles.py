"""Reading notes at a git revision, from real repositories made in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_git import commit, git, init

from garden.gitfiles import GitError, commit_of, locate, read_revision, renamed_paths
from garden.loader import read_notes_dir


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return init(tmp_path)


def test_locate_finds_the_notes_folder_in_its_repository(repo: Path) -> None:
    (repo / "site" / "notes").mkdir(parents=True)
    found = locate(repo / "site" / "notes")
    assert found.root == repo.resolve() and found.prefix == "site/notes"
    assert locate(repo).prefix == ""


def test_locate_outside_a_repository(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    with pytest.raises(GitError, match="not inside a git repository"):
        locate(tmp_path / "notes")


def test_read_revision_reads_notes_as_they_were(repo: Path) -> None:
    first = commit(repo, {"notes/a.md": "A one\n", "notes/places/b.md": "B\n",
                          "notes/.hidden/c.md": "hidden\n", "notes/pic.png": b"\x89PNG",
                          "README.md": "not a note\n"})
    commit(repo, {"notes/a.md": "A two\n", "notes/d é.md": "new\n"})
    notes = locate(repo / "notes")
    assert [(f.path, f.data) for f in read_revision(notes, first)] == [
        ("a.md", b"A one\n"), ("places/b.md", b"B\n")]
    now = read_revision(notes, commit_of(notes, "main"))
    assert [f.path for f in now] == ["a.md", "d é.md", "places/b.md"]
    # The same files the loader reads from disk, byte for byte.
    assert now == read_notes_dir(repo / "notes")


def test_read_revision_of_a_repository_without_notes(repo: Path) -> None:
    first = commit(repo, {"README.md": "hi\n"})
    (repo / "notes").mkdir()
    assert read_revision(locate(repo / "notes"), first) == []


def test_commit_of_names_bad_revisions_plainly(repo: Path) -> None:
    sha = commit(repo, {"notes/a.md": "A\n"})
    notes = locate(repo / "notes")
    assert commit_of(notes, "main") == sha == commit_of(notes, sha[:8])
    for bad in ("no-such-branch", "--output=x", "main:notes/a.md"):
        with pytest.raises(GitError, match="not a"):
            commit_of(notes, bad)


def test_renamed_paths_uses_gits_rename_detection(repo: Path) -> None:
    text = "".join(f"Line {i} of a long enough note.\n" for i in range(20))
    base = commit(repo, {"notes/old.md": text, "notes/keep.md": "K\n"})
    head = commit(repo, {"notes/old.md": None, "notes/places/new.md": text + "One more.\n"})
    notes = locate(repo / "notes")
    assert renamed_paths(notes, base, head) == [("old.md", "places/new.md")]
    # Against the working tree: tracked files only.
    (repo / "notes" / "places" / "new.md").rename(repo / "notes" / "moved.md")
    git(repo, "add", "-A")
    assert renamed_paths(notes, base, None) == [("old.md", "moved.md")]
