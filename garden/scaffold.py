"""New notes from the template: a file name from the title, front matter to fill in."""

from __future__ import annotations

import json
import re
import unicodedata

from garden.note import NOTE_TYPES

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
