"""Real git repositories with fixed commit dates, for the history-based tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Gardener", "GIT_AUTHOR_EMAIL": "g@example.org",
           "GIT_COMMITTER_NAME": "Gardener", "GIT_COMMITTER_EMAIL": "g@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                            check=True)
    return result.stdout


def init_repo(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def commit(repo: Path, files: dict[str, str], date: str, message: str = "tend") -> None:
    """Write `files` (paths relative to the repo) and commit them all at `date` (ISO 8601)."""
    for rel, text in files.items():
        path = repo / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)
