"""Shared helpers for the end-to-end tests: write small gardens into tmp dirs and build them
with the real MkDocs and mkdocs-material, in a subprocess, as a gardener would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from garden.slugs import NoteId, url_for

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MKDOCS_YML = """\
site_name: Test Garden
site_url: https://example.org/garden/
docs_dir: notes
site_dir: site
use_directory_urls: {directory_urls}
theme:
  name: material
  custom_dir: {theme}
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds: {{case: lower}}
  - attr_list
  - md_in_html
plugins:
  - search
  - tags
  - garden
validation:
  links:
    anchors: warn
"""


def write_garden(root: Path, notes: dict[str, str | bytes] | Path, *,
                 directory_urls: bool = True) -> Path:
    """A garden folder: mkdocs.yml using the repo's theme, and `notes/` from a dict or a fixture."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.format(directory_urls=str(directory_urls).lower(), theme=REPO / "theme"),
        encoding="utf-8",
    )
    notes_dir = root / "notes"
    if isinstance(notes, Path):
        shutil.copytree(notes, notes_dir)
    else:
        for rel, content in notes.items():
            path = notes_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
    return root


def run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False)


def mkdocs_build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), *extra],
               cwd=root)


def garden_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "garden", *args], cwd=root)


@dataclass(frozen=True)
class Site:
    """A built site, read as HTML."""

    root: Path
    directory_urls: bool

    @property
    def dir(self) -> Path:
        return self.root / "site"

    def file_for(self, nid: str) -> Path:
        url = unquote(url_for(NoteId(nid), self.directory_urls))
        path = self.dir / url
        return path / "index.html" if url.endswith("/") else path

    def soup(self, nid: str) -> BeautifulSoup:
        return BeautifulSoup(self.file_for(nid).read_text(encoding="utf-8"), "html.parser")

    def follow(self, page_nid: str, href: str) -> tuple[Path, str]:
        """The file a link on a page leads to, and its fragment."""
        parts = urlsplit(href)
        base = self.file_for(page_nid).parent
        target = (base / unquote(parts.path)).resolve() if parts.path else self.file_for(page_nid)
        if target.is_dir():
            target = target / "index.html"
        return target, unquote(parts.fragment)


def build_fixture(
    tmp_path_factory: pytest.TempPathFactory, name: str, directory_urls: bool
) -> Site:
    root = write_garden(tmp_path_factory.mktemp(f"{name}-{directory_urls}"),
                        FIXTURES / name / "notes", directory_urls=directory_urls)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return Site(root, directory_urls)


@pytest.fixture(scope="session", params=[True, False], ids=["directory-urls", "html-urls"])
def e2e_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The e2e fixture garden, built strictly once per URL style for the whole session."""
    return build_fixture(tmp_path_factory, "e2e", request.param)


HOSTILE_TITLE = '<script>alert(1)</script>" onmouseover="x'
READER_NOTES = {
    "index.md": "---\ntitle: Start\nstatus: evergreen\ntype: resource\ntags: [towns]\n---\n"
                "Welcome. Visit [[Stockport]], read [[Not Yet Written]] and [[the hostile one]], "
                "and see [[Tags]].\n",
    "places/stockport.md": "---\ntitle: Stockport\nstatus: budding\ntype: place\n"
                           "tags: [towns]\ndescription: A town in Greater Manchester.\n---\n"
                           "Stockport is a town with a market. Back to [[Start]].\n",
    "ideas/hostile.md": f"---\ntitle: '{HOSTILE_TITLE}'\ndescription: '{HOSTILE_TITLE}'\n"
                        "aliases: [the hostile one]\n"
                        "tags: [towns]\n---\nIt links to [[Stockport]].\n",
    "ideas/old-idea.md": "---\ntitle: Old idea\n---\nAn idea nobody has tended for years.\n",
    "tags.md": "---\ntitle: Tags\nstatus: budding\ntype: resource\n---\n"
               "Every tag.\n\n<!-- material/tags -->\n",
}
READER_COMMITS = [  # (date, files): the fixed history of the reader garden
    ("2019-02-03T10:00:00+00:00", ["ideas/old-idea.md"]),
    ("2024-03-01T09:00:00+00:00", ["ideas/hostile.md", "tags.md"]),
    ("2024-05-01T09:00:00+00:00", ["index.md"]),
    ("2024-06-01T09:00:00+00:00", ["places/stockport.md"]),
]


@pytest.fixture(scope="session")
def reader_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A small garden in a real git repository with fixed commit dates, built strictly once:
    badges, previews, tags, Recently tended and Garden health (tests/test_reader_pages.py and
    the browser tests)."""
    from gitrepo import commit, init_repo

    root = init_repo(tmp_path_factory.mktemp("reader"))
    write_garden(root, {})
    commit(root, {"mkdocs.yml": (root / "mkdocs.yml").read_text(encoding="utf-8")},
           "2019-01-01T00:00:00+00:00")
    for date, paths in READER_COMMITS:
        commit(root, {f"notes/{p}": READER_NOTES[p] for p in paths}, date)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return Site(root, directory_urls=True)


CHROMIUM = os.environ.get("GARDEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """The session's one headless Chromium (Debian's; Playwright's sync API can run only once
    at a time, so every browser test module shares it)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
