"""Which note pages change between two versions of the garden: the rule behind the fast preview.

A note's page shows more than its own file: its links' targets (title, address, heading ids),
whether each link is wanted or real, the notes it embeds, and its backlinks with their
sentences. `page_inputs` lists everything the garden puts on a page; two gardens give a page
the same output exactly when its inputs are equal. `changed_pages` compares the inputs only
for the notes an edit can reach (its neighbours before and after, the notes whose links name
it, the notes that embed them), so a preview rebuild costs in proportion to the edit's
neighbourhood rather than the garden; `tests/test_dependents.py` checks that it equals
comparing every page. Generated pages (Wanted notes, graph.json) are rebuilt on every build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from garden.graph import WANTED_PREFIX, Garden, Wanted
from garden.layout import GraphLayout, GraphViews
from garden.links import LinkKind
from garden.note import Note
from garden.previews import PreviewIndex
from garden.render import page_meta, render_markdown
from garden.resolve import Status
from garden.slugs import NoteId, normalise
from garden.svg import local_graph_view


@dataclass(frozen=True, slots=True)
class Changes:
    """What a preview must redo after the notes changed."""

    pages: frozenset[NoteId]
    """Published notes whose page is new or differs: rebuild these."""
    removed: frozenset[NoteId]
    """Notes that had a page and have none now (deleted, renamed away, made a draft)."""
    tag_index: bool
    """The notes' titles or tags changed, so every page listing tags must be redone."""
    map: bool = True
    """The whole-garden map may have changed (its page must be redone)."""


class PageInputs:
    """What the garden puts on each page of one garden, with the per-build indexes (previews,
    graph neighbourhoods) made once and shared by every page compared."""

    def __init__(self, garden: Garden, views: GraphViews | None = None) -> None:
        self.garden = garden
        self.previews = PreviewIndex(garden)
        self.views = views or GraphViews(garden)

    def content(self, nid: NoteId) -> tuple[object, ...]:
        """Its Markdown as rendered (links, wanted links, embeds, sources), its metadata, its
        backlinks with their badges, and the previews of what it links to."""
        garden = self.garden
        note = garden.notes[nid]
        backlinks = tuple(garden.backlinks(nid))
        badges = tuple((garden.notes[b.source].status, garden.notes[b.source].type)
                       for b in backlinks)
        return (render_markdown(note, garden), page_meta(note), backlinks, badges,
                self.previews.for_page(nid))

    def graph(self, nid: NoteId) -> object:
        """The note's local graph, which shows notes up to two links away."""
        return local_graph_view(self.views, nid, self.garden.config.graph_local_nodes)


def page_inputs(garden: Garden, nid: NoteId) -> tuple[object, ...]:
    """Everything the garden contributes to one note's page. Features that put more on a page
    add their inputs to `PageInputs` (and, if they reach further than the note's links and
    backlinks, to `_candidates`)."""
    inputs = PageInputs(garden)
    return (*inputs.content(nid), inputs.graph(nid))


def map_inputs(garden: Garden) -> tuple[object, ...]:
    """What the whole-garden map (`layout.GraphViews.garden_map`) is made of: the most-linked
    notes it draws, what it shows of each (title, type, status, link count), the links among
    them, and how many notes there are (it says how many it left out)."""
    views = GraphViews(garden)
    ranked = sorted((n.id for n in garden.published), key=views.rank_key)
    chosen = sorted(ranked[: garden.config.graph_map_nodes])
    shown = tuple((nid, garden.notes[nid].title, garden.notes[nid].type,
                   garden.notes[nid].status, views.degree(nid)) for nid in chosen)
    inside = set(chosen)
    return (len(ranked), shown,
            tuple((nid, tuple(sorted(views.neighbours(nid) & inside))) for nid in chosen))


def tag_index_inputs(garden: Garden) -> tuple[tuple[NoteId, str, tuple[str, ...]], ...]:
    """What a tags index lists: every tagged page's id, title and tags."""
    return tuple((n.id, n.title, n.tags) for n in garden.published if n.tags)


class DrawingViews(GraphViews):
    """Graph views that note which nodes each local graph they lay out draws: the preview
    draws its pages with them, and so learns what each page it built shows (`Drawn`). Only
    the node ids are kept, not the layouts (a first build lays out every page)."""

    def __init__(self, garden: Garden) -> None:
        super().__init__(garden)
        self.drawn: dict[NoteId, frozenset[str]] = {}

    def local(self, nid: NoteId, max_nodes: int) -> GraphLayout:
        layout = super().local(nid, max_nodes)
        self.drawn[nid] = frozenset(node.id for node in layout.nodes)
        return layout


class Drawn:
    """The nodes each page's local graph draws, for the pages of one garden, and the reverse:
    which pages draw a node. A preview keeps it from build to build (`record`): a page that
    was not rebuilt draws what it drew before."""

    def __init__(self) -> None:
        self.nodes: dict[NoteId, frozenset[str]] = {}
        self._pages: dict[str, set[NoteId]] = {}

    @classmethod
    def of(cls, garden: Garden) -> Drawn:
        """Every published page's drawing, laid out now (the definition `record` keeps)."""
        drawn, views = cls(), DrawingViews(garden)
        for note in garden.published:
            views.local(note.id, garden.config.graph_local_nodes)
        drawn.record(views)
        return drawn

    def record(self, views: DrawingViews) -> None:
        """Take the drawings `views` made; forget pages its garden no longer publishes."""
        for nid, nodes in views.drawn.items():
            self._set(nid, nodes)
        published = {note.id for note in views.garden.published}
        for nid in [nid for nid in self.nodes if nid not in published]:
            self._set(nid, frozenset())
            del self.nodes[nid]

    def pages_drawing(self, node: str) -> set[NoteId]:
        return self._pages.get(node, set())

    def _set(self, nid: NoteId, nodes: frozenset[str]) -> None:
        for node in self.nodes.get(nid, frozenset()) - nodes:
            self._pages[node].discard(nid)
        for node in nodes:
            self._pages.setdefault(node, set()).add(nid)
        self.nodes[nid] = nodes


def changed_pages(old: Garden | None, new: Garden, drawn: Drawn | None = None,
                  views: GraphViews | None = None) -> Changes:
    """The pages whose output differs between `old` and `new` (all of them when there is no
    `old`), and the pages that went away. `drawn` is what `old`'s pages draw (laid out here
    when not given); `views` are `new`'s graph views (the pages are drawn with them)."""
    published = {n.id for n in new.published}
    if old is None or old.attachments.paths != new.attachments.paths:
        # A picture or file added or removed can turn links anywhere into errors or back.
        return Changes(frozenset(published), frozenset(), True)
    before = {n.id for n in old.published}
    removed = frozenset(before - published)
    content, graph = _candidates(old, new, drawn or Drawn.of(old))
    was, now = PageInputs(old), PageInputs(new, views)
    pages = {nid for nid in (content | graph) & published
             if nid not in before
             or (nid in content and was.content(nid) != now.content(nid))
             or (nid in graph and was.graph(nid) != now.graph(nid))}
    return Changes(frozenset(pages), removed, tag_index_inputs(old) != tag_index_inputs(new),
                   map_inputs(old) != map_inputs(new))


def all_changed_pages(old: Garden, new: Garden) -> frozenset[NoteId]:
    """The same answer by comparing every page: the definition `changed_pages` must equal."""
    before = {n.id for n in old.published}
    was, now = PageInputs(old), PageInputs(new)
    return frozenset(
        n.id for n in new.published
        if n.id not in before or was.content(n.id) != now.content(n.id)
        or was.graph(n.id) != now.graph(n.id))


def _candidates(old: Garden, new: Garden, drawn: Drawn) -> tuple[set[NoteId], set[NoteId]]:
    """Notes whose page an edit can reach: for their text, backlinks and previews (the edited
    notes, their neighbours in either garden, notes with links naming them or naming a wanted
    note whose entry changed and those links' targets in either garden, and repeatedly the
    notes that embed any of these); and for their local graph (`_graph_candidates`)."""
    edited = _edited(old, new)
    keys = {key for g in (old, new) for nid in edited if nid in g.notes
            for key in _keys(g.notes[nid])}
    wanted_old = {w.key: _wanted_entry(w) for w in old.wanted}
    wanted_new = {w.key: _wanted_entry(w) for w in new.wanted}
    changed_wanted = {k for k in wanted_old.keys() | wanted_new.keys()
                      if wanted_old.get(k) != wanted_new.get(k)}
    keys |= changed_wanted
    found, sources = set(edited), set(edited)
    for garden in (old, new):
        found |= _neighbours(garden, edited, keys, sources)
    for garden in (old, new):
        found |= _embedders(garden, found)
    facts = {WANTED_PREFIX + k for k in changed_wanted}
    facts |= {nid for nid in edited if _facts(old, nid) != _facts(new, nid)}
    return found, _graph_candidates(old, new, sources, facts, drawn)


def _facts(garden: Garden, nid: NoteId) -> tuple[object, ...] | None:
    """What a local graph shows of a note besides its links (None: not drawn)."""
    note = garden.notes.get(nid)
    if note is None or note.draft:
        return None
    return note.title, note.type, note.status


def _graph_candidates(old: Garden, new: Garden, movers: set[NoteId], facts: set[str],
                      drawn: Drawn) -> set[NoteId]:
    """Pages whose local graph may differ. A local graph (`layout.GraphViews.local`) chooses
    its nodes from the neighbour sets of the note and of its neighbours (and their sizes), and
    shows of the nodes it draws their title, type, status and the links among them. So a link
    made or broken between x and y reaches the pages next to x or y (in either garden), and
    otherwise only a page that drew both x and y (its choice of nodes did not change); a node
    shown differently reaches the pages next to it and the pages that drew it. `movers` are the
    notes whose links may resolve differently; `facts` the nodes shown differently; `drawn`
    what `old`'s pages draw."""
    hoods = (_Hood(old), _Hood(new))
    pairs: set[tuple[str, str]] = set()
    for nid in movers:
        for mine, other in (hoods, hoods[::-1]):
            for t in mine.out(nid) - other.out(nid):
                if t not in other.around(nid):  # not linked the other way round either
                    pairs.add((nid, t) if nid < t else (t, nid))
    found: set[str] = set()
    for x, y in pairs:
        found |= drawn.pages_drawing(x) & drawn.pages_drawing(y)
    for node in facts:
        found |= drawn.pages_drawing(node)
    for hood in hoods:
        for x, y in pairs:
            found |= hood.closed(x) | hood.closed(y)
        for node in facts:
            found |= hood.closed(node)
    return {NoteId(n) for n in found if not n.startswith(WANTED_PREFIX)}


class _Hood:
    """Neighbour sets of one garden's graph, each made once."""

    def __init__(self, garden: Garden) -> None:
        self.garden = garden
        self._around: dict[str, frozenset[str]] = {}

    def out(self, node: str) -> set[str]:
        graph = self.garden.graph
        return set(graph.successors(node)) if node in graph else set()

    def around(self, node: str) -> frozenset[str]:
        found = self._around.get(node)
        if found is None:
            found = self._around[node] = frozenset(self.garden.neighbours(node))
        return found

    def closed(self, node: str) -> set[str]:
        """The node and its neighbours."""
        return {node, *self.around(node)} if node in self.garden.graph else set()


def _wanted_entry(wanted: Wanted) -> tuple[object, ...]:
    """What pages show of a wanted note: its title, its anchor and (in previews) how many
    notes want it."""
    return wanted.title, wanted.anchor, len({link.source for link in wanted.wanted_by})


def _edited(old: Garden, new: Garden) -> set[NoteId]:
    return {nid for nid in old.notes.keys() | new.notes.keys()
            if old.notes.get(nid) != new.notes.get(nid)}


def _keys(note: Note) -> Iterator[str]:
    """Every name a link may use to reach this note (over-approximated: path form included)."""
    yield normalise(note.id)
    yield normalise(posixpath.basename(note.id))
    yield normalise(note.title)
    yield from (normalise(alias) for alias in note.aliases)


def _link_keys(target: str, kind: LinkKind) -> tuple[str, str]:
    """The names a link may reach a note by: as written, and its last part (a relative or
    %20-encoded Markdown link, `[[folder/Note.md]]`), over-approximated like `_keys`."""
    name = unquote(target) if kind is LinkKind.MARKDOWN else target
    if name.lower().endswith(".md"):
        name = name[:-3]
    return normalise(name), normalise(posixpath.basename(name))


def _neighbours(garden: Garden, edited: set[NoteId], keys: set[str],
                sources: set[NoteId]) -> set[NoteId]:
    """Pages an edit reaches through links; `sources` gains the notes whose links may now
    reach another note."""
    found: set[NoteId] = set()
    graph = garden.graph
    for nid in edited:
        if nid in graph:
            found.update(graph.predecessors(nid))
            found.update(s for s in graph.successors(nid) if not s.startswith(WANTED_PREFIX))
    for nid, resolutions in garden.resolutions.items():
        for res in resolutions:
            link = res.link
            if (link.target and not keys.isdisjoint(_link_keys(link.target, link.kind))) or (
                    res.status is Status.WANTED and res.wanted_key in keys):
                found.add(nid)  # the link may now reach another note, which gains a backlink
                sources.add(nid)
                if res.target is not None:
                    found.add(res.target)
    return found


def _embedders(garden: Garden, pages: Iterable[NoteId]) -> set[NoteId]:
    """The notes that embed any of `pages`, directly or through other embeds."""
    embedded_by: dict[NoteId, set[NoteId]] = {}
    for nid, resolutions in garden.resolutions.items():
        for res in resolutions:
            if res.link.is_embed and res.status is Status.RESOLVED and res.target:
                embedded_by.setdefault(res.target, set()).add(nid)
    found: set[NoteId] = set()
    todo = list(pages)
    while todo:
        for host in embedded_by.get(todo.pop(), ()):
            if host not in found:
                found.add(host)
                todo.append(host)
    return found

