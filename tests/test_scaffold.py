"""New notes from the template: file names from titles, and a template that reads back cleanly."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from garden.note import NOTE_TYPES, parse_note
from garden.scaffold import (
    file_name_for,
    new_file_base,
    new_note_url,
    note_template,
    wanted_note_url,
)
from garden.slugs import normalise, note_id
from helpers_core import garden_of


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


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "expected"),
    [
        ("https://github.com/o/r", "edit/main/notes/", "https://github.com/o/r/new/main/notes"),
        ("https://github.com/o/r/", "edit/trunk/site/notes",
         "https://github.com/o/r/new/trunk/site/notes"),
        ("https://github.com/o/r", "blob/main/notes/", "https://github.com/o/r/new/main/notes"),
        ("https://github.com/o/r", None, "https://github.com/o/r/new/main/notes"),
        ("https://github.com/o/r", "", "https://github.com/o/r/new/main/notes"),
        (None, "edit/main/notes/", None),
        ("", None, None),
    ],
)
def test_new_file_base_comes_from_the_site_configuration(repo_url, edit_uri, expected) -> None:
    assert new_file_base(repo_url, edit_uri, "notes") == expected


HOSTILE = '<script>alert(1)</script>" onmouseover="x'


@pytest.mark.parametrize("title", ["Big Local", "Café & Co: 100% 'local'?", HOSTILE])
def test_new_note_url_carries_file_name_and_template(title: str) -> None:
    url = new_note_url("https://github.com/o/r/new/main/notes", "places", title)
    parts = urlsplit(url)
    assert url.isascii() and not set(url) & set("\"'<> \n")
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/o/r/new/main/notes"
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {"filename": [f"places/{file_name_for(title)}"],
                     "value": [note_template(title)]}


def test_wanted_note_url_uses_the_folder_of_the_first_note_that_wants_it() -> None:
    garden, _ = garden_of({"places/stockport.md": "See [[Leeds]].\n",
                           "ideas/zebra.md": "Title Z: [[leeds]].\n"})
    (wanted,) = garden.wanted
    query = parse_qs(urlsplit(wanted_note_url("https://x.org/new/main/notes", wanted)).query)
    assert query["filename"] == ["places/leeds.md"]
