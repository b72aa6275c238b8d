"""Links as written: every form in DESIGN's table, where it stands, and what is not a link."""

from __future__ import annotations

import pytest

from garden.links import LinkKind, extract_links
from garden.slugs import NoteId
from helpers_core import md, note_of

WIKI, EMBED, MARKDOWN = LinkKind.WIKILINK, LinkKind.EMBED, LinkKind.MARKDOWN

LINK_FORMS = [
    # (written in notes/places/stockport.md, kind, target, anchor, label)
    ("[[Your Square Mile]]", WIKI, "Your Square Mile", None, None),
    ("[[Your Square Mile|the plan]]", WIKI, "Your Square Mile", None, "the plan"),
    ("[[Stockport#Events]]", WIKI, "Stockport", "Events", None),
    ("[[Stockport#Events|what's on]]", WIKI, "Stockport", "Events", "what's on"),
    ("[[#Events]]", WIKI, "", "Events", None),
    ("[[places/Stockport]]", WIKI, "places/Stockport", None, None),
    ("![[Your Square Mile]]", EMBED, "Your Square Mile", None, None),
    ("![[Stockport#Events]]", EMBED, "Stockport", "Events", None),
    ("[the plan](your-square-mile.md)", MARKDOWN, "places/your-square-mile.md", None, "the plan"),
    ("[up](../ideas/big-society.md)", MARKDOWN, "ideas/big-society.md", None, "up"),
    ("[events](stockport.md#events)", MARKDOWN, "places/stockport.md", "events", "events"),
    ("[plan](Your%20Square%20Mile.md)", MARKDOWN, "places/Your Square Mile.md", None, "plan"),
    ("[plan](<Your Square Mile.md>)", MARKDOWN, "places/Your Square Mile.md", None, "plan"),
    ('[plan](your-square-mile.md "The plan")', MARKDOWN, "places/your-square-mile.md", None,
     "plan"),
    ("[été](%C3%A9t%C3%A9.md#f%C3%AAte)", MARKDOWN, "places/été.md", "fête", "été"),
    ("[shout](LOUD.MD)", MARKDOWN, "places/LOUD.MD", None, "shout"),
]


@pytest.mark.parametrize(("written", "kind", "target", "anchor", "label"), LINK_FORMS)
def test_link_forms(written, kind, target, anchor, label):
    (link,) = extract_links(NoteId("places/stockport"), f"See {written} now.")
    assert (link.kind, link.target, link.anchor, link.label) == (kind, target, anchor, label)
    assert link.raw == written
    assert (link.line, link.col) == (1, 5)
    assert link.is_embed is (kind is EMBED)


@pytest.mark.parametrize(
    "written",
    [
        "[web](https://example.org/page.md)",
        "[mail](mailto:someone@example.org)",
        "[anchor](#events)",
        "[root](/absolute.md)",
        "![image](picture.md)",
        "\\[[Escaped]]",
        "!\\[[Escaped embed]]",
        "[[]]",
        "[[broken\nacross lines]]",
        "`[[In code]]`",
        "<!-- [[In a comment]] -->",
        "[text][reference]",
    ],
)
def test_not_note_links(written):
    assert extract_links(NoteId("a"), f"Text {written} text.") == ()


def test_escaped_bang_leaves_a_plain_link():
    (link,) = extract_links(NoteId("a"), "Not an embed: \\![[Note]].")
    assert (link.kind, link.raw, link.col) == (WIKI, "[[Note]]", 17)


def test_escaped_backslash_does_not_escape_the_link():
    (link,) = extract_links(NoteId("a"), "A backslash \\\\[[Note]].")
    assert (link.kind, link.col) == (WIKI, 15)


def test_links_inside_code_are_text():
    body = md("""
        Real [[One]].

        ```
        [[Fenced]]
        ```

        ~~~
        [[Tilde]]
        ~~~

            [[Indented]]

        Inline `[[Code]]` and ``[[Double `ticks`]]`` and <!-- [[Comment]] -->.

        <!--
        [[Multi-line comment]]
        -->

        - a list item

            [[Continued]] is in the list, not code.
    """)
    assert [link.target for link in extract_links(NoteId("a"), body)] == ["One", "Continued"]


def test_positions_count_the_front_matter():
    note, _ = note_of("""
        ---
        title: Stockport
        tags: [places]
        ---

        Stockport is a town. It ran [[Your Square Mile]] events.
        See also ![[Big Society#Origins|the start]], and
        [the plan](ysm.md) with [[#Events]].
    """, "places/stockport.md")
    assert [(link.raw, link.line, link.col) for link in note.links] == [
        ("[[Your Square Mile]]", 6, 29),
        ("![[Big Society#Origins|the start]]", 7, 10),
        ("[the plan](ysm.md)", 8, 1),
        ("[[#Events]]", 8, 25),
    ]
    assert all(link.source == "places/stockport" for link in note.links)


def test_positions_without_front_matter():
    note, _ = note_of("Line one.\n\n  Two [[A]] and [[B]].\n")
    assert [(link.line, link.col) for link in note.links] == [(3, 7), (3, 17)]


@pytest.mark.parametrize(
    "text",
    [
        "---\r\ntitle: T\r\n---\r\nLine.\r\nSee [[A]].\r\n",
        "---\rtitle: T\r---\rLine.\rSee [[A]].\r",
        "\ufeff---\ntitle: T\n---\nLine.\nSee [[A]].\n",
    ],
    ids=["CRLF", "CR", "BOM"],
)
def test_positions_survive_line_endings_and_bom(text):
    note, issues = note_of(text)
    assert issues == []
    assert [(link.line, link.col) for link in note.links] == [(5, 5)]


def test_body_line_offsets_extracted_positions():
    (link,) = extract_links(NoteId("a"), "x\n\nsee [[B]]", body_line=10)
    assert (link.line, link.col) == (12, 5)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("First. Then [[X]] here. Last.", "Then X here."),
        ("It is [[X|a plan]]! Yes.", "It is a plan!"),
        ("- one item with [[X]]\n- another", "one item with X"),
        ("| [[X\\|the cell]] | other cell |", "the cell other cell"),
        ("![[X]]", ""),
    ],
)
def test_link_context_is_its_sentence(body, expected):
    (link,) = extract_links(NoteId("a"), body)
    assert link.context == expected


@pytest.mark.parametrize(
    ("body", "alone"),
    [
        ("![[X]]", True),
        ("Intro.\n\n  ![[X]]  \n\nMore.", True),
        ("Inline ![[X]] embed.", False),
    ],
)
def test_alone_on_line(body, alone):
    (link,) = extract_links(NoteId("a"), body)
    assert link.alone_on_line is alone


def test_links_come_in_text_order():
    body = "[b](b.md) [[A]] ![[C]] [d](d.md)"
    assert [link.raw for link in extract_links(NoteId("x"), body)] == [
        "[b](b.md)", "[[A]]", "![[C]]", "[d](d.md)"]



@pytest.mark.parametrize(
    ("written", "kind", "target", "dest"),
    [
        ("[file](report.pdf)", MARKDOWN, "places/report.pdf", "report.pdf"),
        ("[page](Other%20page)", MARKDOWN, "places/Other page", "Other page"),
        ("![image](picture.png)", LinkKind.IMAGE, "places/picture.png", "picture.png"),
        ("![a|300](../img/p.png)", LinkKind.IMAGE, "img/p.png", "../img/p.png"),
    ],
)
def test_markdown_links_to_files_and_notes_without_md(written, kind, target, dest):
    (link,) = extract_links(NoteId("places/stockport"), f"Text {written} text.")
    assert (link.kind, link.target, link.dest) == (kind, target, dest)
