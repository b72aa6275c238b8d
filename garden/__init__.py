"""Big Society Garden: a knowledge-garden engine for Markdown notes linked with [[wikilinks]].

The core (read → index → render → emit) knows nothing of MkDocs; `garden.plugin` adapts it.
"""

from __future__ import annotations

from garden.config import GardenConfig
from garden.diagnostics import Issue, Severity
from garden.graph import Garden
from garden.links import Link
from garden.loader import load_garden, read_notes_dir
from garden.note import Note

__version__ = "0.1.0"

__all__ = [
    "Garden",
    "GardenConfig",
    "Issue",
    "Link",
    "Note",
    "Severity",
    "__version__",
    "load_garden",
    "read_notes_dir",
]
