"""The built garden in a real headless Chromium: what a reader sees."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from conftest import Site

pytestmark = pytest.mark.browser
# `browser` is the session's one Chromium (tests/conftest.py): Playwright's sync API runs once.


@pytest.fixture(scope="session")
def served(e2e_site: Site) -> Iterator[tuple[Site, str]]:
    handler = functools.partial(_QuietHandler, directory=str(e2e_site.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield e2e_site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _page_url(site: Site, base: str, nid: str) -> str:
    return base + site.file_for(nid).relative_to(site.dir).as_posix()


def test_wanted_links_look_different_from_links(browser, served) -> None:
    site, base = served
    page = browser.new_page()
    page.goto(_page_url(site, base, "index"))
    styles = page.evaluate("""() => {
        const look = (a) => { const s = getComputedStyle(a), after = getComputedStyle(a, '::after');
            return [s.color, s.textDecorationStyle, after.content].join('|'); };
        const wanted = document.querySelector('article a.garden-wanted');
        const normal = [...document.querySelectorAll('article a')]
            .find(a => a.textContent === 'Your Square Mile');
        return {wanted: look(wanted), normal: look(normal)};
    }""")
    assert styles["wanted"] != styles["normal"]
    assert "not written yet" in styles["wanted"]
    page.close()


def test_backlinks_are_visible_and_lead_to_their_notes(browser, served) -> None:
    site, base = served
    page = browser.new_page()
    page.goto(_page_url(site, base, "places/stockport"))
    backlinks = page.locator("#backlinks")
    assert backlinks.is_visible()
    assert backlinks.locator("h2").inner_text() == "What links here"
    backlinks.get_by_role("link", name="Your Square Mile").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Your Square Mile"
    page.close()
