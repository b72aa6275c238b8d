"""Pure conversions between a note's path, its id, its URL, link names and heading anchors.

A note's id is its path under the notes folder without `.md`, in POSIX form (`places/stockport`).
Everything else (URL, graph node, messages) is derived from it here, in one place.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import NewType
from urllib.parse import quote

NoteId = NewType("NoteId", str)
Url = NewType("Url", str)

Slugify = Callable[[str, str], str]
"""A heading-anchor function with Python-Markdown's toc signature: `(text, separator) -> id`."""

_SEPARATORS_RE = re.compile(r"[\s\-_]+")
_IDCOUNT_RE = re.compile(r"^(.*)_([0-9]+)$")


def note_id(rel_path: str) -> NoteId:
    """`places/Stockport.md` → `places/Stockport` (case kept: ids are paths, not names)."""
    path = rel_path.replace("\\", "/")
    if path.lower().endswith(".md"):
        path = path[:-3]
    return NoteId(path)


def source_path(nid: NoteId) -> str:
    return f"{nid}.md"


def folder_of(nid: NoteId) -> str:
    """The folder a note lives in, '' for the top level."""
    return posixpath.dirname(nid)


def file_stem(nid: NoteId) -> str:
    return posixpath.basename(nid)


@functools.lru_cache(maxsize=1 << 16)  # the same names recur across notes and preview rebuilds
def normalise(name: str) -> str:
    """The form in which link targets and note keys are compared.

    NFKC, case-folded, runs of spaces, `-` and `_` as one space, trimmed, a trailing `.md` dropped.
    Idempotent, so a normalised key can be normalised again: NFKC is applied again after
    case folding (`ß` + accent folds to `ss` + a combining accent that NFKC composes), and the
    `.md` is dropped after trimming, as often as it ends the name (`a.md_`, `a.md.md`).
    """
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    text = _SEPARATORS_RE.sub(" ", text).strip()
    while text.endswith(".md"):
        text = text[:-3].rstrip()
    return text


def readable_name(nid: NoteId) -> str:
    """The title a note gets when it has neither a `title` nor a `# ` heading: `your-square-mile` →
    `Your square mile` (as MkDocs derives page titles from file names)."""
    stem = file_stem(nid)
    text = _SEPARATORS_RE.sub(" ", stem).strip()
    return text[:1].upper() + text[1:] if text else stem


@functools.lru_cache(maxsize=1 << 16)
def url_for(nid: NoteId, directory_urls: bool) -> Url:
    """The page's URL relative to the site root, exactly as MkDocs computes `File.url` (cached:
    every backlink, preview and graph node asks for it again)."""
    parent, stem = posixpath.split(nid)
    if stem == "index" or stem == "README":
        dest = posixpath.join(parent, "index.html")
    elif directory_urls:
        dest = posixpath.join(parent, stem, "index.html")
    else:
        dest = posixpath.join(parent, stem + ".html")
    dirname, filename = posixpath.split(dest)
    if directory_urls and filename == "index.html":
        dest = (dirname or ".") + "/"
    return Url(quote(dest))


def file_url(rel_path: str) -> Url:
    """A non-note file's URL relative to the site root: MkDocs copies it where it is."""
    return Url(quote(rel_path.replace("\\", "/")))


def relative_source_link(from_id: NoteId, to_path: str, anchor: str | None = None) -> str:
    """A Markdown link destination from one note's source file to another source file.

    MkDocs turns `.md` destinations into the right URL for either URL style, so links are
    written source-to-source and percent-encoded (spaces and non-ASCII names stay valid).
    """
    dest = _relative_path(to_path, posixpath.dirname(from_id) or ".")
    if anchor:
        dest += "#" + anchor  # kept as the page's id is: MkDocs compares fragments verbatim
    return dest


@functools.lru_cache(maxsize=1 << 16)
def _relative_path(to_path: str, from_dir: str) -> str:
    """`to_path` relative to the folder `from_dir`, percent-encoded. Cached: notes share a few
    folders, and `posixpath.relpath` is slow (every rendered link asks)."""
    return quote(posixpath.relpath(to_path, from_dir))


def default_slugify(value: str, separator: str) -> str:
    """Python-Markdown's toc `slugify`, reproduced so the core needs no Markdown import.

    The MkDocs adapter passes the site's configured toc slugify instead, so anchors always
    match the ids on the rendered page.
    """
    value = unicodedata.normalize("NFKD", value)
    value = value.encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def unique_anchors(
    texts: Iterable[str], slugify: Slugify = default_slugify, separator: str = "-"
) -> list[str]:
    """Anchors for a page's headings in order, de-duplicated as Python-Markdown's toc does."""
    used: set[str] = set()
    anchors = []
    for text in texts:
        anchor = slugify(text, separator)
        while anchor in used or not anchor:
            m = _IDCOUNT_RE.match(anchor)
            anchor = f"{m.group(1)}_{int(m.group(2)) + 1}" if m else f"{anchor}_1"
        used.add(anchor)
        anchors.append(anchor)
    return anchors


def relative_url(url: str, page_url: str) -> str:
    """`url` (site-root relative) as seen from the page at `page_url`, as MkDocs'
    `get_relative_url` computes it."""
    other = page_url
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    rel = posixpath.relpath("/" + url, "/" + other)
    return rel + "/" if url.endswith("/") and rel != "." else (rel if rel != "." else "./")


def root_prefix(page_url: str) -> str:
    """The relative path from the page at `page_url` (site-root relative) up to the site root:
    `places/stockport/` → `../../`, `places/stockport.html` → `../`. Prefixing a site-root URL
    with it is a relative link that works under any sub-path, at O(1) per link."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return "../" * sum(1 for part in folder.split("/") if part and part != ".")
