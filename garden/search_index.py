"""Keep the site's search index whole when a preview rebuilds only some pages.

The search plugins (MkDocs' and mkdocs-material's) index the pages built in this build and
write `search/search_index.json` as `{"config": ..., "docs": [{"location": "page/#id", ...}]}`.
A fast preview builds only the pages that changed, so their entries come from this build and
every other page keeps its entries from the last one, in the site's page order — the index a
full build would write. Pure: JSON-shaped data in and out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

SearchDoc = Mapping[str, Any]


def page_of(location: str) -> str:
    """`places/stockport/#events` → `places/stockport/`: the page an entry belongs to."""
    return location.split("#", 1)[0]


def by_page(docs: Iterable[SearchDoc]) -> dict[str, list[SearchDoc]]:
    grouped: dict[str, list[SearchDoc]] = {}
    for doc in docs:
        grouped.setdefault(page_of(str(doc.get("location", ""))), []).append(doc)
    return grouped


def merge(
    previous: Mapping[str, Any] | None,
    fresh: Mapping[str, Any],
    built: Collection[str],
    pages: Iterable[str],
) -> dict[str, Any]:
    """The index of the whole site: entries of the `built` pages from `fresh`, the others' from
    `previous`, ordered as `pages` (the site's page URLs in build order); pages no longer in
    the site are dropped."""
    new = by_page(fresh.get("docs", ()))
    old = by_page(previous.get("docs", ())) if previous else {}
    docs: list[SearchDoc] = []
    for url in pages:
        docs += new.get(url, []) if url in built else old.get(url, [])
    return {**fresh, "docs": docs}
