"""What a contributor meets: the pull-request and issue templates, the guide, and the
pre-commit hook that runs `garden check` (installed by `make hooks` in a real repository)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers_git import git, init

from conftest import REPO, write_garden
from garden.note import NOTE_TYPES, STATUSES
from garden.scaffold import note_template

TEMPLATES = REPO / ".github" / "ISSUE_TEMPLATE"
FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["suggest-a-note.yml", "report-a-problem.yml"])
def test_issue_forms_are_valid(name: str) -> None:
    form = yaml.safe_load((TEMPLATES / name).read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(form)
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in FORM_TYPES
        attributes = item["attributes"]
        if item["type"] == "markdown":
            assert attributes["value"].strip()
        else:
            assert attributes["label"].strip() and "id" in item
            assert isinstance(item.get("validations", {}).get("required", False), bool)
        if item["type"] == "dropdown":
            options = attributes["options"]
            assert options and len(options) == len(set(options))
    assert any(item.get("validations", {}).get("required") for item in form["body"])


def test_suggest_a_note_offers_every_note_type() -> None:
    form = yaml.safe_load((TEMPLATES / "suggest-a-note.yml").read_text(encoding="utf-8"))
    (kind,) = [item for item in form["body"] if item.get("id") == "type"]
    offered = " ".join(kind["attributes"]["options"])
    assert all(note_type in offered for note_type in NOTE_TYPES)


def test_pull_request_template_is_a_short_checklist() -> None:
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] ", text, re.M)
    assert 4 <= len(boxes) <= 8
    assert len(text.splitlines()) < 25


def test_the_guide_covers_what_a_contributor_needs() -> None:
    for needed in ("Write this note", "Edit this page", "Create new file", "pull request",
                   "[[", "seedling", "budding", "evergreen", "sources", "garden new",
                   "make serve", "make hooks", "garden check", "garden diff"):
        assert needed in GUIDE, needed
    for value in (*NOTE_TYPES, *STATUSES):
        assert value in GUIDE


def test_the_guides_template_is_the_scaffolds() -> None:
    """The template in the guide is the one `garden new` and "Write this note" fill in."""
    template = note_template("The Note's Title")
    assert f"```markdown\n{template}```" in GUIDE


@pytest.fixture
def garden_repo(tmp_path: Path) -> Path:
    root = write_garden(tmp_path / "garden", {"index.md": "Home, see [[Other]].\n",
                                              "other.md": "Other, see [[index]].\n"})
    init(root)
    shutil.copy(REPO / "Makefile", root / "Makefile")
    (root / ".ci").mkdir()
    shutil.copy(REPO / ".ci" / "pre-commit", root / ".ci" / "pre-commit")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "start")
    return root


def _commit(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
           "GIT_AUTHOR_NAME": "G", "GIT_AUTHOR_EMAIL": "g@example.org",
           "GIT_COMMITTER_NAME": "G", "GIT_COMMITTER_EMAIL": "g@example.org"}
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    return subprocess.run(["git", "commit", "-q", "-m", "note"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_make_hooks_installs_a_hook_that_runs_garden_check(garden_repo: Path) -> None:
    made = subprocess.run(["make", "-s", "hooks"], cwd=garden_repo, capture_output=True,
                          text=True, timeout=60, check=False)
    assert made.returncode == 0, made.stderr
    assert "'garden check' now runs before every commit" in made.stdout
    (garden_repo / "notes" / "bad.md").write_text("---\ntype: organization\n---\nSee [[index]].\n")
    refused = _commit(garden_repo)
    assert refused.returncode == 1
    # git shows a hook's output on stderr
    assert "notes/bad.md:2:7: error: 'organization' is not a note type" in refused.stderr
    assert "fix the problems above, then commit again" in refused.stderr
    (garden_repo / "notes" / "bad.md").write_text("---\ntype: organisation\n---\n[[index]].\n")
    accepted = _commit(garden_repo)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_pre_commit_framework_hook_runs_garden_check() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "garden check notes" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "notes/places/stockport.md")
