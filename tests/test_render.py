"""Rendering: note Markdown in, standard Markdown out (links resolved, embeds inlined)."""

from __future__ import annotations

import re

import markdown
import pytest

from garden.config import GardenConfig
from garden.render import (
    WANTED_BY_LIMIT,
    escape_markdown,
    page_meta,
    render_markdown,
    wanted_page_markdown,
)
from helpers_core import garden_of, md

NOTES = {
    "b.md": """
        ---
        title: Bee Note
        ---
        # Bee

        Bee body with [[Places/C]].

        ## Part two

        Section text.

        ### Deeper

        Still part two.

        ## Part three

        More.
    """,
    "places/c.md": """
        # C

        See [local d](d.md) and [[Bee Note]] and [web](https://example.org).

        ## Events
    """,
    "places/d.md": "D.",
    "ideas/big-society.md": "",
    "policy/big-society.md": "",
}


def render(body: str, path: str = "a.md", config: GardenConfig | None = None,
           extra: dict[str, str] | None = None) -> str:
    garden, _ = garden_of({**NOTES, **(extra or {}), path: body}, config)
    return render_markdown(garden.notes[path[:-3]], garden)


@pytest.mark.parametrize(
    ("written", "rendered"),
    [
        ("[[Bee Note]]", "[Bee Note](b.md)"),
        ("[[b]]", "[b](b.md)"),
        ("[[Bee Note|the bee]]", "[the bee](b.md)"),
        ("[[Bee Note#Part two]]", "[Bee Note › Part two](b.md#part-two)"),
        ("[[Bee Note#part TWO|part two]]", "[part two](b.md#part-two)"),
        ("[[#Local]]", "[Local](a.md#local)"),
        ("[[places/c]]", "[C](places/c.md)"),
        ("[[places/c#Events]]", "[C › Events](places/c.md#events)"),
        ("[[C]]", "[C](places/c.md)"),
        ("[[Bee Note#Nowhere]]", "[Bee Note › Nowhere](b.md)"),
        ("[b](b.md)", "[b](b.md)"),
        ("[web](https://example.org)", "[web](https://example.org)"),
        ("[gone](gone.md)", "[gone](gone.md)"),
        ("[[Big Society]]", '<span class="garden-broken">Big Society</span>'),
        ("\\[[Bee Note]]", "\\[[Bee Note]]"),
        ("`[[Bee Note]]`", "`[[Bee Note]]`"),
        ("<!-- [[Bee Note]] -->", "<!-- [[Bee Note]] -->"),
    ],
)
def test_links_from_a_top_level_note(written, rendered):
    assert render(f"Text {written} text.\n\n## Local\n") == f"Text {rendered} text.\n\n## Local\n"


@pytest.mark.parametrize(
    ("written", "rendered"),
    [
        ("[[Bee Note]]", "[Bee Note](../b.md)"),
        ("[[D]]", "[D](../places/d.md)"),
        ("[[ideas/big-society]]", "[Big society](big-society.md)"),
        ("[[Big Society]]", "[Big Society](big-society.md)"),  # same folder wins
        ("[[Café société]]", "[Café société](../caf%C3%A9%20soci%C3%A9t%C3%A9.md)"),
    ],
)
def test_links_from_a_note_in_a_folder(written, rendered):
    extra = {"café société.md": "Accents and spaces."}
    assert render(written, "ideas/x.md", extra=extra) == rendered + "\n"


@pytest.mark.parametrize(
    ("path", "directory_urls", "href"),
    [
        ("a.md", True, "../wanted/#not-written-yet"),
        ("places/x.md", True, "../../wanted/#not-written-yet"),
        ("index.md", True, "wanted/#not-written-yet"),
        ("a.md", False, "wanted.html#not-written-yet"),
        ("places/x.md", False, "../wanted.html#not-written-yet"),
    ],
)
def test_wanted_links_lead_to_the_wanted_page(path, directory_urls, href):
    config = GardenConfig(directory_urls=directory_urls)
    assert render("[[Not Written Yet|not <yet>]]", path, config) == (
        f'<a class="garden-wanted" href="{href}" title="Not written yet: Not Written Yet">'
        "not &lt;yet&gt;</a>\n")


def test_a_path_form_shows_the_title_escaped_for_a_link_label():
    extra = {"misc/plan.md": "---\ntitle: The [draft] plan\n---\n"}
    assert render("[[misc/plan]]", extra=extra) == "[The \\[draft\\] plan](misc/plan.md)\n"


def test_a_path_form_wanted_link_shows_its_last_part():
    assert render("[[places/Nowhere]]") == (
        '<a class="garden-wanted" href="../wanted/#placesnowhere" '
        'title="Not written yet: places/Nowhere">Nowhere</a>\n')


def test_an_embed_is_rendered_inline():
    assert render(md("""
        Before.

        ![[Bee Note]]

        After.
    """)) == md("""
        Before.

        <div class="garden-embed" markdown="1">

        **[Bee Note](b.md)**

        # Bee {#embed-b-bee}

        Bee body with [C](places/c.md).

        ## Part two {#embed-b-part-two}

        Section text.

        ### Deeper {#embed-b-deeper}

        Still part two.

        ## Part three {#embed-b-part-three}

        More.

        </div>

        After.
    """)


# Embedded headings get ids of their own, so the host's headings keep the ids links expect.
def test_a_section_embed_takes_the_heading_and_its_subsections():
    assert render("![[Bee Note#Part two]]\n") == md("""
        <div class="garden-embed" markdown="1">

        **[Bee Note › Part two](b.md#part-two)**

        Section text.

        ### Deeper {#embed-b-deeper}

        Still part two.

        </div>
    """)


def test_a_section_embed_of_the_last_section_runs_to_the_end():
    assert render("![[Bee Note#Part three|the end]]\n") == md("""
        <div class="garden-embed" markdown="1">

        **[the end](b.md#part-three)**

        More.

        </div>
    """)


def test_links_inside_an_embed_are_relative_to_the_page_it_is_shown_on():
    assert render("![[C]]\n", "people/x.md") == md("""
        <div class="garden-embed" markdown="1">

        **[C](../places/c.md)**

        # C {#embed-placesc-c}

        See [local d](../places/d.md) and [Bee Note](../b.md) and [web](https://example.org).

        ## Events {#embed-placesc-events}

        </div>
    """)


def test_an_embed_inside_a_sentence_is_a_link():
    assert render("Inline ![[Bee Note]] here.\n") == "Inline [Bee Note](b.md) here.\n"


def test_an_embed_of_a_wanted_note_is_a_wanted_link():
    assert render("![[Nobody]]\n") == (
        '<a class="garden-wanted" href="../wanted/#nobody" '
        'title="Not written yet: Nobody">Nobody</a>\n')


def test_an_embed_loop_is_cut_where_it_comes_back():
    files = {"loop/a.md": "A.\n\n![[B]]\n", "loop/b.md": "B.\n\n![[A]]\n"}
    garden, _ = garden_of(files)
    assert render_markdown(garden.notes["loop/a"], garden) == md("""
        A.

        <div class="garden-embed" markdown="1">

        **[B](b.md)**

        B.

        [A](a.md)

        </div>
    """)


def test_a_note_embedding_itself_links_itself():
    assert render("Me.\n\n![[A]]\n") == "Me.\n\n[A](a.md)\n"


@pytest.mark.parametrize(("depth", "embeds"), [(0, 0), (1, 1), (3, 3), (9, 5)])
def test_embeds_nest_only_as_deep_as_configured(depth, embeds):
    files = {f"n{i}.md": f"Level {i}.\n\n![[n{i + 1}]]\n" for i in range(5)}
    files["n5.md"] = "Bottom."
    garden, _ = garden_of(files, GardenConfig(embed_depth=depth))
    assert render_markdown(garden.notes["n0"], garden).count("garden-embed") == embeds


def test_sources_section():
    body = md("""
        ---
        sources:
          - title: "Networking Big Society – or *maybe* [some] <knowledge> gardening"
            url: https://example.org/a page?x=<1>
            date: 2011-05-18
          - title: Second
            url: http://example.org/b
        ---
        Body.
    """)
    assert render(body) == md("""
        Body.

        ## Sources

        1. [Networking Big Society – or \\*maybe\\* \\[some\\] &lt;knowledge&gt; gardening](<https://example.org/a%20page?x=%3C1%3E>) (2011\\-05\\-18)
        2. [Second](<http://example.org/b>)
    """)  # noqa: E501


def test_escape_markdown():
    assert escape_markdown("*a* [b] <c> & `d` #e|f") == (
        "\\*a\\* \\[b\\] &lt;c&gt; &amp; \\`d\\` \\#e&#124;f")


def test_the_wanted_page():
    garden, _ = garden_of({
        "places/stockport.md": "It wants [[Volunteers]]. And [[Community *Organisers*]].",
        "ideas/big-society.md": "---\ntitle: Big Society\n---\n- [[volunteers]] too",
    })
    assert wanted_page_markdown(garden) == md("""
        # Wanted notes

        These notes are linked from the garden, but nobody has written them yet. If you know about one of them, write it: each is an invitation.

        ## Community \\*Organisers\\*

        Wanted by:

        - [Stockport](places/stockport.md) — “And Community Organisers\\.”

        ## volunteers

        Wanted by:

        - [Big Society](ideas/big-society.md) — “volunteers too”
        - [Stockport](places/stockport.md) — “It wants Volunteers\\.”
    """)  # noqa: E501


def test_wanted_anchors_are_the_ids_on_the_rendered_wanted_page():
    links = "[[*Emph*]] [[A & B]] [[a`b`c]] [[Café]] [[Nope!]] [[nope]] [[Tom's <b>]] " \
            "[[Wanted notes]] [[x_y_]] [[日本]] [[1 < 2]]"
    garden, _ = garden_of({"a.md": links})
    html = markdown.markdown(wanted_page_markdown(garden), extensions=["toc"])
    assert re.findall(r'<h2 id="([^"]*)"', html) == [w.anchor for w in garden.wanted]


def test_the_wanted_page_when_nothing_is_wanted():
    garden, _ = garden_of({"a.md": "Nothing wanted."},
                          GardenConfig(wanted_title="Notes to write"))
    assert wanted_page_markdown(garden) == md("""
        # Notes to write

        Every link in the garden leads to a note that exists. Nothing is wanted just now.
    """)


def test_page_meta():
    garden, _ = garden_of({"a.md": "---\ntags: localism\nhide: [toc]\n---\n# Title\n\nIntro."})
    assert page_meta(garden.notes["a"]) == {
        "hide": ["toc"], "title": "Title", "description": "Intro.", "tags": ["localism"],
        "aliases": [], "type": "idea", "status": "seedling",
    }


def test_the_wanted_page_lists_the_first_links_to_a_much_wanted_note() -> None:
    garden, _ = garden_of({f"n{i:02}.md": f"# Note {i:02}\n\nWe need [[Volunteers]]."
                           for i in range(WANTED_BY_LIMIT + 3)})
    page = wanted_page_markdown(garden)
    assert page.count("\n- [Note ") == WANTED_BY_LIMIT
    assert f"[Note {WANTED_BY_LIMIT - 1:02}](n{WANTED_BY_LIMIT - 1:02}.md)" in page
    assert f"[Note {WANTED_BY_LIMIT:02}]" not in page
    assert page.endswith("\n…and 3 more links: run `garden report` to see every note that "
                         "wants it.\n")
