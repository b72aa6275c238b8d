"""What a reader sees in a real headless Chromium: hover and focus previews, every page type
free of console errors, a phone-sized layout without sideways scrolling, and axe-core's
accessibility check. Uses the session-built `reader_site` (a garden in git)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from conftest import HOSTILE_TITLE, Site

pytestmark = pytest.mark.browser
PAGE_TYPES = {  # page type → note id of a page of that type in the reader garden
    "start": "index", "note": "places/stockport", "tags": "tags", "wanted": "wanted",
    "recently tended": "recently-tended", "health": "health",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base(reader_site: Site) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(reader_site.dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # a free port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def open_page(browser, base: str, reader_site: Site):
    """Open a garden page; requests off the site (the theme's web fonts) get an empty answer,
    as tests have no internet. Collects console errors, page errors and dialogs."""
    opened = []

    def open_(nid: str, **context_args: object):
        context = browser.new_context(**context_args)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.errors.append(f"dialog: {d.message}"), d.dismiss()))
        page.route(lambda url: not url.startswith(base),
                   lambda route: route.fulfill(status=200, body="", content_type="text/css"))
        page.goto(base + reader_site.file_for(nid).relative_to(reader_site.dir).as_posix())
        page.wait_for_load_state("networkidle")
        opened.append(context)
        return page

    yield open_
    for context in opened:
        context.close()


def _preview_text(page) -> str:
    preview = page.locator("#garden-preview")
    preview.wait_for(state="visible", timeout=3000)
    return preview.inner_text()


def test_hovering_a_link_shows_the_notes_preview(open_page) -> None:
    page = open_page("index")
    link = page.locator("article a", has_text="Stockport").first
    link.hover()
    text = _preview_text(page)
    for expected in ("Stockport", "Budding", "Place", "A town in Greater Manchester.",
                     "Stockport is a town with a market."):
        assert expected in text
    assert link.get_attribute("aria-describedby") == "garden-preview"
    page.mouse.move(0, 0)
    page.locator("#garden-preview").wait_for(state="hidden", timeout=3000)
    assert page.errors == []


def test_keyboard_focus_shows_the_preview_and_escape_hides_it(open_page) -> None:
    page = open_page("index")
    link = page.locator("article a", has_text="Stockport").first
    for _ in range(60):  # Tab through the page, as a keyboard user does, to the link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Stockport":
            break
    else:
        pytest.fail("Tab never reached the Stockport link")
    assert "A town in Greater Manchester." in _preview_text(page)
    assert link.get_attribute("aria-describedby") == "garden-preview"
    page.keyboard.press("Escape")
    page.locator("#garden-preview").wait_for(state="hidden", timeout=3000)


def test_a_wanted_links_preview_says_it_is_not_written_yet(open_page) -> None:
    page = open_page("index")
    page.locator("article a.garden-wanted").first.hover()
    text = _preview_text(page)
    assert "Not Yet Written" in text
    assert "This note is not written yet." in text


def test_a_hostile_title_previews_as_text(open_page) -> None:
    page = open_page("index")
    page.locator("article a", has_text="the hostile one").hover()
    _preview_text(page)
    preview = page.locator("#garden-preview")
    assert preview.locator(".garden-preview__title").inner_text() == HOSTILE_TITLE
    assert preview.locator("script").count() == 0
    assert page.errors == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_console_errors_and_no_sideways_scrolling_on_a_phone(open_page, kind: str) -> None:
    desktop = open_page(PAGE_TYPES[kind])
    assert desktop.errors == [], f"{kind} page: {desktop.errors}"
    phone = open_page(PAGE_TYPES[kind], viewport={"width": 375, "height": 667},
                      is_mobile=True, has_touch=True)
    widths = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{kind} page scrolls sideways on a phone: {widths}"
    assert phone.errors == []


@pytest.mark.parametrize("nid", ["index", "places/stockport"])
def test_no_serious_accessibility_violations(open_page, nid: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(nid)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"]
               if v.get("impact") in ("serious", "critical")]
    assert serious == [], "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        f"{[n['target'] for n in v['nodes']][:5]}" for v in serious)
