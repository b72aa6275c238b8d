"""Attachments: the non-Markdown files under the notes folder (images, PDFs, audio, canvases).

Obsidian finds an attachment anywhere in the vault by its file name, so `![[picture.png]]`
works wherever the picture is kept. Pure: the loader hands in the paths.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

IMAGE_EXTENSIONS = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".ico", ".tif", ".tiff"})
AUDIO_EXTENSIONS = frozenset({".mp3", ".wav", ".m4a", ".ogg", ".3gp", ".flac", ".opus"})
VIDEO_EXTENSIONS = frozenset({".mp4", ".webm", ".ogv", ".mov", ".mkv"})
OTHER_EXTENSIONS = frozenset({".pdf", ".canvas", ".base", ".json", ".csv", ".txt", ".zip"})
KNOWN_EXTENSIONS = IMAGE_EXTENSIONS | AUDIO_EXTENSIONS | VIDEO_EXTENSIONS | OTHER_EXTENSIONS
"""Names ending so are attachments even when missing: `[[gone.png]]` is a missing file, not a
wanted note."""

_SIZE_RE = re.compile(r"^(?P<width>\d{1,5})(?:x(?P<height>\d{1,5}))?$")
"""Obsidian's size after the last `|`: `300` (width) or `300x200` (width x height)."""


@dataclass(frozen=True, slots=True)
class Display:
    """How an embedded attachment is shown: its alt text and size."""

    alt: str | None
    width: str | None = None
    height: str | None = None


def extension(name: str) -> str:
    """`Pictures/Map.PNG` → `.png`; '' when the last part has no dot. The same answer as
    `posixpath.splitext(posixpath.basename(name))[1].lower()` (leading dots start no
    extension: `.hidden` has none), with string methods only: it runs for every link."""
    base = name.rpartition("/")[2]
    dot = base.rfind(".")
    if dot <= 0 or not base[:dot].lstrip("."):
        return ""
    return base[dot:].lower()


def is_attachment_name(name: str) -> bool:
    ext = extension(name)
    return bool(ext) and ext != ".md"


def kind(path: str) -> str:
    """`image`, `audio`, `video` or `file`: decides how an embed shows it."""
    ext = extension(path)
    if ext in IMAGE_EXTENSIONS:
        return "image"
    if ext in AUDIO_EXTENSIONS:
        return "audio"
    if ext in VIDEO_EXTENSIONS:
        return "video"
    return "file"


def display(label: str | None) -> Display:
    """`alt text|300x200` → alt and size; the size alone leaves the alt to the file name."""
    if not label:
        return Display(None)
    text, bar, last = label.rpartition("|")
    size = _SIZE_RE.match(last.strip())
    if size:
        return Display(text.strip() or None if bar else None, size["width"], size["height"])
    return Display(label.strip() or None)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


class Attachments:
    """Attachment paths (POSIX, under the notes folder) by path and by file name."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.paths = tuple(sorted(set(paths)))
        self._by_path = {_key(p): p for p in self.paths}
        self._by_name: dict[str, list[str]] = defaultdict(list)
        for path in self.paths:
            self._by_name[_key(posixpath.basename(path))].append(path)

    def by_path(self, path: str) -> str | None:
        return self._by_path.get(_key(path.strip("/")))

    def by_name(self, name: str) -> list[str]:
        """Every attachment with this file name (Obsidian compares without case)."""
        return list(self._by_name.get(_key(posixpath.basename(name)), ()))
