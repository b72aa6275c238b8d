"""Notes rendered to standard Markdown: wikilinks become ordinary links, embeds are inlined,
sources become a section, and the Wanted notes page is written. Pure: strings in, strings out.

Resolved links are written source-to-source (`../places/stockport.md#events`) so the site
generator turns them into URLs for either URL style; wanted links are raw HTML with a class.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from garden.graph import Garden
from garden.links import Link, LinkKind
from garden.markup import Heading
from garden.note import Note
from garden.resolve import Resolution, Status
from garden.slugs import NoteId, note_id, relative_source_link, relative_url, url_for

_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
"""Characters a source URL keeps as written; others (spaces, quotes, `<>`) are %-encoded."""
_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_MD_ENTITY_RE = re.compile(r"[|~=^]")
"""Marks that only extensions give a meaning (tables, strikethrough, highlight) and that
plain Markdown can't backslash-escape: written as character references instead."""


def render_markdown(note: Note, garden: Garden) -> str:
    """The note's body as plain Markdown for the page, with its Sources section."""
    body = _render_range(note, garden, host=note.id, stack=(note.id,), lo=0, hi=len(note.body))
    return body.rstrip("\n") + "\n" + sources_section(note)


def sources_section(note: Note) -> str:
    if not note.sources:
        return ""
    lines = ["", "## Sources", ""]
    for number, source in enumerate(note.sources, 1):
        url = quote(source.url, safe=_URL_SAFE)
        date = f" ({escape_markdown(source.date)})" if source.date else ""
        lines.append(f"{number}. [{escape_markdown(source.title)}](<{url}>){date}")
    return "\n".join(lines) + "\n"


def escape_markdown(text: str) -> str:
    """Text shown exactly as written, whatever Markdown or HTML it contains."""
    escaped = _MD_SPECIAL_RE.sub(r"\\\1", html.escape(text, quote=False))
    return _MD_ENTITY_RE.sub(lambda m: f"&#{ord(m.group())};", escaped)


def _render_range(note: Note, garden: Garden, host: NoteId, stack: tuple[NoteId, ...],
                  lo: int, hi: int) -> str:
    pieces = []
    pos = lo
    for res in garden.resolutions[note.id]:
        link = res.link
        if link.start < lo or link.end > hi:
            continue
        pieces.append(note.body[pos:link.start])
        pieces.append(_render_link(res, garden, host, stack))
        pos = link.end
    pieces.append(note.body[pos:hi])
    return "".join(pieces)


def _render_link(res: Resolution, garden: Garden, host: NoteId, stack: tuple[NoteId, ...]) -> str:
    link = res.link
    if link.kind is LinkKind.MARKDOWN:
        if res.status is Status.RESOLVED and host != link.source:
            dest = relative_source_link(host, garden.notes[res.target].path, link.anchor)
            return f"[{link.label}]({dest})"
        return link.raw
    if res.status is Status.RESOLVED:
        target = garden.notes[res.target]
        embeddable = res.target not in stack and len(stack) <= garden.config.embed_depth
        if link.is_embed and link.alone_on_line and embeddable:
            return _embed(res, target, garden, host, stack)
        dest = relative_source_link(host, target.path, res.anchor)
        return f"[{link_markdown(link, target)}]({dest})"
    text = html.escape(link_text(link, None))
    if res.status is Status.WANTED:
        wanted = garden.wanted_by_key.get(res.wanted_key)
        if wanted is None:  # wanted only by a draft: the page shows plain text
            return f'<span class="garden-wanted">{text}</span>'
        href = html.escape(wanted_href(garden, host, wanted.anchor))
        return (f'<a class="garden-wanted" href="{href}" '
                f'title="Not written yet: {html.escape(wanted.title)}">{text}</a>')
    return f'<span class="garden-broken">{text}</span>'


def link_text(link: Link, target: Note | None) -> str:
    """What a reader sees: the label, else the name as written (a path form shows the title,
    or its last part while the note is not written)."""
    if link.label:
        return link.label
    name = link.target
    if "/" in name:
        name = target.title if target is not None else name.rsplit("/", 1)[-1]
    if link.anchor:
        return f"{name} › {link.anchor}" if name else link.anchor
    return name


def link_markdown(link: Link, target: Note | None) -> str:
    """A link's text as Markdown: a label keeps its Markdown (the page is sanitised); a name
    or title is text, so HTML in it is shown, never run."""
    if link.label:
        return escape_label(link.label)
    return escape_markdown(link_text(link, target))


def escape_label(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def wanted_href(garden: Garden, host: NoteId, anchor: str) -> str:
    directory_urls = garden.config.directory_urls
    page_url = url_for(host, directory_urls)
    wanted_url = url_for(note_id(garden.config.wanted_page), directory_urls)
    return f"{relative_url(wanted_url, page_url)}#{anchor}"


def _embed(res: Resolution, target: Note, garden: Garden, host: NoteId,
           stack: tuple[NoteId, ...]) -> str:
    lo, hi = 0, len(target.body)
    if res.anchor:
        section = _section(target, res.anchor, garden)
        if section:
            lo, hi = section
    inner = _render_range(target, garden, host, (*stack, target.id), lo, hi).strip("\n")
    title_link = relative_source_link(host, target.path, res.anchor)
    return (
        f'<div class="garden-embed" markdown="1">\n\n'
        f"**[{link_markdown(res.link, target)}]({title_link})**\n\n"
        f"{inner}\n\n</div>"
    )


def _section(note: Note, anchor: str, garden: Garden) -> tuple[int, int] | None:
    """Body offsets of the section under the heading with this id, heading line excluded."""
    offsets = [0]
    for line in note.body.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    start: Heading | None = None
    ids = garden.resolver.heading_ids(note.id)
    for heading, heading_id in zip(note.headings, ids, strict=True):
        if start is None and heading_id == anchor:
            start = heading
        elif start is not None and heading.level <= start.level:
            return offsets[start.line + 1], offsets[heading.line]
    if start is None:
        return None
    return offsets[start.line + 1], len(note.body)


def wanted_page_markdown(garden: Garden) -> str:
    """The generated "Wanted notes" page: every wanted title and the notes that want it."""
    page = note_id(garden.config.wanted_page)
    lines = [f"# {escape_markdown(garden.config.wanted_title)}", ""]
    if not garden.wanted:
        lines.append("Every link in the garden leads to a note that exists. Nothing is wanted "
                     "just now.")
        return "\n".join(lines) + "\n"
    lines.append("These notes are linked from the garden, but nobody has written them yet. "
                 "If you know about one of them, write it: each is an invitation.")
    for wanted in garden.wanted:
        lines += ["", f"## {escape_markdown(wanted.title)}", "", "Wanted by:", ""]
        for link in wanted.wanted_by:
            source = garden.notes[link.source]
            dest = relative_source_link(page, source.path)
            context = f" — “{escape_markdown(link.context)}”" if link.context else ""
            lines.append(f"- [{escape_markdown(source.title)}]({dest}){context}")
    return "\n".join(lines) + "\n"


def page_meta(note: Note) -> dict[str, object]:
    """The note's front matter as a site generator's page metadata: unknown keys passed
    through, known keys with their defaults filled in."""
    meta: dict[str, object] = dict(note.extra)
    meta.update(
        title=note.title,
        description=note.description,
        tags=list(note.tags),
        aliases=list(note.aliases),
        type=note.type,
        status=note.status,
    )
    return meta
