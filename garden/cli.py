"""`garden check | new | build | serve`: the command line. Prints, and maps Issues to exit codes."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from garden.config import GardenConfig, limit_fields
from garden.diagnostics import Issue, count, format_issues
from garden.loader import ParseCache, load_garden, read_attachment_paths, read_notes_dir
from garden.note import NOTE_TYPES

if TYPE_CHECKING:
    from garden.graph import Garden

# Each command imports what only it needs (MkDocs, git, the report and diff modules) when it
# runs: `garden check` is run on every push and by editors, and its start-up counts.

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="garden", description="Tend a knowledge garden.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check the notes and report problems")
    check.add_argument("notes_dir", nargs="?", default="notes", metavar="NOTES_DIR")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    check.set_defaults(run=_check)

    new = commands.add_parser("new", help="write a new note from the template")
    new.add_argument("title")
    new.add_argument("--type", choices=NOTE_TYPES, default="idea")
    new.add_argument("--dir", default="notes", help="the notes folder (default: notes)")
    new.add_argument("--folder", default="", help="a folder inside the notes folder")
    new.set_defaults(run=_new)

    build = commands.add_parser("build", help="check the notes, then build the site")
    build.add_argument("-f", "--config-file", default="mkdocs.yml")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("-d", "--site-dir", default=None)
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="preview the site, rebuilding on every edit")
    serve.add_argument("-f", "--config-file", default="mkdocs.yml")
    serve.add_argument("-a", "--dev-addr", default=None, metavar="HOST:PORT")
    serve.set_defaults(run=_serve)

    diff = commands.add_parser(
        "diff", help="what changed in the garden between two git revisions",
        description="Compare the notes at BASE with the notes at HEAD (a branch, tag or commit; "
                    "without HEAD, the notes as they are on disk now).")
    diff.add_argument("base", metavar="BASE")
    diff.add_argument("head", nargs="?", default=None, metavar="HEAD")
    diff.add_argument("--dir", default="notes", help="the notes folder (default: notes)")
    diff.add_argument("--format", choices=("text", "markdown"), default="text")
    diff.set_defaults(run=_diff)

    report = commands.add_parser("report", help="what needs tending: orphans, wanted notes, "
                                 "notes without sources, untended notes, seedlings")
    report.add_argument("notes_dir", nargs="?", default="notes", metavar="NOTES_DIR")
    report.add_argument("--format", choices=("text", "json"), default="text")
    report.add_argument("--stale-days", type=int, default=None, metavar="DAYS",
                        help="untended after this many days (default: 365)")
    report.set_defaults(run=_report)
    return parser


def _load(notes_dir: str) -> tuple[Garden, list[Issue]] | None:
    root = Path(notes_dir)
    if not root.is_dir():
        print(f"garden: {notes_dir} is not a folder of notes", file=sys.stderr)
        return None
    label = Path(notes_dir).as_posix().rstrip("/")
    return load_garden(read_notes_dir(root), GardenConfig(notes_label=label),
                       read_attachment_paths(root))


def _failed(issues: list[Issue], strict: bool) -> bool:
    errors, warnings = count(issues)
    return bool(errors or (strict and warnings))


def _check(args: argparse.Namespace) -> int:
    loaded = _load(args.notes_dir)
    if loaded is None:
        return EXIT_USAGE
    garden, issues = loaded
    output = format_issues(issues, args.format)
    if output:
        print(output)
    if args.format == "text":
        errors, warnings = count(issues)
        print(f"{len(garden.notes)} notes checked: {errors} error(s), {warnings} warning(s)",
              file=sys.stderr)
    return EXIT_PROBLEMS if _failed(issues, args.strict) else EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from garden.scaffold import file_name_for, note_template
    from garden.slugs import normalise

    notes_dir = Path(args.dir)
    if not notes_dir.is_dir():
        print(f"garden: {args.dir} is not a folder of notes", file=sys.stderr)
        return EXIT_USAGE
    path = notes_dir / args.folder / file_name_for(args.title)
    if path.exists():
        print(f"garden: {path.as_posix()} already exists — nothing was written", file=sys.stderr)
        return EXIT_PROBLEMS
    garden, _ = load_garden(read_notes_dir(notes_dir), GardenConfig(notes_label=args.dir))
    key = normalise(args.title)
    for note in garden.published:
        if key in {normalise(note.title), *(normalise(a) for a in note.aliases)}:
            print(f"garden: a note called '{args.title}' already exists: "
                  f"{args.dir}/{note.path} — edit that one instead", file=sys.stderr)
            return EXIT_PROBLEMS
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(note_template(args.title, args.type))
    print(f"wrote {path.as_posix()}")
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from garden.resolve import Status

    started = time.monotonic()
    try:
        config = load_config(args.config_file, strict=args.strict, site_dir=args.site_dir)
    except (ConfigurationError, Abort, OSError) as exc:
        print(f"garden: can't read {args.config_file}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    notes_dir = Path(config.docs_dir)
    label = _relative_label(notes_dir, Path(args.config_file).resolve().parent)
    plugin = config.plugins.get("garden")
    limits = limit_fields(plugin.config) if plugin is not None else {}
    parsed: ParseCache = {}
    garden, issues = load_garden(read_notes_dir(notes_dir),
                                 GardenConfig(notes_label=label, **limits),
                                 read_attachment_paths(notes_dir), parsed)
    if issues:
        print(format_issues(issues, "text"))
    if _failed(issues, args.strict):
        print("garden: the site was not built — fix the problems above", file=sys.stderr)
        return EXIT_PROBLEMS
    _, warnings = count(issues)
    wanted = sum(1 for rs in garden.resolutions.values() for r in rs if r.status is Status.WANTED)
    summary = (f"built {len(garden.published)} notes, {garden.link_count()} links, "
               f"{len(garden.wanted)} wanted notes ({wanted} links), "
               f"{len(garden.orphans())} orphans, {warnings} warnings")
    del garden, issues  # the plugin builds its own Garden: not two in memory at once
    if plugin is not None:
        # The notes just checked are the notes MkDocs will read: the plugin takes them as
        # parsed (a file whose bytes differ by then is parsed again).
        plugin.parsed = parsed
    del parsed
    # The check above has printed the plugin's messages already.
    logging.getLogger("mkdocs.plugins.garden").setLevel(logging.ERROR)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as exc:
        print(f"garden: the site was not built: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{summary} in {time.monotonic() - started:.1f} s → {config.site_dir}")
    return EXIT_OK


def _relative_label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _serve(args: argparse.Namespace) -> int:
    """`mkdocs serve`, except that every rebuild after the first is a dirty one: the garden
    plugin marks exactly the pages an edit changes, so the preview is fast and never stale."""
    import shutil
    import tempfile
    from urllib.parse import urlsplit

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError
    from mkdocs.livereload import LiveReloadServer

    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_build_warning)
    site_dir = tempfile.mkdtemp(prefix="garden_")

    def get_config():
        return load_config(config_file=args.config_file, site_dir=site_dir,
                           dev_addr=args.dev_addr)

    try:
        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path

        def builder(config=None, dirty: bool = True) -> None:
            logging.getLogger("mkdocs").info("Building documentation...")
            config = config or get_config()
            config.site_url = server.url
            build(config, serve_url=server.url, dirty=dirty)

        server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir,
                                  mount_path=mount_path)
        server.error_handler = lambda code: _error_page(site_dir, code)
        try:
            builder(config, dirty=False)
            server.watch(config.docs_dir)
            if config.config_file_path:
                server.watch(config.config_file_path)
            server = config.plugins.on_serve(server, config=config, builder=builder)
            for item in config.watch:
                server.watch(item)
            try:
                server.serve()
            except KeyboardInterrupt:
                logging.getLogger("mkdocs").info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as exc:
        print(f"garden: can't serve: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from garden.diff import diff_gardens, format_markdown, format_text, pair_renames
    from garden.gitfiles import (
        GitError,
        commit_of,
        locate,
        read_revision,
        renamed_paths,
        revision_attachment_paths,
    )

    try:
        repo = locate(args.dir)
        base = commit_of(repo, args.base)
        head = commit_of(repo, args.head) if args.head else None
        before = read_revision(repo, base)
        before_attachments = revision_attachment_paths(repo, base)
        if head:
            after = read_revision(repo, head)
            after_attachments = revision_attachment_paths(repo, head)
        else:
            after = read_notes_dir(args.dir)
            after_attachments = read_attachment_paths(args.dir)
        detected = renamed_paths(repo, base, head)
    except GitError as exc:
        print(f"garden: {exc}", file=sys.stderr)
        return EXIT_USAGE
    config = GardenConfig(notes_label=Path(args.dir).as_posix().rstrip("/"))
    # Attachments are read as `garden build` reads them: without them, a link to a picture or
    # a file would look like a missing file or a wanted note.
    old, _ = load_garden(before, config, before_attachments)
    new, _ = load_garden(after, config, after_attachments)
    renames = pair_renames({f.path: f.data for f in before}, {f.path: f.data for f in after},
                           detected)
    changes = diff_gardens(old, new, renames)
    shown = (f"{args.base} ({base[:7]})",
             f"{args.head} ({head[:7]})" if head else "the notes on disk")
    formatter = format_markdown if args.format == "markdown" else format_text
    print(formatter(changes, *shown), end="")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    if args.stale_days is not None and args.stale_days < 1:
        print("garden: --stale-days must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    from garden.health import health_report, report_data, report_text
    from garden.history import last_tended
    from garden.tended import tended_by_id

    loaded = _load(args.notes_dir)
    if loaded is None:
        return EXIT_USAGE
    garden, _ = loaded
    paths = [note.path for note in garden.published]
    tended = tended_by_id(garden, last_tended(args.notes_dir, paths))
    report = health_report(garden, tended, args.stale_days)
    if args.format == "json":
        print(json.dumps(report_data(report), ensure_ascii=False, indent=1))
    else:
        print(report_text(report, garden.config.notes_label), end="")
    return EXIT_OK


def _not_the_dirty_build_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build leaves pages stale; under `garden serve` none is."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _error_page(site_dir: str, code: int) -> bytes | None:
    page = Path(site_dir, f"{code}.html")
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
