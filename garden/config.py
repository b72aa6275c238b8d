"""The garden's settings, independent of any site generator (the MkDocs plugin fills them in)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from garden.errors import ConfigError
from garden.slugs import Slugify, default_slugify

MAX_MAP_NODES = 450
"""networkx lays out 500 nodes or more with scipy, which the garden does not depend on."""
MAX_LOCAL_NODES = 60


@dataclass(frozen=True)
class GardenConfig:
    notes_label: str = "notes"
    """How the notes folder is named in messages (`notes/places/stockport.md:3:1: ...`)."""
    directory_urls: bool = True
    """MkDocs' `use_directory_urls`: `places/stockport/` rather than `places/stockport.html`."""
    slugify: Slugify = default_slugify
    """The toc's heading-anchor function, so heading links land on the page's real ids."""
    toc_separator: str = "-"
    wanted_page: str = "wanted.md"
    """Generated page listing wanted notes (path under the notes folder)."""
    wanted_title: str = "Wanted notes"
    graph_json: str = "graph.json"
    """Generated graph of the garden (path under the site folder)."""
    embed_depth: int = 3
    """How deep embeds may nest inside embeds."""
    max_note_bytes: int = 1_000_000
    """A note file larger than this is an error, and is not parsed (a pull request can't stall
    the build with a huge file)."""
    max_links: int = 2000
    """More links than this in one note is an error; the links past it stay plain text."""
    html_allow: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    """Extra HTML tags (→ their allowed attributes) a site lets notes use, e.g. `iframe`;
    see `garden.sanitize`."""
    tended_page: str = "recently-tended.md"
    """Generated page of the notes by last change (path under the notes folder)."""
    tended_title: str = "Recently tended"
    tended_limit: int = 50
    """How many notes the Recently tended page and its feed list."""
    feed: str = "feed.xml"
    """The Atom feed of recently tended notes (path under the site folder)."""
    health_page: str = "health.md"
    """Generated page for gardeners: orphans, wanted, unsourced, untended, seedlings."""
    health_title: str = "Garden health"
    stale_days: int = 365
    """A note not changed for this many days before the garden's newest change is untended."""
    graph_page: str = "graph.md"
    """Generated page with the whole-garden map (path under the notes folder)."""
    graph_title: str = "Garden map"
    graph_map_nodes: int = 300
    """The map draws this many of the most-linked notes (it stays small at 5,000 notes)."""
    graph_local_nodes: int = 25
    """A note's local graph draws at most this many notes, itself included."""

    def __post_init__(self) -> None:
        if not self.wanted_page.endswith(".md"):
            raise ConfigError(f"wanted_page must be a Markdown file name, not {self.wanted_page!r}")
        if self.embed_depth < 0:
            raise ConfigError("embed_depth must be 0 or more")
        if self.max_note_bytes < 1 or self.max_links < 1:
            raise ConfigError("limits_note_bytes and limits_links_per_note must be 1 or more")
        for name in ("tended_page", "health_page"):
            if not getattr(self, name).endswith(".md"):
                raise ConfigError(f"{name} must be a Markdown file name, "
                                  f"not {getattr(self, name)!r}")
        if self.tended_limit < 1 or self.stale_days < 1:
            raise ConfigError("tended_limit and stale_days must be 1 or more")
        if not self.graph_page.endswith(".md"):
            raise ConfigError(f"graph_page must be a Markdown file name, not {self.graph_page!r}")
        if not 1 <= self.graph_map_nodes <= MAX_MAP_NODES:
            raise ConfigError(f"graph_map_nodes must be from 1 to {MAX_MAP_NODES} (a bigger map "
                              "is too slow to draw and too dense to read)")
        if not 2 <= self.graph_local_nodes <= MAX_LOCAL_NODES:
            raise ConfigError(f"graph_local_nodes must be from 2 to {MAX_LOCAL_NODES}")

    def display_path(self, rel_path: str) -> str:
        return f"{self.notes_label.rstrip('/')}/{rel_path}" if self.notes_label else rel_path


def limit_fields(options: Mapping[str, Any]) -> dict[str, Any]:
    """GardenConfig fields from the site's plugin options `limits_note_bytes`,
    `limits_links_per_note` and `html_allow` (absent options keep their defaults)."""
    fields: dict[str, Any] = {}
    if options.get("limits_note_bytes") is not None:
        fields["max_note_bytes"] = options["limits_note_bytes"]
    if options.get("limits_links_per_note") is not None:
        fields["max_links"] = options["limits_links_per_note"]
    if options.get("html_allow"):
        fields["html_allow"] = MappingProxyType(
            {str(tag): tuple(attrs or ()) for tag, attrs in options["html_allow"].items()})
    return fields
