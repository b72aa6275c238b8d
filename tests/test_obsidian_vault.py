"""End to end: the Obsidian fixture vault (every Obsidian form the garden supports) built by real
MkDocs in both URL styles, checked on the HTML, graph.json and the redirect page."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from obsidian_oracle import compare

from conftest import FIXTURES, Site, mkdocs_build, write_garden

VAULT = FIXTURES / "obsidian-vault" / "notes"
YSM = "ideas/Your Square Mile"


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "html-urls"])
def vault(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    root = write_garden(tmp_path_factory.mktemp("vault"), VAULT, directory_urls=request.param)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return Site(root, request.param), result.stderr


def article(site: Site, nid: str):
    return site.soup(nid).select_one("article")


def links(site: Site, nid: str) -> dict[str, str]:
    return {a.get_text(): a["href"] for a in article(site, nid).select("a[href]")
            if "headerlink" not in (a.get("class") or []) and not a.find_parent(id="backlinks")}


def lands(site: Site, nid: str, href: str) -> tuple[str, str]:
    """(note id of the page a link leads to, its fragment); the fragment must exist there."""
    target, fragment = site.follow(nid, href)
    assert target.is_file(), href
    if fragment:
        soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        assert soup.find(id=fragment), f"{href}: no #{fragment}"
    rel = target.relative_to(site.dir).as_posix()
    return rel, fragment


def test_the_only_message_is_the_missing_block(vault) -> None:
    _, stderr = vault
    messages = [line for line in stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert len(messages) == 1, messages
    assert "[[Your Square Mile#^missing-block|no such block]]" in messages[0]
    assert "notes/index.md:9:1" in messages[0]
    assert "has no block '^missing-block'" in messages[0] and "Your Square Mile.md" in messages[0]


@pytest.mark.parametrize(("text", "page", "fragment"), [
    ("Hills.md", "places/north/Hills", ""),
    ("the town", "places/Stockport", ""),
    ("a heading path", YSM, "events"),
    ("a block", YSM, "^para-id"),
    ("spaces", YSM, ""),
    ("no md", YSM, ""),
    ("by name", YSM, "events"),
    ("relative", "places/north/Hills", ""),
    ("the hills in a table", "places/north/Hills", ""),
])
def test_link_forms_land_on_the_right_page(vault, text, page, fragment) -> None:
    site, _ = vault
    href = links(site, "index")[text]
    assert lands(site, "index", href) == (
        site.file_for(page).relative_to(site.dir).as_posix(), fragment)


def test_proximity_picks_the_same_folder_then_the_folder_above(vault) -> None:
    site, _ = vault
    hills = links(site, "places/north/Hills")
    assert lands(site, "places/north/Hills", hills["Stockport"])[0] == site.file_for(
        "places/Stockport").relative_to(site.dir).as_posix()
    person = links(site, "people/Stockport")
    assert lands(site, "people/Stockport", person["Stockport"])[0] == site.file_for(
        "people/Stockport").relative_to(site.dir).as_posix()


def test_attachments_are_found_by_name_with_alt_text_and_size(vault) -> None:
    site, _ = vault
    images = article(site, "index").select("img")
    shown = [(img["alt"], img.get("width"), img.get("height")) for img in images]
    assert shown == [("map.png", None, None), ("Green hills", "300", None),
                     ("map.png", "300", "200"), ("a map", None, None)]
    for img in images:
        path, _ = site.follow("index", img["src"])
        assert path.is_file() and path.suffix == ".png"
    pdfs = [a for a in article(site, "index").select("a[href]") if a["href"].endswith(".pdf")]
    assert [a.get_text() for a in pdfs] == ["report.pdf", "the report"]
    assert all(site.follow("index", a["href"])[0].is_file() for a in pdfs)
    audio = article(site, "index").select_one("audio")
    assert site.follow("index", audio["src"])[0].name == "bell.mp3"


def test_block_ids_become_anchors_and_markers_are_hidden(vault) -> None:
    site, _ = vault
    page = article(site, YSM)
    for block in ("para-id", "item-id", "quote-id", "table-id"):
        assert page.find(id=f"^{block}") is not None, block
        assert f"^{block}" not in page.get_text()
    quote = page.find(id="^quote-id")
    assert quote.find_next_sibling().name == "blockquote"


def test_block_and_section_embeds(vault) -> None:
    site, _ = vault
    embeds = article(site, "index").select(".garden-embed")
    assert [e.select_one("a").get_text() for e in embeds] == [
        "Your Square Mile › para-id", "Your Square Mile › item-id", "Your Square Mile › Events"]
    assert "Your Square Mile was a plan to act locally." in embeds[0].get_text()
    assert [li.get_text() for li in embeds[1].select("li")] == ["second item"]
    assert "Street parties" in embeds[2].get_text() and "first item" not in embeds[2].get_text()
    assert not any(e.find(id=lambda i: i and i.startswith("^")) for e in embeds)


def test_callouts_are_admonitions(vault) -> None:
    site, _ = vault
    page = article(site, "index")
    tip = page.select_one("div.admonition.tip")
    assert tip.select_one(".admonition-title").get_text() == "Custom title with Hills"
    folded = page.select_one("details.warning")
    assert folded.get("open") is None and folded.summary.get_text() == "Folded"
    opened = page.select_one("details.faq")
    assert opened.get("open") is not None
    assert opened.select_one("div.admonition.example .admonition-title").get_text() == "Nested"
    custom = page.select_one("div.admonition.note.compatibility")
    assert custom.select_one(".admonition-title").get_text() == "A custom type"
    assert "[!" not in page.get_text()


def test_every_callout_type_maps_to_its_admonition(vault) -> None:
    site, _ = vault
    boxes = article(site, "callouts").select("div.admonition")
    kinds = [next(c for c in box["class"] if c != "admonition") for box in boxes]
    assert kinds == [box.select_one("p:not(.admonition-title)").get_text() for box in boxes]
    assert len(kinds) == 27


def test_comments_hidden_highlights_marked(vault) -> None:
    site, _ = vault
    page = article(site, "index")
    text = page.get_text()
    assert "%%" not in text and "hidden" not in text and "block comment" not in text
    mark = page.select_one("mark")
    assert mark.get_text() == "highlighted Hills words" and mark.select_one("a[href]")


def test_inline_tags_count_outside_code_headings_and_urls(vault) -> None:
    site, _ = vault
    graph = json.loads((site.dir / "graph.json").read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["index"]["tags"] == ["vault", "community", "local/action"]
    assert nodes[YSM]["tags"] == ["plan", "mass-engagement", "local/action"]
    page_tags = [t.get_text() for t in site.soup("index").select(".md-tag")]
    assert sorted(page_tags) == ["community", "local/action", "vault"]
    shown = [t.get_text() for t in article(site, "index").select("p > .garden-tag")]
    assert shown == ["#local/action", "#community", "#local/action"]  # the first is embedded
    assert not article(site, "index").select("h2 .garden-tag")


def test_graph_json_has_no_links_from_comments_or_to_drafts(vault) -> None:
    site, _ = vault
    graph = json.loads((site.dir / "graph.json").read_text(encoding="utf-8"))
    ids = {n["id"] for n in graph["nodes"]}
    assert "ideas/Secret plan" not in ids  # publish: false
    assert not {"wanted:secret comment", "wanted:another secret"} & ids
    assert {"source": "index", "target": "places/north/Hills"} in graph["links"]
    assert {"source": "places/north/Hills", "target": "places/Stockport"} in graph["links"]
    assert {"source": "people/Stockport", "target": "people/Stockport"} not in graph["links"]
    assert not any(link["target"].endswith((".png", ".pdf")) for link in graph["links"])


def test_publish_false_is_a_draft(vault) -> None:
    site, _ = vault
    assert not site.file_for("ideas/Secret plan").exists()
    wanted = links(site, "places/Stockport")["Secret plan"]
    assert "wanted" in wanted


def test_permalink_is_a_redirect_page(vault) -> None:
    site, _ = vault
    page = BeautifulSoup((site.dir / "ysm" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    href = refresh.split("url=", 1)[1]
    target = (site.dir / "ysm" / unquote(href)).resolve()
    target = target / "index.html" if target.is_dir() else target
    assert target == site.file_for(YSM).resolve()


def test_dataview_and_bases_stay_code(vault) -> None:
    site, _ = vault
    codes = [c.get_text() for c in article(site, "index").select("pre code")]
    assert any(c.startswith("TABLE file.mtime") for c in codes)
    assert any(c.startswith("views:") for c in codes)
    canvas = links(site, "index")["Plan.canvas"]
    assert site.follow("index", canvas)[0].name == "Plan.canvas"


def test_links_resolve_to_the_files_obsidian_opens() -> None:
    resolved, same, differences = compare(VAULT)
    # The one difference is DESIGN's nearest-folder-above rule, which Obsidian does not have.
    assert differences == ["places/north/Hills.md:3: [[Stockport]] → Obsidian "
                           "people/Stockport.md, garden places/Stockport.md (resolved)"]
    assert resolved >= 25 and same == resolved - 1


RAW = {
    "wikilink": re.compile(r"!?\[\[[^\]]+\]\]"),
    "comment": re.compile(r"%%"),
    "callout": re.compile(r"\[![a-zA-Z-]+\][+-]?"),
    "block id": re.compile(r"(?:^|\s)\^[A-Za-z0-9-]+\s*$", re.M),
    "highlight": re.compile(r"==[^=\s][^=]*=="),
}


def test_no_obsidian_syntax_shows_up_raw(vault) -> None:
    site, _ = vault
    found = []
    for page in sorted(site.dir.rglob("*.html")):
        body = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if body is None:
            continue
        for code in body.select("pre, code"):
            code.decompose()
        text = body.get_text("\n")
        found += [(page.name, name, m.group()) for name, pattern in RAW.items()
                  for m in pattern.finditer(text)]
    assert found == []
