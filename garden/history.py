"""When each note was last tended: one `git log` pass over the whole history (newest commit
first, so a file's first appearance is its last change), else the file's modification time.

This is an edge module (it runs git and reads file times); `parse_git_log` is the pure part.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

_COMMIT_MARK = "\x1e"
"""Starts each commit's line in our `--format`, so no file name can be mistaken for it."""
_GIT_TIMEOUT = 120


def parse_git_log(output: str) -> dict[str, datetime.datetime]:
    """`git log --format=<mark>%ct --name-only` output → path → time of its newest commit."""
    changed: dict[str, datetime.datetime] = {}
    when: datetime.datetime | None = None
    for line in output.split("\n"):
        if line.startswith(_COMMIT_MARK):
            when = datetime.datetime.fromtimestamp(int(line[1:]), tz=datetime.timezone.utc)
        elif line and when is not None and line not in changed:
            changed[line] = when
    return changed


def git_changes(notes_dir: str | os.PathLike[str]) -> dict[str, datetime.datetime]:
    """Path under `notes_dir` (POSIX) → commit time of its last change; {} outside git."""
    args = ["git", "-c", "core.quotepath=off", "log", "--relative", "--no-renames",
            f"--format={_COMMIT_MARK}%ct", "--name-only", "--", "."]
    try:
        result = subprocess.run(args, cwd=notes_dir, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=_GIT_TIMEOUT,
                                check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_git_log(result.stdout)


def last_tended(
    notes_dir: str | os.PathLike[str], paths: Iterable[str]
) -> dict[str, datetime.datetime]:
    """Each path's last change: from git history, else the file's modification time (a note not
    yet committed, or a garden outside git). Paths are POSIX, relative to `notes_dir`."""
    from_git = git_changes(notes_dir)
    root = Path(notes_dir)
    tended = {}
    for path in paths:
        if path in from_git:
            tended[path] = from_git[path]
            continue
        try:
            mtime = (root / path).stat().st_mtime
        except OSError:
            continue
        tended[path] = datetime.datetime.fromtimestamp(int(mtime), tz=datetime.timezone.utc)
    return tended
