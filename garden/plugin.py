"""The MkDocs adapter: MkDocs events in, calls on the garden core out. No rules live here.

State is exactly the GardenConfig, the Garden and its Issues, rebuilt from scratch on every
build (so `mkdocs serve` rebuilds show every backlink change). Under `serve`, `live.LiveState`
also keeps the last build's Garden, parsed notes and search index, so that a dirty build
rebuilds exactly the pages an edit changed.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import subprocess
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from garden.badges import badges_html
from garden.config import GardenConfig, limit_fields
from garden.diagnostics import count
from garden.errors import ConfigError
from garden.escaping import template_safe
from garden.graph import Garden
from garden.health import health_page_markdown, health_report
from garden.history import last_tended
from garden.layout import GraphViews
from garden.live import LiveState
from garden.loader import ParseCache, SourceFile, is_inside, load_garden, outside_issue
from garden.note import Note
from garden.permalinks import redirects
from garden.previews import PreviewIndex
from garden.render import graph_page_markdown, page_meta, render_markdown, wanted_page_markdown
from garden.sanitize import sanitize_html
from garden.scaffold import new_file_base, wanted_note_url
from garden.site_files import graph_json
from garden.slugs import default_slugify, note_id, url_for
from garden.svg import GraphView, garden_map_view, local_graph_view
from garden.tended import atom_feed, recently_tended, tended_by_id, tended_page_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
_REQUIRED_EXTENSIONS = ("md_in_html", "toc")
_OBSIDIAN_EXTENSIONS = ("attr_list", "admonition", "pymdownx.details", "pymdownx.mark",
                        "pymdownx.superfences")
"""Image sizes, callouts as (foldable) admonitions, `==highlights==`, and fenced code inside
callouts and lists (as Obsidian writes it)."""


class GardenPluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    wanted_page = c.Type(str, default="wanted.md")
    wanted_title = c.Type(str, default="Wanted notes")
    graph_json = c.Type(str, default="graph.json")
    embed_depth = c.Type(int, default=3)
    limits_note_bytes = c.Type(int, default=1_000_000)
    limits_links_per_note = c.Type(int, default=2000)
    html_allow = c.DictOfItems(c.ListOfItems(c.Type(str), default=[]), default={})
    tended_page = c.Type(str, default="recently-tended.md")
    tended_title = c.Type(str, default="Recently tended")
    tended_limit = c.Type(int, default=50)
    feed = c.Type(str, default="feed.xml")
    health_page = c.Type(str, default="health.md")
    health_title = c.Type(str, default="Garden health")
    stale_days = c.Type(int, default=365)
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
        self.previews: PreviewIndex | None = None
        self.live = LiveState()
        self.graph_views: GraphViews | None = None
        self.parsed: ParseCache | None = None
        """Notes `garden build` parsed while checking them, handed over for one build."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.live.search_by_plugin = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        _add_extensions(config.markdown_extensions)
        config.theme.dirs.append(str(TEMPLATES))
        if self.serving:
            self.live.start(config.config_file_path)
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
                **limit_fields(self.config),
                tended_page=self.config.tended_page,
                tended_title=self.config.tended_title,
                tended_limit=self.config.tended_limit,
                feed=self.config.feed,
                health_page=self.config.health_page,
                health_title=self.config.health_title,
                stale_days=self.config.stale_days,
                graph_page=self.config.graph_page,
                graph_title=self.config.graph_title,
                graph_map_nodes=self.config.graph_map_nodes,
                graph_local_nodes=self.config.graph_local_nodes,
            )
        except ConfigError as exc:
            raise PluginError(f"garden: {exc}") from exc
        _source_date_epoch(root)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.garden_config is None:
            return None
        docs_dir = os.path.abspath(config.docs_dir)
        outside = [f for f in files if f.abs_src_path and not f.generated_by
                   and os.path.abspath(f.src_dir or "") == docs_dir
                   and not is_inside(docs_dir, f.abs_src_path)]
        pages = [f for f in files.documentation_pages() if not f.generated_by]
        sources = [SourceFile(f.src_uri, b"", outside=True) if f in outside
                   else SourceFile(f.src_uri, f.content_bytes) for f in pages]
        others = [f.src_uri for f in files if not f.is_documentation_page()
                  and f.src_dir and os.path.abspath(f.src_dir) == docs_dir and f not in outside]
        self.garden, issues = load_garden(
            sources, self.garden_config, others,
            self.live.parsed if self.serving else self.parsed,
            self.live.previous if self.serving else None)
        self.parsed = None
        for file in outside:
            if not file.is_documentation_page():
                files.remove(file)
                issues.append(outside_issue(self.garden_config.display_path(file.src_uri)))
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
            base = new_file_base(config.repo_url, config.edit_uri, cfg.notes_label)
            write = partial(wanted_note_url, base) if base else None
            files.append(self._generated(config, cfg.wanted_page,
                                         wanted_page_markdown(self.garden, write)))
        files.append(self._generated(config, cfg.graph_json, graph_json(self.garden)))
        for page in redirects(self.garden)[0]:
            if files.get_file_from_path(page.path) is None:
                files.append(self._generated(config, page.path, page.html))
        self._add_reader_pages(files, config)
        self.graph_views = (self.live.graph_views(self.garden) if self.serving
                            else GraphViews(self.garden))
        if files.get_file_from_path(cfg.graph_page) is None:
            files.append(self._generated(config, cfg.graph_page,
                                         graph_page_markdown(cfg.graph_title)))
        if self.serving:
            self.live.mark_stale(self.garden, files, config)
        # The garden and MkDocs' files live until the build ends: the collector need not walk
        # them again for every page (MkDocs converts every page before templating any). What
        # is garbage already is collected first, or it would stay until the build ends.
        gc.collect()
        gc.freeze()
        return files

    def _add_reader_pages(self, files: Files, config: MkDocsConfig) -> None:
        """Recently tended (page and feed) and Garden health, from one pass over the history."""
        garden, cfg = self.garden, self.garden_config
        assert garden is not None and cfg is not None
        self.previews = PreviewIndex(garden)
        paths = [note.path for note in garden.published]
        tended = tended_by_id(garden, last_tended(config.docs_dir, paths))
        recent = recently_tended(garden, tended, cfg.tended_limit)
        generated = {
            cfg.tended_page: tended_page_markdown(garden, recent),
            cfg.health_page: health_page_markdown(garden, health_report(garden, tended)),
            cfg.feed: atom_feed(garden, recent, site_name=config.site_name,
                                site_url=config.site_url),
        }
        for path, content in generated.items():
            if files.get_file_from_path(path) is None:
                files.append(self._generated(config, path, content))

    def _generated(self, config: MkDocsConfig, path: str, content: str) -> File:
        """A file the garden adds; under serve a copy kept by `LiveState`, so that a dirty
        build redoes it only when its content changed."""
        if self.serving:
            return self.live.generated(config, path, content)
        return File.generated(config, path, content=content)

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
        page.meta.update(template_safe(page_meta(note)))
        # For the tags index's listing template, which sees pages only through their meta.
        page.meta["garden_badges"] = Markup(badges_html(note.status, note.type))
        return render_markdown(note, self.garden)

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.garden_config is None:
            return None
        # Every page body is note text (or built from it): the theme's own HTML is not here.
        return sanitize_html(html, self.garden_config.html_allow)

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any] | None:
        view = self._graph_view(page)
        if view is not None:
            context["garden_graph"] = _template_graph(view)
        note = self._note(page)
        if self.serving:
            self.live.built.add(page.url)
        if note is None or self.garden is None:
            return context if view is not None else None
        directory_urls = self.garden.config.directory_urls
        notes = self.garden.notes
        context["garden"] = {
            "backlinks": [
                {"title": b.title, "url": url_for(b.source, directory_urls),
                 "contexts": list(b.contexts),
                 "badges": Markup(badges_html(notes[b.source].status, notes[b.source].type))}
                for b in self.garden.backlinks(note.id)
            ],
            "badges": Markup(badges_html(note.status, note.type)),
            "previews": self.previews.for_page(note.id) if self.previews else [],
        }
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or not self.serving:
            return None
        return self.live.kept.get(page.file.src_uri)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # collectable again: `mkdocs serve` drops this garden on the next build
        if self.config.enabled and self.serving:
            self.live.finish(self.garden, config.site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self.live.previous = None  # pages on disk may be half written: redo them all

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


def _source_date_epoch(root: str) -> None:
    """Date the build by the last commit (when not set already), so MkDocs' sitemap dates and
    the gzip header of sitemap.xml.gz are the same for every build of one commit."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, check=False,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return
    if result.returncode == 0 and result.stdout.strip().isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip()


def _add_extensions(extensions: list[str]) -> None:
    """The Markdown extensions the garden's output needs, when the site lacks them (not
    superfences beside a site's own `fenced_code`)."""
    for extension in _REQUIRED_EXTENSIONS + _OBSIDIAN_EXTENSIONS:
        if extension == "pymdownx.superfences" and "fenced_code" in extensions:
            continue
        if extension not in extensions:
            extensions.append(extension)


def _template_graph(view: GraphView) -> GraphView:
    """The graph view for a template; its SVG was escaped by the core, so it is Markup."""
    return dataclasses.replace(view, svg=Markup(view.svg))
