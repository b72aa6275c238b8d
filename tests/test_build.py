"""`python build.py` / `garden build`, bad input through a real build, and reproducible output."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, mkdocs_build, run, write_garden

BAD_NOTES: dict[str, tuple[bytes, str]] = {
    "invalid-yaml": (b"---\ntitle: [unclosed\n---\nBody.\n", "notes/bad.md:2:"),
    "not-a-mapping": (b"---\n- just\n- a list\n---\nBody.\n", "notes/bad.md:2:1: error"),
    "wrong-type": (b"---\ntitle: Bad\ntags: {a: 1}\n---\nBody.\n", "notes/bad.md:3:"),
    "unknown-type": (b"---\ntype: organization\n---\nBody.\n", "did you mean 'organisation'"),
    "empty": (b"", "notes/bad.md:1:1: error: this note is empty"),
    "not-utf8": (b"---\ntitle: Bad\n---\nline four\ncaf\xe9 line five\n",
                 "notes/bad.md:5:4: error"),
    "ambiguous": (b"Links to [[Twin]].\n", "notes/bad.md:1:10: error: [[Twin]] matches 2 notes"),
}


def _twins(bad: bytes) -> dict[str, str | bytes]:
    return {"index.md": "Home links to [[bad]].\n", "bad.md": bad,
            "a/twin.md": "Twin A, see [[index]].\n", "b/twin.md": "Twin B, see [[index]].\n"}


@pytest.mark.parametrize("case", sorted(BAD_NOTES))
def test_bad_input_stops_build_py_with_a_located_message(tmp_path: Path, case: str) -> None:
    data, expected = BAD_NOTES[case]
    root = write_garden(tmp_path, _twins(data))
    result = run([sys.executable, str(REPO / "build.py")], cwd=root)
    assert result.returncode == 1
    assert expected in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize("case", sorted(BAD_NOTES))
def test_bad_input_through_plain_mkdocs_build(tmp_path: Path, case: str) -> None:
    data, expected = BAD_NOTES[case]
    root = write_garden(tmp_path, _twins(data))
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_bom_crlf_and_cr_notes_build(tmp_path: Path) -> None:
    root = write_garden(tmp_path, {
        "index.md": b"\xef\xbb\xbf---\r\ntitle: Home\r\n---\r\nSee [[Windows]] and [[Mac]].\r\n",
        "windows.md": b"---\r\ntitle: Windows\r\n---\r\n\r\nCRLF note, back to [[Home]].\r\n",
        "mac.md": b"---\rtitle: Mac\r---\rCR note, back to [[Home]].\r",
    })
    result = run([sys.executable, str(REPO / "build.py"), "--strict"], cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="windows/"' in html and 'href="mac/"' in html
    assert "<h1>Home</h1>" in html or ">Home</h1>" in html


def test_build_py_prints_a_one_line_summary(tmp_path: Path) -> None:
    root = write_garden(tmp_path, FIXTURES / "e2e" / "notes")
    result = run([sys.executable, str(REPO / "build.py")], cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("built 6 notes, ")
    for word in ("links", "wanted", "orphans", "warnings", " s "):
        assert word in last
    assert "1 wanted notes" in last and "1 orphans" in last


def _generated_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.suffix in {".html", ".json", ".xml"}}


def test_two_builds_in_two_directories_are_byte_identical(tmp_path: Path) -> None:
    sites = []
    for name in ("first", "second"):
        root = write_garden(tmp_path / name, FIXTURES / "e2e" / "notes")
        assert mkdocs_build(root).returncode == 0
        sites.append(_generated_files(root / "site"))
    assert sites[0].keys() == sites[1].keys()
    assert "graph.json" in sites[0] and "index.html" in sites[0]
    assert b"garden-graph--map" in sites[0]["graph/index.html"]  # the SVG graphs too
    different = [name for name in sites[0] if sites[0][name] != sites[1][name]]
    assert different == []
