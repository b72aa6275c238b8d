"""The fast preview: a real `garden serve` on a free port rebuilds only the pages an edit
changes, and after every edit, addition, rename and deletion every page it serves equals a fresh
full build of the same notes (content, backlinks, wanted links, embeds, tags; search index)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from test_serve import Preview, backlink_titles, serving

from conftest import FIXTURES, mkdocs_build, write_garden

pytestmark = pytest.mark.serve
TAGS_PAGE = "---\ntitle: Tags\n---\n\n# Tags\n\n<!-- material/tags -->\n"


@pytest.fixture(scope="module")
def garden_preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    root = write_garden(tmp_path_factory.mktemp("preview"), FIXTURES / "e2e" / "notes")
    (root / "notes" / "tags.md").write_text(TAGS_PAGE, encoding="utf-8")
    with serving(root, "garden") as (preview, log):
        yield preview
    assert "A 'dirty' build" not in log.read_text(encoding="utf-8")


def last_rebuild(preview: Preview) -> str:
    """The plugin's last "N of M pages to rebuild" line in the server's log."""
    lines = (preview.root / "serve.log").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if "pages to rebuild" in line][-1]


def full_build(preview: Preview, tmp_path: Path) -> Path:
    """A fresh `mkdocs build` of the preview's notes as they are now; its site folder."""
    root = tmp_path / f"full-{len(list(tmp_path.iterdir()))}"
    root.mkdir()
    shutil.copy(preview.root / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(preview.root / "notes", root / "notes")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def page_parts(html: str) -> str:
    """What the garden and the theme put on a page from the notes: the article (content, tags,
    embeds, wanted links, "What links here")."""
    article = BeautifulSoup(html, "html.parser").find("article")
    assert article is not None
    return str(article)


def pages_of(site: Path) -> list[str]:
    return sorted(
        p.parent.relative_to(site).as_posix() + "/" if p.parent != site else ""
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in {"assets", "search"})


def assert_same_as_full_build(preview: Preview, tmp_path: Path, gone: tuple[str, ...] = ()
                              ) -> None:
    site = full_build(preview, tmp_path)
    for url in pages_of(site):
        status, html = preview.get(quote(url))
        assert status == 200, url
        expected = page_parts((site / url / "index.html").read_text(encoding="utf-8"))
        assert page_parts(html) == expected, f"{url or 'home'} differs from a full build"
    for url in gone:
        assert preview.get(quote(url))[0] == 404, f"{url} should be gone"
    status, index = preview.get("search/search_index.json")
    assert status == 200
    expected = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert json.loads(index)["docs"] == expected["docs"]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_page_equals_a_full_build_after_each_change(
        garden_preview: Preview, tmp_path: Path) -> None:
    preview, notes = garden_preview, garden_preview.root / "notes"
    assert_same_as_full_build(preview, tmp_path)

    # Edit: a note gains a link, so its target gains a backlink.
    edit(notes / "policy" / "lonely.md", "\n", "\nIt also visits [[Stockport]].\n")
    preview.wait_for("places/stockport/", lambda s, b: "The Lonely Note" in backlink_titles(b),
                     "an edit adds a backlink")
    assert_same_as_full_build(preview, tmp_path)

    # Retitle and edit an embedded section: backlinks elsewhere, the embed, the tags listing.
    edit(notes / "places" / "stockport.md", "title: Stockport", "title: Stockport Town")
    edit(notes / "places" / "stockport.md", "The tour began here.", "The tour began at noon.")
    preview.wait_for("ideas/your-square-mile/", lambda s, b: "began at noon" in b,
                     "an edit shows in the note that embeds it")
    assert_same_as_full_build(preview, tmp_path)

    # Add: a wanted note is written (with a tag), so the links that wanted it become real.
    (notes / "neighbourhood-budgets.md").write_text(
        "---\ntitle: Neighbourhood Budgets\ntags: [money]\n---\nNow written; see [[Home]].\n",
        encoding="utf-8")
    preview.wait_for("", lambda s, b: 'class="garden-wanted"' not in b,
                     "an added note fulfils a wanted link")
    assert_same_as_full_build(preview, tmp_path)

    # Rename: the old page goes, backlinks follow the note to its new address.
    (notes / "ideas" / "your-square-mile.md").rename(notes / "ideas" / "ysm-plan.md")
    preview.wait_for("ideas/ysm-plan/", lambda s, _: s == 200, "a renamed note is served")
    assert_same_as_full_build(preview, tmp_path, gone=("ideas/your-square-mile/",))

    # Delete: links to the deleted note become wanted, its backlinks vanish elsewhere.
    (notes / "places" / "north" / "eden valley.md").unlink()
    preview.wait_for(quote("places/north/eden valley/"), lambda s, _: s == 404,
                     "a deleted note goes")
    assert_same_as_full_build(preview, tmp_path, gone=("places/north/eden valley/",))

    # A plain edit of a tagged note: only the pages showing it are rebuilt.
    edit(notes / "places" / "stockport.md", "The tour began at noon.", "The tour began late.")
    preview.wait_for("places/stockport/", lambda s, b: "began late" in b, "a plain edit shows")
    # Stockport, the note embedding its Events section, and the tags listing (kept as it was).
    # (Of 8 notes and the generated pages: Recently tended, Garden health, Garden map.)
    assert re.search(r"garden: 3 of \d+ pages to rebuild, 0 removed", last_rebuild(preview))
    assert_same_as_full_build(preview, tmp_path)

