"""Measure the garden against plain MkDocs on synthetic gardens, and report: `make bench`.

For each size N it writes a garden (`make_garden`), then runs, taking turns, each contender
as a fresh process: plain `mkdocs build` (the same configuration minus the garden plugin),
`mkdocs build` with the garden plugin, `garden build` (what `make build` runs), the floor (read
every note and parse its front matter) and `garden check`. It reports the median time and peak
memory of each, their ratios, the growth exponent of every time between sizes, and whether the
targets hold; with `--write`, also into `benchmarks/RESULTS.md`.

    python -m benchmarks.run [--sizes 100,1000,5000] [--repeats 3] [--write] [--work DIR]
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import itertools
import json
import pstats
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_garden import DEFAULT_SEED, GardenPaths, make_garden
from benchmarks.measure import Stat, checked, measure_interleaved, run_child
from benchmarks.report import (
    exponents,
    fmt_count,
    fmt_mb,
    fmt_ratio,
    fmt_seconds,
    machine_info,
    markdown_table,
    n_log_n_exponent,
    ratio,
)

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
PREVIEW_RESULTS = HERE / "RESULTS-preview.md"
SIZES = (100, 1000, 5000)
REPEATS = 3
LARGE = 5000
LARGE_REPEATS = 2
"""Runs per contender from LARGE notes up: keeps `make bench` on a fresh clone well under 15
minutes on a 2-core machine."""
PROFILE_AT_MOST = 1000
"""The profile is taken at the largest size up to this (shares hardly change with size, and a
profiled build is three times slower)."""
BUILD_OVERHEAD = 1.10
MEMORY_OVERHEAD = 1.20
CHECK_OVER_FLOOR = 2.0
CHECK_SECONDS = 2.0
CHECK_AT = 5000
OVERHEAD_AT = (1000, 5000)


@dataclass(frozen=True)
class Contender:
    """One command measured at every size. `args(garden, site_dir)` is its command line."""

    name: str
    label: str
    args: Callable[[GardenPaths, Path], list[str]]
    builds: bool = True
    """It writes a site (into `site_dir`, emptied before every run)."""


def _mkdocs(config: str) -> Callable[[GardenPaths, Path], list[str]]:
    def args(garden: GardenPaths, site: Path) -> list[str]:
        path = garden.plain_config if config == "plain" else garden.garden_config
        return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(path), "-d", str(site)]
    return args


CONTENDERS: dict[str, Contender] = {c.name: c for c in (
    Contender("plain", "plain mkdocs build", _mkdocs("plain")),
    Contender("garden", "mkdocs build + garden", _mkdocs("garden")),
    Contender("cli", "garden build", lambda g, site: [
        sys.executable, "-m", "garden", "build", "-f", str(g.garden_config), "-d", str(site)]),
    Contender("floor", "floor (read + front matter)", lambda g, _: [
        sys.executable, str(HERE / "floor.py"), str(g.notes)], builds=False),
    Contender("check", "garden check", lambda g, _: [
        sys.executable, "-m", "garden", "check", str(g.notes)], builds=False),
)}
"""Every contender, in the order they take turns. Add one here to measure it too."""


@dataclass(frozen=True)
class SizeResult:
    n: int
    notes: int
    """Files in the garden: the N notes and the navigation's pages."""
    stats: dict[str, Stat]

    def time(self, name: str) -> float:
        return self.stats[name].seconds

    def rss(self, name: str) -> float:
        return self.stats[name].peak_rss_mb


@dataclass(frozen=True)
class Target:
    what: str
    limit: str
    measured: str
    ok: bool | None
    """None: not measured in this run (its size was not among the sizes)."""


def run_size(n: int, work: Path, repeats: int, seed: int = DEFAULT_SEED,
             contenders: dict[str, Contender] = CONTENDERS, warm_up: bool = False,
             log: Callable[[str], None] = lambda _: None) -> SizeResult:
    """Write a garden of `n` notes under `work` and measure every contender on it."""
    garden = make_garden(n, work / f"garden-{n}", seed)
    sites = {name: garden.root / f"site-{name}" for name in contenders}
    commands = {name: c.args(garden, sites[name]) for name, c in contenders.items()}

    def clear(name: str) -> None:
        shutil.rmtree(sites[name], ignore_errors=True)

    if warm_up:  # the first run of anything pays for compiling and caching: not measured
        for name, args in commands.items():
            clear(name)
            checked(run_child(args, cwd=garden.root), name)
    log(f"N={n}: {garden.count} notes, {repeats} run(s) of {', '.join(commands)}")
    stats = measure_interleaved(
        commands, repeats, cwd=garden.root, before=clear,
        on_sample=lambda name, r, s: log(f"  {name:>6} run {r + 1}: {s.seconds:6.2f} s "
                                         f"{s.peak_rss_mb:6.0f} MiB {s.cpu_seconds:6.2f} s CPU"),
    )
    for name in sites:
        clear(name)
    return SizeResult(n, garden.count, stats)


def results_table(results: Sequence[SizeResult]) -> str:
    """One row per size: times, memory, and the ratios the targets are about."""
    headers = ["N", "plain build s", "garden build s", "ratio", "garden CLI s", "ratio",
               "plain MiB", "garden MiB", "ratio", "floor s", "check s", "ratio"]
    rows = []
    for r in results:
        rows.append([
            fmt_count(r.n),
            fmt_seconds(r.time("plain")), fmt_seconds(r.time("garden")),
            fmt_ratio(ratio(r.time("garden"), r.time("plain"))),
            fmt_seconds(r.time("cli")), fmt_ratio(ratio(r.time("cli"), r.time("plain"))),
            fmt_mb(r.rss("plain")), fmt_mb(r.rss("garden")),
            fmt_ratio(ratio(r.rss("garden"), r.rss("plain"))),
            fmt_seconds(r.time("floor")), fmt_seconds(r.time("check")),
            fmt_ratio(ratio(r.time("check"), r.time("floor"))),
        ])
    return markdown_table(headers, rows)


def cpu_table(results: Sequence[SizeResult]) -> str:
    """The same runs by CPU time (user + system): far steadier than wall time when other work
    shares the machine, so the ratios to trust on a busy one."""
    rows = []
    for r in results:
        cpu = {name: stat.cpu_seconds for name, stat in r.stats.items()}
        rows.append([
            fmt_count(r.n), fmt_seconds(cpu["plain"]), fmt_seconds(cpu["garden"]),
            fmt_ratio(ratio(cpu["garden"], cpu["plain"])), fmt_seconds(cpu["cli"]),
            fmt_ratio(ratio(cpu["cli"], cpu["plain"])), fmt_seconds(cpu["floor"]),
            fmt_seconds(cpu["check"]), fmt_ratio(ratio(cpu["check"], cpu["floor"])),
        ])
    return markdown_table(["N", "plain CPU s", "garden CPU s", "ratio", "garden CLI CPU s",
                           "ratio", "floor CPU s", "check CPU s", "ratio"], rows)


def growth_table(results: Sequence[SizeResult],
                 contenders: dict[str, Contender] = CONTENDERS) -> str:
    """Growth exponent of every contender's time between consecutive sizes, and N log N's."""
    sizes = [r.n for r in results]
    steps = [f"{fmt_count(a)}→{fmt_count(b)}" for a, b in itertools.pairwise(sizes)]
    rows = []
    for name, contender in contenders.items():
        slopes = exponents(sizes, [r.time(name) for r in results])
        rows.append([contender.label, *(f"{k:.2f}" for k in slopes)])
    rows.append(["N log N (the limit)",
                 *(f"{n_log_n_exponent(a, b):.2f}" for a, b in itertools.pairwise(sizes))])
    return markdown_table(["time of", *steps], rows)


def targets(results: Sequence[SizeResult],
            contenders: dict[str, Contender] = CONTENDERS) -> list[Target]:
    """The issue's targets, each with what was measured and whether it holds."""
    by_n = {r.n: r for r in results}
    found: list[Target] = []
    for n in OVERHEAD_AT:
        for name in ("garden", "cli"):
            r = by_n.get(n)
            value = ratio(r.time(name), r.time("plain")) if r else None
            found.append(_target(f"{contenders[name].label} time at N={fmt_count(n)}",
                                 f"≤ {fmt_ratio(BUILD_OVERHEAD)} plain", value, BUILD_OVERHEAD))
    for r in results:
        value = ratio(r.rss("garden"), r.rss("plain"))
        found.append(_target(f"peak memory at N={fmt_count(r.n)}",
                             f"≤ {fmt_ratio(MEMORY_OVERHEAD)} plain", value, MEMORY_OVERHEAD))
    r = by_n.get(CHECK_AT)
    found.append(_target(f"garden check at N={fmt_count(CHECK_AT)}",
                         f"≤ {fmt_ratio(CHECK_OVER_FLOOR)} floor",
                         ratio(r.time("check"), r.time("floor")) if r else None,
                         CHECK_OVER_FLOOR))
    found.append(_target(f"garden check at N={fmt_count(CHECK_AT)}",
                         f"< {CHECK_SECONDS:.0f} s", r.time("check") if r else None,
                         CHECK_SECONDS, unit=" s"))
    sizes = [r.n for r in results]
    for a, b in itertools.pairwise(results):
        limit = n_log_n_exponent(a.n, b.n)
        worst = max(contenders, key=lambda name: exponents([a.n, b.n],
                                                           [a.time(name), b.time(name)])[0])
        slope = exponents([a.n, b.n], [a.time(worst), b.time(worst)])[0]
        found.append(Target(
            f"growth {fmt_count(a.n)}→{fmt_count(b.n)} (steepest: {contenders[worst].label})",
            f"≤ {limit:.2f} (N log N)", f"{slope:.2f}", slope <= limit))
    if len(sizes) < 2:
        found.append(Target("growth between sizes", "≤ N log N", "one size only", None))
    return found


def _target(what: str, limit: str, value: float | None, bound: float,
            unit: str = "×") -> Target:
    if value is None:
        return Target(what, limit, "not measured", None)
    shown = f"{value:.2f}{unit}"
    return Target(what, limit, shown, value <= bound if unit == "×" else value < bound)


def targets_table(found: Sequence[Target]) -> str:
    verdict = {True: "met", False: "**missed**", None: "—"}
    return markdown_table(["target", "limit", "measured", ""],
                          [[t.what, t.limit, t.measured, verdict[t.ok]] for t in found],
                          align="llrl")


def profile_build(garden: GardenPaths, site: Path, top: int = 12) -> str:
    """Profile one `mkdocs build` with the plugin (cProfile by CPU time, in a child) and show
    where the garden's own time goes: its busiest functions by cumulative time."""
    out = garden.root / "build.prof"
    shutil.rmtree(site, ignore_errors=True)
    checked(run_child([sys.executable, str(HERE / "profiled.py"), str(out), "-m", "mkdocs",
                       "build", "-q", "-f", str(garden.garden_config), "-d", str(site)],
                      cwd=garden.root), "profiled build")
    shutil.rmtree(site, ignore_errors=True)
    stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    package = str(Path(importlib.util.find_spec("garden").origin).parent)  # type: ignore[arg-type]
    total = max(cumulative for (_, _, _, cumulative, _) in stats.values())
    rows = []
    for (filename, line, func), (_, ncalls, _, cumulative, _) in stats.items():
        if filename.startswith(package):
            where = f"{Path(filename).relative_to(Path(package).parent).as_posix()}:{line}"
            rows.append((cumulative, f"`{func}`", where, ncalls))
    rows.sort(key=lambda row: (-row[0], row[2]))
    table = markdown_table(
        ["garden function", "where", "calls", "cumulative s", "share"],
        [[name, where, fmt_count(calls), fmt_seconds(cum), f"{cum / total:.0%}"]
         for cum, name, where, calls in rows[:top]],
        align="llrrr",
    )
    return (f"One `mkdocs build` with the garden at N={fmt_count(garden.count)} under cProfile "
            f"took {total:.1f} s of CPU (profiling slows Python code down, so shares "
            f"matter, not seconds); the garden's busiest functions, by cumulative "
            f"time:\n\n{table}\n")


def phases_of(config: Path, garden: GardenPaths, site: Path) -> dict[str, float]:
    """CPU seconds per phase of one `mkdocs build` (`phases.py`, in a child)."""
    out = garden.root / "phases.json"
    shutil.rmtree(site, ignore_errors=True)
    checked(run_child([sys.executable, str(HERE / "phases.py"), str(out), "build", "-q",
                       "-f", str(config), "-d", str(site)], cwd=garden.root), "phases build")
    shutil.rmtree(site, ignore_errors=True)
    return json.loads(out.read_text(encoding="utf-8"))["phases"]


def phases_table(garden: GardenPaths, site: Path, runs: int = 1) -> str:
    """Where a build with the garden spends more than a plain one, phase by phase, without a
    profiler: the least of `runs` interleaved builds of each, per phase."""
    plain: list[dict[str, float]] = []
    with_garden: list[dict[str, float]] = []
    for _ in range(runs):
        plain.append(phases_of(garden.plain_config, garden, site))
        with_garden.append(phases_of(garden.garden_config, garden, site))

    def least(runs_: list[dict[str, float]], phase: str) -> float:
        return min(r.get(phase, 0.0) for r in runs_)

    phases = {k for r in plain + with_garden for k in r}
    rows = sorted(((least(with_garden, k) - least(plain, k), least(plain, k),
                    least(with_garden, k), k) for k in phases), key=lambda r: (-r[0], r[3]))
    total_plain = sum(least(plain, k) for k in phases)
    total_garden = sum(least(with_garden, k) for k in phases)
    table = markdown_table(
        ["phase", "plain CPU s", "garden CPU s", "extra s", "share of extra"],
        [[k, fmt_seconds(a), fmt_seconds(b), f"{extra:+.2f}",
          f"{extra / (total_garden - total_plain):.0%}" if total_garden > total_plain else ""]
         for extra, a, b, k in rows if max(a, b) >= 0.01]
        + [["**total**", fmt_seconds(total_plain), fmt_seconds(total_garden),
            f"{total_garden - total_plain:+.2f}", ""]],
        align="lrrrr",
    )
    runs_text = ("one plain and one garden `mkdocs build`" if runs == 1 else
                 f"{runs} plain and {runs} garden `mkdocs build`s, taking turns (the least of "
                 "the runs per phase)")
    return (f"At N={fmt_count(garden.count)}, {runs_text}, timed phase by phase by CPU time "
            "without a profiler (`phases.py`; a template rendered inside a plugin counts as "
            "template time):\n\n" + table + "\n")


def preview_section(text: str) -> str:
    """The preview benchmark's report (`make bench-preview`, slower: its own run) inside this
    one, its headings one level down, so RESULTS.md holds every result."""
    lines = text.strip().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    body = "\n".join("#" + line if line.startswith("#") else line for line in lines).strip()
    return (f"From `make bench-preview` ([{PREVIEW_RESULTS.name}]({PREVIEW_RESULTS.name}), "
            "which is a run of its own: it times `mkdocs serve`), copied here by "
            f"`make bench`:\n\n{body}\n")


def render(results: Sequence[SizeResult], repeats: dict[int, int], command: str,
           machine: dict[str, str], profile: str | None, phases: str | None = None,
           preview: str | None = None) -> str:
    """RESULTS.md: the machine, the tables, the targets, the profile."""
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "# Benchmark results",
        "",
        f"Written by `{command}` on {stamp}; see [README.md](README.md) for the method, the "
        "targets and what the numbers mean. Medians of "
        + ", ".join(f"{runs} run(s) at N={fmt_count(n)}" for n, runs in repeats.items())
        + "; every run is a fresh process, the contenders taking turns.",
        "",
        "## Machine",
        "",
        markdown_table(["", ""], [[k, v] for k, v in machine.items()], align="ll"),
        "",
        "## Times, memory and ratios",
        "",
        "Times in seconds, peak memory (resident set) in MiB. *plain* is `mkdocs build` of the "
        "same notes with the same `mkdocs.yml` minus the garden plugin; *garden build* is "
        "`mkdocs build` with it; *garden CLI* is `garden build` (what `make build` runs); "
        "*floor* reads every note and parses its front matter; the memory ratio is garden "
        "build over plain.",
        "",
        results_table(results),
        "",
        "The same runs by CPU time (user + system), which other work on the machine disturbs "
        "far less than wall time (the load average above says how busy it was):",
        "",
        cpu_table(results),
        "",
        "## Growth",
        "",
        "The exponent k in time ∝ N^k between consecutive sizes (1 is linear). Start-up costs "
        "that do not grow make small gardens look better than linear.",
        "",
        growth_table(results) if len(results) > 1 else "Only one size was measured.",
        "",
        "## Targets",
        "",
        targets_table(targets(results)),
        "",
    ]
    if phases:
        parts += ["## Where the extra time goes", "", phases]
    if profile:
        parts += ["## The garden's busiest functions", "", profile]
    if preview:
        parts += ["## Preview and scale", "", preview_section(preview)]
    return "\n".join(parts).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="garden sizes, comma-separated (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=REPEATS,
                        help="runs per contender and size; the median counts (default: 3)")
    parser.add_argument("--large-repeats", type=int, default=LARGE_REPEATS,
                        help=f"runs at {LARGE:,} notes and more (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work", type=Path, default=None,
                        help="where to write the gardens (kept); default: a temporary folder")
    parser.add_argument("--write", nargs="?", const=RESULTS, default=None, type=Path,
                        metavar="FILE", help=f"also write the report (default file: {RESULTS})")
    parser.add_argument("--no-profile", action="store_true",
                        help="skip profiling a build at the largest size")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="skip the untimed first run of every contender")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, like 100,1000,5000")
    if not sizes or sizes[0] < 1 or args.repeats < 1 or args.large_repeats < 1:
        parser.error("sizes and repeats must be at least 1")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    machine = machine_info()
    # A stopped run still removes its gardens: SIGTERM unwinds through `finally` like Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    work = args.work or Path(tempfile.mkdtemp(prefix="garden-bench-"))
    try:
        results = [run_size(n, work, args.large_repeats if n >= LARGE else args.repeats,
                            args.seed,
                            warm_up=(i == 0 and not args.no_warm_up), log=log)
                   for i, n in enumerate(sizes)]
        profile = phases = None
        if not args.no_profile:
            at = max([n for n in sizes if n <= PROFILE_AT_MOST] or sizes[:1])
            garden = make_garden(at, work / f"garden-{at}", args.seed)
            log(f"timing the phases of plain and garden builds at N={at}")
            phases = phases_table(garden, garden.root / "site-phases")
            log(f"profiling one build at N={at}")
            profile = profile_build(garden, garden.root / "site-profile")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    command = "python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:])
    report = render(results, {r.n: r.stats["plain"].runs for r in results}, command.strip(),
                    machine, profile, phases,
                    PREVIEW_RESULTS.read_text(encoding="utf-8")
                    if PREVIEW_RESULTS.exists() else None)
    print(report)
    if args.write:
        args.write.write_text(report, encoding="utf-8")
        log(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
