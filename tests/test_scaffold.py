"""New notes from the template: file names from titles, and a template that reads back cleanly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garden.note import NOTE_TYPES, parse_note
from garden.scaffold import file_name_for, note_template
from garden.slugs import normalise, note_id


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Your Square Mile", "your-square-mile.md"),
        ("Big Society: a plan", "big-society-a-plan.md"),
        ("Café Society", "café-society.md"),
        ("日本 語", "日本-語.md"),
        ("Ｆｕｌｌ Width", "full-width.md"),
        ("C++ & Rust", "c-rust.md"),
        ("  spaced  out  ", "spaced-out.md"),
        ("a/b", "a-b.md"),
        ("snake_case", "snake_case.md"),
        ("!!!", "note.md"),
    ],
)
def test_file_name_for(title, expected):
    assert file_name_for(title) == expected


@pytest.mark.parametrize("title", ["Your Square Mile", "Big Society Network", "Café Society"])
def test_a_file_name_links_like_its_title(title):
    assert normalise(note_id(file_name_for(title))) == normalise(title)


@pytest.mark.parametrize("note_type", NOTE_TYPES)
def test_the_template_reads_back_without_problems(note_type):
    title = 'Networking Big Society: "knowledge gardening" #1'
    note, issues = parse_note("x.md", note_template(title, note_type), "notes/x.md")
    assert issues == []
    assert (note.title, note.type, note.status) == (title, note_type, "seedling")
    assert (note.tags, note.aliases, note.sources, note.draft) == ((), (), (), False)
    assert note.description.startswith(f"Write what you know about {title} here")


def test_an_unknown_type_is_refused():
    with pytest.raises(ValueError, match="unknown note type 'plant'"):
        note_template("X", "plant")


@given(st.text(st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs")),
               min_size=1, max_size=30).filter(str.strip))
def test_any_printable_title_survives_the_template(title):
    note, issues = parse_note(file_name_for(title), note_template(title), "notes/x.md")
    assert [i for i in issues if i.is_error] == []
    assert note.title == title.strip()
