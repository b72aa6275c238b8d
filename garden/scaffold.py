"""New notes from the template: a file name from the title, front matter to fill in."""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from garden.note import NOTE_TYPES
from garden.slugs import folder_of

if TYPE_CHECKING:
    from garden.graph import Wanted

_NON_WORD_RE = re.compile(r"[^\w]+")


def file_name_for(title: str) -> str:
    """`Your Square Mile` → `your-square-mile.md` (letters of any script kept)."""
    text = unicodedata.normalize("NFKC", title).casefold()
    stem = _NON_WORD_RE.sub("-", text).strip("-_")
    return f"{stem or 'note'}.md"


def note_template(title: str, note_type: str = "idea") -> str:
    if note_type not in NOTE_TYPES:
        raise ValueError(f"unknown note type {note_type!r}")
    quoted = json.dumps(title, ensure_ascii=False)
    return f"""---
title: {quoted}
type: {note_type}
status: seedling
description: ""   # one sentence: what this note is about
tags: []          # topics from the Tags page, like [community organising, localism]
aliases: []       # other names people use, like [BSN]
sources: []       # where the facts come from, one entry each:
#  - title: "The page or report's title"
#    url: https://...
#    date: "2011-05-18"
---

Write what you know about {title} here, in your own words. Link to other notes by putting
their title in double square brackets, like [[Big Society]].
"""


def new_file_base(repo_url: str | None, edit_uri: str | None, docs_folder: str) -> str | None:
    """Where GitHub's "new file" page for the notes folder is, derived from the site's
    `repo_url` and `edit_uri` (`edit/main/notes/` → `{repo_url}/new/main/notes`), so the
    repository is configured in one place. None without a repository."""
    if not repo_url:
        return None
    uri = (edit_uri or "").strip("/")
    if uri.startswith(("edit/", "blob/")):
        where = uri.split("/", 1)[1]
    else:
        where = f"main/{docs_folder.strip('/')}"
    return f"{repo_url.rstrip('/')}/new/{where}"


def new_note_url(base: str, folder: str, title: str, note_type: str = "idea") -> str:
    """GitHub's new-file page with the file name and the note template filled in. Everything
    from the note's title is percent-encoded, so the URL is plain ASCII without quotes."""
    filename = posixpath.join(folder, file_name_for(title))
    query = urlencode({"filename": filename, "value": note_template(title, note_type)},
                      quote_via=quote)
    return f"{base}?{query}"


def wanted_note_url(base: str, wanted: Wanted) -> str:
    """"Write this note" for a wanted note: the file goes in the folder of the first note that
    wants it, where a link finds a note first, so the links that want it will resolve."""
    folder = folder_of(wanted.wanted_by[0].source) if wanted.wanted_by else ""
    return new_note_url(base, folder, wanted.title)
