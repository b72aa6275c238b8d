"""Issues as compilers print them, as GitHub annotations, and as JSON."""

from __future__ import annotations

import json

import pytest

from garden.diagnostics import Issue, Severity, count, format_issues, sort_issues

AMBIGUOUS = Issue("notes/x.md", 12, 5, Severity.ERROR, "ambiguous-link",
                  "[[Big Society]] matches 2 notes: notes/ideas/big-society.md, "
                  "notes/policy/big-society.md — write [[ideas/big-society]] or "
                  "[[policy/big-society]] to pick one")
TYPO = Issue("notes/a.md", 3, 1, Severity.WARNING, "unknown-key",
             "'tag' is not a front-matter key the garden knows — did you mean 'tags'?")


def test_format_is_compiler_style():
    assert AMBIGUOUS.format() == (
        "notes/x.md:12:5: error: [[Big Society]] matches 2 notes: notes/ideas/big-society.md, "
        "notes/policy/big-society.md — write [[ideas/big-society]] or [[policy/big-society]] "
        "to pick one")
    assert TYPO.format() == (
        "notes/a.md:3:1: warning: 'tag' is not a front-matter key the garden knows — "
        "did you mean 'tags'?")


@pytest.mark.parametrize(
    ("issue", "expected"),
    [
        (Issue("notes/x.md", 12, 5, Severity.ERROR, "ambiguous-link", "two notes"),
         "::error file=notes/x.md,line=12,col=5,title=ambiguous-link::two notes"),
        (Issue("notes/a.md", 3, 1, Severity.WARNING, "unknown-key", "did you mean 'tags'?"),
         "::warning file=notes/a.md,line=3,col=1,title=unknown-key::did you mean 'tags'?"),
        (Issue("notes/a,b: c.md", 1, 1, Severity.ERROR, "x", "100% sure\r\nnext line"),
         "::error file=notes/a%2Cb%3A c.md,line=1,col=1,title=x::100%25 sure%0D%0Anext line"),
    ],
)
def test_format_github(issue, expected):
    assert issue.format_github() == expected


def test_as_dict_has_the_json_keys():
    assert TYPO.as_dict() == {
        "path": "notes/a.md", "line": 3, "col": 1, "severity": "warning",
        "code": "unknown-key",
        "message": "'tag' is not a front-matter key the garden knows — did you mean 'tags'?",
    }


def test_format_issues_sorts_and_drops_repeats():
    issues = [AMBIGUOUS, TYPO, AMBIGUOUS]
    assert format_issues(issues, "text") == f"{TYPO.format()}\n{AMBIGUOUS.format()}"
    assert format_issues(issues, "github") == (
        f"{TYPO.format_github()}\n{AMBIGUOUS.format_github()}")
    assert json.loads(format_issues(issues, "json")) == [TYPO.as_dict(), AMBIGUOUS.as_dict()]


def test_json_keeps_non_ascii_readable():
    assert "—" in format_issues([AMBIGUOUS], "json")


def test_format_issues_of_nothing():
    assert format_issues([], "text") == ""
    assert json.loads(format_issues([], "json")) == []


def test_sort_issues_by_path_line_col():
    a = Issue("notes/a.md", 10, 1, Severity.ERROR, "x", "m")
    b = Issue("notes/a.md", 2, 7, Severity.ERROR, "x", "m")
    c = Issue("notes/a.md", 2, 3, Severity.WARNING, "y", "m")
    d = Issue("notes/B.md", 1, 1, Severity.ERROR, "x", "m")
    assert sort_issues([a, b, c, d]) == [d, c, b, a]


def test_count_and_is_error():
    assert count([AMBIGUOUS, TYPO, AMBIGUOUS]) == (2, 1)
    assert AMBIGUOUS.is_error and not TYPO.is_error
    assert count([]) == (0, 0)
