"""Real git repositories in tmp_path, for the tests of `garden diff`."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True,
                          env={"GIT_AUTHOR_NAME": "Gardener", "GIT_AUTHOR_EMAIL": "g@example.org",
                               "GIT_COMMITTER_NAME": "Gardener",
                               "GIT_COMMITTER_EMAIL": "g@example.org",
                               "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root),
                               "PATH": "/usr/bin:/bin"})
    return done.stdout.strip()


def commit(root: Path, files: dict[str, str | bytes | None], message: str = "change") -> str:
    """Write (or, for None, delete) files, commit everything, return the commit id."""
    for rel, content in files.items():
        path = root / rel
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)
    return git(root, "rev-parse", "HEAD")


def init(root: Path) -> Path:
    git(root, "init", "-q", "-b", "main")
    return root
