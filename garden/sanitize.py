"""Note HTML cleaned against an allow-list, so nothing in a note can run script in a reader's
browser. Runs on the HTML rendered from a note (embeds and Sources included), never on the theme.

The allow-list is the one place that says which HTML a page body may hold. It keeps what
Python-Markdown, the configured extensions and the garden's own renderer emit; everything else
(`<script>`, `<style>`, `<iframe>`, `<object>`, `<embed>`, `<form>`, `on*` attributes,
`style` except `text-align`, any URL whose scheme is not http, https or mailto) is removed by
nh3 (ammonia), which parses like a browser, so entity-encoded, mixed-case or tab-split schemes
are caught too. A branch that emits new HTML adds its tags and attributes to `ALLOWED` here; a
site that wants, say, `<iframe>` allows it deliberately with the plugin's `html_allow` option.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

import nh3

GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "aria-hidden",
                                "aria-label", "aria-labelledby", "aria-describedby"})
"""Allowed on every allowed tag: heading ids (toc), classes (code highlighting, admonitions,
`garden-wanted`, `garden-embed`, badges), tooltips, accessibility attributes."""

_BLOCKS = ("p", "div", "section", "article", "aside", "header", "footer", "nav", "figure",
           "figcaption", "blockquote", "hr", "br", "pre", "address")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_INLINE = ("span", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub",
           "sup", "code", "kbd", "samp", "var", "abbr", "cite", "dfn", "q", "time", "wbr",
           "bdi", "bdo", "ruby", "rt", "rp")
_LISTS = ("ul", "ol", "li", "dl", "dt", "dd")
_TABLES = ("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr")

ALLOWED: Mapping[str, frozenset[str]] = MappingProxyType({
    **{tag: frozenset() for tag in (*_BLOCKS, *_HEADINGS, *_INLINE, *_LISTS, *_TABLES)},
    # Markdown links, toc permalinks, footnotes, pymdownx.highlight line anchors.
    "a": frozenset({"href", "name"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    # tables: Python-Markdown writes alignment as `style="text-align: …"` (filtered below).
    "th": frozenset({"style", "align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"style", "align", "colspan", "rowspan"}),
    "col": frozenset({"span"}),
    # Obsidian attachment embeds (`![[bell.mp3]]`): `<audio|video class="garden-media" controls>`.
    "audio": frozenset({"src", "controls", "preload", "loop"}),
    "video": frozenset({"src", "controls", "preload", "loop", "width", "height"}),
    "source": frozenset({"src", "type"}),
    "details": frozenset({"open"}),
    "summary": frozenset(),
    "time": frozenset({"datetime"}),
    "abbr": frozenset({"title"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
})
"""Tag → attributes allowed on it (besides `GENERIC_ATTRIBUTES`)."""

URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Schemes a link or image may use; relative URLs (`../x/`, `#id`) are always kept."""

STYLE_PROPERTIES = frozenset({"text-align"})
"""The only CSS a note may set inline (table column alignment)."""

REMOVED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "textarea",
                                  "title", "xmp", "noembed", "noframes", "plaintext"})
"""Tags dropped together with their text (a script's code must not turn into page text)."""

HtmlAllow = Mapping[str, Iterable[str]]


def sanitize_html(html: str, extra: HtmlAllow | None = None) -> str:
    """`html` with everything outside the allow-list removed. `extra` adds tags (with their
    allowed attributes), e.g. `{"iframe": ["src", "width", "height"]}` — a site's decision."""
    key = tuple(sorted((tag.lower(), tuple(sorted(a.lower() for a in attrs)))
                       for tag, attrs in (extra or {}).items()))
    return _cleaner(key).clean(html)


@lru_cache(maxsize=8)
def _cleaner(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> nh3.Cleaner:
    attributes: dict[str, set[str]] = {tag: set(attrs) for tag, attrs in ALLOWED.items()}
    for tag, attrs in extra:
        attributes.setdefault(tag, set()).update(attrs)
    attributes["*"] = set(GENERIC_ATTRIBUTES)
    return nh3.Cleaner(
        tags=set(attributes) - {"*"},
        clean_content_tags=set(REMOVED_WITH_CONTENT) - set(attributes),
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties=set(STYLE_PROPERTIES),
    )
