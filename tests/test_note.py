"""Reading one note: front matter validated and defaulted per DESIGN's table, never a crash."""

from __future__ import annotations

import datetime

import pytest

from garden.diagnostics import Severity
from garden.note import Source, decode, parse_note
from helpers_core import md, note_of

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# Wrong values are pointed at where the value starts; unknown keys where the key does.


def where(issues):
    """(line, col, severity, code) of each issue: where a contributor is sent."""
    return [(i.line, i.col, i.severity, i.code) for i in issues]


def test_a_full_note():
    note, issues = note_of("""
        ---
        title: Your Square Mile
        type: initiative
        status: budding
        tags: [mass engagement, local action]
        aliases: [YSM]
        description: A plan to help people act together within walking distance of home.
        sources:
          - title: "Networking Big Society – or maybe some knowledge gardening"
            url: https://example.org/ysm
            date: 2011-05-18
        licence: CC-BY
        ---

        Your Square Mile was the [[Big Society Network]]'s plan.
    """, "initiatives/your-square-mile.md")
    assert issues == []
    assert (note.id, note.path, note.title) == (
        "initiatives/your-square-mile", "initiatives/your-square-mile.md", "Your Square Mile")
    assert (note.type, note.status, note.draft) == ("initiative", "budding", False)
    assert note.tags == ("mass engagement", "local action")
    assert note.aliases == ("YSM",)
    assert note.description == "A plan to help people act together within walking distance of home."
    assert note.sources == (Source("Networking Big Society – or maybe some knowledge gardening",
                                   "https://example.org/ysm", "2011-05-18"),)
    assert dict(note.extra) == {"licence": "CC-BY"}
    assert note.body_line == 14
    assert note.body == "\nYour Square Mile was the [[Big Society Network]]'s plan.\n"


@pytest.mark.parametrize(
    ("text", "path", "title", "description"),
    [
        ("# The Heading\n\nFirst paragraph.\n", "x.md", "The Heading", "First paragraph."),
        ("Intro.\n\n## Sub\n\n# Later H1\n", "x.md", "Later H1", "Intro."),
        ("Just text.\n", "places/your-square_mile.md", "Your square mile", "Just text."),
        ("---\ntitle: ''\n---\n# From Heading\n", "x.md", "From Heading", ""),
        ("---\ntitle: Given\n---\n# Heading\n\nBody.\n", "x.md", "Given", "Body."),
        ("Title\n=====\n\nSetext body.\n", "x.md", "Title", "Setext body."),
        ("# **Bold** `code` [[Link|label]]\n", "x.md", "Bold code label", ""),
    ],
)
def test_title_and_description_defaults(text, path, title, description):
    note, _ = parse_note(path, text, f"notes/{path}")
    assert (note.title, note.description) == (title, description)


def test_default_description_is_shortened_first_paragraph():
    long = " ".join(["word"] * 60)
    note, _ = note_of(f"{long}\ncontinues.\n\nSecond paragraph.\n")
    assert note.description.endswith("…")
    assert len(note.description) <= 160
    assert long.startswith(note.description[:-1])


def test_defaults_per_design_table():
    note, issues = note_of("Body.\n")
    assert issues == []
    assert (note.type, note.status, note.aliases, note.tags, note.sources, note.draft) == (
        "idea", "seedling", (), (), (), False)
    assert dict(note.extra) == {}
    assert note.body_line == 1


@pytest.mark.parametrize(
    ("front", "field", "expected"),
    [
        ("tags: community organising", "tags", ("community organising",)),
        ("tags: [a, b, a]", "tags", ("a", "b")),
        ("aliases: [2011, Big Soc]", "aliases", ("2011", "Big Soc")),
        ("type: Place", "type", "place"),
        ("status: EVERGREEN", "status", "evergreen"),
        ("draft: true", "draft", True),
        ("title: 1984", "title", "1984"),
        ("description: 2011-05-18", "description", "2011-05-18"),
        ("tags:", "tags", ()),
    ],
)
def test_front_matter_values(front, field, expected):
    note, issues = note_of(f"---\n{front}\n---\nBody.\n")
    assert issues == []
    assert getattr(note, field) == expected


@pytest.mark.parametrize(
    ("key", "known"),
    [("tag", "tags"), ("titel", "title"), ("alias", "aliases"), ("Status", "status"),
     ("source", "sources"), ("descripton", "description")],
)
def test_typo_keys_warn(key, known):
    note, issues = note_of(f"---\ntitle: T\n{key}: x\n---\nBody.\n")
    assert [(i.path, i.line, i.col, i.severity, i.code) for i in issues] == [
        ("notes/note.md", 3, 1, WARNING, "unknown-key")]
    assert f"did you mean '{known}'?" in issues[0].message
    assert note.extra[key] == "x"


def test_typo_key_message():
    _, issues = note_of("---\ntag: [localism]\n---\nBody.\n")
    assert issues[0].format() == (
        "notes/note.md:2:1: warning: 'tag' is not a front-matter key the garden knows — "
        "did you mean 'tags'?")


def test_other_keys_pass_through_silently():
    note, issues = note_of("---\nauthor: Ann\nhide: [toc]\n---\nBody.\n")
    assert issues == []
    assert dict(note.extra) == {"author": "Ann", "hide": ["toc"]}


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("title: [a, b]", [(2, 8, ERROR, "wrong-type")]),
        ("description: {a: 1}", [(2, 14, ERROR, "wrong-type")]),
        ("draft: maybe", [(2, 8, ERROR, "wrong-type")]),
        ("tags: [ok, {a: 1}, fine]", [(2, 12, ERROR, "wrong-type")]),
        ("aliases:\n  - ok\n  - [nested]", [(4, 5, ERROR, "wrong-type")]),
        ("sources: https://example.org", [(2, 10, ERROR, "wrong-type")]),
    ],
)
def test_wrong_types_are_errors(front, expected):
    _, issues = note_of(f"---\n{front}\n---\nBody.\n")
    assert where(issues) == expected


def test_wrong_type_message_names_the_key_and_the_kind():
    _, issues = note_of("---\ntitle: [a, b]\n---\nBody.\n")
    assert issues[0].message.startswith("'title' must be a piece of text, not a list")


def test_wrong_types_fall_back_to_defaults():
    note, _ = note_of("---\ntitle: [a]\ndraft: maybe\ntags: {a: 1}\n---\n# Heading\n")
    assert (note.title, note.draft, note.tags) == ("Heading", False, ())


@pytest.mark.parametrize(
    ("front", "code", "message"),
    [
        ("type: orgnisation", "unknown-type",
         "'orgnisation' is not a note type — did you mean 'organisation'? use one of: idea, "
         "practice, organisation, initiative, policy, event, place, person, resource"),
        ("status: bud", "unknown-status",
         "'bud' is not a growth stage — did you mean 'budding'? use one of: seedling, budding, "
         "evergreen"),
        ("status: wilted", "unknown-status",
         "'wilted' is not a growth stage — use one of: seedling, budding, evergreen"),
        ("type: [idea]", "unknown-type",
         "a list is not a note type — use one of: idea, practice, organisation, initiative, "
         "policy, event, place, person, resource"),
    ],
)
def test_unknown_type_or_status(front, code, message):
    note, issues = note_of(f"---\ntitle: T\n{front}\n---\nBody.\n")
    value_col = front.index(":") + 3
    assert where(issues) == [(3, value_col, ERROR, code)]
    assert issues[0].message == message
    assert (note.type, note.status) == ("idea", "seedling")


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("---\ntitle: Big Society: a plan\n---\nBody.\n", 2, 19),
        ("---\ntitle: T\ntags: [a, b\n---\nBody.\n", 3, 7),  # where the list opens
        ("---\ntitle: T\n  status: budding\n---\nBody.\n", 3, 9),
        ("---\ntitle: \"unclosed\n---\nBody.\n", 2, 8),  # where the quote opens
        ("\ufeff---\r\ntitle: T\r\nx: a: b\r\n---\r\nBody.\r\n", 3, 5),
    ],
)
def test_invalid_yaml_points_at_the_file_line(text, line, col):
    note, issues = parse_note("x.md", text, "notes/x.md")
    assert where(issues) == [(line, col, ERROR, "invalid-yaml")]
    assert "YAML" not in issues[0].message  # plain words: tests/test_messages.py
    assert note.body == "Body.\n"
    assert note.title == "X"


def test_unsafe_yaml_is_refused():
    _, issues = note_of("---\ntitle: !!python/object/apply:os.getcwd []\n---\nBody.\n")
    assert where(issues) == [(2, 8, ERROR, "invalid-yaml")]


@pytest.mark.parametrize(
    ("front", "kind"),
    [("- a\n- b", "list"), ("just text", "piece of text"), ("42", "number")],
)
def test_front_matter_must_be_a_mapping(front, kind):
    _, issues = note_of(f"---\n{front}\n---\nBody.\n")
    assert where(issues) == [(2, 1, ERROR, "front-matter-not-mapping")]
    assert f"but here it is a {kind} — write each line as name: value" in issues[0].message


def test_empty_front_matter_is_fine():
    note, issues = note_of("---\n---\nBody.\n")
    assert issues == []
    assert (note.body, note.body_line) == ("Body.\n", 3)


def test_front_matter_may_end_with_dots():
    note, issues = note_of("---\ntitle: T\n...\nBody.\n")
    assert issues == []
    assert (note.title, note.body) == ("T", "Body.\n")


def test_unclosed_front_matter():
    note, issues = note_of("---\ntitle: T\n\nBody [[A]].\n")
    assert where(issues) == [(1, 1, ERROR, "front-matter-unclosed")]
    assert "add a line with just ---" in issues[0].message
    assert note.body_line == 2
    assert [(link.line, link.col) for link in note.links] == [(4, 6)]


def test_a_rule_later_in_the_body_is_not_front_matter():
    note, issues = note_of("Intro.\n\n---\n\ntitle: no\n---\n")
    assert issues == []
    assert note.title == "Note"


@pytest.mark.parametrize("text", ["", "\n\n", "  \n\t\n", "\ufeff"])
def test_empty_file(text):
    note, issues = parse_note("blank.md", text, "notes/blank.md")
    assert where(issues) == [(1, 1, ERROR, "empty-note")]
    assert note.title == "Blank"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"\xef\xbb\xbf---\ntitle: T\n---\n", "---\ntitle: T\n---\n"),
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb\r", "a\nb\n"),
        (b"a\r\n\rb", "a\n\nb"),
        ("café".encode(), "café"),
    ],
)
def test_decode(data, text):
    assert decode(data, "notes/x.md") == (text, [])


@pytest.mark.parametrize(
    ("data", "line", "col"),
    [
        (b"---\ntitle: ok\n---\nline\nbad \xff byte\n", 5, 5),
        (b"\xe9t\xe9 in Latin-1", 1, 1),
        (b"ok\r\nok\r\ncaf\xe9\r\n", 3, 4),
    ],
)
def test_non_utf8_names_the_first_bad_line(data, line, col):
    text, issues = decode(data, "notes/x.md")
    assert where(issues) == [(line, col, ERROR, "not-utf8")]
    assert "UTF-8" in issues[0].message
    assert "\ufffd" in text


SOURCES = md("""
    ---
    sources:
      - title: Has both
        url: https://example.org/a
        date: 2011-05-18
      - title: No url
      - url: https://example.org/no-title
      - title: Not the web
        url: ftp://example.org/file
      - just a string
      - title: Extra key
        url: http://example.org/b
        author: someone
    ---
    Body.
""")


def test_sources_validation():
    note, issues = note_of(SOURCES)
    assert where(issues) == [
        (6, 5, ERROR, "bad-source"),
        (7, 5, ERROR, "bad-source"),
        (8, 5, ERROR, "bad-source-url"),
        (10, 5, ERROR, "bad-source"),
        (11, 5, WARNING, "unknown-key"),
    ]
    assert "has no url" in issues[0].message
    assert "has no title" in issues[1].message
    assert "'ftp://example.org/file' must start with https:// or http://" in issues[2].message
    assert note.sources == (
        Source("Has both", "https://example.org/a", "2011-05-18"),
        Source("Extra key", "http://example.org/b", None),
    )


def test_source_dates_become_iso_text():
    note, _ = note_of(f"---\nsources:\n  - title: T\n    url: https://x.org\n    date: "
                      f"{datetime.date(2010, 7, 19)}\n---\n")
    assert note.sources[0].date == "2010-07-19"


def test_bad_values_never_lose_the_note():
    note, issues = note_of("---\ntype: 7\nstatus: [x]\nsources: 3\ntitle: {}\n---\n[[Link]]\n")
    assert len(issues) == 4
    assert all(i.is_error for i in issues)
    assert [link.target for link in note.links] == ["Link"]
