"""`garden check` and `garden new` as a contributor runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, garden_cli, mkdocs_build, write_garden
from garden import loader
from garden.cli import main

GOOD = {"index.md": "Home, see [[Other]].\n", "other.md": "Other, see [[index]].\n"}
WARNING = {**GOOD, "other.md": "---\ntag: x\n---\nOther, see [[index]].\n"}
ERROR = {**GOOD, "index.md": "---\ntitle: Home\ntype: organization\n---\nSee [[Other]].\n"}


@pytest.mark.parametrize(
    ("notes", "flags", "code"),
    [
        (GOOD, [], 0),
        (GOOD, ["--strict"], 0),
        (WARNING, [], 0),
        (WARNING, ["--strict"], 1),
        (ERROR, [], 1),
    ],
    ids=["good", "good-strict", "warning", "warning-strict", "error"],
)
def test_check_exit_codes(tmp_path: Path, notes, flags, code) -> None:
    root = write_garden(tmp_path, notes)
    result = garden_cli(root, "check", "notes", *flags)
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_check_text_format_is_compiler_style(tmp_path: Path) -> None:
    result = garden_cli(write_garden(tmp_path, ERROR), "check")
    assert result.stdout.splitlines() == [
        "notes/index.md:3:7: error: 'organization' is not a note type — did you mean "
        "'organisation'? use one of: idea, practice, organisation, initiative, policy, event, "
        "place, person, resource"
    ]
    assert "2 notes checked: 1 error(s), 0 warning(s)" in result.stderr


def test_check_github_format_annotates_lines(tmp_path: Path) -> None:
    result = garden_cli(write_garden(tmp_path, ERROR), "check", "notes", "--format", "github")
    assert result.stdout.startswith("::error file=notes/index.md,line=3,col=7,title=unknown-type::")


def test_check_json_format(tmp_path: Path) -> None:
    result = garden_cli(write_garden(tmp_path, WARNING), "check", "--format", "json")
    assert json.loads(result.stdout) == [{
        "path": "notes/other.md", "line": 2, "col": 1, "severity": "warning",
        "code": "unknown-key",
        "message": "'tag' is not a front-matter key the garden knows — did you mean 'tags'?",
    }]


def test_check_missing_folder(tmp_path: Path) -> None:
    result = garden_cli(tmp_path, "check", "nowhere")
    assert result.returncode == 2
    assert "nowhere is not a folder of notes" in result.stderr


def test_new_writes_a_note_that_passes_the_check(tmp_path: Path) -> None:
    root = write_garden(tmp_path, GOOD)
    result = garden_cli(root, "new", "Café Society: a Plan", "--type", "initiative",
                        "--folder", "ideas")
    assert result.returncode == 0, result.stderr
    path = root / "notes" / "ideas" / "café-society-a-plan.md"
    assert result.stdout.strip() == "wrote notes/ideas/café-society-a-plan.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Café Society: a Plan"' in text and "type: initiative" in text
    check = garden_cli(root, "check", "--format", "json")
    assert check.returncode == 0, check.stdout
    assert json.loads(check.stdout) == []


def test_new_never_overwrites(tmp_path: Path) -> None:
    root = write_garden(tmp_path, GOOD)
    assert garden_cli(root, "new", "Fresh").returncode == 0
    (root / "notes" / "fresh.md").write_text("Mine.\n", encoding="utf-8")
    again = garden_cli(root, "new", "Fresh")
    assert again.returncode == 1 and "already exists" in again.stderr
    assert (root / "notes" / "fresh.md").read_text(encoding="utf-8") == "Mine.\n"


def test_new_refuses_a_title_that_already_names_a_note(tmp_path: Path) -> None:
    root = write_garden(tmp_path, {"index.md": "---\ntitle: Home\naliases: [Start]\n---\nHi.\n"})
    result = garden_cli(root, "new", "start")
    assert result.returncode == 1 and "notes/index.md" in result.stderr
    assert not (root / "notes" / "start.md").exists()


def test_build_finds_attachments_as_the_plugin_does(tmp_path: Path) -> None:
    root = write_garden(tmp_path, {
        "index.md": "# Home\n\n![[picture.png|a picture]] and [[report.pdf]].\n",
        "files/picture.png": b"\x89PNG\r\n\x1a\n",
        "files/report.pdf": b"%PDF-1.4\n",
    })
    result = garden_cli(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "built 1 notes" in result.stdout
    assert (root / "site" / "files" / "picture.png").is_file()


def test_build_parses_each_note_once_and_builds_what_mkdocs_builds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`garden build` hands the notes it checked to the plugin: none is parsed twice, and the
    site is byte for byte the one `mkdocs build` makes (the plugin parsing for itself)."""
    root = write_garden(tmp_path / "garden", FIXTURES / "e2e" / "notes")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1300000000")
    assert mkdocs_build(root, "-d", str(tmp_path / "by-mkdocs")).returncode == 0
    parsed: list[str] = []
    parse = loader.parse_source

    def counting(source: loader.SourceFile, *args: object) -> object:
        parsed.append(source.path)
        return parse(source, *args)

    monkeypatch.setattr(loader, "parse_source", counting)
    monkeypatch.chdir(root)
    assert main(["build", "-d", str(tmp_path / "by-garden")]) == 0
    assert parsed and len(parsed) == len(set(parsed))

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted(site.rglob("*")) if p.is_file()}

    by_mkdocs, by_garden = files(tmp_path / "by-mkdocs"), files(tmp_path / "by-garden")
    assert by_mkdocs.keys() == by_garden.keys()
    assert [name for name in by_mkdocs if by_mkdocs[name] != by_garden[name]] == []
