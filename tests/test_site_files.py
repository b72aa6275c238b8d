"""graph.json: DESIGN's shape, sorted, byte-identical for the same notes."""

from __future__ import annotations

import json

import pytest

from garden.config import GardenConfig
from garden.site_files import graph_data, graph_json
from helpers_core import garden_of

NOTES = {
    "places/stockport.md": "---\ntitle: Stockport\ntype: place\nstatus: budding\ntags: [town]\n"
                           "---\nRan [[Your Square Mile]]. Wants [[Volunteers]].",
    "initiatives/your-square-mile.md": "---\ntitle: Your Square Mile\naliases: [YSM]\n---\n"
                                       "In [[Stockport]] and [[Stockport#Events]].",
    "idées/café société.md": "[[YSM]] and [[volunteers]].",
    "secret.md": "---\ndraft: true\n---\n[[Stockport]] [[Secret Wish]]",
}


def test_graph_data():
    garden, _ = garden_of(NOTES)
    assert graph_data(garden) == {
        "nodes": [  # a wanted title is as first written, by the linking note's title
            {"id": "idées/café société", "title": "Café société",
             "url": "id%C3%A9es/caf%C3%A9%20soci%C3%A9t%C3%A9/", "type": "idea",
             "status": "seedling", "tags": [], "wanted": False},
            {"id": "initiatives/your-square-mile", "title": "Your Square Mile",
             "url": "initiatives/your-square-mile/", "type": "idea", "status": "seedling",
             "tags": [], "wanted": False},
            {"id": "places/stockport", "title": "Stockport", "url": "places/stockport/",
             "type": "place", "status": "budding", "tags": ["town"], "wanted": False},
            {"id": "wanted:volunteers", "title": "volunteers", "url": "wanted/#volunteers",
             "type": None, "status": None, "tags": [], "wanted": True},
        ],
        "links": [
            {"source": "idées/café société", "target": "initiatives/your-square-mile"},
            {"source": "idées/café société", "target": "wanted:volunteers"},
            {"source": "initiatives/your-square-mile", "target": "places/stockport"},
            {"source": "places/stockport", "target": "initiatives/your-square-mile"},
            {"source": "places/stockport", "target": "wanted:volunteers"},
        ],
    }


@pytest.mark.parametrize(
    ("config", "stockport", "volunteers"),
    [
        (GardenConfig(directory_urls=False), "places/stockport.html", "wanted.html#volunteers"),
        (GardenConfig(wanted_page="todo/wanted.md"), "places/stockport/",
         "todo/wanted/#volunteers"),
    ],
)
def test_urls_follow_the_configuration(config, stockport, volunteers):
    garden, _ = garden_of(NOTES, config)
    urls = {node["id"]: node["url"] for node in graph_data(garden)["nodes"]}
    assert (urls["places/stockport"], urls["wanted:volunteers"]) == (stockport, volunteers)


def test_every_link_joins_two_nodes():
    garden, _ = garden_of(NOTES)
    data = graph_data(garden)
    ids = {node["id"] for node in data["nodes"]}
    assert all(link["source"] in ids and link["target"] in ids for link in data["links"])
    assert all(set(node) == {"id", "title", "url", "type", "status", "tags", "wanted"}
               for node in data["nodes"])


def test_graph_json_is_sorted_utf8_and_ends_with_a_newline():
    garden, _ = garden_of(NOTES)
    text = graph_json(garden)
    assert text.endswith("}\n")
    assert "café société" in text
    data = json.loads(text)
    assert data == graph_data(garden)
    assert list(data) == ["links", "nodes"]
    assert [node["id"] for node in data["nodes"]] == sorted(node["id"] for node in data["nodes"])
    pairs = [(link["source"], link["target"]) for link in data["links"]]
    assert pairs == sorted(pairs)


def test_graph_json_is_byte_identical_whatever_the_reading_order():
    forward, _ = garden_of(NOTES)
    backward, _ = garden_of(dict(reversed(NOTES.items())))
    assert graph_json(forward) == graph_json(backward)


def test_an_empty_garden():
    garden, _ = garden_of({})
    assert graph_data(garden) == {"nodes": [], "links": []}
