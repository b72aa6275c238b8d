"""Graph layouts drawn as static inline SVG, and the data the page templates show with them.

Every node is an `<a href>` (relative to the page, so the site works under any sub-path and in
either URL style) with its title as `<title>`; colours come from CSS classes (`theme/assets/
garden.css`), so the light and dark palettes both apply. All note text is escaped here.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from garden.layout import GraphLayout, GraphViews, PlacedNode
from garden.slugs import NoteId, note_id, root_prefix, url_for

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters that XML forbids (and nobody means in a title)."""
_LABEL_GAP = 11.0


@dataclass(frozen=True, slots=True)
class ListedNote:
    """One note of a graph as the text alternative lists it."""

    title: str
    url: str
    type: str
    status: str
    links: int


@dataclass(frozen=True, slots=True)
class GraphView:
    """What a page template needs to show a graph: the SVG and the words around it."""

    kind: str
    """`local` or `map`."""
    svg: str
    """The drawing, already escaped; empty when there is nothing to draw."""
    shown: int
    omitted: int
    total: int
    links: int
    notes: tuple[ListedNote, ...] = ()
    """The map's notes by title, for readers who cannot see the drawing."""
    wanted_url: str = ""
    data_url: str = ""
    """Where the full graph is, as JSON (map only); both relative to the page."""


@functools.lru_cache(maxsize=65536)
def escape(text: str) -> str:
    """Note text as SVG/HTML text or attribute value (cached: titles recur on many pages)."""
    return html.escape(_CONTROL_RE.sub("", text), quote=True)


def draw(layout: GraphLayout, page_url: str, label: str) -> str:
    """The layout as one `<svg>` element; `page_url` (site-root relative) is the page it goes on,
    `label` names the drawing for assistive technology. Links are drawn as one path (two in a
    local graph: strong and faint), far smaller than an element per link."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="garden-graph garden-graph--{layout.kind}"'
        f' viewBox="0 0 {layout.width} {layout.height}" role="group" aria-label="{escape(label)}">'
    ]
    points = [f"{_num(n.x)} {_num(n.y)}" for n in layout.nodes]
    for edges, extra in ((layout.faint, " garden-graph__edges--faint"), (layout.edges, "")):
        if edges:
            path = "".join(f"M{points[s]}L{points[t]}" for s, t in edges)
            parts.append(f'<path class="garden-graph__edges{extra}" d="{path}"/>')
    prefix = root_prefix(page_url)
    parts.extend(_node(node, href(prefix, node.url)) for node in layout.nodes)
    parts.append("</svg>")
    return "\n".join(parts)


def href(prefix: str, url: str) -> str:
    """A site-root URL as a link from the page whose `root_prefix` this is."""
    if url == "./":
        return prefix or "./"
    return prefix + url


def _label_place(node: PlacedNode) -> tuple[float, float, str]:
    """Where a label's text starts, and how it is anchored there."""
    gap = node.r + 4
    if node.side == "right":
        return node.x + gap, node.y + 4, "start"
    if node.side == "left":
        return node.x - gap, node.y + 4, "end"
    if node.side == "above":
        return node.x, node.y - gap, "middle"
    return node.x, node.y + node.r + _LABEL_GAP, "middle"


def _node(node: PlacedNode, link: str) -> str:
    classes = ["garden-graph__node"]
    if node.wanted:
        classes.append("garden-graph__node--wanted")
        tooltip = f"{node.title} (not written yet)"
    else:
        classes += [f"garden-graph__node--{node.type}", f"garden-graph__node--{node.status}"]
        tooltip = node.title
    current = ""
    if node.current:
        classes.append("garden-graph__node--current")
        current = ' aria-current="page"'
    text_class = "garden-graph__label" + ("" if node.label else " garden-graph__label--more")
    label = node.label if node.label is not None else node.title
    x, y, anchor = _label_place(node)
    if anchor != "middle":
        text_class += f" garden-graph__label--{anchor}"
    return (
        f'<a class="{escape(" ".join(classes))}" href="{escape(link)}"{current}>'
        f"<title>{escape(tooltip)}</title>"
        f'<circle cx="{_num(node.x)}" cy="{_num(node.y)}" r="{_num(node.r)}"/>'
        f'<text class="{text_class}" x="{_num(x)}" y="{_num(y)}"'
        f">{escape(label)}</text></a>"
    )


def _num(value: float) -> str:
    """A coordinate as short text (layouts round to tenths; `g` drops `.0` and float noise)."""
    return f"{value:g}"


def local_graph_view(views: GraphViews, nid: NoteId, max_nodes: int) -> GraphView:
    """A note page's graph of its neighbourhood (no drawing when the note has no links)."""
    layout = views.local(nid, max_nodes)
    page_url = url_for(nid, views.garden.config.directory_urls)
    title = views.garden.notes[nid].title
    svg = draw(layout, page_url, f"Notes near {title}") if len(layout.nodes) > 1 else ""
    return GraphView("local", svg, len(layout.nodes), layout.omitted, layout.considered,
                     len(layout.edges) + len(layout.faint))


def garden_map_view(views: GraphViews, page: str, max_nodes: int) -> GraphView:
    """The whole-garden map for the page whose source is `page` (e.g. `graph.md`)."""
    config = views.garden.config
    layout = views.garden_map(max_nodes)
    page_url = url_for(note_id(page), config.directory_urls)
    prefix = root_prefix(page_url)
    listed = tuple(sorted(
        (ListedNote(n.title, href(prefix, n.url), n.type or "", n.status or "", n.links)
         for n in layout.nodes),
        key=lambda n: (n.title.casefold(), n.url),
    ))
    return GraphView(
        "map",
        draw(layout, page_url, "Map of the garden") if layout.nodes else "",
        len(layout.nodes), layout.omitted, layout.considered, len(layout.edges), listed,
        wanted_url=href(prefix, url_for(note_id(config.wanted_page), config.directory_urls)),
        data_url=href(prefix, config.graph_json),
    )
