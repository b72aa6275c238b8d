"""Note encodings: UTF-8 with or without BOM, any line endings; anything else is an error that
names the file, the first bad line and its column (in characters)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, run, write_garden
from garden.note import decode

CASES = {
    "latin-1 after accents": ("Caf\u00e9 ok\nna\u00efve\n\u00e9t\u00e9 ".encode() + b"caf\xe9\n",
                              3, 8),
    "crlf": (b"one\r\ntwo\r\nthree \xff\r\n", 3, 7),
    "cr only": (b"one\rtwo\rthree \xff\r", 3, 7),
    "utf-16": ("title\n".encode("utf-16"), 1, 1),
    "bom then bad": (b"\xef\xbb\xbfok\nbad \xc3\x28\n", 2, 5),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_first_bad_byte_is_located_by_line_and_character(case: str) -> None:
    data, line, col = CASES[case]
    _, issues = decode(data, "notes/bad.md")
    assert [(i.line, i.col, i.code) for i in issues] == [(line, col, "not-utf8")]


def test_utf16_is_named() -> None:
    _, issues = decode("title\n".encode("utf-16"), "notes/bad.md")
    assert "it looks like UTF-16" in issues[0].message


def test_a_bad_byte_stops_the_build_with_its_place(tmp_path: Path) -> None:
    root = write_garden(tmp_path, {"index.md": "Home, see [[bad]].\n",
                                   "bad.md": CASES["latin-1 after accents"][0]})
    result = run([sys.executable, str(REPO / "build.py")], cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "notes/bad.md:3:8: error: this file is not UTF-8 text" in result.stdout
