"""End to end: the graph views in sites built by real MkDocs, in both URL styles."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import Site

NOTE_PAGES = ["index", "places/stockport", "places/north/eden valley", "ideas/your-square-mile",
              "people/josé ruiz", "policy/lonely"]
PUBLISHED = 6  # the fixture's notes, the draft left out


def graph_links(site: Site, nid: str, selector: str) -> list:
    return site.soup(nid).select(f"{selector} svg a[href]")


@pytest.mark.parametrize("nid", NOTE_PAGES)
def test_every_note_page_has_a_local_graph_whose_nodes_lead_to_real_pages(
    e2e_site: Site, nid: str
) -> None:
    section = e2e_site.soup(nid).select_one("article #local-graph")
    assert section is not None and section.h2.get_text() == "Nearby in the garden"
    links = graph_links(e2e_site, nid, "#local-graph")
    assert len(links) >= 2
    for a in links:
        assert not a["href"].startswith(("/", "http")), a["href"]  # works under /garden/ too
        target, fragment = e2e_site.follow(nid, a["href"])
        assert target.is_file(), f"{nid}: graph node {a['href']} leads nowhere"
        assert a.title.get_text()
        if fragment:
            page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            assert page.find(id=fragment), f"{nid}: no #{fragment}"


def test_the_centre_node_is_the_page_itself(e2e_site: Site) -> None:
    nid = "places/stockport"
    current = e2e_site.soup(nid).select('#local-graph svg a[aria-current="page"]')
    assert len(current) == 1 and current[0].title.get_text() == "Stockport"
    assert e2e_site.follow(nid, current[0]["href"])[0] == e2e_site.file_for(nid)


def test_wanted_notes_in_the_local_graph_lead_to_the_wanted_page(e2e_site: Site) -> None:
    wanted = [a for a in e2e_site.soup("index").select("#local-graph svg a")
              if "garden-graph__node--wanted" in a["class"]]
    titles = [a.title.get_text() for a in wanted]
    assert "Neighbourhood Budgets (not written yet)" in titles
    for a in wanted:
        target, fragment = e2e_site.follow("index", a["href"])
        assert target == e2e_site.file_for("wanted") and fragment


def test_the_graph_page_maps_every_published_note(e2e_site: Site) -> None:
    soup = e2e_site.soup("graph")
    assert soup.h1.get_text().startswith("Garden map")
    nodes = soup.select("#garden-map svg.garden-graph--map a[href]")
    listed = soup.select("#garden-map ul.garden-graph-list a[href]")
    assert len(nodes) == len(listed) == PUBLISHED
    assert {a.title.get_text() for a in nodes} == {a.get_text() for a in listed}
    for a in nodes + listed:
        assert e2e_site.follow("graph", a["href"])[0].is_file(), a["href"]
    assert "Secret Plan" not in soup.get_text()
    summary = soup.select_one(".garden-graph-section__summary").get_text(" ", strip=True)
    assert f"all {PUBLISHED} notes" in summary
    wanted = soup.select_one(".garden-graph-section__summary a")
    assert e2e_site.follow("graph", wanted["href"])[0] == e2e_site.file_for("wanted")


def test_the_map_script_is_served(e2e_site: Site) -> None:
    script = e2e_site.soup("graph").select_one('script[src$="garden-graph.js"]')
    target, _ = e2e_site.follow("graph", script["src"])
    assert target.is_file()
