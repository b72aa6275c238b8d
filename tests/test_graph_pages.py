"""End to end: the graph views in sites built by real MkDocs, in both URL styles."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import Site, mkdocs_build, write_garden

NOTE_PAGES = ["index", "places/stockport", "places/north/eden valley", "ideas/your-square-mile",
              "people/josé ruiz", "policy/lonely"]
PUBLISHED = 6  # the fixture's notes, the draft left out


def graph_links(site: Site, nid: str, selector: str) -> list:
    return site.soup(nid).select(f"{selector} svg a[href]")


@pytest.mark.parametrize("nid", NOTE_PAGES)
def test_every_note_page_has_a_local_graph_whose_nodes_lead_to_real_pages(
    e2e_site: Site, nid: str
) -> None:
    section = e2e_site.soup(nid).select_one("article #garden-graph-local")
    assert section is not None and section.h2.get_text() == "Nearby in the garden"
    links = graph_links(e2e_site, nid, "#garden-graph-local")
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
    current = e2e_site.soup(nid).select('#garden-graph-local svg a[aria-current="page"]')
    assert len(current) == 1 and current[0].title.get_text() == "Stockport"
    assert e2e_site.follow(nid, current[0]["href"])[0] == e2e_site.file_for(nid)


def test_wanted_notes_in_the_local_graph_lead_to_the_wanted_page(e2e_site: Site) -> None:
    wanted = [a for a in e2e_site.soup("index").select("#garden-graph-local svg a")
              if "garden-graph__node--wanted" in a["class"]]
    titles = [a.title.get_text() for a in wanted]
    assert "Neighbourhood Budgets (not written yet)" in titles
    for a in wanted:
        target, fragment = e2e_site.follow("index", a["href"])
        assert target == e2e_site.file_for("wanted") and fragment


def test_the_graph_page_maps_every_published_note(e2e_site: Site) -> None:
    soup = e2e_site.soup("graph")
    assert soup.h1.get_text().startswith("Garden map")
    nodes = soup.select("#garden-graph-map svg.garden-graph--map a[href]")
    listed = soup.select("#garden-graph-map ul.garden-graph-list a[href]")
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


HOSTILE = '<script>alert(1)</script>" onmouseover="x'


def test_a_hostile_title_stays_text_in_both_graphs(tmp_path) -> None:
    title = HOSTILE.replace("'", "''")
    root = write_garden(tmp_path, {
        "evil.md": f"---\ntitle: '{title}'\n---\nLinks to [[Good]].",
        "good.md": "# Good\n\nLinks back to [[evil]].",
    })
    assert mkdocs_build(root).returncode == 0
    site = Site(root, True)
    for nid, selector in (("good", "#garden-graph-local"), ("graph", "#garden-graph-map")):
        section = site.soup(nid).select_one(selector)
        scripts = [s for s in section.find_all(["script", "style"])
                   if not s.get("src", "").endswith("assets/garden-graph.js")]
        assert scripts == [], nid
        assert not [el for el in section.find_all(True) if "onmouseover" in el.attrs], nid
        assert HOSTILE in [t.get_text() for t in section.find_all("title")], nid
    listed = site.soup("graph").select_one("#garden-graph-map ul").get_text()
    assert HOSTILE in listed


@pytest.mark.parametrize("nid", ["graph", "places/stockport"])
def test_graph_sections_add_no_duplicate_ids(e2e_site: Site, nid: str) -> None:
    ids = [el["id"] for el in e2e_site.soup(nid).find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
