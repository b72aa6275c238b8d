"""Files the garden adds to the site, shaped from the Garden (no networkx, no MkDocs here)."""

from __future__ import annotations

import json

from garden.graph import WANTED_PREFIX, Garden
from garden.slugs import note_id, url_for


def graph_data(garden: Garden) -> dict[str, list[dict[str, object]]]:
    """`graph.json`'s content: nodes and links, sorted, URLs relative to the site root."""
    directory_urls = garden.config.directory_urls
    wanted_url = url_for(note_id(garden.config.wanted_page), directory_urls)
    node_ids, edges = garden.node_link_data()
    nodes: list[dict[str, object]] = []
    for node in node_ids:
        if node.startswith(WANTED_PREFIX):
            wanted = garden.wanted_by_key[node[len(WANTED_PREFIX):]]
            nodes.append({
                "id": node, "title": wanted.title, "url": f"{wanted_url}#{wanted.anchor}",
                "type": None, "status": None, "tags": [], "wanted": True,
            })
        else:
            note = garden.notes[node]
            nodes.append({
                "id": node, "title": note.title, "url": url_for(note.id, directory_urls),
                "type": note.type, "status": note.status, "tags": list(note.tags),
                "wanted": False,
            })
    links = [{"source": source, "target": target} for source, target in edges]
    return {"nodes": nodes, "links": links}


def graph_json(garden: Garden) -> str:
    # Compact: without `indent` the C encoder runs, several times faster on a large garden.
    return json.dumps(graph_data(garden), ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True) + "\n"
