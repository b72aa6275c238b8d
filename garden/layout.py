"""Where the graph views put their nodes: a note's local graph and the whole-garden map.

Both are laid out at build time and deterministically (ranked by links then id, fixed seed), so
the same notes always draw the same picture. The local graph is radial and costs only the size of
a note's neighbourhood; the map is a force layout of the most-linked notes, computed once per
build. Drawing them is `svg.py`'s job.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass

from garden.graph import WANTED_PREFIX, Garden
from garden.slugs import NoteId, Url, note_id, url_for

LOCAL_SIZE = (640, 440)
"""Width and height of a local graph's drawing (SVG user units)."""
MAP_SIZE = (1200, 900)
MAP_SEED = 7
"""The map's force layout seed: change it and every map changes, so it is a constant."""
MAP_LABELS = 40
"""How many of the map's most-linked notes carry a visible label (the rest show it on focus)."""
_SECOND_HOP_PER_NOTE = 4
"""How many neighbours each first-hop note may offer to the second ring (bounds the work)."""
_LABEL_CHARS = 22
_CHAR_WIDTH = 6.0
_LINE_HEIGHT = 14.0
"""A label's rough size at the graphs' 11px font, for keeping map labels apart."""
_LABELLED_RING = 16
"""First rings up to this size carry visible labels; bigger ones show them on hover and focus."""
_RINGS = (0.0, 110.0, 195.0)
_MARGIN = 40.0


@dataclass(frozen=True, slots=True)
class PlacedNode:
    """A node of a drawing, with where it goes and what it links to."""

    id: str
    """A note id, or `wanted:<key>` for a wanted note."""
    title: str
    url: Url
    """Relative to the site root (the drawing makes it relative to the page)."""
    type: str | None
    """The note's type; None for a wanted note."""
    status: str | None
    wanted: bool
    x: float
    y: float
    r: float
    label: str | None
    """The visible label (shortened title), or None to show it only on hover and focus."""
    links: int
    """How many notes it is linked with, in the whole garden."""
    current: bool = False
    """The note whose page this is (the centre of a local graph)."""
    side: str = "below"
    """Where its label goes: `below`, `above`, `left` or `right` of the dot."""


@dataclass(frozen=True, slots=True)
class GraphLayout:
    """A laid-out graph: nodes in drawing order, and which of them are linked (node indexes)."""

    kind: str
    """`local` or `map`."""
    width: int
    height: int
    nodes: tuple[PlacedNode, ...]
    edges: tuple[tuple[int, int], ...]
    considered: int
    """Local graph: the note, all its direct neighbours and the second ring drawn (so `omitted`
    counts the neighbours left out); map: every published note."""

    faint: tuple[tuple[int, int], ...] = ()
    """Links drawn lighter: in a local graph, those that do not lead out from the centre."""

    @property
    def omitted(self) -> int:
        return self.considered - len(self.nodes)


class GraphViews:
    """Lays out the graph views of one garden. Link counts are computed once and each node's
    ranked neighbours on first use, so every local graph costs only its own neighbourhood."""

    def __init__(self, garden: Garden) -> None:
        self.garden = garden
        self._neighbours: dict[str, frozenset[str]] = {}
        self._ranked: dict[str, tuple[str, ...]] = {}
        self._about: dict[str, tuple[str, Url, str | None, str | None, str]] = {}
        self._rank: dict[str, tuple[int, str]] = {}
        self._notes_around: dict[str, frozenset[str]] = {}
        self._sorted: dict[str, tuple[str, ...]] = {}

    def neighbours(self, node: str) -> frozenset[str]:
        found = self._neighbours.get(node)
        if found is None:
            found = self._neighbours[node] = frozenset(self.garden.neighbours(node))
        return found

    def degree(self, node: str) -> int:
        """How many nodes this one is linked with, either way."""
        return len(self.neighbours(node))

    def rank_key(self, node: str) -> tuple[int, str]:
        """Most-linked first, then by id: the order in which nodes earn a place."""
        key = self._rank.get(node)
        if key is None:
            key = self._rank[node] = (-self.degree(node), node)
        return key

    def ranked_neighbours(self, node: str) -> tuple[str, ...]:
        if node not in self._ranked:
            self._ranked[node] = tuple(sorted(self.neighbours(node), key=self.rank_key))
        return self._ranked[node]

    def local(self, nid: NoteId, max_nodes: int) -> GraphLayout:
        """The note in the centre, its links and backlinks on the first ring (wanted notes
        included), notes two links away on the second; at most `max_nodes` in all, nearest and
        most-linked first."""
        first_all = self.ranked_neighbours(nid)
        first = list(first_all[: max(max_nodes - 1, 0)])
        taken = {nid, *first}
        room = max(max_nodes - 1 - len(first), 0)
        parents = [p for p in first if not p.startswith(WANTED_PREFIX)] if room else []
        # The second ring ranks notes by how many first-ring notes they are linked with: the
        # neighbourhood alone decides it, so an edit three links away never reorders it (and
        # the preview's rule, `garden.dependents`, stays two hops wide).
        offered, ties = self._second_ring(parents, taken)

        def tie_key(node: str) -> tuple[int, str]:
            return -ties.get(node, 1), node

        second = sorted(offered, key=tie_key)[:room]
        considered = 1 + len(first_all) + len(second)

        first.sort()
        positions: dict[str, tuple[float, float]] = {nid: (0.0, 0.0)}
        angle_of = {}
        for i, node in enumerate(first):
            angle_of[node] = -math.pi / 2 + 2 * math.pi * i / len(first)
            positions[node] = _polar(_RINGS[1], angle_of[node])
        children: dict[str, list[str]] = {}
        for node in sorted(second):
            children.setdefault(offered[node], []).append(node)
        sector = 2 * math.pi / max(len(first), 1)
        for parent, kids in children.items():
            for j, node in enumerate(kids):
                angle = angle_of[parent] - sector / 2 + sector * (j + 0.5) / len(kids)
                positions[node] = _polar(_RINGS[2], angle)
        second.sort(key=lambda n: (first.index(offered[n]), n))

        width, height = LOCAL_SIZE
        labelled = {nid, *first} if len(first) <= _LABELLED_RING else {nid}
        order = [nid, *first, *second]
        nodes = tuple(
            self._place(node, x + width / 2, y + height / 2,
                        r=9.0 if node == nid else (6.0 if node in angle_of else 4.5),
                        label=node in labelled, current=node == nid,
                        side=_side(angle_of[node]) if node in angle_of else "below")
            for node in order
            for x, y in [positions[node]]
        )
        spokes = {(nid, n) for n in first} | {(n, offered[n]) for n in second}
        strong, faint = [], []
        for s, t in self._edges(order):
            pair = (order[s], order[t])
            (strong if pair in spokes or pair[::-1] in spokes else faint).append((s, t))
        return GraphLayout("local", width, height, nodes, tuple(strong), considered,
                           tuple(faint))

    def _second_ring(self, parents: list[str], taken: set[str]
                     ) -> tuple[dict[str, str], dict[str, int]]:
        """Each parent's best `_SECOND_HOP_PER_NOTE` notes (not taken, not wanted) by how many
        parents they are linked with, then by id, each with the first parent that offered it;
        and that count for every note linked with two or more parents (the others have 1).

        Work is counting and set operations in C plus sorting the page's candidates: a hub
        parent's thousand neighbours are never ranked one by one in Python. `tests/test_layout.py`
        checks it against counting every neighbour of every parent."""
        if not parents:
            return {}, {}
        around = [self._note_neighbours(p) for p in parents]
        *smaller, biggest = sorted(around, key=len)
        ties = Counter(itertools.chain.from_iterable(smaller))  # counted in C
        seen: set[str] = set()
        multi: set[str] = set()
        for near in smaller:
            multi |= seen.intersection(near)
            seen |= near
        # The biggest set (a hub's) is intersected, never walked: what it shares with the
        # others counts once more; what only it holds counts 1 (absent from `ties`).
        shared = seen.intersection(biggest)
        ties.update(shared)
        multi |= shared
        multi -= taken
        # By id, then stably by count, most first: the order of (-count, id), sorted once per
        # page; each parent takes the first few of it that it is linked with (a C filter).
        ranked = sorted(sorted(multi), key=ties.__getitem__, reverse=True)
        offered: dict[str, str] = {}
        for parent, near in zip(parents, around, strict=True):
            picks = list(itertools.islice(filter(near.__contains__, ranked),
                                          _SECOND_HOP_PER_NOTE))
            if len(picks) < _SECOND_HOP_PER_NOTE:
                need = _SECOND_HOP_PER_NOTE - len(picks)
                for candidate in self._by_id(parent):
                    if candidate not in taken and candidate not in multi:
                        picks.append(candidate)
                        need -= 1
                        if not need:
                            break
            for candidate in picks:
                offered.setdefault(candidate, parent)
        return offered, ties

    def _note_neighbours(self, node: str) -> frozenset[str]:
        """Neighbours that are notes (wanted notes left out), once per node."""
        found = self._notes_around.get(node)
        if found is None:
            every = self.neighbours(node)
            found = frozenset(n for n in every if not n.startswith(WANTED_PREFIX))
            # Most notes link to no wanted note: keep one set, not two equal ones.
            found = self._notes_around[node] = every if len(found) == len(every) else found
        return found

    def _by_id(self, node: str) -> tuple[str, ...]:
        """`_note_neighbours` in id order, once per node."""
        found = self._sorted.get(node)
        if found is None:
            found = self._sorted[node] = tuple(sorted(self._note_neighbours(node)))
        return found

    def garden_map(self, max_nodes: int) -> GraphLayout:
        """The `max_nodes` most-linked published notes, force-laid out with a fixed seed; the
        links among them. Wanted notes are left out (the Wanted notes page lists them)."""
        published = [n.id for n in self.garden.published]
        chosen = sorted(sorted(published, key=self.rank_key)[:max_nodes])
        spread = self.garden.spring_positions(chosen, seed=MAP_SEED)
        width, height = MAP_SIZE
        xs = _spread_out([spread[n][0] for n in chosen], 2 * _MARGIN, width - 2 * _MARGIN)
        ys = _spread_out([spread[n][1] for n in chosen], _MARGIN, height - _MARGIN)
        biggest = max((self.degree(n) for n in chosen), default=0)
        radius = {n: 3.0 + 7.0 * math.sqrt(self.degree(n) / biggest) if biggest else 3.0
                  for n in chosen}
        at = {n: (x, y) for n, x, y in zip(chosen, xs, ys, strict=True)}
        labelled = _free_labels(sorted(chosen, key=self.rank_key)[:MAP_LABELS * 3], at, radius,
                                {n: len(self._describe(n)[4]) for n in chosen})
        nodes = [self._place(n, *at[n], r=radius[n], label=n in labelled) for n in chosen]
        return GraphLayout("map", width, height, tuple(nodes), self._edges(chosen),
                           len(published))

    def _place(self, node: str, x: float, y: float, *, r: float, label: bool,
               current: bool = False, side: str = "below") -> PlacedNode:
        title, url, kind, status, short = self._describe(node)
        return PlacedNode(node, title, url, kind, status, kind is None, round(x, 1), round(y, 1),
                          round(r, 1), short if label else None, self.degree(node), current, side)

    def _describe(self, node: str) -> tuple[str, Url, str | None, str | None, str]:
        """Title, URL, type and status (None for a wanted note) and label, once per node."""
        about = self._about.get(node)
        if about is None:
            garden, config = self.garden, self.garden.config
            if node.startswith(WANTED_PREFIX):
                wanted = garden.wanted_by_key[node[len(WANTED_PREFIX):]]
                page = url_for(note_id(config.wanted_page), config.directory_urls)
                about = (wanted.title, Url(f"{page}#{wanted.anchor}"), None, None,
                         _shorten(wanted.title))
            else:
                note = garden.notes[NoteId(node)]
                about = (note.title, url_for(note.id, config.directory_urls), note.type,
                         note.status, _shorten(note.title))
            self._about[node] = about
        return about

    def _edges(self, order: list[str]) -> tuple[tuple[int, int], ...]:
        """Linked pairs among the drawn nodes, once whatever the direction, as (i, j) with i < j.
        Pairs are looked up, so a hub's thousand links are never walked for each page."""
        index = {node: i for i, node in enumerate(order)}
        pairs = []
        for i, node in enumerate(order):
            linked = self.neighbours(node).intersection(index)  # walks the page's nodes only
            pairs.extend((i, j) for j in map(index.__getitem__, linked) if j > i)
        return tuple(sorted(pairs))


def _spread_out(values: list[float], low: float, high: float) -> list[float]:
    """One axis of the force layout mapped onto [low, high], half by value and half by rank: a
    force layout of a garden packs its well-linked core tight, and ranks open it up."""
    if not values:
        return []
    least, most = min(values), max(values)
    span = (most - least) or 1.0
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    rank = [0.0] * len(values)
    for position, i in enumerate(order):
        rank[i] = position / max(len(values) - 1, 1)
    return [low + (high - low) * (0.5 * (v - least) / span + 0.5 * rank[i])
            for i, v in enumerate(values)]


def _free_labels(candidates: list[str], at: dict[str, tuple[float, float]],
                 radius: dict[str, float], chars: dict[str, int]) -> set[str]:
    """Up to MAP_LABELS nodes, most-linked first, whose label (under the dot) overlaps no label
    already placed; the others show theirs on hover and focus."""
    placed: list[tuple[float, float, float, float]] = []
    chosen: set[str] = set()
    for node in candidates:
        x, y = at[node]
        half = chars[node] * _CHAR_WIDTH / 2
        top = y + radius[node]
        box = (x - half, top, x + half, top + _LINE_HEIGHT)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
               for b in placed):
            continue
        placed.append(box)
        chosen.add(node)
        if len(chosen) == MAP_LABELS:
            break
    return chosen


def _polar(radius: float, angle: float) -> tuple[float, float]:
    return radius * math.cos(angle), radius * math.sin(angle)


def _side(angle: float) -> str:
    """A first-ring label points away from the centre, so neighbouring labels do not collide."""
    x, y = math.cos(angle), math.sin(angle)
    if abs(x) > 0.35:
        return "right" if x > 0 else "left"
    return "below" if y > 0 else "above"


def _shorten(title: str) -> str:
    """A label short enough not to cover its neighbours; the full title is the node's tooltip."""
    text = " ".join(title.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"
