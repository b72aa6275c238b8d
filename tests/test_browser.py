"""The built garden in a real headless Chromium: what a reader sees."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from conftest import FIXTURES, Site, mkdocs_build, write_garden

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


# The Obsidian fixture vault (issue 8): folding callouts, block links, the permalink redirect.


@pytest.fixture(scope="module")
def vault_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    root = write_garden(tmp_path_factory.mktemp("vault-browser"),
                        FIXTURES / "obsidian-vault" / "notes")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    site = Site(root, True)
    handler = functools.partial(_QuietHandler, directory=str(site.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_folded_callout_opens_when_clicked(browser, vault_served) -> None:
    _, base = vault_served
    page = browser.new_page()
    page.goto(base)
    folded = page.locator("article details.warning")
    assert not folded.get_by_text("Hidden until opened.").is_visible()
    folded.locator("summary").click()
    assert folded.get_by_text("Hidden until opened.").is_visible()
    assert page.locator("article details.faq").get_by_text("Inside.").is_visible()
    page.close()


def test_a_block_link_lands_on_the_block(browser, vault_served) -> None:
    _, base = vault_served
    page = browser.new_page()
    page.goto(base)
    page.locator("article p").get_by_role("link", name="a block", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith("/ideas/Your%20Square%20Mile/#%5Epara-id") or page.url.endswith(
        "/ideas/Your%20Square%20Mile/#^para-id")
    target = page.evaluate("() => document.querySelector(':target')?.id")
    assert target == "^para-id"
    page.close()


def test_the_permalink_takes_the_reader_to_the_note(browser, vault_served) -> None:
    _, base = vault_served
    page = browser.new_page()
    page.goto(base + "ysm/")
    page.wait_for_url("**/ideas/Your%20Square%20Mile/")
    assert page.locator("h1").first.inner_text() == "Your Square Mile"
    page.close()
