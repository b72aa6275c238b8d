"""Where a `mkdocs build` spends its CPU time, phase by phase, without a profiler's distortion:
`python benchmarks/phases.py OUT.json build -q -f mkdocs.yml -d site`.

Each plugin's handler of each event, the Markdown conversion of pages, the Jinja templates and
the writing of files are timed by CPU time as *self* time (a template rendered inside a plugin's
handler counts for the template, not twice); what is left is MkDocs' own work, start-up and
imports. Run for a plain build and a garden build of the same notes, the difference of each
phase says where the garden's overhead goes — including what MkDocs spends on richer pages.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

START_UP = "start-up and imports"
MARKDOWN = "Markdown to HTML (Page.render)"
TEMPLATES = "Jinja templates"
WRITING = "writing files"
REST = "MkDocs' own work (files, nav, static files...)"

_self_time: Counter[str] = Counter()
_stack: list[list[float]] = []
"""One [child seconds] per timed call in progress, to subtract nested calls from their parent."""


def timed(category: str | Callable[..., str], func: Callable[..., Any]) -> Callable[..., Any]:
    """`func`, adding its self time to `category` (a name, or a function of the call's
    arguments that gives one)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        _stack.append([0.0])
        try:
            return func(*args, **kwargs)
        finally:
            elapsed = time.process_time() - started
            children = _stack.pop()[0]
            name = category(*args, **kwargs) if callable(category) else category
            _self_time[name] += elapsed - children
            if _stack:
                _stack[-1][0] += elapsed

    return wrapper


def _instrument() -> None:
    import jinja2
    from mkdocs import plugins, utils
    from mkdocs.commands import build
    from mkdocs.structure.pages import Page

    Page.render = timed(MARKDOWN, Page.render)
    jinja2.Template.render = timed(TEMPLATES, jinja2.Template.render)
    utils.write_file = timed(WRITING, utils.write_file)
    build.utils.write_file = utils.write_file

    def run_event(self: plugins.PluginCollection, name: str, item: Any = None,
                  **kwargs: Any) -> Any:
        pass_item = item is not None
        for method in self.events[name]:
            plugin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = plugin  # as MkDocs' own run_event: File.generated reads it
            call = timed(f"{plugin}: on_{name}", method)
            result = call(item, **kwargs) if pass_item else call(**kwargs)
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    plugins.PluginCollection.run_event = run_event  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: phases.py OUT.json MKDOCS-ARGS...", file=sys.stderr)
        return 2
    out, args = argv[0], argv[1:]
    imports_started = time.process_time()
    _instrument()
    from mkdocs.__main__ import cli

    _self_time[START_UP] += time.process_time() - imports_started
    code = 0
    built = time.process_time()
    try:
        cli.main(args=args, prog_name="mkdocs", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    total = time.process_time()
    _self_time[REST] += (total - built) - sum(v for k, v in _self_time.items() if k != START_UP)
    # What ran before this script's first line (the interpreter itself) counts as start-up.
    _self_time[START_UP] += max(0.0, total - sum(_self_time.values()))
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"total": total, "phases": dict(_self_time)}, handle, indent=1, sort_keys=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
