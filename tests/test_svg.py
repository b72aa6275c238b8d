"""The graph views drawn as SVG: well-formed, escaped, every node a working relative link."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest

from garden.config import GardenConfig
from garden.layout import GraphViews
from garden.slugs import NoteId, url_for
from garden.svg import draw, escape, garden_map_view, local_graph_view
from helpers_core import garden_of

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script>" onmouseover="x'
GARDEN = {
    "places/stockport.md": "---\ntitle: Stockport\ntype: place\nstatus: evergreen\n---\n"
                           "See [[Your Square Mile]] and [[Town Hall]].",
    "initiatives/your-square-mile.md": "---\ntitle: Your Square Mile\ntype: initiative\n---\n"
                                       "In [[Stockport]]. By [[hostile]].",
    "hostile.md": f"---\ntitle: '{HOSTILE.replace(chr(39), chr(39) * 2)}'\n---\nHi\x07 there.",
    "javascript:alert(1).md": "# Sneaky\n\nTo [[Stockport]].",
}


def views(directory_urls: bool = True) -> GraphViews:
    garden, issues = garden_of(GARDEN, GardenConfig(directory_urls=directory_urls))
    assert not [i for i in issues if i.is_error]
    return GraphViews(garden)


def parse(svg: str) -> ET.Element:
    """The SVG as XML: it must be well-formed whatever the notes say."""
    return ET.fromstring(svg)


def nodes(svg: str) -> list[ET.Element]:
    return parse(svg).findall(f"{SVG}a")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_node_is_a_page_relative_link_with_its_title(directory_urls: bool) -> None:
    view = local_graph_view(views(directory_urls), NoteId("places/stockport"), 25)
    site = "https://example.org/garden/"  # served under a sub-path
    page = site + url_for(NoteId("places/stockport"), directory_urls)
    found = {a.find(f"{SVG}title").text: urljoin(page, a.get("href")) for a in nodes(view.svg)}
    assert found["Your Square Mile"] == site + url_for(
        NoteId("initiatives/your-square-mile"), directory_urls)
    assert found["Stockport"] == page
    wanted = "wanted/#town-hall" if directory_urls else "wanted.html#town-hall"
    assert found["Town Hall (not written yet)"] == site + wanted
    assert all(not a.get("href").startswith(("/", "http")) for a in nodes(view.svg))


def test_hostile_title_stays_text() -> None:
    view = local_graph_view(views(), NoteId("initiatives/your-square-mile"), 25)
    assert "<script" not in view.svg and 'x"' not in view.svg
    hostile = next(a for a in nodes(view.svg) if a.find(f"{SVG}title").text == HOSTILE)
    assert set(hostile.attrib) == {"class", "href"}
    assert hostile.find(f"{SVG}text").text.startswith("<script>")


def test_control_characters_are_dropped_so_the_svg_stays_xml() -> None:
    assert escape("a\x00b\x07c\td") == "abc\td"


def test_a_file_name_that_looks_like_a_scheme_is_still_a_relative_link() -> None:
    view = local_graph_view(views(), NoteId("places/stockport"), 25)
    hrefs = [a.get("href") for a in nodes(view.svg)]
    assert "../../javascript%3Aalert%281%29/" in hrefs
    assert not any(h.startswith("javascript:") for h in hrefs)


def test_classes_follow_type_status_wanted_and_current() -> None:
    view = local_graph_view(views(), NoteId("places/stockport"), 25)
    classes = {a.find(f"{SVG}title").text: a.get("class").split() for a in nodes(view.svg)}
    assert {"garden-graph__node--place", "garden-graph__node--evergreen",
            "garden-graph__node--current"} <= set(classes["Stockport"])
    assert {"garden-graph__node--initiative",
            "garden-graph__node--seedling"} <= set(classes["Your Square Mile"])
    assert "garden-graph__node--wanted" in classes["Town Hall (not written yet)"]
    current = [a for a in nodes(view.svg) if a.get("aria-current") == "page"]
    assert [a.find(f"{SVG}title").text for a in current] == ["Stockport"]


def test_the_drawing_is_named_and_draws_links_as_paths() -> None:
    view = local_graph_view(views(), NoteId("places/stockport"), 25)
    root = parse(view.svg)
    assert root.get("aria-label") == "Notes near Stockport"
    assert root.get("viewBox") == "0 0 640 440"
    paths = root.findall(f"{SVG}path")
    assert paths and all(p.get("d").startswith("M") for p in paths)
    assert view.shown == 5 and view.links == 4 and view.omitted == 0  # a↔b is one line


def test_a_note_without_links_gets_no_drawing() -> None:
    garden, _ = garden_of({"a.md": "# A\n\nAlone."})
    view = local_graph_view(GraphViews(garden), NoteId("a"), 25)
    assert view.svg == "" and view.shown == 1


def test_map_view_lists_its_notes_by_title_with_page_relative_urls() -> None:
    view = garden_map_view(views(), "graph.md", 300)
    assert [n.title for n in view.notes] == sorted((n.title for n in view.notes), key=str.casefold)
    assert len(nodes(view.svg)) == len(view.notes) == 4
    assert {n.url for n in view.notes} >= {"../places/stockport/", "../hostile/"}
    assert view.wanted_url == "../wanted/" and view.data_url == "../graph.json"
    assert parse(view.svg).get("aria-label") == "Map of the garden"


def test_map_view_in_html_url_style() -> None:
    view = garden_map_view(views(directory_urls=False), "graph.md", 300)
    assert "places/stockport.html" in {n.url for n in view.notes}
    assert view.wanted_url == "wanted.html" and view.data_url == "graph.json"


def test_drawing_is_the_same_text_every_time() -> None:
    first = draw(views().garden_map(300), "graph/", "Map")
    second = draw(views().garden_map(300), "graph/", "Map")
    assert first == second
