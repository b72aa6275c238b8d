"""The Obsidian fixture vault in a real headless Chromium: folding callouts, block links and the
permalink redirect, as a reader meets them."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest
from test_browser import _QuietHandler, browser  # noqa: F401 (the shared Chromium fixture)

from conftest import FIXTURES, Site, mkdocs_build, write_garden

pytestmark = pytest.mark.browser


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


def test_a_folded_callout_opens_when_clicked(browser, vault_served) -> None:  # noqa: F811
    _, base = vault_served
    page = browser.new_page()
    page.goto(base)
    folded = page.locator("article details.warning")
    assert not folded.get_by_text("Hidden until opened.").is_visible()
    folded.locator("summary").click()
    assert folded.get_by_text("Hidden until opened.").is_visible()
    assert page.locator("article details.faq").get_by_text("Inside.").is_visible()
    page.close()


def test_a_block_link_lands_on_the_block(browser, vault_served) -> None:  # noqa: F811
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


def test_the_permalink_takes_the_reader_to_the_note(browser, vault_served) -> None:  # noqa: F811
    _, base = vault_served
    page = browser.new_page()
    page.goto(base + "ysm/")
    page.wait_for_url("**/ideas/Your%20Square%20Mile/")
    assert page.locator("h1").first.inner_text() == "Your Square Mile"
    page.close()
