"""Link problems, worded the way DESIGN's Messages section shows them."""

from __future__ import annotations

import pytest

from garden.check import check
from garden.config import GardenConfig
from helpers_core import garden_of, messages

BIG_SOCIETY = {
    "ideas/big-society.md": "---\ntitle: Big Society\n---\n",
    "policy/big-society.md": "---\ntitle: Big Society\n---\n",
}


def problems(files, config=None):
    garden, _ = garden_of(files, config)
    return messages(check(garden))


def test_ambiguous_link_message_is_designs():
    files = {**BIG_SOCIETY, "x.md": "Intro line.\n\nThe [[Big Society]] idea.\n"}
    assert problems(files) == [
        "notes/x.md:3:5: error: [[Big Society]] matches 2 notes: notes/ideas/big-society.md, "
        "notes/policy/big-society.md — write [[ideas/big-society]] or [[policy/big-society]] "
        "to pick one"]


def test_ambiguous_message_uses_the_configured_notes_folder_and_the_raw_link():
    files = {**BIG_SOCIETY, "x.md": "---\ntitle: X\n---\n![[big-society#Origins|o]]"}
    assert problems(files, GardenConfig(notes_label="docs")) == [
        "docs/x.md:4:1: error: ![[big-society#Origins|o]] matches 2 notes: "
        "docs/ideas/big-society.md, docs/policy/big-society.md — write [[ideas/big-society]] "
        "or [[policy/big-society]] to pick one"]


def test_the_path_form_suggested_resolves():
    files = {**BIG_SOCIETY, "x.md": "[[ideas/big-society]] [[policy/big-society]]"}
    assert problems(files) == []


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("[p](places/stockprot.md)",
         "[p](places/stockprot.md) links to notes/places/stockprot.md, which does not exist — "
         "did you mean 'places/stockport.md'?"),
        ("[p](zzz.md)",
         "[p](zzz.md) links to notes/zzz.md, which does not exist — check the file name, "
         "or link to the note by its title, like [[Your Square Mile]]"),
        ("[p](../outside.md)",
         "[p](../outside.md) points outside the notes folder — link to a note inside it"),
        ("[[ ]]",
         "[[ ]] has no target — write a note's title between the brackets, like "
         "[[Your Square Mile]]"),
        ("[[|label]]",
         "[[|label]] has no target — write a note's title between the brackets, like "
         "[[Your Square Mile]]"),
    ],
)
def test_broken_links_are_errors(written, message):
    files = {"places/stockport.md": "Town.", "x.md": f"See {written}."}
    assert problems(files) == [f"notes/x.md:1:5: error: {message}"]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("[[Stockport#Event]]", "did you mean 'Events'?"),
        ("[[Stockport#Parks]]", "its headings are: Stockport, Events, History"),
        ("[p](places/stockport.md#parks)", "its headings are: Stockport, Events, History"),
        ("[[Bare#Parks]]", "it has no headings, so link to the note itself, without #Parks"),
    ],
)
def test_a_missing_heading_is_a_warning(written, hint):
    files = {
        "places/stockport.md": "# Stockport\n\n## Events\n\n## History\n",
        "bare.md": "No headings.",
        "x.md": f"See {written}.",
    }
    target = "notes/bare.md" if "Bare" in written else "notes/places/stockport.md"
    anchor = written.split("#")[1].rstrip("])")
    assert problems(files) == [
        f"notes/x.md:1:5: warning: {written}: {target} has no heading '{anchor}' — {hint}"]


def test_a_missing_heading_of_the_same_note():
    assert problems({"x.md": "[[#Later]]\n\n## Late\n"}) == [
        "notes/x.md:1:1: warning: [[#Later]]: notes/x.md has no heading 'Later' — "
        "did you mean 'Late'?"]


def test_wanted_links_are_not_problems():
    assert problems({"x.md": "[[Not Written Yet]] and ![[Also Not]]"}) == []


def test_embed_loops_are_errors():
    files = {
        "a.md": "---\ntitle: Alpha\n---\n![[B]]\n",
        "b.md": "---\ntitle: Beta\n---\nText.\n\n![[Alpha|the first]]\n",
        "me.md": "![[Me]]",
    }
    assert problems(files) == [
        "notes/a.md:4:1: error: ![[B]] makes a loop of notes shown inside each other (Alpha → "
        "Beta → Alpha), which would never end — write a plain link without the !, [[B]], instead",
        "notes/me.md:1:1: error: ![[Me]] makes a loop of notes shown inside each other (Me → "
        "Me), which would never end — write a plain link without the !, [[Me]], instead",
    ]


def test_drafts_are_checked():
    files = {**BIG_SOCIETY, "draft.md": "---\ndraft: true\n---\n[[Big Society]]"}
    assert [m.split(": error:")[0] for m in problems(files)] == ["notes/draft.md:4:1"]


def test_a_markdown_link_to_a_draft_says_it_is_a_draft():
    files = {"plan.md": "---\ndraft: true\n---\nSecret.", "x.md": "See [the plan](plan.md)."}
    assert problems(files) == [
        "notes/x.md:1:5: error: [the plan](plan.md) links to notes/plan.md, which is a draft "
        "(draft: true) and is not published — publish it, or link to it once it is"]


def test_a_clean_garden_has_no_problems():
    files = {
        "places/stockport.md": "# Stockport\n\n## Events\n\nSee [[Your Square Mile]].",
        "initiatives/ysm.md": "---\ntitle: Your Square Mile\naliases: [YSM]\n---\n"
                              "In [[Stockport#Events]], see [home](../places/stockport.md).",
    }
    assert problems(files) == []
