"""The garden: every note, every link resolved, and one networkx graph of them per build.

Backlinks, orphans and wanted notes are all read from the graph. This is the only module
that imports networkx, and only when the graph is first asked for: `garden check` needs the
resolutions and the embed loops alone, and importing networkx costs ~0.3 s and ~20 MiB.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from garden.attachments import Attachments
from garden.config import GardenConfig
from garden.links import Link
from garden.note import Note
from garden.resolve import Resolution, Resolver, Status
from garden.slugs import NoteId, normalise, unique_anchors

if TYPE_CHECKING:
    import networkx as nx

WANTED_PREFIX = "wanted:"


def note_names(note: Note) -> Iterator[str]:
    """Every name (normalised) under which the name indexes hold this note: its path form,
    file name, title and aliases."""
    yield normalise(note.id)
    yield normalise(posixpath.basename(note.id))
    yield normalise(note.title)
    yield from (normalise(alias) for alias in note.aliases)


def _qualname(function: object) -> str:
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', '')}"


def _lookup_names(garden: Garden, nid: NoteId) -> frozenset[str]:
    note = garden.notes.get(nid)
    return lookup_names(note) if note is not None else frozenset()


def lookup_names(note: Note) -> frozenset[str]:
    """Every name (normalised) the note's links look up in the name indexes: a link's target,
    without `.md`, and a Markdown link's destination (`resolve.Resolver`)."""
    found = set()
    for link in note.links:
        target = link.target
        bare = target[:-3] if target.lower().endswith(".md") else target
        found.update((normalise(target), normalise(bare), normalise(link.dest or target)))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Backlink:
    """A note that links here, with the sentence of each of its links."""

    source: NoteId
    title: str
    contexts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Wanted:
    """A note that links ask for but nobody has written yet."""

    key: str
    """The normalised name; the graph node is `wanted:<key>`."""
    title: str
    """The name as first written in a link."""
    anchor: str
    """Its heading id on the Wanted notes page."""
    wanted_by: tuple[Link, ...]


class Garden:
    """All notes (drafts included, for checking) and the graph of the published ones."""

    def __init__(self, notes: Iterable[Note], config: GardenConfig | None = None,
                 attachments: Iterable[str] = (), previous: Garden | None = None) -> None:
        """`previous` (a preview's last garden) lends the resolutions of the notes whose links
        no change can reach (`_reusable`); the result equals a garden made without it."""
        self.config = config or GardenConfig()
        self.attachments = Attachments(attachments)
        """Files under the notes folder that are not notes (pictures, PDFs)."""
        self.notes: Mapping[NoteId, Note] = MappingProxyType(
            {note.id: note for note in sorted(notes, key=lambda n: n.id)}
        )
        self.published: tuple[Note, ...] = tuple(n for n in self.notes.values() if not n.draft)
        self.resolver = Resolver(self.published, self.config.slugify, self.config.toc_separator,
                                 self.attachments)
        self._lookups: dict[str, frozenset[NoteId]] | None = None
        kept = self._reusable(previous)
        self.resolutions: Mapping[NoteId, tuple[Resolution, ...]] = MappingProxyType({
            nid: kept[nid] if nid in kept else tuple(self.resolver.resolve(link)
                                                     for link in note.links)
            for nid, note in self.notes.items()
        })

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The published notes and wanted names, an edge per linking pair holding its links;
        made when first asked for (`garden check` never asks)."""
        return self._build_graph()

    def _reusable(self, previous: Garden | None) -> dict[NoteId, tuple[Resolution, ...]]:
        """The resolutions of `previous` that are this garden's too. A link's resolution reads
        only the name indexes at the names it looks up (`lookup_names`), the headings and
        blocks of the note it reaches (reached by one of that note's names), the linking
        note's folder, and the attachments. So a note keeps its resolutions when it is
        unchanged and none of its names is a name of a note that changed, in either garden."""
        # The slugify function is compared by name: MkDocs makes a new one (pymdownx's
        # `slugify(...)`) on every config load, and a preview drops `previous` when its
        # configuration file changes.
        same_config = previous is not None and dataclasses.replace(
            previous.config, slugify=self.config.slugify) == self.config and (
            _qualname(previous.config.slugify) == _qualname(self.config.slugify))
        if (previous is None or not same_config
                or previous.attachments.paths != self.attachments.paths):
            return {}
        edited = [nid for nid in previous.notes.keys() | self.notes.keys()
                  if previous.notes.get(nid) is not self.notes.get(nid)]
        names = {name for g in (previous, self) for nid in edited if nid in g.notes
                 for name in note_names(g.notes[nid])}
        lookups = previous.lookups.copy()  # each entry is replaced, never changed in place
        for nid in edited:
            for name in _lookup_names(previous, nid):
                lookups[name] = lookups.get(name, frozenset()) - {nid}
            for name in _lookup_names(self, nid):
                lookups[name] = lookups.get(name, frozenset()) | {nid}
        self._lookups = {name: nids for name, nids in lookups.items() if nids}
        affected = {nid for name in names for nid in self._lookups.get(name, ())}
        affected.update(edited)
        return {nid: previous.resolutions[nid] for nid in self.notes.keys() - affected}

    @property
    def lookups(self) -> Mapping[str, frozenset[NoteId]]:
        """Which notes have links that look up each name (`lookup_names`); made when a preview
        first asks, then carried from garden to garden."""
        if self._lookups is None:
            found: dict[str, set[NoteId]] = {}
            for nid in self.notes:
                for name in _lookup_names(self, nid):
                    found.setdefault(name, set()).add(nid)
            self._lookups = {name: frozenset(nids) for name, nids in found.items()}
        return self._lookups

    def _build_graph(self) -> nx.DiGraph:
        """Nodes and edges are gathered first and added in bulk: networkx clears its caches on
        every single `add_edge`, which was most of a preview rebuild's index at 5,000 notes.
        The order is the same as adding one by one (nodes and edges by first appearance)."""
        import networkx as nx

        edges: dict[tuple[str, str], list[Link]] = {}
        wanted: dict[str, None] = {}
        for note in self.published:
            for res in self.resolutions[note.id]:
                if res.status is Status.RESOLVED and res.target != note.id:
                    target: str = res.target
                elif res.status is Status.WANTED:
                    target = WANTED_PREFIX + res.wanted_key
                    wanted[target] = None
                else:
                    continue
                links = edges.get((note.id, target))
                if links is None:
                    edges[note.id, target] = [res.link]
                else:
                    links.append(res.link)
        graph = nx.DiGraph()
        graph.add_nodes_from((note.id for note in self.published), wanted=False)
        graph.add_nodes_from(wanted, wanted=True)
        graph.add_edges_from((s, t, {"links": links}) for (s, t), links in edges.items())
        return graph

    def backlinks(self, nid: NoteId) -> list[Backlink]:
        """Notes linking here, ordered by title then id, each with its links' sentences."""
        if nid not in self.graph:
            return []
        found = []
        for source in self.graph.predecessors(nid):
            links = sorted(self.graph.edges[source, nid]["links"], key=lambda lk: lk.start)
            contexts = tuple(dict.fromkeys(c for c in (lk.context for lk in links) if c))
            found.append(Backlink(source, self.notes[source].title, contexts))
        return sorted(found, key=lambda b: (b.title.casefold(), b.source))

    def outlinks(self, nid: NoteId) -> list[str]:
        """Nodes this note links to (note ids, and `wanted:` ids), sorted."""
        return sorted(self.graph.successors(nid)) if nid in self.graph else []

    def orphans(self) -> list[NoteId]:
        """Published notes nothing links to."""
        return [n.id for n in self.published if self.graph.in_degree(n.id) == 0]

    @cached_property
    def wanted(self) -> tuple[Wanted, ...]:
        """Wanted notes by name, each with the links that want it (by note title, then position)."""
        entries = []
        for node, data in self.graph.nodes(data=True):
            if not data["wanted"]:
                continue
            links = sorted(
                (lk for src in self.graph.predecessors(node)
                 for lk in self.graph.edges[src, node]["links"]),
                key=lambda lk: (self.notes[lk.source].title.casefold(), lk.source, lk.start),
            )
            entries.append((node[len(WANTED_PREFIX):], links[0].target, tuple(links)))
        entries.sort(key=lambda e: (e[1].casefold(), e[0]))
        anchors = unique_anchors(
            [self.config.wanted_title] + [title for _, title, _ in entries],
            self.config.slugify,
            self.config.toc_separator,
        )[1:]
        return tuple(
            Wanted(key, title, anchor, links)
            for (key, title, links), anchor in zip(entries, anchors, strict=True)
        )

    @cached_property
    def wanted_by_key(self) -> Mapping[str, Wanted]:
        return MappingProxyType({w.key: w for w in self.wanted})

    def embed_cycles(self) -> list[list[NoteId]]:
        """Loops of embeds (a note that ends up embedding itself), each rotated to start at its
        smallest id, sorted."""
        edges = []
        for nid, resolutions in self.resolutions.items():
            for res in resolutions:
                # A note may embed a section or block of itself (Obsidian's help does).
                self_part = res.target == nid and res.link.anchor
                if res.link.is_embed and res.status is Status.RESOLVED and not self_part:
                    edges.append((nid, res.target))
        if not _has_cycle(edges):
            return []  # the usual case, decided without importing networkx
        import networkx as nx

        embeds = nx.DiGraph(edges)
        cycles = []
        for cycle in nx.simple_cycles(embeds):
            start = cycle.index(min(cycle))
            cycles.append(cycle[start:] + cycle[:start])
        return sorted(cycles)

    def link_count(self) -> int:
        return sum(len(data["links"]) for _, _, data in self.graph.edges(data=True))

    def node_link_data(self) -> tuple[list[str], list[tuple[str, str]]]:
        """Sorted node ids and edges, for emitters that must not touch networkx."""
        return sorted(self.graph.nodes), sorted(self.graph.edges)

    def neighbours(self, node: str) -> set[str]:
        """Nodes linked from or to this one (note ids and `wanted:` ids): its graph neighbours,
        whatever the direction."""
        if node not in self.graph:
            return set()
        return set(self.graph.successors(node)) | set(self.graph.predecessors(node))

    def spring_positions(
        self, nodes: Sequence[str], *, seed: int, iterations: int = 50
    ) -> dict[str, tuple[float, float]]:
        """Force-directed positions in [-1, 1]² for the links among `nodes` (networkx's
        Fruchterman–Reingold, fixed seed, nodes in the given order): same nodes, same layout."""
        import networkx as nx

        sub = nx.Graph()
        sub.add_nodes_from(nodes)
        chosen = set(nodes)
        for node in nodes:
            sub.add_edges_from((node, other) for other in sorted(self.graph.successors(node))
                               if other in chosen and other != node)
        positions = nx.spring_layout(sub, seed=seed, iterations=iterations, method="force")
        return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def _has_cycle(edges: Sequence[tuple[NoteId, NoteId]]) -> bool:
    """Whether the directed edges make a loop: what is left after removing, again and again,
    every node nothing points at (Kahn's topological sort)."""
    incoming: dict[NoteId, int] = {}
    targets: dict[NoteId, list[NoteId]] = {}
    for source, target in set(edges):
        incoming.setdefault(source, 0)
        incoming[target] = incoming.get(target, 0) + 1
        targets.setdefault(source, []).append(target)
    free = [node for node, count in incoming.items() if count == 0]
    removed = 0
    while free:
        node = free.pop()
        removed += 1
        for target in targets.get(node, ()):
            incoming[target] -= 1
            if incoming[target] == 0:
                free.append(target)
    return removed < len(incoming)
