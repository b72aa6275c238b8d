"""End to end: the fixture garden built by real MkDocs + mkdocs-material, in both URL styles."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import Site

NOTE_PAGES = ["index", "places/stockport", "places/north/eden valley", "ideas/your-square-mile",
              "people/josé ruiz", "policy/lonely"]


def links_in_content(site: Site, nid: str):
    article = site.soup(nid).select_one("article")
    return [a for a in article.select("a[href]")
            if "headerlink" not in (a.get("class") or []) and not a.find_parent(id="backlinks")]


@pytest.mark.parametrize("nid", NOTE_PAGES)
def test_every_link_leads_to_a_real_page_and_anchor(e2e_site: Site, nid: str) -> None:
    for a in links_in_content(e2e_site, nid):
        href = a["href"]
        if href.startswith(("http", "mailto:")) or a.get("title") == "Edit this page":
            continue
        target, fragment = e2e_site.follow(nid, href)
        assert target.is_file(), f"{nid}: {href} leads nowhere"
        if fragment:
            soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            assert soup.find(id=fragment), f"{nid}: {href} has no #{fragment} on its page"


def test_wikilinks_become_links_with_labels(e2e_site: Site) -> None:
    links = {a.get_text(): a["href"] for a in links_in_content(e2e_site, "index")}
    assert "Your Square Mile" in links
    assert links["the square-mile plan"] == links["Your Square Mile"]
    assert links["Stockport › Café society"].endswith("#café-society")
    assert "Eden Valley" in links  # path form shows the title


def test_heading_link_lands_on_the_toc_id_of_a_non_ascii_heading(e2e_site: Site) -> None:
    links = {a.get_text(): a["href"] for a in links_in_content(e2e_site, "index")}
    _, fragment = e2e_site.follow("index", links["Stockport › Café society"])
    assert fragment == "café-society"
    heading = e2e_site.soup("places/stockport").find(id=fragment)
    assert heading.name == "h2" and heading.get_text().startswith("Café society")


def test_link_to_a_heading_of_the_same_note(e2e_site: Site) -> None:
    eden = "places/north/eden valley"
    links = {a.get_text(): a["href"] for a in links_in_content(e2e_site, eden)}
    target, fragment = e2e_site.follow(eden, links["the notes below"])
    assert target == e2e_site.file_for(eden) and fragment == "notes"


def test_code_comments_and_escapes_are_not_links(e2e_site: Site) -> None:
    soup = e2e_site.soup("index")
    texts = " ".join(a.get_text() for a in soup.select("article a"))
    for name in ("Not A Link", "Fenced Not A Link", "Commented Not A Link", "Escaped Link"):
        assert name not in texts
    assert "[[Not A Link]]" in soup.select_one("article code").get_text()
    assert "[[Escaped Link]]" in soup.select_one("article").get_text()


def test_backlinks_list_every_linking_note_with_its_sentence(e2e_site: Site) -> None:
    section = e2e_site.soup("places/stockport").find(id="backlinks")
    items = section.select("li")
    titles = [li.a.get_text() for li in items]
    assert titles == ["Eden Valley", "Home", "Your Square Mile"]  # sorted by title
    contexts = {li.a.get_text(): li.select_one("p").get_text() for li in items}
    assert contexts["Your Square Mile"] == (
        "Your Square Mile started in Stockport and was written up by José Ruiz.")
    for li in items:
        target, _ = e2e_site.follow("places/stockport", li.a["href"])
        assert target.is_file()


def test_draft_links_make_no_backlinks_and_drafts_are_not_published(e2e_site: Site) -> None:
    titles = [a.get_text() for a in e2e_site.soup("places/stockport").select("#backlinks li > a")]
    assert "Secret Plan" not in titles
    assert not e2e_site.file_for("policy/secret-plan").exists()


def test_backlinks_empty_state(e2e_site: Site) -> None:
    section = e2e_site.soup("policy/lonely").find(id="backlinks")
    assert section.select("li") == []
    assert "Nothing links here yet" in section.get_text()


def test_wanted_links_look_different_and_lead_to_the_wanted_page(e2e_site: Site) -> None:
    wanted = e2e_site.soup("index").select("a.garden-wanted")
    assert [a.get_text() for a in wanted] == ["Neighbourhood Budgets"]
    target, fragment = e2e_site.follow("index", wanted[0]["href"])
    assert target == e2e_site.file_for("wanted")
    page = e2e_site.soup("wanted")
    heading = page.find(id=fragment)
    assert heading.get_text().startswith("Neighbourhood Budgets")
    wanting = [a.get_text() for a in heading.find_next("ul").select("a")]
    assert wanting == ["Eden Valley", "Home"]


def test_sources_section_and_meta_description(e2e_site: Site) -> None:
    soup = e2e_site.soup("places/stockport")
    heading = soup.find(id="sources")
    assert heading is not None
    source = heading.find_next("ol").a
    assert source.get_text() == "Stockport town hall tour"
    assert source["href"] == "https://example.org/stockport"
    described = e2e_site.soup("ideas/your-square-mile").find("meta", attrs={"name": "description"})
    assert described["content"] == (
        "A plan to help people act together within walking distance of home.")
    defaulted = e2e_site.soup("policy/lonely").find("meta", attrs={"name": "description"})
    assert defaulted["content"] == "Nothing links here. It links to Home."


def test_title_from_first_heading(e2e_site: Site) -> None:
    assert e2e_site.soup("policy/lonely").title.get_text().startswith("The Lonely Note")


def test_embed_is_inlined(e2e_site: Site) -> None:
    embed = e2e_site.soup("ideas/your-square-mile").select_one(".garden-embed")
    assert "The tour began here." in embed.get_text()
    assert "Café society" not in embed.get_text()  # only the Events section


def test_graph_json(e2e_site: Site) -> None:
    data = json.loads((e2e_site.dir / "graph.json").read_text(encoding="utf-8"))
    ids = [n["id"] for n in data["nodes"]]
    assert ids == sorted(ids)
    assert "policy/secret-plan" not in ids
    assert "wanted:neighbourhood budgets" in ids
    by_id = {n["id"]: n for n in data["nodes"]}
    stockport = by_id["places/stockport"]
    assert stockport == {
        "id": "places/stockport", "title": "Stockport", "type": "place", "status": "budding",
        "tags": ["places", "events"], "wanted": False,
        "url": "places/stockport/" if e2e_site.directory_urls else "places/stockport.html",
    }
    assert by_id["wanted:neighbourhood budgets"]["wanted"] is True
    assert {"source": "index", "target": "places/stockport"} in data["links"]
    assert data["links"] == sorted(data["links"], key=lambda e: (e["source"], e["target"]))


def test_urls_in_graph_json_match_pages(e2e_site: Site) -> None:
    from urllib.parse import unquote

    data = json.loads((e2e_site.dir / "graph.json").read_text(encoding="utf-8"))
    for node in data["nodes"]:
        path = unquote(node["url"].split("#")[0])
        target = e2e_site.dir / path
        assert (target / "index.html" if path.endswith("/") else target).is_file(), node
