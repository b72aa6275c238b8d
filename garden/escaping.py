"""Note text escaped for the context it lands in: HTML text and attributes, templates that do
not autoescape, JSON inside HTML, XML (SVG, feeds, sitemaps) and URLs.

Every value a note controls (title, description, tags, aliases, source titles and URLs, link
labels) is untrusted. Emitters call one of these at the point where text becomes markup, and
never build markup from note text any other way.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from markupsafe import Markup, escape

_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_URL_STRIPPED_RE = re.compile("[\t\n\r]")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
SAFE_URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""Schemes a note-controlled URL may use (the same as `sanitize.URL_SCHEMES`)."""


def html_text(text: str) -> str:
    """Text between tags: `<`, `>` and `&` escaped (quotes too, so it is also attribute-safe)."""
    return html.escape(text, quote=True)


def html_attr(text: str) -> str:
    """A double- or single-quoted attribute value."""
    return html.escape(text, quote=True)


def xml_text(text: str) -> str:
    """Text or an attribute value in XML 1.0 (SVG, Atom/RSS, sitemaps): escaped, and with the
    characters XML forbids (control characters, lone surrogates) removed."""
    return html.escape(xml_chars(text), quote=True)


def xml_chars(text: str) -> str:
    """Text for an XML library that escapes by itself (ElementTree): only the characters XML
    1.0 forbids are removed (ElementTree would write them, and the file would not parse)."""
    return _XML_INVALID_RE.sub("", text)


def json_for_html(value: Any) -> str:
    """JSON that may sit inside `<script type="application/json">` or an HTML attribute:
    `<`, `>`, `&`, `'` and the JS line separators are written as `\\u` escapes, so a title
    like `</script>` cannot end the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def safe_url(url: str) -> str | None:
    """The URL if a browser would treat it as relative or as http(s)/mailto, else None.
    Leading spaces and control characters, and tabs or newlines anywhere, are dropped first,
    as browsers do (`java\\tscript:` is `javascript:`)."""
    cleaned = _URL_STRIPPED_RE.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b"
                                                   "\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16"
                                                   "\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME_RE.match(cleaned)
    if match is None:
        return None if cleaned.startswith("\\") else cleaned
    return cleaned if match.group(1).lower() in SAFE_URL_SCHEMES else None


def template_safe(value: Any) -> Any:
    """Every string in `value` (through lists, tuples and dicts) as escaped `Markup`, for
    MkDocs' templates, which do not autoescape (mkdocs-material prints `page.meta.title` and
    `page.meta.description` as they are). Other values stay as they are. Front matter is
    finite here: YAML aliases are refused before this. Note: Jinja's `striptags` filter
    unescapes, so a template must never print note text through `striptags` without `| e`."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {k: template_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(template_safe(v) for v in value)
    return value
