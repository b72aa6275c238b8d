"""Guards for the garden's own notes (notes/): the counts and rules the content promises."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from garden.config import GardenConfig
from garden.graph import Garden
from garden.loader import load_garden, read_notes_dir
from garden.resolve import Status

ENTRY_PAGES = {"index", "about", "contribute", "tags"}
VOCABULARY_LINE = re.compile(r"^- `(?P<tag>[^`]+)` — \S")


@pytest.fixture(scope="module")
def loaded() -> tuple[Garden, list]:
    return load_garden(read_notes_dir(REPO / "notes"), GardenConfig(notes_label="notes"))


@pytest.fixture(scope="module")
def garden(loaded) -> Garden:
    return loaded[0]


def test_the_notes_pass_a_strict_check(loaded) -> None:
    _, issues = loaded
    assert [i.format() for i in issues] == []


def test_at_least_sixty_notes_besides_the_entry_pages(garden: Garden) -> None:
    notes = [n for n in garden.published if n.id not in ENTRY_PAGES]
    assert len(notes) >= 60


def test_entry_pages_exist(garden: Garden) -> None:
    assert set(garden.notes) >= ENTRY_PAGES


def test_no_orphans(garden: Garden) -> None:
    assert garden.orphans() == []


@pytest.mark.parametrize("field", ["description", "sources", "tags"])
def test_every_note_has(garden: Garden, field: str) -> None:
    missing = [n.id for n in garden.published if not getattr(n, field)]
    assert missing == []


def test_every_source_has_title_url_and_date(garden: Garden) -> None:
    """A source the fact sheet gives no date for says so ("n.d."): never a guessed date."""
    undated = [(n.id, s.title) for n in garden.published for s in n.sources if not s.date]
    assert undated == []
    dates = {s.date for n in garden.published for s in n.sources}
    assert all(d == "n.d." or re.fullmatch(r"\d{4}(-\d{2}){0,2}", d) for d in dates), dates


def test_every_tag_is_in_the_vocabulary(garden: Garden) -> None:
    tags_page = garden.notes["tags"].body
    vocabulary = {m["tag"] for line in tags_page.splitlines() if (m := VOCABULARY_LINE.match(line))}
    assert len(vocabulary) in range(15, 26)
    used = {tag for note in garden.published for tag in note.tags}
    assert used - vocabulary == set()


def test_at_least_three_links_out_of_every_note(garden: Garden) -> None:
    few = [n.id for n in garden.published if len(garden.outlinks(n.id)) < 3]
    assert few == []


def test_aliases_do_their_work(garden: Garden) -> None:
    by_alias = sum(
        1 for resolutions in garden.resolutions.values() for r in resolutions
        if r.status is Status.RESOLVED and r.link.target and r.target
        and r.link.target.casefold() in {a.casefold() for a in garden.notes[r.target].aliases}
    )
    assert by_alias >= 20
    aliases = {a for n in garden.published for a in n.aliases}
    assert {"BSN", "YSM", "DTA", "OCS", "NCS"} <= aliases


def test_deliberate_wanted_notes(garden: Garden) -> None:
    assert len(garden.wanted) >= 8


def test_growth_stages_are_honest(garden: Garden) -> None:
    evergreen = [n.id for n in garden.published if n.status == "evergreen"]
    assert len(evergreen) <= len(garden.published) // 4
