"""Recently tended: order, the page's Markdown and the Atom feed (valid, escaped, repeatable)."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from garden.tended import atom_feed, recently_tended, tended_by_id, tended_page_markdown
from helpers_core import garden_of

UTC = datetime.timezone.utc
ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = '<script>alert(1)</script>" onmouseover="x & co'
FILES = {
    "a.md": "---\ntitle: Alpha\nstatus: evergreen\ndescription: First.\n---\nText.\n",
    "b.md": "---\ntitle: Beta\n---\nText.\n",
    "places/c.md": f"---\ntitle: '{HOSTILE}'\ntype: place\ndescription: '{HOSTILE}'\n---\nT.\n",
    "d.md": "---\ntitle: Delta\ndraft: true\n---\nText.\n",
}
WHEN = {
    "a.md": datetime.datetime(2021, 1, 1, tzinfo=UTC),
    "b.md": datetime.datetime(2023, 5, 1, tzinfo=UTC),
    "places/c.md": datetime.datetime(2023, 5, 1, tzinfo=UTC),
    "d.md": datetime.datetime(2024, 1, 1, tzinfo=UTC),
}


def _entries(limit=None):
    garden, _ = garden_of(FILES)
    return garden, recently_tended(garden, tended_by_id(garden, WHEN), limit)


def test_newest_first_ties_by_title_drafts_left_out() -> None:
    _, entries = _entries()
    assert [e.note.id for e in entries] == ["places/c", "b", "a"]  # '<' sorts before 'B'
    _, two = _entries(limit=2)
    assert len(two) == 2


def test_the_page_lists_dates_links_and_badges() -> None:
    garden, entries = _entries()
    page = tended_page_markdown(garden, entries)
    assert page.startswith("# Recently tended\n")
    assert "[Atom feed](feed.xml)" in page
    assert '<time datetime="2021-01-01T00:00:00+00:00">2021-01-01</time> [Alpha](a.md)' in page
    assert "garden-badge--evergreen" in page
    assert "places/c.md" in page
    assert "<script>" not in page  # the hostile title is escaped Markdown text


def test_an_empty_garden_says_so() -> None:
    garden, _ = garden_of({"a.md": "Text.\n"})
    assert "No note has been tended yet." in tended_page_markdown(garden, [])


def test_the_feed_is_valid_atom_with_text_kept_as_text() -> None:
    garden, entries = _entries()
    xml = atom_feed(garden, entries, site_name="G & Co", site_url=None)
    assert xml.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "G & Co: Recently tended"
    assert root.findtext(f"{ATOM}updated") == "2023-05-01T00:00:00Z"
    first = root.findall(f"{ATOM}entry")[0]
    assert first.findtext(f"{ATOM}title") == HOSTILE
    assert first.findtext(f"{ATOM}summary") == HOSTILE
    assert first.find(f"{ATOM}link").get("href") == "places/c/"
    assert first.findtext(f"{ATOM}id") == "urn:garden:places/c/"
    assert {c.get("term") for c in first.findall(f"{ATOM}category")} == {"seedling", "place"}
    assert "<script>" not in xml


def test_the_feed_uses_absolute_urls_when_the_site_url_is_known() -> None:
    garden, entries = _entries()
    root = ET.fromstring(atom_feed(garden, entries, site_name="G",
                                   site_url="https://example.org/garden"))
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"self": "https://example.org/garden/feed.xml",
                     "alternate": "https://example.org/garden/recently-tended/"}
    assert root.findall(f"{ATOM}entry")[2].findtext(f"{ATOM}id") == "https://example.org/garden/a/"


def test_the_feed_is_the_same_every_time() -> None:
    garden, entries = _entries()
    assert atom_feed(garden, entries, site_name="G", site_url=None) == atom_feed(
        garden, entries, site_name="G", site_url=None)
