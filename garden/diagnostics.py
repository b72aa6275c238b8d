"""Problems found in notes, as values: collected, sorted and reported by the adapters."""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem at one place in one file, worded for a person who may not be a programmer."""

    path: str
    """The file as the user knows it, e.g. `notes/places/stockport.md`."""
    line: int
    """1-based line in the file (front matter included)."""
    col: int
    """1-based column."""
    severity: Severity
    code: str
    """A short stable name for the kind of problem, e.g. `ambiguous-link`."""
    message: str
    """What is wrong and how to fix it."""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.col, self.code, self.message)

    def format(self) -> str:
        """Compiler style, so editors and CI logs can point at it."""
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command that annotates the exact line of a pull request."""
        kind = "error" if self.is_error else "warning"
        message = _escape_github_data(self.message)
        path = _escape_github_property(self.path)
        return f"::{kind} file={path},line={self.line},col={self.col},title={self.code}::{message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    return sorted(set(issues), key=Issue.sort_key)


def count(issues: Iterable[Issue]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for issue in issues:
        if issue.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def format_issues(issues: Iterable[Issue], style: str) -> str:
    """Render issues as `text`, `github` or `json`; the one place output formats live."""
    ordered = sort_issues(issues)
    if style == "json":
        return json.dumps([i.as_dict() for i in ordered], indent=2, ensure_ascii=False)
    if style == "github":
        return "\n".join(i.format_github() for i in ordered)
    return "\n".join(i.format() for i in ordered)


def _escape_github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github_data(text).replace(":", "%3A").replace(",", "%2C")
