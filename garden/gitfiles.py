"""Note files as they were at a git revision: the I/O behind `garden diff`.

Reads with plain git plumbing (`ls-tree`, `cat-file --batch`, `diff -M`) so the notes at any
commit can be loaded like the notes on disk, without checking anything out.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from garden.errors import GardenError
from garden.loader import SourceFile


class GitError(GardenError):
    """git is missing, the folder is not in a repository, or a revision does not exist."""


@dataclass(frozen=True, slots=True)
class NotesInRepo:
    """Where the notes folder sits in its repository."""

    root: Path
    """The repository's top folder."""
    prefix: str
    """The notes folder relative to `root`, POSIX, without a trailing slash ('' for the top)."""


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True,
                              check=False)
    except FileNotFoundError as exc:
        raise GitError("git is not installed — install git to compare revisions") from exc
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def locate(notes_dir: str | Path) -> NotesInRepo:
    """The repository holding `notes_dir`, and the notes folder's place in it."""
    folder = Path(notes_dir).resolve()
    if not folder.is_dir():
        raise GitError(f"{notes_dir} is not a folder of notes")
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").decode().strip()
    except GitError as exc:
        raise GitError(f"{notes_dir} is not inside a git repository") from exc
    root = Path(top).resolve()
    prefix = folder.relative_to(root).as_posix()
    return NotesInRepo(root, "" if prefix == "." else prefix)


def commit_of(repo: NotesInRepo, revision: str) -> str:
    """The full commit id a branch, tag or commit names; a GitError for anything else."""
    if revision.startswith("-"):
        raise GitError(f"'{revision}' is not a revision")
    try:
        return _git(repo.root, "rev-parse", "--verify", "--quiet", "--end-of-options",
                    f"{revision}^{{commit}}").decode().strip()
    except GitError as exc:
        raise GitError(f"'{revision}' is not a commit in this repository — give a branch, a tag "
                       "or a commit id, like main") from exc


def read_revision(repo: NotesInRepo, commit: str) -> list[SourceFile]:
    """Every `.md` file under the notes folder at `commit`, as the loader reads them from disk
    (sorted, hidden files and folders skipped)."""
    wanted = sorted((rel, oid) for rel, oid in _files(repo, commit) if _is_note(rel))
    blobs = _read_blobs(repo.root, [oid for _, oid in wanted])
    return [SourceFile(rel, data) for (rel, _), data in zip(wanted, blobs, strict=True)]


def revision_attachment_paths(repo: NotesInRepo, commit: str) -> list[str]:
    """Every other file under the notes folder at `commit` (pictures, PDFs), as
    `loader.read_attachment_paths` finds them on disk: sorted, hidden files and folders
    skipped. Their bytes are not read: links need only their paths."""
    return sorted(rel for rel, _ in _files(repo, commit)
                  if not rel.lower().endswith(".md") and not _is_hidden(rel))


def _files(repo: NotesInRepo, commit: str) -> list[tuple[str, str]]:
    """(path under the notes folder, blob id) of every file there at `commit`."""
    listing = _git(repo.root, "ls-tree", "-r", "-z", "--full-tree", commit, "--",
                   f"{repo.prefix}/" if repo.prefix else ".")
    found: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        _, kind, oid = meta.decode().split()
        rel = _under(repo, raw_path.decode("utf-8", "surrogateescape"))
        if kind == "blob" and rel is not None:
            found.append((rel, oid))
    return found


def renamed_paths(repo: NotesInRepo, base: str, head: str | None) -> list[tuple[str, str]]:
    """(old, new) paths under the notes folder that git's rename detection pairs between
    `base` and `head` (`None`: the working tree, where only files git tracks are compared)."""
    spec = f"{repo.prefix}/" if repo.prefix else "."
    revs = [base] if head is None else [base, head]
    out = _git(repo.root, "diff", "--find-renames", "--name-status", "-z", "--no-color",
               *revs, "--", spec)
    fields = [f.decode("utf-8", "surrogateescape") for f in out.split(b"\0")]
    pairs = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i]
        if status.startswith(("R", "C")):
            old, new = _under(repo, fields[i + 1]), _under(repo, fields[i + 2])
            if status.startswith("R") and old is not None and new is not None:
                pairs.append((old, new))
            i += 3
        else:
            i += 2
    return pairs


def _under(repo: NotesInRepo, repo_path: str) -> str | None:
    if not repo.prefix:
        return repo_path
    start = repo.prefix + "/"
    return repo_path[len(start):] if repo_path.startswith(start) else None


def _is_note(rel: str) -> bool:
    return rel.lower().endswith(".md") and not _is_hidden(rel)


def _is_hidden(rel: str) -> bool:
    return any(p.startswith(".") for p in rel.split("/"))


def _read_blobs(root: Path, oids: list[str]) -> list[bytes]:
    """Contents of many blobs through one `git cat-file --batch`."""
    if not oids:
        return []
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in oids).encode())
    blobs = []
    pos = 0
    for _ in oids:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        start = header_end + 1
        blobs.append(out[start:start + size])
        pos = start + size + 1
    return blobs
