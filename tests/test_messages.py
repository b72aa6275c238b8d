"""The exact words of the messages contributors meet most often. Each says what is wrong, where
(file:line:column), and what to type instead, without programmers' words. Change a wording here
on purpose only, and keep to the rules in garden/README.md ("Wording of messages")."""

from __future__ import annotations

import pytest

from helpers_core import garden_of, messages

TYPES = "idea, practice, organisation, initiative, policy, event, place, person, resource"
SOURCE_HOW = ("write each source as a line - title: \"The page's title\", then url: https://… "
              "and date: \"2011-05-18\" on lines of their own, two spaces further in")
OTHER = {"other.md": "---\ntitle: Other\n---\nSee [[Note]].\n"}

CASES = {
    "type-typo": (
        "---\ntitle: Note\ntype: organization\n---\nSee [[Other]].\n",
        "notes/note.md:3:7: error: 'organization' is not a note type — did you mean "
        f"'organisation'? use one of: {TYPES}",
    ),
    "status-typo": (
        "---\ntitle: Note\nstatus: budd\n---\nSee [[Other]].\n",
        "notes/note.md:3:9: error: 'budd' is not a growth stage — did you mean 'budding'? use "
        "one of: seedling, budding, evergreen",
    ),
    "key-typo": (
        "---\ntitle: Note\ntag: [localism]\n---\nSee [[Other]].\n",
        "notes/note.md:3:1: warning: 'tag' is not a front-matter key the garden knows — did you "
        "mean 'tags'?",
    ),
    "colon-in-title": (
        "---\ntitle: Big Society: a plan\n---\nSee [[Other]].\n",
        "notes/note.md:2:19: error: a colon (:) here can't be read — if the value contains a "
        "colon, put the whole value in quotes, like title: \"Big Society: a plan\"; otherwise "
        "check that this line starts as far left as the lines above it, and that the line above "
        "has a colon after its name",
    ),
    "unclosed-quote": (
        "---\ntitle: \"Big Society\ntype: idea\n---\nSee [[Other]].\n",
        "notes/note.md:2:8: error: the quotation mark that opens the value here is never closed "
        "— add the closing quote at the end of the value, on the same line",
    ),
    "unclosed-list": (
        "---\ntitle: Note\ntags: [localism, neighbourhoods\n---\nSee [[Other]].\n",
        "notes/note.md:3:7: error: the list in square brackets is not closed — end it with ] on "
        "the same line, like tags: [localism, neighbourhoods]",
    ),
    "tab": (
        "---\ntitle: Note\n\ttype: idea\n---\nSee [[Other]].\n",
        "notes/note.md:3:1: error: there is a tab here — use spaces, not tabs, in the front "
        "matter",
    ),
    "source-not-lined-up": (
        "---\ntitle: Note\nsources:\n  - title: A report\n  url: https://example.org\n---\n"
        "See [[Other]].\n",
        "notes/note.md:5:3: error: this line is not lined up with the lines above it — check "
        "the spaces at the start of the line: in sources, each entry starts with - title: and "
        "its url: and date: lines start two spaces further in",
    ),
    "missing-colon": (
        "---\ntitle: Note\ndescription A note\n---\nSee [[Other]].\n",
        "notes/note.md:3:19: error: this line has no colon (:) — write it as name: value, like "
        "type: idea; a list item needs a space after its dash, like - localism",
    ),
    "value-starts-with-at": (
        "---\ntitle: @home\n---\nSee [[Other]].\n",
        "notes/note.md:2:8: error: a value can't start with @ — put the value in quotes, like "
        "title: \"@home\"",
    ),
    "apostrophe-in-single-quotes": (
        "---\ntitle: 'It's ours'\n---\nSee [[Other]].\n",
        "notes/note.md:2:12: error: there is more text after the closing quote — put the whole "
        "value in double quotes, like title: \"It's our square mile\"",
    ),
    "not-a-date": (
        "---\ntitle: Note\nsources:\n  - title: A report\n    url: https://example.org\n"
        "    date: 2011-13-01\n---\nSee [[Other]].\n",
        "notes/note.md:6:11: error: 2011-13-01 is not a real date (month must be in 1..12) — "
        "write the date as year-month-day in quotes, like date: \"2011-05-18\"",
    ),
    "front-matter-unclosed": (
        "---\ntitle: Note\nSee [[Other]].\n",
        "notes/note.md:1:1: error: the front matter that starts with --- here has no closing --- "
        "line — add a line with just --- after its last name: value line, before the text of the "
        "note",
    ),
    "front-matter-not-lines": (
        "---\njust some words\n---\nSee [[Other]].\n",
        "notes/note.md:2:1: error: the front matter must be name: value lines, like title: Your "
        "Square Mile, but here it is a piece of text — write each line as name: value",
    ),
    "title-yes-no": (
        "---\ntitle: No\n---\nSee [[Other]].\n",
        "notes/note.md:2:8: error: 'title' must be a piece of text, but No on its own is read as "
        "yes or no — put it in quotes: title: \"No\"",
    ),
    "alias-yes-no": (
        "---\ntitle: Northern Organising\naliases: [NO, North]\n---\nSee [[Other]].\n",
        "notes/note.md:3:11: error: each of the aliases must be a word or a few words, but NO on "
        "its own is read as yes or no — put it in quotes: \"NO\"",
    ),
    "title-a-list": (
        "---\ntitle: [a, b]\n---\nSee [[Other]].\n",
        "notes/note.md:2:8: error: 'title' must be a piece of text, not a list — write it in "
        "quotes on the same line, like title: \"Your Square Mile\"",
    ),
    "tags-nested": (
        "---\ntitle: Note\ntags: [[localism]]\n---\nSee [[Other]].\n",
        "notes/note.md:3:8: error: each of the tags must be a word or a few words, not a list — "
        "write them in square brackets, like tags: [localism, neighbourhoods]",
    ),
    "draft-not-yes-no": (
        "---\ntitle: Note\ndraft: maybe\n---\nSee [[Other]].\n",
        "notes/note.md:3:8: error: 'draft' must be true or false — write draft: true to keep the "
        "note out of the site, or draft: false",
    ),
    "sources-not-a-list": (
        "---\ntitle: Note\nsources: https://example.org\n---\nSee [[Other]].\n",
        f"notes/note.md:3:10: error: 'sources' must be a list, one entry per source — {SOURCE_HOW}",
    ),
    "source-without-url": (
        "---\ntitle: Note\nsources:\n  - title: A report\n---\nSee [[Other]].\n",
        "notes/note.md:4:5: error: this source has no url — every source needs both: "
        f"{SOURCE_HOW}",
    ),
    "source-url-without-https": (
        "---\ntitle: Note\nsources:\n  - title: A report\n    url: www.example.org\n---\n"
        "See [[Other]].\n",
        "notes/note.md:4:5: error: the source url 'www.example.org' must start with https:// or "
        "http:// — copy the whole address from your browser's address bar",
    ),
    "empty-note": (
        "",
        "notes/note.md:1:1: error: this note is empty — write a few sentences (see the note "
        "template in CONTRIBUTING.md), or delete the file",
    ),
    "markdown-link-to-nothing": (
        "---\ntitle: Note\n---\nSee [[Other]] and [this](zzz-gone.md).\n",
        "notes/note.md:4:19: error: [this](zzz-gone.md) links to notes/zzz-gone.md, which does not "
        "exist — check the file name, or link to the note by its title, like "
        "[[Your Square Mile]]",
    ),
    "empty-link": (
        "---\ntitle: Note\n---\nSee [[Other]] and [[ ]].\n",
        "notes/note.md:4:19: error: [[ ]] has no target — write a note's title between the "
        "brackets, like [[Your Square Mile]]",
    ),
    "missing-heading": (
        "---\ntitle: Note\n---\nSee [[Other#Events]].\n",
        "notes/note.md:4:5: warning: [[Other#Events]]: notes/other.md has no heading 'Events' — "
        "it has no headings, so link to the note itself, without #Events",
    ),
    "embed-loop": (
        "---\ntitle: Note\n---\n![[Other]]\n",
        "notes/note.md:4:1: error: ![[Other]] makes a loop of notes shown inside each other "
        "(Note → Other → Note), which would never end — write a plain link without the !, "
        "[[Other]], instead",
    ),
}


@pytest.mark.parametrize(("text", "message"), list(CASES.values()), ids=list(CASES))
def test_message_wording(text: str, message: str) -> None:
    other = OTHER
    if "![[" in text:
        other = {"other.md": "---\ntitle: Other\n---\n![[Note]]\n"}
    _, issues = garden_of({"note.md": text, **other})
    assert messages(issues) == [message]


def test_ambiguous_link_names_both_notes_and_the_forms_to_write() -> None:
    _, issues = garden_of({
        "ideas/big-society.md": "Idea, see [[policy/big-society]].\n",
        "policy/big-society.md": "Policy, see [[ideas/big-society]].\n",
        "places/stockport.md": "See [[Big Society]].\n",
    })
    assert messages(issues) == [
        "notes/places/stockport.md:1:5: error: [[Big Society]] matches 2 notes: "
        "notes/ideas/big-society.md, notes/policy/big-society.md — write "
        "[[ideas/big-society]] or [[policy/big-society]] to pick one"]


JARGON = ("YAML", "mapping", "scalar", "token", "stream", "parse", "exception", "None",
          "True", "False", "regex", "utf", "dict", "sequence")


@pytest.mark.parametrize("message", [m for _, m in CASES.values()], ids=list(CASES))
def test_no_programmers_words(message: str) -> None:
    words = message.split(": ", 2)[-1]
    assert not [j for j in JARGON if j in words]
    assert " — " in words, "what is wrong — what to do"
