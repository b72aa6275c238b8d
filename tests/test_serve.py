"""Live preview: a real `mkdocs serve` on a free port; edits, additions, renames and deletions
show on every affected page at the next rebuild."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, write_garden

pytestmark = pytest.mark.serve
TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Preview:
    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.base = f"http://127.0.0.1:{port}/garden/"  # site_url's path

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, ""

    def wait_for(self, path: str, ok: Callable[[int, str], bool], what: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        status, body = 0, ""
        while time.monotonic() < deadline:
            try:
                status, body = self.get(path)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                status, body = 0, ""
            if ok(status, body):
                return body
            time.sleep(0.3)
        raise AssertionError(f"{what}: {path} never showed it (last status {status})")


def backlink_titles(html: str) -> list[str]:
    section = BeautifulSoup(html, "html.parser").find(id="backlinks")
    return [a.get_text() for a in section.select("li > a")] if section else []


@contextmanager
def serving(root: Path, tool: str) -> Iterator[tuple[Preview, Path]]:
    """`python -m <tool> serve` (mkdocs or garden) on a free port until the block ends, and its
    log, which must hold no traceback."""
    port = _free_port()
    log_path = root / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", tool, "serve", "-a", f"127.0.0.1:{port}", "-f",
             str(root / "mkdocs.yml")],
            cwd=root, stdout=log, stderr=subprocess.STDOUT, text=True,
        )
        preview = Preview(root, port)
        try:
            preview.wait_for("", lambda s, _: s == 200, "the first build")
            yield preview, log_path
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    output = log_path.read_text(encoding="utf-8")
    assert "Traceback" not in output, output


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    with serving(write_garden(tmp_path, FIXTURES / "e2e" / "notes"), "mkdocs") as (preview, _):
        yield preview


def test_edit_add_rename_delete_update_every_affected_page(preview: Preview) -> None:
    notes = preview.root / "notes"
    stockport = "places/stockport/"
    assert backlink_titles(preview.get(stockport)[1]) == ["Eden Valley", "Home", "Your Square Mile"]

    # Edit: a note gains a link, so its target gains a backlink.
    lonely = notes / "policy" / "lonely.md"
    lonely.write_text(lonely.read_text(encoding="utf-8") + "\nIt also visits [[Stockport]].\n",
                      encoding="utf-8")
    preview.wait_for(stockport, lambda s, b: "The Lonely Note" in backlink_titles(b),
                     "an edit adds a backlink")

    # Add: a wanted note is written, so the links that wanted it become real.
    (notes / "neighbourhood-budgets.md").write_text(
        "---\ntitle: Neighbourhood Budgets\n---\nNow written.\n", encoding="utf-8")
    home = preview.wait_for("", lambda s, b: 'class="garden-wanted"' not in b,
                            "an added note fulfils a wanted link")
    assert 'href="neighbourhood-budgets/"' in home
    assert preview.get("neighbourhood-budgets/")[0] == 200

    # Rename: the old page goes, backlinks follow the note to its new address.
    (notes / "ideas" / "your-square-mile.md").rename(notes / "ideas" / "ysm-plan.md")
    preview.wait_for("ideas/ysm-plan/", lambda s, _: s == 200, "a renamed note is served")
    preview.wait_for("ideas/your-square-mile/", lambda s, _: s == 404, "the old address is gone")
    page = preview.get(stockport)[1]
    links = BeautifulSoup(page, "html.parser").select("#backlinks li > a")
    assert {a.get_text(): a["href"] for a in links}["Your Square Mile"] == "../../ideas/ysm-plan/"

    # Delete: links to the deleted note become wanted, its backlinks vanish elsewhere.
    (notes / "places" / "north" / "eden valley.md").unlink()
    preview.wait_for(stockport, lambda s, b: "Eden Valley" not in backlink_titles(b),
                     "a deleted note's backlinks vanish")
    home = preview.get("")[1]
    wanted = [a.get_text() for a in BeautifulSoup(home, "html.parser").select("a.garden-wanted")]
    assert wanted == ["Eden Valley"]


def test_a_broken_note_does_not_stop_the_preview(preview: Preview) -> None:
    notes = preview.root / "notes"
    (notes / "broken.md").write_text("---\ntitle: [oops\n---\nLinks to [[Stockport]].\n",
                                     encoding="utf-8")
    preview.wait_for("broken/", lambda s, _: s == 200, "a note with bad front matter is shown")
    (notes / "broken.md").write_text("---\ntitle: Fixed\n---\nLinks to [[Stockport]].\n",
                                     encoding="utf-8")
    preview.wait_for("places/stockport/", lambda s, b: "Fixed" in backlink_titles(b),
                     "the fixed note's link is a backlink")
