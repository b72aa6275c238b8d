"""Where the graph views put their nodes: which notes earn a place, in what order, and where."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from benchmarks.make_garden import garden_files
from garden.config import GardenConfig
from garden.errors import ConfigError
from garden.layout import LOCAL_SIZE, MAP_SEED, MAP_SIZE, GraphViews
from garden.slugs import NoteId
from helpers_core import garden_of

CHAIN = {  # a → b → c → d, and b ← e
    "a.md": "# A\n\nTo [[B]] and [[Nobody Yet]].",
    "b.md": "# B\n\nTo [[C]].",
    "c.md": "# C\n\nTo [[D]].",
    "d.md": "# D\n\nThe end.",
    "e.md": "# E\n\nAlso to [[B]].",
}


def views_of(files: dict[str, str], config: GardenConfig | None = None) -> GraphViews:
    garden, _ = garden_of(files, config)
    return GraphViews(garden)


def star(spokes: int, popular: int = 0) -> dict[str, str]:
    """`hub` linked from `spokes` notes; the first `popular` spokes are also linked from `fan`."""
    files = {"hub.md": "# Hub\n\nThe middle."}
    for i in range(spokes):
        files[f"s{i:02}.md"] = f"# Spoke {i:02}\n\nTo [[Hub]]."
    files["fan.md"] = "# Fan\n\n" + " ".join(f"[[Spoke {i:02}]]" for i in range(popular))
    return files


def ids(layout) -> list[str]:
    return [node.id for node in layout.nodes]


def test_local_graph_reaches_two_links_away_and_no_further() -> None:
    layout = views_of(CHAIN).local(NoteId("a"), 25)
    assert ids(layout)[0] == "a"
    assert set(ids(layout)) == {"a", "b", "wanted:nobody yet", "c", "e"}
    assert "d" not in ids(layout)


def test_the_note_is_the_current_node_in_the_centre() -> None:
    layout = views_of(CHAIN).local(NoteId("b"), 25)
    centre = layout.nodes[0]
    assert centre.current and centre.id == "b"
    assert (centre.x, centre.y) == (LOCAL_SIZE[0] / 2, LOCAL_SIZE[1] / 2)
    assert [n.id for n in layout.nodes if n.current] == ["b"]


def test_rings_first_hop_nearer_than_second() -> None:
    layout = views_of(CHAIN).local(NoteId("a"), 25)
    cx, cy = layout.nodes[0].x, layout.nodes[0].y
    distance = {n.id: math.hypot(n.x - cx, n.y - cy) for n in layout.nodes}
    assert distance["b"] < distance["c"]
    assert distance["b"] == pytest.approx(distance["wanted:nobody yet"], abs=0.2)


def test_wanted_neighbours_are_drawn_as_wanted_and_lead_to_the_wanted_page() -> None:
    layout = views_of(CHAIN).local(NoteId("a"), 25)
    wanted = next(n for n in layout.nodes if n.wanted)
    assert wanted.title == "Nobody Yet"
    assert wanted.url == "wanted/#nobody-yet"
    assert wanted.type is None and wanted.status is None


def test_cap_keeps_the_most_linked_neighbours_and_counts_the_rest() -> None:
    layout = views_of(star(40, popular=5)).local(NoteId("hub"), 25)
    assert len(layout.nodes) == 25
    assert layout.omitted == 40 - 24
    shown = set(ids(layout))
    assert {f"s{i:02}" for i in range(5)} <= shown  # linked twice: they come first
    assert "s39" not in shown  # then by id


def test_second_ring_fills_only_the_room_the_first_leaves() -> None:
    views = views_of(star(40))
    layout = views.local(NoteId("s00"), 6)
    assert ids(layout)[:2] == ["s00", "hub"]
    assert len(layout.nodes) == 6
    assert all(n.startswith("s") for n in ids(layout)[2:])


def test_links_among_drawn_nodes_only_and_spokes_drawn_strong() -> None:
    both_ways = views_of({"x.md": "# X\n\n[[Y]] [[Z]]", "y.md": "# Y\n\n[[X]] [[Z]]",
                          "z.md": "# Z\n\nEnd."}).local(NoteId("x"), 25)
    assert both_ways.edges == ((0, 1), (0, 2)) and both_ways.faint == ((1, 2),)
    layout = views_of(CHAIN).local(NoteId("a"), 25)
    order = ids(layout)
    strong = {frozenset((order[s], order[t])) for s, t in layout.edges}
    assert strong == {frozenset(p) for p in [("a", "b"), ("a", "wanted:nobody yet"), ("b", "c"),
                                             ("e", "b")]}
    assert layout.faint == ()


def test_a_note_without_links_is_alone() -> None:
    layout = views_of({"lonely.md": "# Lonely\n\nNo links."}).local(NoteId("lonely"), 25)
    assert ids(layout) == ["lonely"] and layout.edges == ()


def test_layouts_are_deterministic() -> None:
    files = star(30, popular=7) | CHAIN
    first, second = views_of(files), views_of(dict(reversed(files.items())))
    assert first.local(NoteId("hub"), 25) == second.local(NoteId("hub"), 25)
    assert first.garden_map(20) == second.garden_map(20)


def test_map_caps_at_the_most_linked_notes_and_leaves_out_wanted_and_drafts() -> None:
    files = star(30, popular=7) | CHAIN | {"draft.md": "---\ndraft: true\n---\n[[Hub]]"}
    layout = views_of(files).garden_map(10)
    assert len(layout.nodes) == 10
    assert layout.considered == 30 + 2 + 5  # spokes, hub, fan and the chain; not the draft
    assert layout.omitted == layout.considered - 10
    assert {"hub", "fan", "b"} <= set(ids(layout))
    assert not any(n.wanted for n in layout.nodes)
    assert ids(layout) == sorted(ids(layout))


def test_map_fits_its_box_and_bigger_dots_have_more_links() -> None:
    layout = views_of(star(30, popular=7)).garden_map(300)
    width, height = MAP_SIZE
    assert all(0 < n.x < width and 0 < n.y < height for n in layout.nodes)
    by_id = {n.id: n for n in layout.nodes}
    assert by_id["hub"].r > by_id["s00"].r > by_id["s29"].r
    assert sum(1 for n in layout.nodes if n.label) == min(40, len(layout.nodes))


def test_map_draws_every_link_between_its_notes() -> None:
    layout = views_of(CHAIN).garden_map(300)
    order = ids(layout)
    assert {frozenset((order[s], order[t])) for s, t in layout.edges} == {
        frozenset(p) for p in [("a", "b"), ("b", "c"), ("c", "d"), ("e", "b")]}
    assert all(s < t for s, t in layout.edges)


def test_long_titles_get_short_labels() -> None:
    title = "A very long title that would cover half the graph"
    layout = views_of({"x.md": f"# {title}\n\n[[Y]]", "y.md": "# Y\n\nHi."}).local(NoteId("x"), 5)
    assert layout.nodes[0].title == title
    assert layout.nodes[0].label.endswith("…") and len(layout.nodes[0].label) <= 22


@pytest.mark.parametrize(("field", "value"), [
    ("graph_page", "graph.html"), ("graph_map_nodes", 0), ("graph_map_nodes", 500),
    ("graph_local_nodes", 1),
])
def test_graph_settings_are_checked(field: str, value: object) -> None:
    with pytest.raises(ConfigError, match=field):
        GardenConfig(**{field: value})


def test_map_labels_never_overlap() -> None:
    layout = views_of(star(120, popular=60) | CHAIN).garden_map(100)
    boxes = [(n.x - len(n.label) * 3, n.y + n.r, n.x + len(n.label) * 3, n.y + n.r + 14)
             for n in layout.nodes if n.label]
    assert 0 < len(boxes) <= 40
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_map_spreads_the_core_but_keeps_left_and_right() -> None:
    views = views_of(star(50, popular=20))
    garden = views.garden
    layout = views.garden_map(300)
    spread = garden.spring_positions([n.id for n in layout.nodes], seed=MAP_SEED)
    by_x = sorted(layout.nodes, key=lambda n: (spread[n.id][0], n.id))
    assert [n.x for n in by_x] == sorted(n.x for n in by_x)
    xs = [n.x for n in layout.nodes]
    assert min(xs) == pytest.approx(80) and max(xs) == pytest.approx(MAP_SIZE[0] - 80)


class CountingViews(GraphViews):
    """The second ring as first written: count every neighbour of every first-ring note, then
    rank each one's neighbours (the plain reading of the rule, proportional to the hubs' size)."""

    def _second_ring(self, parents: list[str], taken: set[str]
                     ) -> tuple[dict[str, str], dict[str, int]]:
        ties = Counter(c for p in parents for c in self.neighbours(p)
                       if c not in taken and not c.startswith("wanted:"))
        offered: dict[str, str] = {}
        for parent in parents:
            picks = sorted((c for c in self.neighbours(parent) if c in ties),
                           key=lambda n: (-ties[n], n))
            for candidate in picks[:4]:
                offered.setdefault(candidate, parent)
        return offered, dict(ties)


@pytest.mark.parametrize("seed", [1, 3])
def test_second_ring_by_set_operations_equals_counting_every_neighbour(seed: int) -> None:
    garden, _ = garden_of(garden_files(400, seed=seed))
    fast, counting = GraphViews(garden), CountingViews(garden)
    for nid in sorted(garden.notes):
        for max_nodes in (3, 9, 25, 60):
            assert fast.local(nid, max_nodes) == counting.local(nid, max_nodes), (nid, max_nodes)
