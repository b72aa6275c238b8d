"""Reading the notes folder and turning files into a checked Garden."""

from __future__ import annotations

from garden.config import GardenConfig
from garden.loader import ParseCache, SourceFile, load_garden, load_notes, read_notes_dir
from helpers_core import messages


def test_read_notes_dir(tmp_path):
    files = {
        "index.md": b"Home.",
        "places/stockport.md": b"Town.",
        "places/deep/mill.MD": b"Mill.",
        "b.md": b"B.",
        "picture.png": b"\x89PNG",
        "notes.txt": b"not a note",
        ".hidden.md": b"hidden",
        ".obsidian/workspace.md": b"editor state",
        "places/.trash/old.md": b"deleted",
    }
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    assert sorted(read_notes_dir(tmp_path), key=lambda f: f.path) == [
        SourceFile("b.md", b"B."),
        SourceFile("index.md", b"Home."),
        SourceFile("places/deep/mill.MD", b"Mill."),
        SourceFile("places/stockport.md", b"Town."),
    ]


def test_read_notes_dir_accepts_a_string_path(tmp_path):
    (tmp_path / "a.md").write_bytes(b"A.")
    assert read_notes_dir(str(tmp_path)) == [SourceFile("a.md", b"A.")]


def test_load_garden_collects_every_problem_sorted():
    garden, issues = load_garden([
        SourceFile("z.md", b"---\ntag: x\n---\n[[Ghost]] and [gone](gone.md)"),
        SourceFile("a.md", b"caf\xe9 [[Z]]"),
        SourceFile("m.md", b""),
    ])
    assert messages(issues) == [
        "notes/a.md:1:4: error: this file is not UTF-8 text (the byte here can't be read) — save "
        "it with the UTF-8 encoding (most editors offer it under 'Save as')",
        "notes/m.md:1:1: error: this note is empty — write a few sentences (see the note "
        "template in CONTRIBUTING.md), or delete the file",
        "notes/z.md:2:1: warning: 'tag' is not a front-matter key the garden knows — did you "
        "mean 'tags'?",
        "notes/z.md:4:15: error: [gone](gone.md) links to notes/gone.md, which does not exist — "
        "check the file name, or link to the note by its title, like [[Your Square Mile]]",
    ]
    assert sorted(garden.notes) == ["a", "m", "z"]  # a bad note never disappears
    assert garden.notes["a"].body == "caf\ufffd [[Z]]"
    assert garden.outlinks("a") == ["z"]


def test_messages_name_the_configured_notes_folder():
    _, issues = load_garden([SourceFile("a.md", b"")], GardenConfig(notes_label="docs/"))
    assert [i.path for i in issues] == ["docs/a.md"]


def test_a_note_may_not_take_the_wanted_pages_name():
    _, issues = load_garden([SourceFile("wanted.md", b"My own page.")])
    assert messages(issues) == [
        "notes/wanted.md:1:1: error: wanted.md is the name of the generated 'Wanted notes' "
        "page — rename this note"]


def test_the_reserved_name_follows_the_configuration():
    config = GardenConfig(wanted_page="todo.md", wanted_title="To write")
    _, issues = load_garden([SourceFile("wanted.md", b"Fine."), SourceFile("todo.md", b"No.")],
                            config)
    assert [(i.path, i.code) for i in issues] == [("notes/todo.md", "reserved-name")]


def test_two_files_with_one_id_are_an_error_not_a_silent_loss():
    garden, issues = load_garden([SourceFile("a.md", b"First."), SourceFile("a.MD", b"Second.")])
    assert messages(issues) == [
        "notes/a.MD:1:1: error: a.MD is the same note as a.md to the garden (the names differ "
        "only in the case of .md) — rename or remove one of them"]
    assert [note.body for note in garden.notes.values()] == ["First."]


def test_load_garden_from_a_folder(tmp_path):
    (tmp_path / "places").mkdir()
    (tmp_path / "places" / "stockport.md").write_text("# Stockport\n\nSee [[YSM]].\n")
    (tmp_path / "ysm.md").write_text("---\ntitle: Your Square Mile\naliases: [YSM]\n---\n"
                                     "In [[Stockport]].\n", encoding="utf-8")
    garden, issues = load_garden(read_notes_dir(tmp_path))
    assert issues == []
    assert garden.outlinks("places/stockport") == ["ysm"]
    assert garden.outlinks("ysm") == ["places/stockport"]


def test_a_parse_cache_gives_what_a_fresh_load_gives_and_reuses_unchanged_notes():
    config = GardenConfig()
    first = [SourceFile("a.md", b"# A\n\nSee [[B]].\n"),
             SourceFile("b.md", b"---\ntitle: [\n---\n"), SourceFile("c.md", b"# C\n")]
    cache: ParseCache = {}
    before, _ = load_notes(first, config, cache)
    second = [first[0], SourceFile("b.md", b"# B\n\nFixed.\n"), SourceFile("d.md", b"\xff")]
    cached = load_notes(second, config, cache)
    assert cached == load_notes(second, config)
    assert cached[0][0] is before[0]  # unchanged bytes: the same note, not parsed again
    assert sorted(cache) == ["notes/a.md", "notes/b.md", "notes/d.md"]  # c.md went
