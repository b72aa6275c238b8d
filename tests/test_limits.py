"""Limits: note size, links per note, nesting depth and YAML aliases — in the core, and through
real builds where a pathological note must give a located message, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO, mkdocs_build, run, write_garden
from garden.config import GardenConfig
from garden.limits import MAX_EMPHASIS, MAX_NESTING, too_deep
from helpers_core import garden_of, messages

DEEP = {
    "quotes": ">" * 10_000 + " deep\n",
    "spaced-quotes": "> " * 10_000 + "deep\n",
    "lists": "".join("    " * i + "- item\n" for i in range(1000)),
    "divs": '<div markdown="1">\n' * 600 + "x\n" + "</div>\n" * 600,
    "emphasis": "*" * 2000 + "x" + "*" * 2000 + "\n",
    "nested-emphasis": "**a " * 1000 + "x" + " a**" * 1000 + "\n",
    "brackets": "[" * 5000 + "x" + "]" * 5000 + "\n",
}
AT_THE_LIMIT = {
    "quotes": ">" * MAX_NESTING + " deep\n",
    "lists": "".join("    " * i + "- item\n" for i in range(MAX_NESTING)),
    "divs": '<div markdown="1">\n' * MAX_NESTING + "x\n" + "</div>\n" * MAX_NESTING,
    "emphasis": "*" * (MAX_EMPHASIS // 2) + "x" + "*" * (MAX_EMPHASIS // 2) + "\n",
    "brackets": "[" * MAX_NESTING + "x" + "]" * MAX_NESTING + "\n",
    "rules": ("*" * 80 + "\n\n" + "-" * 80 + "\n\n") * 20 + "Title\n" + "=" * 500 + "\n",
    "code": "```\n" + ">" * 5000 + "\n" + "[" * 5000 + "\n```\n\n`" + "*" * 1000 + "`\n",
}


@pytest.mark.parametrize("case", sorted(DEEP))
def test_deep_nesting_is_found(case: str) -> None:
    assert too_deep(DEEP[case]) is not None


@pytest.mark.parametrize("case", sorted(AT_THE_LIMIT))
def test_nesting_up_to_the_limit_and_code_are_fine(case: str) -> None:
    assert too_deep(AT_THE_LIMIT[case]) is None


def test_a_too_deep_note_is_an_error_at_its_place_and_still_a_page() -> None:
    garden, issues = garden_of({"deep.md": "---\ntitle: Deep\n---\nIntro.\n\n" + DEEP["quotes"]})
    assert messages(issues)[0].startswith("notes/deep.md:6:51: error: quotes (>) nest 10000 "
                                          "levels deep here; the garden renders at most 50")
    note = garden.notes["deep"]
    assert note.title == "Deep" and "This note is not shown" in note.body and not note.links


def test_too_many_links_points_at_the_first_link_past_the_limit() -> None:
    body = "".join(f"[[n{i}]]\n" for i in range(5))
    garden, issues = garden_of({"many.md": body}, GardenConfig(max_links=3))
    assert [i for i in messages(issues) if "too many" in i or "links;" in i] == [
        "notes/many.md:4:1: error: this note has 5 links; a note may have at most 3 — split "
        "it into several notes (or raise limits_links_per_note in the garden plugin's settings "
        "in mkdocs.yml)"]
    assert len(garden.notes["many"].links) == 3


def test_an_oversized_note_is_named_and_not_parsed() -> None:
    garden, issues = garden_of({"big.md": "---\ntitle: [unclosed\n---\n" + "x" * 200},
                               GardenConfig(max_note_bytes=100))
    assert messages(issues) == [
        "notes/big.md:1:1: error: this file is 225 bytes; a note may be at most 100 bytes — "
        "split it into several notes (or raise limits_note_bytes in the garden plugin's "
        "settings in mkdocs.yml)"]
    assert garden.notes["big"].title == "Big"


BILLION_LAUGHS = """\
---
title: Laughs
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
Body.
"""


def test_yaml_aliases_are_refused_at_their_place() -> None:
    garden, issues = garden_of({"laughs.md": BILLION_LAUGHS})
    assert messages(issues)[0].startswith(
        "notes/laughs.md:4:8: error: the front matter uses a shortcut (*name)")
    assert garden.notes["laughs"].extra == {}


def test_a_self_referencing_yaml_alias_is_refused() -> None:
    _, issues = garden_of({"loop.md": "---\na: &a [*a]\n---\nBody.\n"})
    assert "shortcut (*name)" in messages(issues)[0]


def test_deeply_nested_yaml_is_a_message() -> None:
    _, issues = garden_of({"nest.md": "---\na: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n"})
    assert messages(issues)[0].startswith("notes/nest.md:2:54: error: the front matter nests")


@pytest.fixture(scope="module")
def pathological(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    notes = {f"{case}.md": f"Deep {case}.\n\n{text}" for case, text in DEEP.items()}
    notes["laughs.md"] = BILLION_LAUGHS
    notes["index.md"] = "Home: " + ", ".join(f"[[{case}]]" for case in DEEP) + ", [[laughs]].\n"
    return write_garden(tmp_path_factory.mktemp("deep"), notes), notes


@pytest.mark.parametrize("command", ["mkdocs", "build.py"])
def test_pathological_notes_give_located_messages_not_a_traceback(
        pathological: tuple[Path, dict[str, str]], command: str) -> None:
    root, _ = pathological
    if command == "mkdocs":
        result = mkdocs_build(root)
    else:
        result = run([sys.executable, str(REPO / "build.py")], cwd=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output and "RecursionError" not in output
    for case in DEEP:
        assert f"notes/{case}.md:" in output, case
    assert "notes/laughs.md:4:8: error" in output


def test_notes_at_the_limits_build(tmp_path: Path) -> None:
    notes = {f"{case}.md": f"At the limit: {case}.\n\n{text}"
             for case, text in AT_THE_LIMIT.items()}
    notes["index.md"] = "Home: " + ", ".join(f"[[{case}]]" for case in AT_THE_LIMIT) + ".\n"
    root = write_garden(tmp_path, notes)
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


LIMITS_YML = """
  - garden:
      limits_note_bytes: 300
      limits_links_per_note: 2
"""


@pytest.mark.parametrize("command", ["mkdocs", "build.py"])
def test_limits_are_plugin_settings(tmp_path: Path, command: str) -> None:
    root = write_garden(tmp_path, {
        "index.md": "Home: [[a]], [[b]].\n",
        "a.md": "Links: [[index]], [[b]], [[c]].\n",
        "b.md": "Big: " + "words " * 100 + "\n",
    })
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("\n  - garden\n", LIMITS_YML), encoding="utf-8")
    if command == "mkdocs":
        result = mkdocs_build(root)
    else:
        result = run([sys.executable, str(REPO / "build.py")], cwd=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "notes/a.md:1:26: error: this note has 3 links; a note may have at most 2" in output
    assert "notes/b.md:1:1: error: this file is 606 bytes; a note may be at most 300" in output
