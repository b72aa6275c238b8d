"""The built garden in a real headless Chromium: what a reader sees."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES, REPO, Site, mkdocs_build, run, write_garden

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


# Graph views: nodes navigate, dark mode stays legible, no console errors, axe-core passes.

CONTRAST = """() => {
    const rgba = (text) => { const m = text.match(/[\\d.]+/g).map(Number);
        return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
    const over = (fg, bg) => ({r: fg.r * fg.a + bg.r * (1 - fg.a),
        g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a), a: 1});
    const lum = (c) => { const f = (v) => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
    const bg = rgba(getComputedStyle(document.body).backgroundColor);
    return [...document.querySelectorAll('svg.garden-graph .garden-graph__label')]
        .filter((t) => getComputedStyle(t).visibility === 'visible')
        .map((t) => { const fg = over(rgba(getComputedStyle(t).fill), bg);
            const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
            return {text: t.textContent, ratio: (hi + 0.05) / (lo + 0.05),
                    background: lum(bg)}; });
}"""


@pytest.fixture(scope="session")
def real_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    """The garden's own notes and mkdocs.yml (light and dark palettes), built once and served."""
    out = tmp_path_factory.mktemp("real-garden")
    result = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"),
                  "-d", str(out / "site")], cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_QuietHandler, directory=str(out / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Site(out, True), f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _recording_page(browser, base: str, **options) -> object:
    """A fresh page that records console errors; requests off this machine (the theme's web
    fonts) get an empty answer, so the check needs no internet and still sees our errors."""
    host = urlsplit(base).netloc
    page = browser.new_context(**options).new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.route(lambda url: urlsplit(url).netloc != host,
               lambda route: route.fulfill(status=200, body=""))
    return page


@pytest.fixture()
def recording_page(browser, served) -> Iterator[object]:
    page = _recording_page(browser, served[1])
    yield page
    page.context.close()


def test_clicking_a_local_graph_node_opens_its_note(recording_page, served) -> None:
    page, (site, base) = recording_page, served
    page.goto(_page_url(site, base, "places/stockport"))
    node = page.locator("#garden-graph-local svg a",
                        has=page.locator("title", has_text="Your Square Mile"))
    node.locator("circle").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Your Square Mile"


def test_clicking_a_map_node_opens_its_note_and_zoom_buttons_work(recording_page, served) -> None:
    page, (site, base) = recording_page, served
    page.goto(_page_url(site, base, "graph"))
    svg = page.locator("svg.garden-graph--map")
    before = svg.get_attribute("viewBox")
    page.get_by_role("button", name="Zoom in").click()
    assert svg.get_attribute("viewBox") != before
    page.get_by_role("button", name="Show all").click()
    assert svg.get_attribute("viewBox") == before
    svg.locator("a", has=page.locator("title", has_text="Eden Valley")).locator("circle").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Eden Valley"
    assert page.errors == []


def test_graph_nodes_are_links_named_by_their_titles(recording_page, served) -> None:
    page, (site, base) = recording_page, served
    page.goto(_page_url(site, base, "places/stockport"))
    graph = page.locator("#garden-graph-local svg")
    assert graph.get_by_role("link", name="Your Square Mile").count() == 1
    page.keyboard.press("Tab")  # nodes are reachable from the keyboard
    focusable = page.evaluate("""() => [...document.querySelectorAll('#garden-graph-local svg a')]
        .every((a) => a.tabIndex === 0)""")
    assert focusable


@pytest.mark.parametrize(("reader", "scheme"), [("light", "default"), ("dark", "slate")])
def test_labels_are_legible_in_light_and_dark_palettes(browser, real_served, reader,
                                                       scheme) -> None:
    site, base = real_served
    page = _recording_page(browser, base, color_scheme=reader)
    fills = set()
    for nid in ("graph", "places/stockport"):
        page.goto(_page_url(site, base, nid))
        assert page.get_attribute("body", "data-md-color-scheme") == scheme
        labels = page.evaluate(CONTRAST)
        assert labels, f"{nid}: no visible labels"
        assert (labels[0]["background"] < 0.05) == (scheme == "slate")
        poor = [(lb["text"], round(lb["ratio"], 2)) for lb in labels if lb["ratio"] < 4.5]
        assert poor == [], f"{nid} in {scheme}: labels below WCAG AA contrast"
        fills.add(page.evaluate("getComputedStyle(document.querySelector("
                                "'.garden-graph__node--place circle')).fill"))
    assert fills == {"rgb(109, 76, 65)" if scheme == "default" else "rgb(188, 170, 164)"}
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("nid", ["graph", "places/stockport", "policy/lonely", "index"])
def test_no_console_errors(recording_page, served, nid) -> None:
    page, (site, base) = recording_page, served
    page.goto(_page_url(site, base, nid))
    page.wait_for_load_state("networkidle")
    page.locator("svg.garden-graph").first.hover()
    assert page.errors == []


@pytest.mark.parametrize("nid", ["graph", "places/stockport"])
def test_axe_finds_no_serious_problems(browser, real_served, nid) -> None:
    from axe_playwright_python.sync_playwright import Axe

    site, base = real_served
    page = _recording_page(browser, base)
    page.goto(_page_url(site, base, nid))
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    page.context.close()
