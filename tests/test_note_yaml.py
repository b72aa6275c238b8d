"""libyaml reads front matter fast; it must give exactly what the pure-Python parser gives: the
same notes and the same messages for everything the pure-Python parser reads, and for what it
refuses, an error too (the two disagree on a few broken texts, like `|#`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import garden.note
from benchmarks.make_garden import garden_files
from garden.note import parse_note

REPO = Path(__file__).resolve().parents[1]
needs_libyaml = pytest.mark.skipif(garden.note._FAST_LOADER is None,
                                   reason="this PyYAML has no libyaml")


def _both(text: str, monkeypatch: pytest.MonkeyPatch):
    fast = parse_note("n.md", text, "notes/n.md")
    with monkeypatch.context() as patch:
        patch.setattr(garden.note, "_FAST_LOADER", None)
        pure = parse_note("n.md", text, "notes/n.md")
    return fast, pure


def _corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted((REPO / "notes").rglob("*.md"))]
    texts += [p.read_text(encoding="utf-8", errors="replace")
              for p in sorted((REPO / "tests" / "fixtures").rglob("*.md"))]
    return texts + list(garden_files(60, seed=5).values())


@needs_libyaml
def test_the_real_and_synthetic_notes_read_the_same(monkeypatch):
    for text in _corpus():
        fast, pure = _both(text, monkeypatch)
        assert fast == pure


@needs_libyaml
@pytest.mark.parametrize("front", [
    "title: Big Society: a plan", "title: T\ntags: [a, b", "title: T\n  status: budding",
    'title: "unclosed', "x: a: b", "title: !!python/object/apply:os.getcwd []", "- a\n- b",
    "a: *x", "a: &x 1\nb: *x", "a: \x07", "\t- a", "a: [" * 60, "title: [unclosed",
    "a: 1\na: 2", "title: No", "date: 2010-08-30", "tags: one",
])
def test_broken_and_odd_yaml_reads_the_same(front, monkeypatch):
    fast, pure = _both(f"---\n{front}\n---\nBody.\n", monkeypatch)
    assert fast == pure


_YAMLISH = st.text(alphabet="ab: -[]{},'\"#&*!|>\n\t?%@`01.", max_size=60)


@needs_libyaml
@settings(max_examples=500, deadline=None)
@given(front=_YAMLISH)
def test_any_front_matter_reads_the_same(front):
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, pure = _both(f"---\n{front}\n---\nBody [[a]].\n", monkeypatch)
    if any(issue.code == "invalid-yaml" for issue in pure[1]):
        assert any(issue.is_error for issue in fast[1])
    else:
        assert fast == pure
