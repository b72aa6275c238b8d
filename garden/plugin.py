"""The MkDocs adapter: MkDocs events in, calls on the garden core out. No rules live here.

State is exactly the GardenConfig, the Garden and its Issues, rebuilt from scratch on every
build (so `mkdocs serve` rebuilds show every backlink change). Under `serve`, `_PreviewState`
also keeps the last build's Garden, parsed notes and search index, so that a dirty build
rebuilds exactly the pages an edit changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from garden import search_index
from garden.config import GardenConfig
from garden.dependents import changed_pages
from garden.diagnostics import count
from garden.errors import ConfigError
from garden.graph import Garden
from garden.loader import ParseCache, SourceFile, load_garden
from garden.note import Note
from garden.render import page_meta, render_markdown, wanted_page_markdown
from garden.site_files import graph_json
from garden.slugs import default_slugify, note_id, url_for

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
_REQUIRED_EXTENSIONS = ("md_in_html", "toc")
_TAG_LISTING = "<!-- material/tags"
"""Marks a page on which mkdocs-material's tags plugin lists every tagged page."""
_SEARCH_INDEX = ("search", "search_index.json")


class GardenPluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    wanted_page = c.Type(str, default="wanted.md")
    wanted_title = c.Type(str, default="Wanted notes")
    graph_json = c.Type(str, default="graph.json")
    embed_depth = c.Type(int, default=3)


class GardenPlugin(BasePlugin[GardenPluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.garden_config: GardenConfig | None = None
        self.garden: Garden | None = None
        self.preview = _PreviewState()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.preview.search_by_plugin = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        for extension in _REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.theme.dirs.append(str(TEMPLATES))
        if self.serving:
            self.preview.start(config.config_file_path)
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
            )
        except ConfigError as exc:
            raise PluginError(f"garden: {exc}") from exc
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.garden_config is None:
            return None
        pages = [f for f in files.documentation_pages() if not f.generated_by]
        sources = [SourceFile(f.src_uri, f.content_bytes) for f in pages]
        self.garden, issues = load_garden(sources, self.garden_config,
                                          self.preview.parsed if self.serving else None)
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
        if self.serving:
            self.preview.mark_stale(self.garden, files, config)
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
        note = self._note(page)
        if self.serving:
            self.preview.built.add(page.url)
        if note is None or self.garden is None:
            return None
        directory_urls = self.garden.config.directory_urls
        context["garden"] = {
            "backlinks": [
                {"title": b.title, "url": url_for(b.source, directory_urls),
                 "contexts": list(b.contexts)}
                for b in self.garden.backlinks(note.id)
            ],
        }
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or not self.serving:
            return None
        return self.preview.kept.get(page.file.src_uri)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.serving:
            self.preview.finish(self.garden, config.site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        self.preview.previous = None  # pages on disk may be half written: redo them all

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


class _PreviewState:
    """What `mkdocs serve` keeps between rebuilds so that a dirty build is a correct one.

    MkDocs' dirty build (`build(dirty=True)`, which `garden serve` uses after its first build)
    rebuilds a page only when `File.is_modified()`: its output is older than its source. Here
    the pages whose output the edit changes (`garden.dependents`) get their output's time set
    to 0, the pages of removed notes are deleted, and the search index is completed with the
    entries of the pages not rebuilt. See garden/README.md, "Fast preview".
    """

    def __init__(self) -> None:
        self.previous: Garden | None = None
        """The garden of the last finished build: the pages on disk show it."""
        self.search_by_plugin = False
        """`mkdocs serve --dirty`: the search plugin merges its index itself."""
        self.config_stamp: bytes | None = None
        self.built: set[str] = set()
        self.kept: dict[str, str] = {}
        """Output to write instead of the rebuilt one, by source path (a partial tags listing)."""
        self.kept_urls: set[str] = set()
        self.page_urls: list[str] = []
        self.search: dict[str, Any] | None = None
        self.parsed: ParseCache = {}

    def start(self, config_file: str | None) -> None:
        stamp = Path(config_file).read_bytes() if config_file else b""
        if stamp != self.config_stamp:  # mkdocs.yml changed: every page may change
            self.previous, self.config_stamp = None, stamp
        self.built, self.kept, self.kept_urls = set(), {}, set()

    def mark_stale(self, garden: Garden, files: Files, config: MkDocsConfig) -> None:
        changes = changed_pages(self.previous, garden)
        for nid in changes.removed:
            assert self.previous is not None
            _remove_output(self.previous.notes[nid].path, config)
        pages = files.documentation_pages()
        self.page_urls = [_page_url(f) for f in pages]
        notes = [(f, garden.notes.get(note_id(f.src_uri))) for f in pages]
        listings = [f for f, note in notes if note is not None and _TAG_LISTING in note.body]
        # A tags listing is complete only when every tagged page is rebuilt with it; it is
        # rebuilt on every build (so the rebuilt pages' tags link to it) but its last output
        # is kept unless the listed titles and tags changed.
        full = changes.tag_index or any(note_id(f.src_uri) in changes.pages for f in listings)
        if not full:
            for file in listings:
                if not os.path.isfile(file.abs_dest_path):
                    full = True
                    break
                self.kept[file.src_uri] = Path(file.abs_dest_path).read_text(encoding="utf-8")
                self.kept_urls.add(_page_url(file))
        if full:
            self.kept, self.kept_urls = {}, set()
        stale = [file for file, note in notes if note is not None and (
            note.id in changes.pages or file in listings or (full and note.tags))]
        for file in stale:
            _mark_stale(file)
        if self.previous is not None:
            log.info(f"{len(stale)} of {len(pages)} pages to rebuild, "
                     f"{len(changes.removed)} removed")

    def finish(self, garden: Garden | None, site_dir: str) -> None:
        path = Path(site_dir, *_SEARCH_INDEX)
        if not self.search_by_plugin and path.is_file():
            fresh = json.loads(path.read_text(encoding="utf-8"))
            built = self.built - self.kept_urls
            self.search = search_index.merge(self.search, fresh, built, self.page_urls)
            path.write_text(json.dumps(self.search, separators=(",", ":"), default=str),
                            encoding="utf-8")
        self.previous = garden


def _mark_stale(file: File) -> None:
    """Make MkDocs' dirty build redo this page: its output is now older than its source."""
    if os.path.isfile(file.abs_dest_path):
        os.utime(file.abs_dest_path, (0, 0))


def _remove_output(src_path: str, config: MkDocsConfig) -> None:
    """Delete the page a removed note had, and the folders that leaves empty."""
    gone = File(src_path, None, config.site_dir, config.use_directory_urls)
    path = Path(gone.abs_dest_path)
    path.unlink(missing_ok=True)
    site = Path(config.site_dir).resolve()
    folder = path.parent.resolve()
    while site in folder.parents and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _page_url(file: File) -> str:
    """The URL the page of this file has (`Page.url`: the home page's is '', not './')."""
    return "" if file.url in (".", "./") else file.url
