"""Which note a link points at: precedence, the nearest-folder rule, wanted notes, anchors."""

from __future__ import annotations

import re

import markdown
import pytest
from pymdownx.slugs import slugify as pymdownx_slugify

from garden.config import GardenConfig
from garden.render import render_markdown
from garden.resolve import Status, nearest
from garden.slugs import NoteId
from helpers_core import garden_of

RESOLVED, WANTED, AMBIGUOUS, BROKEN = (
    Status.RESOLVED, Status.WANTED, Status.AMBIGUOUS, Status.BROKEN)
OTHER = Status.OTHER


def resolve_all(files, source, config=None):
    """{raw link: (status, target, anchor)} for every link of `source`."""
    garden, _ = garden_of(files, config)
    return {r.link.raw: (r.status, r.target, r.anchor) for r in garden.resolutions[source]}


def resolve_one(files, source, config=None):
    (result,) = resolve_all(files, source, config).values()
    return result


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("[[Your Square Mile]]", "initiatives/your-square-mile"),  # title
        ("[[your-square-mile]]", "initiatives/your-square-mile"),  # file name
        ("[[YOUR_SQUARE_MILE]]", "initiatives/your-square-mile"),  # normalised
        ("[[your square mile.md]]", "initiatives/your-square-mile"),
        ("[[YSM]]", "initiatives/your-square-mile"),  # alias
        ("[[initiatives/your-square-mile]]", "initiatives/your-square-mile"),  # path form
        ("[[Initiatives/Your Square Mile]]", "initiatives/your-square-mile"),
        ("[[initiatives/your-square-mile.md]]", "initiatives/your-square-mile"),
    ],
)
def test_a_note_is_reached_by_title_file_name_alias_and_path(link, expected):
    files = {
        "initiatives/your-square-mile.md": "---\ntitle: Your Square Mile\naliases: [YSM]\n---\n",
        "index.md": link,
    }
    assert resolve_one(files, "index") == (RESOLVED, expected, None)


def test_path_form_outranks_names():
    files = {
        "places/stockport.md": "The town.",
        "misc/odd.md": "---\ntitle: places/Stockport\n---\n",
        "index.md": "[[places/Stockport]]",
    }
    assert resolve_one(files, "index") == (RESOLVED, "places/stockport", None)


def test_a_title_with_a_slash_is_still_reached_when_no_path_matches():
    files = {"music/acdc.md": "---\ntitle: AC/DC\n---\n", "index.md": "[[AC/DC]]"}
    assert resolve_one(files, "index") == (RESOLVED, "music/acdc", None)


def test_a_bare_name_is_not_a_path_form():
    """The documented deviation: `[[Stockport]]` from `places/` reaches `places/stockport` by the
    folder rule, although `stockport` is also the path of the top-level note."""
    files = {
        "stockport.md": "Top level.",
        "places/stockport.md": "The town.",
        "places/mill.md": "[[Stockport]]",
        "index.md": "[[Stockport]]",
    }
    assert resolve_one(files, "places/mill") == (RESOLVED, "places/stockport", None)
    assert resolve_one(files, "index") == (RESOLVED, "stockport", None)


def test_names_outrank_aliases():
    files = {
        "big-society.md": "---\ntitle: Big Society\n---\n",
        "ideas/localism.md": "---\naliases: [Big Society, Localism Act]\n---\n",
        "ideas/other.md": "[[Big Society]] [[Localism Act]]",
    }
    assert resolve_all(files, "ideas/other") == {
        "[[Big Society]]": (RESOLVED, "big-society", None),
        "[[Localism Act]]": (RESOLVED, "ideas/localism", None),
    }


def test_a_file_name_and_another_notes_title_are_the_same_level():
    files = {
        "ysm.md": "---\ntitle: Your Square Mile\n---\n",
        "your-square-mile.md": "---\ntitle: Something Else\n---\n",
        "index.md": "[[Your Square Mile]]",
    }
    garden, _ = garden_of(files)
    (res,) = garden.resolutions["index"]
    assert (res.status, res.candidates) == (AMBIGUOUS, ("your-square-mile", "ysm"))


def test_two_aliases_alike_are_ambiguous():
    files = {
        "a/one.md": "---\naliases: [BSN]\n---\n",
        "b/two.md": "---\naliases: [bsn]\n---\n",
        "index.md": "[[BSN]]",
    }
    garden, _ = garden_of(files)
    (res,) = garden.resolutions["index"]
    assert (res.status, res.candidates) == (AMBIGUOUS, ("a/one", "b/two"))


NEAREST_FILES = {
    "ideas/big-society.md": "",
    "policy/big-society.md": "",
    "policy/local/big-society.md": "",
    "places/north/big-society.md": "",
    "places/south/big-society.md": "",
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("ideas/x", "ideas/big-society"),  # same folder wins
        ("policy/x", "policy/big-society"),  # same folder, though a subfolder has one too
        ("policy/local/x", "policy/local/big-society"),
        ("policy/local/deeper/x", "policy/local/big-society"),  # nearest folder above
        ("policy/other/x", "policy/big-society"),
        ("places/x", None),  # two cousins below: ambiguous
        ("x", None),  # nothing at the top, five below
    ],
)
def test_nearest_folder_rule(source, expected):
    candidates = [NoteId(path[:-3]) for path in NEAREST_FILES]
    assert nearest(NoteId(source), sorted(candidates)) == expected


def test_nearest_with_one_candidate_is_that_candidate():
    assert nearest(NoteId("far/away/x"), [NoteId("elsewhere/y")]) == "elsewhere/y"


def test_nearest_folder_rule_through_the_garden():
    files = {**NEAREST_FILES, "policy/local/deeper/x.md": "[[Big Society]]",
             "places/x.md": "[[big society]]"}
    garden, _ = garden_of(files)
    (deeper,) = garden.resolutions["policy/local/deeper/x"]
    (cousins,) = garden.resolutions["places/x"]
    assert (deeper.status, deeper.target) == (RESOLVED, "policy/local/big-society")
    assert (cousins.status, cousins.candidates) == (AMBIGUOUS, tuple(sorted(
        path[:-3] for path in NEAREST_FILES)))


@pytest.mark.parametrize(
    ("link", "key"),
    [
        ("[[Not Written Yet]]", "not written yet"),
        ("[[not-written_yet.md]]", "not written yet"),
        ("[[Not Written Yet#Some Heading]]", "not written yet"),
        ("![[Missing Embed]]", "missing embed"),
        ("[[places/nowhere]]", "places/nowhere"),
    ],
)
def test_no_match_is_a_wanted_note(link, key):
    garden, issues = garden_of({"index.md": link})
    (res,) = garden.resolutions["index"]
    assert (res.status, res.target, res.wanted_key) == (WANTED, None, key)
    assert issues == []


def test_drafts_are_checked_but_never_link_targets():
    files = {
        "draft.md": "---\ntitle: Secret Plan\ndraft: true\n---\nLinks to [[Public]].\n",
        "public.md": "[[Secret Plan]] [[draft]]",
    }
    garden, _ = garden_of(files)
    assert [(r.status, r.target) for r in garden.resolutions["public"]] == [
        (WANTED, None), (WANTED, None)]
    assert [(r.status, r.target) for r in garden.resolutions["draft"]] == [(RESOLVED, "public")]


def test_a_draft_does_not_make_a_link_ambiguous():
    files = {
        "a/plan.md": "---\ndraft: true\n---\n",
        "b/plan.md": "",
        "index.md": "[[Plan]]",
    }
    assert resolve_one(files, "index") == (RESOLVED, "b/plan", None)


STOCKPORT = """\
# Stockport

## Events

## Événements à Stockport

## Events

## Custom {#my-id}
"""


@pytest.mark.parametrize(
    ("link", "anchor"),
    [
        ("[[Stockport#Events]]", "events"),  # the first of two alike
        ("[[Stockport#events]]", "events"),
        ("[[Stockport#EVENTS]]", "events"),
        ("[[Stockport#events_1]]", "events_1"),  # by the id itself
        ("[[Stockport#Événements à Stockport]]", "evenements-a-stockport"),
        ("[[Stockport#Custom]]", "my-id"),
        ("[[Stockport#my-id]]", "my-id"),
        ("[[Stockport]]", None),
    ],
)
def test_heading_anchors(link, anchor):
    files = {"places/stockport.md": STOCKPORT, "index.md": link}
    assert resolve_one(files, "index") == (RESOLVED, "places/stockport", anchor)


@pytest.mark.parametrize(
    ("link", "anchor"),
    [
        ("[[Stockport#Événements à Stockport]]", "événements-à-stockport"),
        ("[[Stockport#événements-à-stockport]]", "événements-à-stockport"),
        ("[[Stockport#Events]]", "events"),
    ],
)
def test_heading_anchors_with_a_unicode_slugify(link, anchor):
    config = GardenConfig(slugify=pymdownx_slugify(case="lower"))
    files = {"places/stockport.md": STOCKPORT, "index.md": link}
    assert resolve_one(files, "index", config) == (RESOLVED, "places/stockport", anchor)


def test_a_heading_of_the_same_note():
    files = {"a.md": "[[#Later On]] and [[#Nowhere]]\n\n## Later on\n"}
    garden, _ = garden_of(files)
    assert [(r.status, r.target, r.anchor, r.anchor_missing)
            for r in garden.resolutions["a"]] == [
        (RESOLVED, "a", "later-on", False), (RESOLVED, "a", None, True)]


def test_a_missing_heading_still_links_the_note():
    garden, _ = garden_of({"places/stockport.md": STOCKPORT, "index.md": "[[Stockport#Parks]]"})
    (res,) = garden.resolutions["index"]
    assert (res.status, res.target, res.anchor, res.anchor_missing) == (
        RESOLVED, "places/stockport", None, True)


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("[s](places/stockport.md)", (RESOLVED, "places/stockport", None)),
        ("[s](places/stockport.md#events)", (RESOLVED, "places/stockport", "events")),
        # As in Obsidian: paths compare like names, and a bare file name is found anywhere.
        ("[s](places/Stockport.md)", (RESOLVED, "places/stockport", None)),
        ("[s](stockport.md)", (RESOLVED, "places/stockport", None)),
        ("[s](places/stockport)", (RESOLVED, "places/stockport", None)),
        ("[s](Stockport#Events)", (RESOLVED, "places/stockport", "events")),
        ("[s](../stockport.md)", (BROKEN, None, None)),
        ("[s](nowhere.md)", (BROKEN, None, None)),
        ("[s](nowhere)", (OTHER, None, None)),
    ],
)
def test_markdown_links_resolve_by_path(link, expected):
    files = {"places/stockport.md": STOCKPORT, "index.md": link}
    assert resolve_one(files, "index") == expected


def test_markdown_link_from_a_subfolder():
    files = {"places/stockport.md": "", "ideas/x.md": "[s](../places/stockport.md)"}
    assert resolve_one(files, "ideas/x") == (RESOLVED, "places/stockport", None)


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("[[ ]]", (BROKEN, None, None)),
        ("[[|label]]", (BROKEN, None, None)),
        ("[[ #]]", (RESOLVED, "a", None)),  # `#` with no heading: the note itself
    ],
)
def test_empty_links(link, expected):
    assert resolve_one({"a.md": link}, "a") == expected


# Heading texts whose ids must be the ones MkDocs' toc gives the rendered page.
TOC_HEADINGS = [
    "Events", "Events", "Café & Co", "Use `code` here", "*Emph* and **bold**",
    "A [link](b.md)", "See [[B|bee]]", "About [[B]]", "Custom {#my-id}",
    "Tom's <b>bold</b>", "1 < 2 > 0", "Ampersand &amp; entity", "Unicode 日本", "",
    "Trailing hashes ##", "snake_case_word", "Under_score_", "a \\* b", "Em—dash",
    "Quote \"x\"", "Dots... and more", "__init__ files",
]


@pytest.mark.parametrize(
    "slugify",
    [None, pymdownx_slugify(case="lower")],
    ids=["default", "pymdownx"],
)
def test_heading_ids_are_the_ids_on_the_rendered_page(slugify):
    toc = {"slugify": slugify} if slugify else {}
    config = GardenConfig(slugify=slugify) if slugify else GardenConfig()
    body = "\n\n".join(f"## {h}" for h in TOC_HEADINGS) + "\n\nSetext\n------\n"
    garden, _ = garden_of({"a.md": body, "b.md": "B."}, config)
    page = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html"],
                             extension_configs={"toc": toc})
    html = page.convert(render_markdown(garden.notes["a"], garden))
    assert list(garden.resolver.heading_ids(NoteId("a"))) == re.findall(r'<h\d id="([^"]*)"',
                                                                       html)
