"""Hover previews: one entry per note, each page gets the entries of what it links to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.make_garden import garden_files
from garden.config import GardenConfig
from garden.loader import SourceFile, load_garden
from garden.markup import first_paragraph, shorten
from garden.previews import EXCERPT_LIMIT, PreviewIndex, note_preview
from helpers_core import garden_of, note_of

FILES = {
    "index.md": """
        ---
        title: Start
        ---
        Go to [[Stockport]], [[Nowhere Yet]] and [[#Here]].

        ## Here

        ![[Embedded]]
        """,
    "places/stockport.md": """
        ---
        title: Stockport
        status: budding
        type: place
        description: A town in Greater Manchester.
        ---
        Stockport is a town. It had a [[Your Square Mile]] pilot.
        """,
    "ideas/your-square-mile.md": """
        ---
        title: Your Square Mile
        ---
        A plan to help people act within walking distance of home. It links to [[Start]].
        """,
    "embedded.md": """
        ---
        title: Embedded
        ---
        Shown inside the start page, and it links to [[Lonely]].
        """,
    "lonely.md": "# Lonely\n\nNobody links here but the embed.\n",
}


def test_a_note_preview_has_title_stage_type_description_and_first_lines() -> None:
    garden, _ = garden_of(FILES)
    preview = note_preview(garden.notes["places/stockport"], directory_urls=True)
    assert preview.title == "Stockport"
    assert (preview.stage, preview.type) == ("Budding", "Place")
    assert preview.description == "A town in Greater Manchester."
    assert preview.excerpt == "Stockport is a town. It had a Your Square Mile pilot."
    assert preview.url == "places/stockport/"
    assert not preview.wanted


def test_the_excerpt_is_dropped_when_the_description_is_the_first_lines() -> None:
    note, _ = note_of("---\ntitle: A\n---\nThe first paragraph says it all.\n")
    preview = note_preview(note, directory_urls=False)
    assert preview.description == "The first paragraph says it all."
    assert preview.excerpt == ""
    assert preview.url == "note.html"


def test_a_page_gets_previews_of_its_links_and_its_embeds_links() -> None:
    garden, _ = garden_of(FILES)
    index = PreviewIndex(garden)
    start = {p["title"]: p for p in index.for_page("index")}
    # Stockport (link), Nowhere Yet (wanted), Embedded and Lonely (shown through the embed);
    # not Your Square Mile (only a backlink), never the page itself.
    assert set(start) == {"Stockport", "Nowhere Yet", "Embedded", "Lonely"}
    wanted = start["Nowhere Yet"]
    assert wanted["wanted"] is True
    assert wanted["description"] == "This note is not written yet."
    assert wanted["url"].startswith("wanted/#")
    assert [p["url"] for p in index.for_page("index")] == sorted(p["url"] for p in start.values())
    assert {p["title"] for p in index.for_page("places/stockport")} == {"Your Square Mile"}


def test_preview_data_is_plain_json_text() -> None:
    hostile = '<script>alert(1)</script>" onmouseover="x'
    garden, _ = garden_of({
        "a.md": f"---\ntitle: '{hostile}'\ndescription: '{hostile}'\n---\nSee [[B]].\n",
        "b.md": "---\ntitle: B\n---\nBack to [[a]].\n",
    }, GardenConfig())
    (entry,) = PreviewIndex(garden).for_page("b")
    assert entry["title"] == hostile and entry["description"] == hostile
    assert json.loads(json.dumps(entry)) == entry


def _fixture_sources(name: str) -> list[SourceFile]:
    root = Path(__file__).parent / "fixtures" / name / "notes"
    return [SourceFile(p.relative_to(root).as_posix(), p.read_bytes())
            for p in sorted(root.rglob("*.md"))]


@pytest.mark.parametrize("name", ["e2e", "hostile", "obsidian-vault", "synthetic"])
def test_previews_and_their_cached_entries_equal_fresh_ones(name: str) -> None:
    """Excerpts reuse the headings found when the note was read, and each entry is made once:
    both equal computing everything again from the note's text."""
    sources = ([SourceFile(path, text.encode()) for path, text in garden_files(300).items()]
               if name == "synthetic" else _fixture_sources(name))
    garden, _ = load_garden(sources)
    index = PreviewIndex(garden)
    for nid in sorted(garden.notes):
        note = garden.notes[nid]
        fresh = shorten(first_paragraph(note.body), EXCERPT_LIMIT)
        expected = "" if fresh.startswith(note.description.rstrip("…")) else fresh
        assert note_preview(note, True).excerpt == expected, nid
        assert index.for_page(nid) == PreviewIndex(garden).for_page(nid) == index.for_page(nid)
