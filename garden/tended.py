"""Recently tended: the notes by last change, as a page and as an Atom feed. Pure shapers: the
change times come in (from `garden.history`), strings go out.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from garden.badges import badges_html
from garden.escaping import xml_chars
from garden.graph import Garden
from garden.note import Note
from garden.render import escape_markdown
from garden.slugs import NoteId, note_id, relative_source_link, url_for

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True, slots=True)
class Tended:
    """A note and when it was last changed."""

    note: Note
    when: datetime.datetime


def tended_by_id(garden: Garden, by_path: Mapping[str, datetime.datetime]
                 ) -> dict[NoteId, datetime.datetime]:
    """Change times keyed by note id (the history reads file paths)."""
    return {n.id: by_path[n.path] for n in garden.published if n.path in by_path}


def recently_tended(garden: Garden, tended: Mapping[NoteId, datetime.datetime],
                    limit: int | None = None) -> list[Tended]:
    """Published notes, most recently changed first (ties by title, then id)."""
    entries = [Tended(n, tended[n.id]) for n in garden.published if n.id in tended]
    entries.sort(key=lambda t: (-t.when.timestamp(), t.note.title.casefold(), t.note.id))
    return entries[:limit] if limit is not None else entries


def day(when: datetime.datetime) -> str:
    return when.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d")


def tended_page_markdown(garden: Garden, entries: list[Tended]) -> str:
    """The "Recently tended" page: newest first, each note with its date and badges."""
    cfg = garden.config
    page = note_id(cfg.tended_page)
    lines = [f"# {escape_markdown(cfg.tended_title)}", ""]
    if not entries:
        lines.append("No note has been tended yet.")
        return "\n".join(lines) + "\n"
    lines += [f"The {len(entries)} most recently changed notes, newest first, from the garden's "
              "history. Follow them in a feed reader: "
              f"[Atom feed]({relative_source_link(page, cfg.feed)}).", ""]
    for entry in entries:
        note = entry.note
        dest = relative_source_link(page, note.path)
        summary = f" — {escape_markdown(note.description)}" if note.description else ""
        lines.append(f"- <time datetime=\"{entry.when.isoformat()}\">{day(entry.when)}</time> "
                     f"[{escape_markdown(note.title)}]({dest}) "
                     f"{badges_html(note.status, note.type)}{summary}")
    return "\n".join(lines) + "\n"


def atom_feed(garden: Garden, entries: list[Tended], *, site_name: str,
              site_url: str | None) -> str:
    """The Atom feed of `entries`. URLs are absolute when the site's URL is known, else
    relative to the feed (which sits at the site root). Deterministic: no build time in it."""
    cfg = garden.config
    base = (site_url or "").rstrip("/") + "/" if site_url else ""

    def absolute(url: str) -> str:
        return urljoin(base, url) if base else url

    def ident(url: str) -> str:
        return absolute(url) if base else f"urn:garden:{url or 'index'}"

    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    page_url = url_for(note_id(cfg.tended_page), cfg.directory_urls)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}",
                                {k: xml_chars(v) for k, v in attrs.items()})
        element.text = None if text is None else xml_chars(text)
        return element

    sub(feed, "title", f"{site_name}: {cfg.tended_title}")
    sub(feed, "id", ident(page_url))
    sub(feed, "link", rel="self", type="application/atom+xml", href=absolute(cfg.feed))
    sub(feed, "link", rel="alternate", type="text/html", href=absolute(page_url))
    newest = entries[0].when if entries else datetime.datetime(1970, 1, 1,
                                                               tzinfo=datetime.timezone.utc)
    sub(feed, "updated", _rfc3339(newest))
    author = sub(feed, "author")
    sub(author, "name", site_name)
    for entry in entries:
        note = entry.note
        url = url_for(note.id, cfg.directory_urls)
        item = sub(feed, "entry")
        sub(item, "title", note.title)
        sub(item, "id", ident(url))
        sub(item, "link", rel="alternate", type="text/html", href=absolute(url))
        sub(item, "updated", _rfc3339(entry.when))
        sub(item, "category", term=note.status)
        sub(item, "category", term=note.type)
        if note.description:
            sub(item, "summary", note.description)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _rfc3339(when: datetime.datetime) -> str:
    return when.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
