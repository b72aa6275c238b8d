"""Tiny builders for the core's unit tests: gardens and notes from inline Markdown."""

from __future__ import annotations

from textwrap import dedent

from garden.config import GardenConfig
from garden.diagnostics import Issue
from garden.graph import Garden
from garden.loader import SourceFile, load_garden
from garden.note import Note, parse_note


def md(text: str) -> str:
    """Dedented Markdown without the newline that follows an opening triple quote."""
    return dedent(text).removeprefix("\n")


def garden_of(
    files: dict[str, str], config: GardenConfig | None = None
) -> tuple[Garden, list[Issue]]:
    """A garden from `{path under notes/: Markdown}`; texts are dedented."""
    sources = [SourceFile(path, md(text).encode()) for path, text in files.items()]
    return load_garden(sources, config)


def note_of(text: str, path: str = "note.md") -> tuple[Note, list[Issue]]:
    """One parsed note (text dedented), as `notes/<path>` in messages."""
    return parse_note(path, md(text), f"notes/{path}")


def messages(issues: list[Issue]) -> list[str]:
    """Issues in compiler format, the way a contributor reads them."""
    return [issue.format() for issue in issues]
