"""The hostile corpus (`fixtures/hostile/notes`): notes that try to run script through their
body, front matter, link labels, aliases, source URLs and file names, built once with the real
MkDocs and mkdocs-material and read back as a browser would."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import FIXTURES, Site, build_fixture, mkdocs_build, write_garden

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href",
                  "poster", "background", "srcset", "content")
SCRIPT_URL_RE = re.compile(r"^[\s\x00-\x1f]*(?:javascript|vbscript|data)\s*:", re.I)
FORBIDDEN_IN_NOTES = ("script", "style", "iframe", "object", "embed", "form", "input", "button",
                      "base", "meta", "link", "svg", "math", "template")

TITLE = 'Title trap <script>alert("title")</script>" onmouseover="alert(1)'
DESCRIPTION = 'A description "><script>alert("description")</script><img src=x onerror=alert(2)>'
TAGS = ['<img src=x onerror=alert("tag")>', '" onfocus="alert(4)',
        '</title><script>alert("tagtitle")</script>']


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = write_garden(tmp_path_factory.mktemp("hostile"), FIXTURES / "hostile" / "notes")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return Site(root, True)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_fixture(tmp_path_factory, "e2e", True)


def _pages(site: Site) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site.dir).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser")
            for p in sorted(site.dir.rglob("*.html"))}


def _script_signature(script: Tag) -> str:
    """What identifies one of the theme's scripts on any page: its file name, or the start of
    its inline code (which differs between pages only in relative paths further on)."""
    if script.get("src"):
        return "src:" + Path(script["src"]).name
    start = "" if script.get("type") == "application/json" else (script.string or "")[:18]
    return f"inline:{script.get('id')}:{script.get('type')}:{start}"


def _article(soup: BeautifulSoup) -> Tag:
    article = soup.find("article")
    assert article is not None
    return article


def test_the_only_scripts_are_the_themes_own(hostile: Site, clean: Site) -> None:
    theirs = {_script_signature(s) for soup in _pages(clean).values()
              for s in soup.find_all("script")}
    for name, soup in _pages(hostile).items():
        for script in soup.find_all("script"):
            assert _script_signature(script) in theirs, (name, str(script)[:120])
            if script.get("type") == "application/json":  # theme data, e.g. hover previews
                text = script.string or ""
                assert "<" not in text and json.loads(text) is not None, name
            else:
                assert "alert" not in (script.string or ""), name


def test_no_event_handler_attribute_anywhere(hostile: Site) -> None:
    for name, soup in _pages(hostile).items():
        for element in soup.find_all(True):
            handlers = [a for a in element.attrs if a.lower().startswith("on")]
            assert handlers == [], (name, str(element)[:120])


def test_no_script_url_anywhere(hostile: Site) -> None:
    for name, soup in _pages(hostile).items():
        for element in soup.find_all(True):
            for attribute in URL_ATTRIBUTES:
                value = element.get(attribute)
                if isinstance(value, str):
                    assert not SCRIPT_URL_RE.match(value), (name, str(element)[:120])


def test_no_dangerous_element_in_any_note_body(hostile: Site) -> None:
    for name, soup in _pages(hostile).items():
        article = _article(soup)
        # The theme's own data for previews, and the local graph the core draws (escaped, and
        # checked with the rest of the page for handlers and script URLs above).
        found = [e.name for e in article.find_all(FORBIDDEN_IN_NOTES)
                 if e.get("id") != "garden-previews"
                 and not (e.name == "svg" and "garden-graph" in e.get("class", []))]
        assert found == [], name


def test_raw_html_traps_leave_only_harmless_markup(hostile: Site) -> None:
    article = _article(hostile.soup("raw-html-traps"))
    links = {a.get_text(): a.get("href") for a in article.find_all("a")}
    for label in ("case", "entity", "hex", "newline", "leading", "data", "vb"):
        assert links[label] is None, label
    assert links["styled"] == "https://example.org/"
    styled = article.find("a", string="styled")
    assert set(styled.attrs) == {"href"}
    assert article.find("strong").get_text() == "bold"  # md_in_html still works


def test_a_hostile_title_is_text_everywhere(hostile: Site) -> None:
    soup = hostile.soup("title-trap")
    assert soup.title.get_text().startswith(TITLE + " - ")
    assert _article(soup).h1.get_text() == TITLE
    assert soup.find("meta", attrs={"name": "description"})["content"] == DESCRIPTION
    home = hostile.soup("index")
    assert TITLE in [a.get_text().strip() for a in home.find_all("a")]


def test_hostile_tags_are_text_in_the_page_and_the_tags_index(hostile: Site) -> None:
    shown = [t.get_text().strip() for t in hostile.soup("title-trap").select(".md-tag")]
    assert sorted(shown) == sorted(TAGS)
    listed = [t.get_text().strip() for t in hostile.soup("index").select("h2 .md-tag")]
    assert sorted(listed) == sorted(TAGS)


def test_sources_show_their_title_as_text_and_keep_an_http_url(hostile: Site) -> None:
    article = _article(hostile.soup("title-trap"))
    item = article.find("h2", id="sources").find_next("ol").li
    shown = 'Source <script>alert("source")</script> [link](javascript:alert(6))'
    assert item.a.get_text() == shown
    assert item.a["href"].startswith("https://example.org/")
    assert "<" not in item.a["href"] and '"' not in item.a["href"]
    assert "<img src=x onerror=alert(7)>" in item.get_text()


def test_link_labels_aliases_and_wanted_names_are_text(hostile: Site) -> None:
    article = _article(hostile.soup("link-traps"))
    texts = [a.get_text() for a in article.find_all("a")]
    assert '<img src=x onerror=alert("label")>' in texts
    assert '<b onmouseover=alert("wantedlabel")>bold</b>' in texts
    assert article.find("img", src="x") is None and article.find("b") is None
    wanted = _article(hostile.soup("wanted"))
    headings = [h.get_text().rstrip("¶") for h in wanted.find_all("h2")]
    assert '<script>alert("wanted")</script>' in headings


def test_a_file_name_with_html_is_an_encoded_url(hostile: Site) -> None:
    home = _article(hostile.soup("index"))
    link = home.find("a", string="Odd names")
    assert link["href"] == "odd%20%22names%22%20%3Cb%20onmouseover%3Dalert%281%29%3E/"
    sitemap = ET.parse(hostile.dir / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter() if e.tag.endswith("loc")]
    assert any(loc.endswith("%3Cb%20onmouseover%3Dalert%281%29%3E/") for loc in locs)


def test_graph_json_holds_note_text_exactly(hostile: Site) -> None:
    graph = json.loads((hostile.dir / "graph.json").read_text("utf-8"))
    node = next(n for n in graph["nodes"] if n["id"] == "title-trap")
    assert node["title"] == TITLE and sorted(node["tags"]) == sorted(TAGS)


def test_the_search_index_is_safe_for_innerhtml(hostile: Site) -> None:
    """mkdocs-material inserts search titles and texts with innerHTML."""
    index = json.loads((hostile.dir / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            soup = BeautifulSoup(doc[field], "html.parser")
            assert soup.find_all((*FORBIDDEN_IN_NOTES, "img")) == [], doc["location"]
            for element in soup.find_all(True):
                assert not [a for a in element.attrs if a.startswith("on")], doc["location"]


def test_path_traps_read_nothing_outside_the_notes(hostile: Site) -> None:
    article = _article(hostile.soup("path-traps"))
    wanted = {a.get_text() for a in article.select("a.garden-wanted")}
    assert {"passwd", "hostname", "index"} <= wanted  # path forms show their last part
    assert article.select(".garden-embed") == []
    passwd = Path("/etc/passwd").read_text("utf-8", errors="replace").splitlines()[0]
    for path in hostile.dir.rglob("*"):
        if path.is_file():
            assert passwd.encode() not in path.read_bytes(), path
    assert not (hostile.dir / "etc").exists()
    graph = json.loads((hostile.dir / "graph.json").read_text("utf-8"))
    ids = {n["id"] for n in graph["nodes"]}
    assert all(i.startswith("wanted:") for i in ids if "passwd" in i or "hostname" in i)


@pytest.mark.parametrize(("url", "where"), [
    ("javascript:alert(1)", "notes/bad.md:4:5: error"),
    ("JaVaScRiPt:alert(1)", "notes/bad.md:4:5: error"),
    ("data:text/html,<script>alert(1)</script>", "notes/bad.md:4:5: error"),
])
def test_a_script_source_url_stops_the_build_with_a_located_message(
        tmp_path: Path, url: str, where: str) -> None:
    note = f"---\ntitle: Bad\nsources:\n  - title: T\n    url: \"{url}\"\n---\nBody.\n"
    root = write_garden(tmp_path, {"index.md": "Home, see [[Bad]].\n", "bad.md": note})
    result = mkdocs_build(root)
    assert result.returncode != 0
    assert where in result.stderr and "must start with https:// or http://" in result.stderr


def test_xml_outputs_parse_despite_control_characters_in_titles(hostile: Site) -> None:
    feed = ET.parse(hostile.dir / "feed.xml").getroot()
    titles = [e.text for e in feed.iter() if e.tag.endswith("title")]
    assert "Control  character  in a title" in titles
    assert TITLE in titles
    ET.parse(hostile.dir / "sitemap.xml")
