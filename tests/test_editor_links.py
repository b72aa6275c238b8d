"""Links into GitHub's editor, read from real built HTML: "Edit this page" on every note, and
"Write this note" (file name and template filled in) for every wanted note."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from mkdocs.config import load_config

from conftest import REPO, Site, mkdocs_build, write_garden
from garden.scaffold import file_name_for, note_template

REPO_URL = "https://github.com/big-society-garden/garden"
HOSTILE = '<script>alert(1)</script>" onmouseover="x'
NOTES = {
    "index.md": "---\ntitle: Home\n---\nSee [[Stockport]] and [[Leeds & Bradford]].\n",
    "places/stockport.md": (
        "---\ntitle: Stockport\n---\nBack to [[Home]]. Wanted: [[Leeds & Bradford]], "
        f"[[{HOSTILE}]].\n"
    ),
    "people/josé ruiz.md": "---\ntitle: José Ruiz\n---\nFrom [[Stockport]], see [[Home]].\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = write_garden(tmp_path_factory.mktemp("editor-links"), NOTES)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  features: [content.action.edit]\n")
    config.write_text(f"repo_url: {REPO_URL}\nedit_uri: edit/main/notes/\n{text}",
                      encoding="utf-8")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return Site(root, directory_urls=True)


@pytest.mark.parametrize("nid", ["index", "places/stockport", "people/josé ruiz"])
def test_every_note_page_has_edit_this_page(site: Site, nid: str) -> None:
    (edit,) = site.soup(nid).select("a[rel=edit]")
    assert edit["title"] == "Edit this page"
    assert edit["href"] == f"{REPO_URL}/edit/main/notes/{nid}.md"


def _write_links(site: Site) -> dict[str, dict[str, list[str]]]:
    """The Wanted notes page's "Write this note" links, by the file name they propose."""
    found = {}
    for link in site.soup("wanted").select("a.garden-write"):
        assert link.get_text() == "Write this note"
        assert set(link.attrs) == {"class", "href"}
        parts = urlsplit(link["href"])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/new/main/notes"
        query = parse_qs(parts.query, strict_parsing=True)
        found[query["filename"][0]] = query
    return found


def test_wanted_page_offers_write_this_note_with_name_and_template(site: Site) -> None:
    hostile_file = f"places/{file_name_for(HOSTILE)}"
    assert _write_links(site) == {
        # first wanted by Home, at the top level; the other only by Stockport, in places/
        "leeds-bradford.md": {"filename": ["leeds-bradford.md"],
                              "value": [note_template("Leeds & Bradford")]},
        hostile_file: {"filename": [hostile_file], "value": [note_template(HOSTILE)]},
    }


def test_hostile_wanted_titles_stay_text(site: Site) -> None:
    page = site.soup("wanted")
    assert not page.select("article script")
    assert not page.select("[onmouseover]")
    raw = site.file_for("wanted").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw


def test_each_wanted_link_leads_to_its_write_this_note(site: Site) -> None:
    for link in site.soup("places/stockport").select("a.garden-wanted"):
        target, fragment = site.follow("places/stockport", link["href"])
        assert target == site.file_for("wanted")
        heading = site.soup("wanted").find(id=fragment)
        write = heading.find_next("a", class_="garden-write")
        assert write is not None and write.find_previous("h2") is heading


def test_the_generated_wanted_page_has_no_edit_link(site: Site) -> None:
    assert not site.soup("wanted").select("a[rel=edit]")


def test_without_a_repository_there_are_no_editor_links(e2e_site: Site) -> None:
    page = e2e_site.soup("wanted")
    assert page.select("h2") and not page.select("a.garden-write, a[rel=edit]")


def test_the_garden_names_its_repository_in_one_place(tmp_path: Path) -> None:
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path))
    assert config.repo_url == REPO_URL
    assert config.edit_uri == "edit/main/notes/"
    assert "content.action.edit" in config.theme["features"]
    hard_coded = [p for p in (REPO / "garden").rglob("*.py")
                  if "big-society-garden" in p.read_text(encoding="utf-8")]
    assert hard_coded == []
