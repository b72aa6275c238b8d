"""What `mkdocs serve` keeps between rebuilds so that a dirty build is a correct one: the
MkDocs side of the fast preview (the rule itself is `garden.dependents`). Used by `plugin.py`.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from garden import search_index
from garden.dependents import DrawingViews, Drawn, changed_pages
from garden.graph import Garden
from garden.loader import ParseCache
from garden.slugs import note_id

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)
TAG_LISTING = "<!-- material/tags"
"""Marks a page on which mkdocs-material's tags plugin lists every tagged page."""
_SEARCH_INDEX = ("search", "search_index.json")


class LiveState:
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
        self.drawn = Drawn()
        """What each page on disk draws in its local graph (kept up to date by `finish`)."""
        self.views: DrawingViews | None = None
        """This build's graph views, shared by `mark_stale`'s comparison and the pages."""
        self._copies: tempfile.TemporaryDirectory[str] | None = None

    def generated(self, config: MkDocsConfig, src_uri: str, content: str) -> File:
        """A generated file backed by a copy here that is rewritten only when its content
        changes (or the previous build is unknown): MkDocs' dirty build compares its time with
        the output's, so the page (health, wanted notes, ...) is redone only when it changed."""
        if self._copies is None:
            self._copies = tempfile.TemporaryDirectory(prefix="garden-serve-")
        path = Path(self._copies.name, *src_uri.split("/"))
        data = content.encode("utf-8")
        if self.previous is None or not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return File.generated(config, src_uri, abs_src_path=str(path))

    def graph_views(self, garden: Garden) -> DrawingViews:
        """The graph views to draw this build's pages with (they remember what they drew)."""
        self.views = DrawingViews(garden)
        return self.views

    def start(self, config_file: str | None) -> None:
        stamp = Path(config_file).read_bytes() if config_file else b""
        if stamp != self.config_stamp:  # mkdocs.yml changed: every page may change
            self.previous, self.config_stamp = None, stamp
        self.built, self.kept, self.kept_urls = set(), {}, set()

    def mark_stale(self, garden: Garden, files: Files, config: MkDocsConfig) -> None:
        changes = changed_pages(self.previous, garden, self.drawn, self.views)
        for nid in changes.removed:
            assert self.previous is not None
            _remove_output(self.previous.notes[nid].path, config)
        pages = files.documentation_pages()
        self.page_urls = [_page_url(f) for f in pages]
        notes = [(f, garden.notes.get(note_id(f.src_uri))) for f in pages]
        listings = [f for f, note in notes if note is not None and TAG_LISTING in note.body]
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
        map_page = files.get_file_from_path(garden.config.graph_page)
        if changes.map and map_page is not None:
            stale.append(map_page)  # its map is drawn from the garden, not from its source
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
        if self.views is not None and self.views.garden is garden:
            self.drawn.record(self.views)
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
