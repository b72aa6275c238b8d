"""Growth-stage and type badges: the one place that says how a note's status and type look.

Every page, list and template shows the same markup, made here, with note text escaped.
"""

from __future__ import annotations

import functools
import html

STAGE_ICONS = {"seedling": "🌱", "budding": "🌿", "evergreen": "🌳"}
"""The growth stages as gardeners draw them (DESIGN: seedling, budding, evergreen)."""


def stage_label(status: str) -> str:
    return status.capitalize()


@functools.lru_cache(maxsize=256)
def badges_html(status: str, note_type: str) -> str:
    """`<span class="garden-badges">` with a growth-stage badge and a type badge (made once
    per stage and type: every list of notes shows them).

    The icon is decoration (`aria-hidden`); the words carry the meaning, and the classes
    (`garden-badge--seedling`, `garden-badge--type-place`) carry the colours.
    """
    icon = STAGE_ICONS.get(status, "")
    stage = html.escape(status, quote=True)
    kind = html.escape(note_type, quote=True)
    icon_html = f'<span aria-hidden="true">{icon}</span> ' if icon else ""
    return (
        '<span class="garden-badges">'
        f'<span class="garden-badge garden-badge--stage garden-badge--{stage}">'
        f"{icon_html}{html.escape(stage_label(status))}</span> "
        f'<span class="garden-badge garden-badge--type garden-badge--type-{kind}">'
        f"{html.escape(note_type.capitalize())}</span>"
        "</span>"
    )
