"""End to end: what readers and gardeners get from a garden in git — badges, previews, the tags
index, Recently tended with its feed, Garden health and `garden report`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from conftest import HOSTILE_TITLE, Site, garden_cli

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "<script>alert(1)</script>"
"""How the hostile title starts on generated Markdown pages, shown as text (render's Markdown
escaping writes `=` as `\\=`, which sites without `pymdownx.mark` show as written)."""


def names(links) -> list[str]:
    return [HOSTILE if a.get_text().startswith(HOSTILE) else a.get_text() for a in links]


def test_a_note_page_shows_its_growth_stage_and_type(reader_site: Site) -> None:
    badges = reader_site.soup("places/stockport").select_one("article .garden-page-badges")
    assert badges.select_one(".garden-badge--budding").get_text() == "🌿 Budding"
    assert badges.select_one(".garden-badge--type").get_text() == "Place"


def test_backlinks_carry_badges(reader_site: Site) -> None:
    items = reader_site.soup("places/stockport").select("#backlinks li")
    start = next(li for li in items if li.a.get_text() == "Start")
    assert start.select_one(".garden-badge--evergreen")


def test_a_page_carries_previews_of_what_it_links_to(reader_site: Site) -> None:
    data = json.loads(reader_site.soup("index").select_one("#garden-previews").string)
    assert data["base"] == "./"
    previews = {p["title"]: p for p in data["previews"]}
    assert set(previews) == {"Stockport", "Not Yet Written", "Tags", HOSTILE_TITLE}
    assert previews["Stockport"]["description"] == "A town in Greater Manchester."
    assert previews["Stockport"]["stage"] == "Budding"
    assert previews["Not Yet Written"]["wanted"] is True
    assert "not written yet" in previews["Not Yet Written"]["description"]


def test_hostile_note_text_never_becomes_markup(reader_site: Site) -> None:
    for page in reader_site.dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        code = [s for s in soup.find_all("script") if s.get("type") != "application/json"]
        assert not [s for s in code if "alert(1)" in (s.string or "")], page
        assert not soup.find_all(attrs={"onmouseover": True}), page
    data = json.loads(reader_site.soup("index").select_one("#garden-previews").string)
    assert HOSTILE_TITLE in {p["title"] for p in data["previews"]}


def test_the_tags_index_lists_notes_with_badges(reader_site: Site) -> None:
    listing = reader_site.soup("tags").select_one("article .garden-tag-listing")
    rows = {li.a.get_text(): li for li in listing.find_all("li")}
    assert {"Start", "Stockport", HOSTILE_TITLE} <= set(rows)
    assert rows["Stockport"].select_one(".garden-badge--budding")


def test_recently_tended_lists_notes_by_their_last_commit(reader_site: Site) -> None:
    soup = reader_site.soup("recently-tended")
    rows = soup.select("article li")
    assert names(li.a for li in rows) == ["Stockport", "Start", HOSTILE, "Tags", "Old idea"]
    assert rows[0].time["datetime"] == "2024-06-01T09:00:00+00:00"
    assert rows[0].select_one(".garden-badge--budding")
    feed = soup.select_one('head link[rel=alternate][type="application/atom+xml"]')
    target, _ = reader_site.follow("recently-tended", feed["href"])
    assert target == reader_site.dir / "feed.xml"


def test_the_feed_is_valid_atom_in_the_same_order(reader_site: Site) -> None:
    root = ET.parse(reader_site.dir / "feed.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries][:3] == ["Stockport", "Start",
                                                                 HOSTILE_TITLE]
    assert root.findtext(f"{ATOM}updated") == "2024-06-01T09:00:00Z"
    assert entries[0].find(f"{ATOM}link").get("href") == "https://example.org/garden/places/stockport/"


def test_garden_health_shows_what_needs_tending(reader_site: Site) -> None:
    soup = reader_site.soup("health")
    sections = {h2["id"]: h2 for h2 in soup.select("article h2")}
    assert set(sections) >= {"orphans", "most-wanted", "without-sources", "seedlings"}

    def listed(anchor: str) -> list[str]:
        ul = sections[anchor].find_next_sibling("ul")
        return names(li.a for li in ul.find_all("li")) if ul else []

    assert listed("orphans") == ["Old idea"]
    assert listed("most-wanted") == ["Not Yet Written"]
    assert "Old idea" in listed("not-tended-for-a-long-time")
    assert listed("seedlings") == [HOSTILE, "Old idea"]


def test_garden_report_gives_the_same_data(reader_site: Site) -> None:
    result = garden_cli(reader_site.root, "report", "notes", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [n["title"] for n in data["orphans"]] == ["Old idea"]
    assert data["wanted"] == [{"title": "Not Yet Written", "wanted_by": ["index"], "count": 1}]
    assert [n["path"] for n in data["untended"]] == ["ideas/old-idea.md"]
    text = garden_cli(reader_site.root, "report", "notes")
    assert text.returncode == 0
    assert "  2019-02-03  notes/ideas/old-idea.md  Old idea" in text.stdout
