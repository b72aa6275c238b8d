"""PyYAML's problems in plain words (the full messages are held in tests/test_messages.py)."""

from __future__ import annotations

import pytest

from garden.yaml_errors import bad_date, explain


@pytest.mark.parametrize(
    ("problem", "context", "start", "at_context"),
    [
        ("mapping values are not allowed here", None, "a colon (:) here", False),
        ("found unexpected end of stream", "while scanning a quoted scalar", "the quotation", True),
        ("expected ',' or ']', but got ':'", "while parsing a flow sequence", "the list", True),
        ("found character '\\t' that cannot start any token", "while scanning for the next token",
         "there is a tab", False),
        ("found character '%' that cannot start any token", None, "a value can't start with %",
         False),
        ("expected <block end>, but found '<scalar>'", "while parsing a block mapping",
         "there is more text after the closing quote", False),
        ("expected <block end>, but found '?'", "while parsing a block mapping",
         "this line is not lined up", False),
        ("something new in a later PyYAML", None, "this line of the front matter can't be read",
         False),
        (None, None, "this line of the front matter can't be read", False),
    ],
)
def test_explain(problem, context, start, at_context) -> None:
    message, use_context = explain(problem, context)
    assert message.startswith(start) and " — " in message
    assert use_context is at_context


def test_bad_date_finds_the_impossible_one() -> None:
    text = "sources:\n  - date: 2011-05-18\n  - date: 2011-02-30\n"
    line, col, message = bad_date(text, "day is out of range for month")
    assert (line, col) == (2, 11) and message.startswith("2011-02-30 is not a real date")


def test_bad_date_ignores_other_errors() -> None:
    assert bad_date("date: 2011-02-30\n", "maximum recursion depth exceeded") is None
    assert bad_date("title: x\n", "month must be in 1..12") is None
