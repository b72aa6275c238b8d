"""What the engine sees of Markdown: code and comments (never links), headings, prose."""

from __future__ import annotations

import pytest

from garden.markup import (
    first_paragraph,
    headings,
    line_col,
    line_starts,
    masks,
    plain_text,
    sentence_around,
    shorten,
    split_wikilink,
    wikilink_text,
)
from helpers_core import md

MASK_CASES = [
    # (name, text containing one [[X]], is [[X]] code or comment?)
    ("plain prose", "See [[X]].", False),
    ("backtick fence", "```\n[[X]]\n```", True),
    ("tilde fence", "~~~\n[[X]]\n~~~", True),
    ("fence with info string", "```python\n[[X]]\n```", True),
    ("after a closed fence", "```\ncode\n```\n[[X]]", False),
    ("longer fence holds a shorter one", "````\n```\n[[X]]\n```\n````", True),
    ("tilde fence holds backticks", "~~~\n```\n~~~\n[[X]]", False),
    ("unclosed fence runs to the end", "text\n\n```\n[[X]]\n", True),
    ("indented fence (up to 3 spaces)", "   ```\n[[X]]\n   ```", True),
    ("backticks with a backtick in the info: a code span", "```a`b\n[[X]]\n```", True),
    ("indented code after a blank line", "Text.\n\n    [[X]]\n", True),
    ("tab-indented code", "Text.\n\n\t[[X]]\n", True),
    ("indented code at the start", "    [[X]]\n", True),
    ("indented code block's later lines", "Text.\n\n    code\n    [[X]]\n", True),
    ("indented line continuing a paragraph", "Text\n    [[X]]\n", False),
    ("indented code right after a heading", "# Title\n    [[X]]\n", True),
    ("indented code right after a setext heading's text", "Title\n    [[X]]\n===\n", False),
    ("list continuation after a blank line", "- item\n\n    [[X]] more\n", False),
    ("list continuation without a blank", "- item\n    [[X]] more\n", False),
    ("ordered list continuation", "1. item\n\n    [[X]] more\n", False),
    ("nested list item", "- item\n    - [[X]]\n", False),
    ("indented code after a list ends", "- item\n\nText.\n\n    [[X]]\n", True),
    ("inline code", "`[[X]]`", True),
    ("after inline code", "`code` [[X]]", False),
    ("double-backtick code holding a backtick", "`` a ` [[X]] ``", True),
    ("double backticks right before", "``code``[[X]]", False),
    ("unmatched backtick", "`open [[X]]", False),
    ("code span does not cross a blank line", "`open\n\n[[X]] `", False),
    ("code span across a line break", "`open\n[[X]]`", True),
    ("escaped backtick is not code", "\\`[[X]]`", False),
    ("HTML comment", "<!-- [[X]] -->", True),
    ("after an HTML comment", "<!-- c --> [[X]]", False),
    ("multi-line HTML comment", "<!--\nold\n[[X]]\n-->", True),
    ("unclosed HTML comment runs to the end", "<!-- [[X]]", True),
    ("comment opener inside code opens nothing", "`<!--` [[X]] `-->`", False),
    ("quote", "> [[X]]", False),
]


@pytest.mark.parametrize(("text", "masked"), [c[1:] for c in MASK_CASES],
                         ids=[c[0] for c in MASK_CASES])
def test_masks(text, masked):
    assert masks(text).covers(text.index("[[X]]")) is masked


def test_masks_spans_are_merged_and_sorted():
    text = "`a` `b`<!-- c -->\n\n```\nd\n```"
    assert masks(text).spans == [(0, 3), (4, 17), (19, len(text))]


HEADING_CASES = [
    # (body, [(level, text, 0-based line, custom id)])
    ("# Title", [(1, "Title", 0, None)]),
    ("## Events ##", [(2, "Events", 0, None)]),
    ("   ### Indented", [(3, "Indented", 0, None)]),
    ("###### Six", [(6, "Six", 0, None)]),
    ("####### Seven", []),
    ("#hashtag", []),
    ("    # code", []),
    ("```\n# code\n```\n## After", [(2, "After", 3, None)]),
    ("<!--\n# hidden\n-->", []),
    ("Title\n=====", [(1, "Title", 0, None)]),
    ("Part\n---", [(2, "Part", 0, None)]),
    ("Para.\n\n---", []),
    ("- item\n---", []),
    ("## With `code` and *emphasis*", [(2, "With code and emphasis", 0, None)]),
    ("## About [[Stockport|the town]]", [(2, "About the town", 0, None)]),
    ("## See [[Stockport#Events]]", [(2, "See Stockport › Events", 0, None)]),
    ("## Custom {#my-id}", [(2, "Custom", 0, "my-id")]),
    ("## Classy { .wide #wide-id }", [(2, "Classy", 0, "wide-id")]),
    ("## Tom &amp; Jerry", [(2, "Tom & Jerry", 0, None)]),
    ("#", [(1, "", 0, None)]),
]


@pytest.mark.parametrize(("body", "expected"), HEADING_CASES)
def test_headings(body, expected):
    assert [(h.level, h.text, h.line, h.custom_id) for h in headings(body)] == expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("Stockport", ("Stockport", None, None)),
        (" Stockport ", ("Stockport", None, None)),
        ("Stockport|the town", ("Stockport", None, "the town")),
        ("Stockport#Events", ("Stockport", "Events", None)),
        ("Stockport#Events|what's on", ("Stockport", "Events", "what's on")),
        ("#Events", ("", "Events", None)),
        ("places/Stockport", ("places/Stockport", None, None)),
        ("Stockport\\|the town", ("Stockport", None, "the town")),
        ("a|b|c", ("a", None, "b|c")),
    ],
)
def test_split_wikilink(inner, expected):
    assert split_wikilink(inner) == expected


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("Stockport", "Stockport"),
        ("Stockport|the town", "the town"),
        ("Stockport#Events", "Stockport › Events"),
        ("#Events", "Events"),
    ],
)
def test_wikilink_text(inner, expected):
    assert wikilink_text(inner) == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("plain words", "plain words"),
        ("*em* and **strong** and ***both***", "em and strong and both"),
        ("_em_ and __strong__", "em and strong"),
        ("snake_case_name", "snake_case_name"),
        ("trailing_ underscore", "trailing_ underscore"),
        ("a lone _ underscore", "a lone _ underscore"),
        ("`code` span", "code span"),
        ("`` a ` b ``", "a ` b"),
        ("a [link](x.md) and ![an image](p.png)", "a link and an image"),
        ("[[Stockport]] and [[Stockport|town]] and ![[Embed]]", "Stockport and town and"),
        ("<b>bold</b> <span class='x'>tag</span>", "bold tag"),
        ("1 < 2 > 0", "1 < 2 > 0"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("5 \\* 3 \\_ 2", "5 * 3 _ 2"),
        ("\\*not emphasis\\*", "*not emphasis*"),
        ("==marked== and ~~gone~~", "marked and gone"),
        ("  many\n  lines  ", "many lines"),
    ],
)
def test_plain_text(markdown, expected):
    assert plain_text(markdown) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("First para\ncontinues.\n\nSecond.", "First para continues."),
        ("# Title\n\nThe intro.", "The intro."),
        ("# Title\nThe intro.", "The intro."),
        ("Title\n=====\n\nThe intro.", "The intro."),
        ("Part\n----\nThe intro.", "The intro."),
        ("```\ncode\n```\n\nAfter code.", "After code."),
        ("    indented code\n\nProse.", "Prose."),
        ("- a list\n- item\n\nProse.", "Prose."),
        ("| a | b |\n\n> quote\n\nProse.", "Prose."),
        ("<div>html</div>\n\n![img](p.png)\n\nProse with [[Link|a link]].", "Prose with a link."),
        ("", ""),
    ],
)
def test_first_paragraph(body, expected):
    assert first_paragraph(body) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 160, "short"),
        ("one two three four", 18, "one two three four"),
        ("one two three four", 12, "one two…"),
        ("one, two, three", 11, "one, two…"),
    ],
)
def test_shorten(text, limit, expected):
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


SENTENCE_CASES = [
    # (text, the link to find, its sentence)
    ("First. Then [[X]] here. Last.", "[[X]]", "Then X here."),
    ("See [[Mr. Smith]] today. Next.", "[[Mr. Smith]]", "See Mr. Smith today."),
    ("Go [there](a.b.md) now! Yes.", "[there](a.b.md)", "Go there now!"),
    ("Para one.\n\nPara [[X]] two", "[[X]]", "Para X two"),
    ("Intro:\n- first [[X]] item\n- second", "[[X]]", "first X item"),
    ("| [[X|x]] | cell |\n| a | b |", "[[X|x]]", "x cell"),
    ("## Heading with [[X]]\n\nText.", "[[X]]", "Heading with X"),
    ("Is it [[X]]? Maybe.", "[[X]]", "Is it X?"),
    ("A line\nwraps [[X]] here.", "[[X]]", "A line wraps X here."),
]


@pytest.mark.parametrize(("text", "link", "expected"), SENTENCE_CASES)
def test_sentence_around(text, link, expected):
    start = text.index(link)
    assert sentence_around(text, start, start + len(link)) == expected


def test_sentence_around_is_shortened():
    text = "Before [[X]] " + "word " * 100
    assert sentence_around(text, 7, 12, limit=40) == "Before X word word word word word word…"


def test_line_col():
    text = md("""
        one
        two [[X]]

        four
    """)
    offsets = line_starts(text)
    assert line_col(offsets, 0) == (0, 1)
    assert line_col(offsets, text.index("[[X]]")) == (1, 5)
    assert line_col(offsets, text.index("four")) == (3, 1)
