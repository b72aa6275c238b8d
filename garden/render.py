"""Notes rendered to standard Markdown: wikilinks become ordinary links, embeds are inlined,
sources become a section, and the Wanted notes page is written. Pure: strings in, strings out.

Resolved links are written source-to-source (`../places/stockport.md#events`) so the site
generator turns them into URLs for either URL style; wanted links are raw HTML with a class.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import quote

from garden.attachments import display, kind
from garden.blocks import block_edits
from garden.graph import Garden, Wanted
from garden.links import Link, LinkKind
from garden.markup import Heading
from garden.note import Note
from garden.obsidian import tag_edits, transform_page
from garden.resolve import Resolution, Status
from garden.slugs import (
    NoteId,
    file_url,
    note_id,
    relative_source_link,
    relative_url,
    url_for,
)

EmbedKey = tuple[NoteId, "str | None"]
"""A note, or one section or block of it (by anchor), as it is embedded."""

_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
"""Characters a source URL keeps as written; others (spaces, quotes, `<>`) are %-encoded."""
_MD_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_MD_ENTITY_RE = re.compile(r"[|~=^]")
"""Marks that only extensions give a meaning (tables, strikethrough, highlight) and that
plain Markdown can't backslash-escape: written as character references instead."""


def render_markdown(note: Note, garden: Garden) -> str:
    """The note's body as plain Markdown for the page, with its Sources section."""
    body = _render_range(note, garden, host=note.id, stack=((note.id, None),), lo=0,
                         hi=len(note.body))
    return transform_page(body).rstrip("\n") + "\n" + sources_section(note)


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


def _render_range(note: Note, garden: Garden, host: NoteId, stack: tuple[EmbedKey, ...],
                  lo: int, hi: int) -> str:
    edits: list[tuple[int, int, object]] = [
        (res.link.start, res.link.end, res) for res in garden.resolutions[note.id]]
    edits += block_edits(note.blocks, anchors=len(stack) == 1)
    edits += tag_edits(note.inline_tags)
    if len(stack) > 1:
        edits += _embedded_heading_ids(note, garden)
    pieces = []
    pos = lo
    for start, end, edit in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos or end > hi:
            continue
        pieces.append(note.body[pos:start])
        pieces.append(edit if isinstance(edit, str) else _render_link(edit, garden, host, stack))
        pos = end
    pieces.append(note.body[pos:hi])
    return "".join(pieces)


def _render_link(res: Resolution, garden: Garden, host: NoteId,
                 stack: tuple[EmbedKey, ...]) -> str:
    link = res.link
    if res.status is Status.ATTACHMENT:
        return _attachment(res, garden, host)
    if link.kind in (LinkKind.MARKDOWN, LinkKind.IMAGE) and res.status is not Status.RESOLVED:
        return link.raw  # the checker names what is wrong with it
    if link.kind is LinkKind.MARKDOWN:
        anchor = res.anchor or link.anchor
        dest = relative_source_link(host, garden.notes[res.target].path, anchor)
        return f"[{link.label}]({dest})"
    if res.status is Status.RESOLVED:
        target = garden.notes[res.target]
        key = (res.target, res.anchor)
        # A part that is not there is not embedded as the whole note: the link says what is meant.
        embeddable = (key not in stack and len(stack) <= garden.config.embed_depth
                      and not res.anchor_missing)
        if link.is_embed and link.alone_on_line and embeddable:
            embed = _embed(res, target, garden, host, stack)
            body = garden.notes[link.source].body
            quote = body[body.rfind("\n", 0, link.start) + 1:link.start]
            return embed.replace("\n", "\n" + quote) if quote.strip() else embed
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
        # A heading path (`Part#Section`) or a block id (`^id`) reads as words.
        anchor = " › ".join(p.strip().lstrip("^") for p in link.anchor.split("#") if p.strip())
        return f"{name} › {anchor}" if name else anchor
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


def _attachment(res: Resolution, garden: Garden, host: NoteId) -> str:
    """An attachment embedded (a picture, a player) or linked (any other file)."""
    link, path = res.link, res.attachment or ""
    name = path.rsplit("/", 1)[-1]
    dest = relative_source_link(host, path)
    shown = display(link.label)
    if link.kind is LinkKind.IMAGE or (link.is_embed and kind(path) == "image"):
        size = "".join(f' {attr}="{value}"' for attr, value in (
            ("width", shown.width), ("height", shown.height)) if value)
        return f"![{_alt_text(shown.alt or name)}]({dest})" + (
            f"{{:{size} }}" if size else "")
    if link.is_embed and kind(path) in ("audio", "video"):
        page_url = url_for(host, garden.config.directory_urls)
        src = html.escape(relative_url(file_url(path), page_url))
        return f'<{kind(path)} class="garden-media" controls src="{src}"></{kind(path)}>'
    if link.kind is LinkKind.MARKDOWN:
        return f"[{link.label}]({dest})"
    return f"[{escape_label(shown.alt or name)}]({dest})"


def _alt_text(text: str) -> str:
    """Alt text as written: Python-Markdown keeps it literal but for brackets and backslashes."""
    return re.sub(r"([\\\[\]])", r"\\\1", html.escape(text, quote=False))


def _embed(res: Resolution, target: Note, garden: Garden, host: NoteId,
           stack: tuple[EmbedKey, ...]) -> str:
    lo, hi = 0, len(target.body)
    if res.anchor and res.anchor.startswith("^"):
        block = next(b for b in target.blocks if b.anchor == res.anchor)
        lo, hi = block.start, block.end
    elif res.anchor:
        section = _section(target, res.anchor, garden)
        if section:
            lo, hi = section
    inner = _render_range(target, garden, host, (*stack, (target.id, res.anchor)), lo,
                          hi).strip("\n")
    title_link = relative_source_link(host, target.path, res.anchor)
    return (
        f'<div class="garden-embed" markdown="1">\n\n'
        f"**[{link_markdown(res.link, target)}]({title_link})**\n\n"
        f"{inner}\n\n</div>"
    )


def _embedded_heading_ids(note: Note, garden: Garden) -> list[tuple[int, int, str]]:
    """Edits giving an embedded note's headings ids of their own (`{#embed-note-heading}`), so
    they never take the ids the host page's own headings have (and links to them expect)."""
    separator = garden.config.toc_separator
    prefix = f"embed{separator}{garden.config.slugify(note.id, separator)}{separator}"
    lines = note.body.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    edits = []
    ids = garden.resolver.heading_ids(note.id)
    for heading, heading_id in zip(note.headings, ids, strict=True):
        text = lines[heading.line].rstrip()
        if heading.custom_id or text.endswith("#"):
            continue
        end = starts[heading.line] + len(text)
        edits.append((end, end, f" {{#{prefix}{heading_id}}}"))
    return edits


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


WANTED_BY_LIMIT = 10
"""Notes listed under each wanted title on the Wanted notes page (with the sentence that links):
enough to see what is meant, and the page stays small as the garden grows (a much-wanted
title is linked from hundreds of notes). `garden report` lists them all."""


def wanted_page_markdown(
    garden: Garden, write_url: Callable[[Wanted], str | None] | None = None
) -> str:
    """The generated "Wanted notes" page: every wanted title and the notes that want it, and,
    given `write_url`, a "Write this note" link under each title."""
    page = note_id(garden.config.wanted_page)
    lines = [f"# {escape_markdown(garden.config.wanted_title)}", ""]
    if not garden.wanted:
        lines.append("Every link in the garden leads to a note that exists. Nothing is wanted "
                     "just now.")
        return "\n".join(lines) + "\n"
    lines.append("These notes are linked from the garden, but nobody has written them yet. "
                 "If you know about one of them, write it: each is an invitation.")
    for wanted in garden.wanted:
        lines += ["", f"## {escape_markdown(wanted.title)}", ""]
        url = write_url(wanted) if write_url else None
        if url:
            href = html.escape(url)
            lines += [f'<a class="garden-write md-button" href="{href}">Write this note</a>', ""]
        lines += ["Wanted by:", ""]
        for link in wanted.wanted_by[:WANTED_BY_LIMIT]:
            source = garden.notes[link.source]
            dest = relative_source_link(page, source.path)
            sentence = link.context  # worked out when asked: ask once
            context = f" — “{escape_markdown(sentence)}”" if sentence else ""
            lines.append(f"- [{escape_markdown(source.title)}]({dest}){context}")
        if len(wanted.wanted_by) > WANTED_BY_LIMIT:
            lines += ["", f"…and {len(wanted.wanted_by) - WANTED_BY_LIMIT} more links: run "
                      "`garden report` to see every note that wants it."]
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


def graph_page_markdown(title: str) -> str:
    """The generated whole-garden map page; the map and its list come from the page template."""
    return (f"# {escape_markdown(title)}\n\n"
            "Every dot is a note and every line a link between two notes. Select a dot to read "
            "its note. The colour of a dot says what kind of note it is; its outline says how "
            "grown it is (dashed for a seedling, thin for budding, thick for evergreen).\n")
