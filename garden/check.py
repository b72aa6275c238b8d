"""Problems with links, found from the resolved garden (front-matter problems come from
`note.parse_note`). Pure: returns Issues, severity is data; adapters decide what stops a build."""

from __future__ import annotations

import difflib
import posixpath

from garden.attachments import is_attachment_name
from garden.diagnostics import Issue, Severity
from garden.graph import Garden
from garden.links import Link, LinkKind
from garden.resolve import Resolution, Status
from garden.slugs import NoteId, source_path


def check(garden: Garden) -> list[Issue]:
    issues: list[Issue] = []
    for nid, resolutions in garden.resolutions.items():
        path = garden.config.display_path(garden.notes[nid].path)
        for res in resolutions:
            issue = _link_issue(garden, path, res)
            if issue:
                issues.append(issue)
    issues.extend(_embed_cycles(garden))
    return issues


def _at(path: str, link: Link, severity: Severity, code: str, message: str) -> Issue:
    return Issue(path, link.line, link.col, severity, code, message)


def _link_issue(garden: Garden, path: str, res: Resolution) -> Issue | None:
    link = res.link
    shown = garden.config.display_path
    if res.status is Status.MISSING_ATTACHMENT:
        return _at(path, link, Severity.ERROR, "missing-attachment",
                   f"{link.raw}: there is no file '{posixpath.basename(link.target)}' anywhere "
                   f"under {garden.config.notes_label} — add the file, or fix its name")
    if res.status is Status.AMBIGUOUS:
        attachment = is_attachment_name(res.candidates[0])
        files = ", ".join(shown(c if attachment else source_path(c)) for c in res.candidates)
        forms = " or ".join(f"[[{c}]]" for c in res.candidates)
        return _at(path, link, Severity.ERROR, "ambiguous-link",
                   f"{link.raw} matches {len(res.candidates)} notes: {files} — write {forms} "
                   "to pick one")
    if res.status is Status.BROKEN and link.kind is LinkKind.MARKDOWN:
        if link.target.startswith("../"):
            return _at(path, link, Severity.ERROR, "broken-link",
                       f"{link.raw} points outside the notes folder — link to a note inside it")
        if NoteId(link.target[:-3]) in garden.notes:  # a note, yet not a link target: a draft
            return _at(path, link, Severity.ERROR, "broken-link",
                       f"{link.raw} links to {shown(link.target)}, which is a draft (draft: true) "
                       "and is not published — publish it, or link to it once it is")
        # Compared without `.md`, which every path shares and would make any path look close.
        paths = {n.id: n.path for n in garden.published}
        guess = difflib.get_close_matches(link.target[:-3], list(paths), 1)
        hint = (f"did you mean '{paths[guess[0]]}'?" if guess else
                "check the file name, or link to the note by its title, like [[Your Square Mile]]")
        return _at(path, link, Severity.ERROR, "broken-link",
                   f"{link.raw} links to {shown(link.target)}, which does not exist — {hint}")
    if res.status is Status.BROKEN:
        return _at(path, link, Severity.ERROR, "empty-link",
                   f"{link.raw} has no target — write a note's title between the brackets, "
                   "like [[Your Square Mile]]")
    if res.anchor_missing and res.target and (link.anchor or "").startswith("^"):
        target = garden.notes[res.target]
        ids = ", ".join(f"^{b.id}" for b in target.blocks) or "none"
        return _at(path, link, Severity.WARNING, "missing-block",
                   f"{link.raw}: {shown(target.path)} has no block '{link.anchor}' — end a "
                   f"paragraph or list item there with {link.anchor} (its block ids: {ids})")
    if res.anchor_missing and res.target:
        target = garden.notes[res.target]
        names = [h.text for h in target.headings]
        guess = difflib.get_close_matches(link.anchor or "", names, 1)
        hint = (f"did you mean '{guess[0]}'?" if guess else
                f"its headings are: {', '.join(names)}" if names else
                f"it has no headings, so link to the note itself, without #{link.anchor}")
        return _at(path, link, Severity.WARNING, "missing-heading",
                   f"{link.raw}: {shown(target.path)} has no heading '{link.anchor}' — {hint}")
    return None


def _embed_cycles(garden: Garden) -> list[Issue]:
    issues = []
    for cycle in garden.embed_cycles():
        first = cycle[0]
        nxt = cycle[1] if len(cycle) > 1 else cycle[0]
        link = next(
            res.link for res in garden.resolutions[first]
            if res.link.kind is LinkKind.EMBED and res.target == nxt
        )
        chain = " → ".join(garden.notes[n].title for n in (*cycle, first))
        issues.append(_at(garden.config.display_path(garden.notes[first].path), link,
                          Severity.ERROR, "embed-cycle",
                          f"{link.raw} makes a loop of notes shown inside each other ({chain}), "
                          "which would never end — write a plain link without the !, "
                          f"[[{link.raw[3:-2]}]], instead"))
    return issues
