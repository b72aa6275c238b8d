"""The preview's rule: which pages change between two versions of the garden."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from garden.config import GardenConfig
from garden.dependents import all_changed_pages, changed_pages, page_inputs
from garden.layout import GraphViews
from garden.svg import garden_map_view
from helpers_core import garden_of

BASE = {
    "home.md": "# Home\n\nSee [[Stockport]] and [[Budgets]].\n",
    "places/stockport.md": "---\ntitle: Stockport\ntags: [places]\n---\n"
                           "Links [[Home]].\n\n## Events\n\nThe tour.\n",
    "ideas/ysm.md": "---\ntitle: Your Square Mile\n---\n![[Stockport#Events]]\n",
    "ideas/host.md": "---\ntitle: Host\n---\n![[Your Square Mile]]\n",
    "lonely.md": "---\ntitle: Lonely\n---\nNo links.\n",
}


def changes(**edits: str | None):
    old, _ = garden_of(BASE)
    files = {**BASE, **edits}
    new, _ = garden_of({path: text for path, text in files.items() if text is not None})
    found = changed_pages(old, new)
    assert found.pages == all_changed_pages(old, new)
    return found


@pytest.mark.parametrize(("edits", "pages"), [
    pytest.param({"lonely.md": "---\ntitle: Lonely\n---\nNo links at all.\n"},
                 {"lonely"}, id="a plain edit changes its own page only"),
    pytest.param({"lonely.md": "---\ntitle: Lonely\n---\nVisits [[Stockport]].\n"},
                 # home and ysm: their local graphs show Lonely two links away now.
                 {"lonely", "places/stockport", "home", "ideas/ysm"},
                 id="a new link gives its target a backlink"),
    pytest.param({"places/stockport.md": "---\ntitle: Stockport\ntags: [places]\n---\n"
                                         "Links [[Home]].\n\n## Events\n\nThe tour, later.\n"},
                 {"places/stockport", "ideas/ysm", "ideas/host"},
                 id="an embedded section changes the notes that embed it, transitively"),
    pytest.param({"budgets.md": "# Budgets\n"},
                 # Stockport's local graph shows Budgets two links away (through Home).
                 {"budgets", "home", "places/stockport"},
                 id="a written wanted note makes its links real"),
    pytest.param({"lonely.md": "---\ntitle: Lonely\naliases: [Budgets]\n---\nNo links.\n"},
                 {"lonely", "home", "places/stockport"}, id="a new alias captures a wanted link"),
    # ysm and host embed Stockport, so they carry previews of its links: [[Home]] turns wanted.
    pytest.param({"home.md": None},
                 {"places/stockport", "ideas/ysm", "ideas/host"},
                 id="a deleted note's backlinks and links go"),
    pytest.param({"places/stockport.md": "---\ntitle: Stockport Town\ntags: [places]\n---\n"
                                         "Links [[Home]].\n\n## Events\n\nThe tour.\n"},
                 {"places/stockport", "home", "ideas/ysm", "ideas/host"},
                 id="a new title shows in backlinks and previews; name links still reach it"),
])
def test_the_pages_an_edit_changes(edits, pages):
    assert changes(**edits).pages == pages


def test_a_rename_removes_the_old_page_and_builds_the_new_one():
    found = changes(**{"lonely.md": None, "alone.md": BASE["lonely.md"]})
    assert found.removed == {"lonely"}
    assert found.pages == {"alone"}


def test_a_draft_loses_its_page():
    found = changes(**{"lonely.md": "---\ntitle: Lonely\ndraft: true\n---\nNo links.\n"})
    assert found.removed == {"lonely"} and not found.pages


def test_the_tags_index_changes_with_titles_and_tags_only():
    assert not changes(**{"lonely.md": "---\ntitle: Lonely\n---\nOther.\n"}).tag_index
    assert changes(**{"lonely.md": "---\ntitle: Lonely\ntags: [x]\n---\nNo links.\n"}).tag_index


def test_without_a_previous_garden_every_page_is_built():
    new, _ = garden_of(BASE)
    found = changed_pages(None, new)
    assert found.pages == {n.id for n in new.published} and found.tag_index


def test_page_inputs_hold_the_backlinks():
    garden, _ = garden_of(BASE)
    assert [b.source for b in page_inputs(garden, "places/stockport")[2]] == ["home", "ideas/ysm"]


# Random gardens over small pools of names, so that edits collide: links captured by new
# titles and aliases, folders settling ambiguity, embeds of embeds, headings appearing.
_IDS = ["a", "b", "f/a", "f/c", "g/d"]
_NAMES = ["A", "B", "C", "D", "Nobody", "f/a"]
_LINK = st.sampled_from(["[[{}]]", "[[{}#H]]", "\n![[{}]]\n", "\n![[{}#H]]\n", "[x]({}.md)"])


@st.composite
def _note(draw: st.DrawFn) -> str:
    title = draw(st.sampled_from(["A", "B", "C", "D", "E"]))
    aliases = draw(st.lists(st.sampled_from(_NAMES), max_size=2))
    draft = draw(st.booleans()) and draw(st.booleans())
    links = draw(st.lists(st.tuples(_LINK, st.sampled_from(_NAMES)), max_size=4))
    body = " ".join(form.format(name) for form, name in links)
    heading = draw(st.sampled_from(["", "\n## H\n\nText.\n", "\n## H\n\n[[A]] here.\n"]))
    return (f"---\ntitle: {title}\naliases: [{', '.join(aliases)}]\n"
            f"draft: {str(draft).lower()}\n---\nIntro {body}.\n{heading}")


_GARDEN = st.dictionaries(st.sampled_from(_IDS).map(lambda i: f"{i}.md"), _note(), max_size=5)


@settings(max_examples=150, deadline=None)
@given(_GARDEN, _GARDEN)
def test_the_neighbourhood_rule_equals_comparing_every_page(before, after):
    old, _ = garden_of(before)
    new, _ = garden_of(after)
    found = changed_pages(old, new)
    assert found.pages == all_changed_pages(old, new)
    assert found.removed == ({n.id for n in old.published} - {n.id for n in new.published})
    if not found.map:
        assert _map(old) == _map(new)


# More notes, each named by its file, with local graphs of 3, 4 or 25 nodes, so that some pages
# have room for a second ring and some do not, and links made or broken two links away matter.
_MANY = [f"n{i}" for i in range(9)]


@st.composite
def _linked(draw: st.DrawFn) -> str:
    links = draw(st.lists(st.sampled_from([*_MANY, "Nobody"]), max_size=4))
    status = draw(st.sampled_from(["seedling", "evergreen"]))
    return f"---\nstatus: {status}\n---\n" + " ".join(f"[[{n}]]" for n in links)


_WIDE = st.dictionaries(st.sampled_from(_MANY).map(lambda i: f"{i}.md"), _linked(),
                        min_size=3, max_size=9)


@settings(max_examples=200, deadline=None)
@given(_WIDE, _WIDE, st.sampled_from([3, 4, 25]))
def test_the_local_graph_rule_equals_comparing_every_page(before, after, local_nodes):
    config = GardenConfig(graph_local_nodes=local_nodes, graph_map_nodes=local_nodes)
    old, _ = garden_of(before, config)
    new, _ = garden_of({**before, **after}, config)
    found = changed_pages(old, new)
    assert found.pages == all_changed_pages(old, new)
    if not found.map:
        assert _map(old) == _map(new)


def _map(garden):
    return garden_map_view(GraphViews(garden), "graph.md", garden.config.graph_map_nodes)


def test_a_link_between_two_notes_two_links_away_changes_the_drawing():
    before = {"p.md": "[[a]]", "a.md": "[[x]] [[y]]", "x.md": "", "y.md": ""}
    old, _ = garden_of(before)
    new, _ = garden_of({**before, "x.md": "[[y]]"})
    assert changed_pages(old, new).pages == all_changed_pages(old, new) == {"p", "a", "x", "y"}



def test_the_map_is_redrawn_only_when_what_it_draws_changed():
    assert not changes(**{"lonely.md": "---\ntitle: Lonely\n---\nNo links at all.\n"}).map
    assert changes(**{"lonely.md": "---\ntitle: Lonely\n---\nVisits [[Stockport]].\n"}).map
    assert changes(**{"lonely.md": "---\ntitle: Alone\n---\nNo links.\n"}).map
