"""An independent model of how Obsidian resolves a link path (`getFirstLinkpathDest`), used to
check that the garden sends every link Obsidian resolves to the same file.

Obsidian, as observed on 1.13.7 (pvliesdonk/markdown-vault-mcp#1380): a path relative to the
linking note (`./`, `../`) or to the vault root wins if the file exists (`.md` may be left out);
otherwise files whose name matches the link's last part and whose path ends with the link path,
case-insensitively: the one in the linking note's own folder, else the shortest path string
(ancestor folders count for nothing). Titles and aliases play no part.

DESIGN differs on purpose in two places: a bare name is not a root path (the linking note's own
folder wins over the root), and the nearest folder above settles a tie before anything else.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path


def resolve(linkpath: str, source: str, files: list[str]) -> str | None:
    """The file (path under the vault) that Obsidian opens for `linkpath` written in `source`."""
    lowered = {f.lower(): f for f in files}
    linkpath = linkpath.strip()
    if not linkpath:
        return None
    tries = [posixpath.normpath(posixpath.join(posixpath.dirname(source), linkpath))] if (
        linkpath.startswith(("./", "../"))) else []
    tries.append(linkpath.lstrip("/"))
    for path in tries:
        for candidate in (path, path + ".md"):
            if candidate.lower() in lowered:
                return lowered[candidate.lower()]
    tail = linkpath.lower()
    matches = [f for f in files
               if f.lower().endswith(("/" + tail, "/" + tail + ".md"))
               or f.lower() in (tail, tail + ".md")]
    if not matches:
        return None
    folder = posixpath.dirname(source)
    here = [m for m in matches if posixpath.dirname(m) == folder]
    return (here or sorted(matches, key=lambda m: (len(m), m)))[0]


def compare(notes_dir: Path) -> tuple[int, int, list[str]]:
    """(links Obsidian resolves, of them the garden resolves the same, the differences)."""
    from garden.loader import load_garden, read_attachment_paths, read_notes_dir
    from garden.resolve import Status

    files = sorted(p.relative_to(notes_dir).as_posix() for p in notes_dir.rglob("*")
                   if p.is_file() and not any(part.startswith(".") for part in p.parts))
    garden, _ = load_garden(read_notes_dir(notes_dir), None, read_attachment_paths(notes_dir))
    drafts = {note.path for note in garden.notes.values() if note.draft}
    total = same = 0
    differences = []
    for nid, resolutions in garden.resolutions.items():
        source = garden.notes[nid].path
        for res in resolutions:
            link = res.link
            written = link.dest if link.dest is not None else link.target
            if not written:
                continue
            expected = resolve(written, source, files)
            if expected is None or expected in drafts:  # drafts are not published on purpose
                continue
            total += 1
            got = (garden.notes[res.target].path if res.status is Status.RESOLVED
                   else res.attachment)
            if got == expected:
                same += 1
            else:
                differences.append(f"{source}:{link.line}: {link.raw} → Obsidian {expected}, "
                                   f"garden {got} ({res.status.value})")
    return total, same, differences


if __name__ == "__main__":
    resolved, agreed, diffs = compare(Path(sys.argv[1]))
    print("\n".join(diffs))
    print(f"{resolved} links resolved by Obsidian's rule, {agreed} to the same file in the garden")
