"""The MkDocs adapter: MkDocs events in, calls on the garden core out. No rules live here.

State is exactly the GardenConfig, the Garden and its Issues, rebuilt from scratch on every
build (so `mkdocs serve` rebuilds show every backlink change).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from garden.config import GardenConfig
from garden.diagnostics import count
from garden.errors import ConfigError
from garden.graph import Garden
from garden.layout import GraphViews
from garden.loader import SourceFile, load_garden
from garden.note import Note
from garden.render import graph_page_markdown, page_meta, render_markdown, wanted_page_markdown
from garden.site_files import graph_json
from garden.slugs import default_slugify, note_id, url_for
from garden.svg import GraphView, garden_map_view, local_graph_view

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
_REQUIRED_EXTENSIONS = ("md_in_html", "toc")


class GardenPluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    wanted_page = c.Type(str, default="wanted.md")
    wanted_title = c.Type(str, default="Wanted notes")
    graph_json = c.Type(str, default="graph.json")
    embed_depth = c.Type(int, default=3)
    graph_page = c.Type(str, default="graph.md")
    graph_title = c.Type(str, default="Garden map")
    graph_map_nodes = c.Type(int, default=300)
    graph_local_nodes = c.Type(int, default=25)


class GardenPlugin(BasePlugin[GardenPluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.garden_config: GardenConfig | None = None
        self.garden: Garden | None = None
        self.graph_views: GraphViews | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        for extension in _REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.theme.dirs.append(str(TEMPLATES))
        toc = config.mdx_configs.get("toc", {})
        root = os.path.dirname(config.config_file_path or "") or os.getcwd()
        try:
            self.garden_config = GardenConfig(
                notes_label=Path(os.path.relpath(config.docs_dir, root)).as_posix(),
                directory_urls=config.use_directory_urls,
                slugify=toc.get("slugify", default_slugify),
                toc_separator=toc.get("separator", "-"),
                wanted_page=self.config.wanted_page,
                wanted_title=self.config.wanted_title,
                graph_json=self.config.graph_json,
                embed_depth=self.config.embed_depth,
                graph_page=self.config.graph_page,
                graph_title=self.config.graph_title,
                graph_map_nodes=self.config.graph_map_nodes,
                graph_local_nodes=self.config.graph_local_nodes,
            )
        except ConfigError as exc:
            raise PluginError(f"garden: {exc}") from exc
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.garden_config is None:
            return None
        pages = [f for f in files.documentation_pages() if not f.generated_by]
        sources = [SourceFile(f.src_uri, f.content_bytes) for f in pages]
        self.garden, issues = load_garden(sources, self.garden_config)
        for issue in issues:
            (log.error if issue.is_error else log.warning)(issue.format())
        errors, _ = count(issues)
        if errors and not self.serving:
            raise PluginError(f"garden: {errors} error(s) in the notes — see the messages above")
        for file in pages:
            note = self.garden.notes.get(note_id(file.src_uri))
            if note is not None and note.draft:
                files.remove(file)
        cfg = self.garden_config
        if files.get_file_from_path(cfg.wanted_page) is None:
            files.append(File.generated(config, cfg.wanted_page,
                                        content=wanted_page_markdown(self.garden)))
        files.append(File.generated(config, cfg.graph_json, content=graph_json(self.garden)))
        self.graph_views = GraphViews(self.garden)
        if files.get_file_from_path(cfg.graph_page) is None:
            files.append(File.generated(config, cfg.graph_page,
                                        content=graph_page_markdown(cfg.graph_title)))
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        note = self._note(page)
        if note is None:
            return None
        # The core has read, decoded and split this file already; MkDocs gets the body only.
        return "---\n{}\n---\n" + note.body

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        note = self._note(page)
        if note is None or self.garden is None:
            return None
        page.meta.update(_template_safe(page_meta(note)))
        return render_markdown(note, self.garden)

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any] | None:
        view = self._graph_view(page)
        if view is not None:
            context["garden_graph"] = _template_graph(view)
        note = self._note(page)
        if note is None or self.garden is None:
            return context if view is not None else None
        directory_urls = self.garden.config.directory_urls
        context["garden"] = {
            "backlinks": [
                {"title": b.title, "url": url_for(b.source, directory_urls),
                 "contexts": list(b.contexts)}
                for b in self.garden.backlinks(note.id)
            ],
        }
        return context

    def _graph_view(self, page: Page) -> GraphView | None:
        """The whole-garden map for the graph page, a local graph for a note's page."""
        if not self.config.enabled or self.graph_views is None or self.garden_config is None:
            return None
        cfg = self.garden_config
        if page.file.src_uri == cfg.graph_page:
            return garden_map_view(self.graph_views, cfg.graph_page, cfg.graph_map_nodes)
        note = self._note(page)
        if note is None:
            return None
        return local_graph_view(self.graph_views, note.id, cfg.graph_local_nodes)

    def _note(self, page: Page) -> Note | None:
        """The note behind a page; None for generated pages and when the plugin is off."""
        if not self.config.enabled or self.garden is None or page.file.generated_by:
            return None
        return self.garden.notes.get(note_id(page.file.src_uri))


def _template_safe(meta: dict[str, Any]) -> dict[str, Any]:
    """MkDocs renders templates without autoescaping, and themes print `page.meta.description`
    into attributes: hand them pre-escaped Markup so note text stays text."""
    return {k: (escape(v) if isinstance(v, str) and not isinstance(v, Markup) else v)
            for k, v in meta.items()}


def _template_graph(view: GraphView) -> GraphView:
    """The graph view for a template; its SVG was escaped by the core, so it is Markup."""
    return dataclasses.replace(view, svg=Markup(view.svg))
