"""Nothing outside `notes/` is read or published: link targets, embeds, aliases and symbolic
links that point out of the notes folder (real builds)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from conftest import REPO, mkdocs_build, run, write_garden
from helpers_core import garden_of

SECRET = "top-secret-credential-8d1f"


def test_path_like_targets_are_wanted_notes_never_files() -> None:
    garden, _ = garden_of({
        "index.md": "[[../../etc/passwd]] [[/etc/passwd]] [[../secret]]\n\n![[../secret]]\n",
        "alias.md": "---\naliases: [../../etc/passwd]\n---\nAn alias that looks like a path.\n",
    })
    found = {r.link.raw: (r.status.value, r.target) for r in garden.resolutions["index"]}
    # An alias is only a name: the link goes to the note that has it, not to a file.
    assert found.pop("[[../../etc/passwd]]") == ("resolved", "alias")
    assert {status for status, _ in found.values()} == {"wanted"}, found


def _garden_with_links(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Secret\n\n{SECRET}\n", encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "inner.md").write_text(SECRET, encoding="utf-8")
    root = write_garden(tmp_path / "garden", {"index.md": "Home, see [[secret]].\n",
                                              "inside.md": "Inside, see [[index]].\n"})
    notes = root / "notes"
    os.symlink(outside / "secret.md", notes / "secret.md")
    os.symlink(outside / "secret.txt", notes / "secret.txt")
    os.symlink(outside / "folder", notes / "folder")
    os.symlink(notes / "inside.md", notes / "alias-inside.md")  # inside: fine
    return root


def test_symbolic_links_out_of_the_notes_stop_mkdocs_build(tmp_path: Path) -> None:
    root = _garden_with_links(tmp_path)
    result = mkdocs_build(root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    for name in ("secret.md", "secret.txt", "folder/inner.md"):
        assert f"notes/{name}:1:1: error: this file is a symbolic link to a place outside " \
               "the notes folder" in result.stderr, name
    assert "alias-inside.md" not in result.stderr
    site = root / "site"
    if site.exists():
        for path in site.rglob("*"):
            assert not path.is_file() or SECRET.encode() not in path.read_bytes()


def test_symbolic_links_out_of_the_notes_stop_build_py(tmp_path: Path) -> None:
    root = _garden_with_links(tmp_path)
    result = run([sys.executable, str(REPO / "build.py")], cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "notes/secret.md:1:1: error: this file is a symbolic link" in result.stdout
    assert SECRET not in result.stdout + result.stderr
    assert not (root / "site").exists()


def test_garden_check_names_the_link_and_never_reads_it(tmp_path: Path) -> None:
    root = _garden_with_links(tmp_path)
    result = run([sys.executable, "-m", "garden", "check", "notes"], cwd=root)
    assert result.returncode == 1
    assert "notes/secret.md:1:1: error" in result.stdout and SECRET not in result.stdout
