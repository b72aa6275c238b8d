"""Retake the README's screenshot from a built site: `python .github/screenshots/take.py site`.

The Stockport note, full page, with the hover preview of its link to New Cross Gate open.
Uses Debian's Chromium through Playwright, as the browser tests do.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OUT = Path(__file__).with_name("note-page.png")


def main(site: str) -> int:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/places/stockport/"
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(url)
            # As tall as the page: hovering scrolls nothing, so the header stays on top.
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": 1200, "height": height})
            page.locator("article a", has_text="New Cross Gate").first.hover()
            page.wait_for_selector(".garden-preview", state="visible")
            page.screenshot(path=str(OUT))
            browser.close()
    finally:
        server.shutdown()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "site"))
