"""The search index of a partly rebuilt site: fresh entries for rebuilt pages, kept ones for
the rest, in the site's page order."""

from __future__ import annotations

from garden.search_index import merge, page_of


def doc(location: str, text: str = "") -> dict[str, str]:
    return {"location": location, "title": location, "text": text}


def test_page_of_drops_the_fragment():
    assert page_of("places/stockport/#events") == "places/stockport/"
    assert page_of("") == ""


def test_rebuilt_pages_take_fresh_entries_and_the_others_keep_theirs():
    previous = {"config": {"lang": ["en"]},
                "docs": [doc(""), doc("a/", "old"), doc("a/#h", "old"), doc("b/"), doc("gone/")]}
    fresh = {"config": {"lang": ["en"]}, "docs": [doc("a/", "new"), doc("c/")]}
    merged = merge(previous, fresh, built={"a/", "c/"}, pages=["", "a/", "c/", "b/"])
    assert merged == {"config": {"lang": ["en"]},
                      "docs": [doc(""), doc("a/", "new"), doc("c/"), doc("b/")]}


def test_a_rebuilt_page_that_lost_its_sections_loses_their_entries():
    previous = {"docs": [doc("a/"), doc("a/#h")]}
    merged = merge(previous, {"docs": [doc("a/")]}, built={"a/"}, pages=["a/"])
    assert merged["docs"] == [doc("a/")]


def test_without_a_previous_index_the_fresh_one_is_ordered_by_page():
    fresh = {"docs": [doc("b/"), doc("a/")]}
    assert merge(None, fresh, built={"a/", "b/"}, pages=["a/", "b/"])["docs"] == [
        doc("a/"), doc("b/")]
