"""`permalink:` (Obsidian Publish): a note also answers at another address, through a small
static redirect page written there. Pure: returns the pages to write and the Issues.

A permalink is a path inside the site (`ribbon`, `web-clipper/filters`): never a URL, never
`..`, never an address a page already has. Everything put into the page is escaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from garden.diagnostics import Issue, Severity
from garden.graph import Garden
from garden.slugs import relative_url, url_for

_SEGMENT_RE = re.compile(r"^[\w\-.~ ]+$")
"""One part of a permalink: letters, digits, `-`, `_`, `.`, `~` and spaces."""

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{href}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p>This page has moved to <a href="{href}">{title}</a>.</p>
</body>
</html>
"""


@dataclass(frozen=True, slots=True)
class Redirect:
    """A redirect page: where it is written under the site, and its HTML."""

    path: str
    html: str


def redirects(garden: Garden) -> tuple[list[Redirect], list[Issue]]:
    """One redirect page per valid `permalink`, and an Issue for each one that can't be used."""
    directory_urls = garden.config.directory_urls
    taken = {url_for(n.id, directory_urls).strip("/"): n for n in garden.published}
    pages: dict[str, Redirect] = {}
    issues: list[Issue] = []
    for note in garden.published:
        if "permalink" not in note.extra:
            continue
        where = garden.config.display_path(note.path)
        value = note.extra["permalink"]
        address = _clean(value)
        if address is None:
            issues.append(Issue(where, 2, 1, Severity.ERROR, "bad-permalink",
                                f"permalink {str(value)!r} is not a path inside the site — write "
                                "letters, digits and dashes, with / between parts, like "
                                "'permalink: guides/getting-started'"))
            continue
        other = taken.get(address)
        if address in pages or (other is not None and other.id != note.id):
            owner = garden.config.display_path(other.path) if other else "another permalink"
            issues.append(Issue(where, 2, 1, Severity.ERROR, "bad-permalink",
                                f"permalink '{address}' is already the address of {owner} — "
                                "choose another"))
            continue
        if other is not None:  # the note's own address already
            continue
        page_url = address + "/" if address else "."
        href = html.escape(relative_url(url_for(note.id, directory_urls), page_url))
        pages[address] = Redirect(f"{address}/index.html".lstrip("/"),
                                  _PAGE.format(title=html.escape(note.title), href=href))
    return sorted(pages.values(), key=lambda r: r.path), issues


def _clean(value: object) -> str | None:
    """`/Guides/start/` → `Guides/start`, `/` → '' (the site's front page); None for anything
    that is not a plain site path."""
    if not isinstance(value, str) or not value.strip():
        return None
    address = value.strip().strip("/")
    parts = address.split("/")
    if address and any(p in ("", ".", "..") or not _SEGMENT_RE.match(p) for p in parts):
        return None
    return address
