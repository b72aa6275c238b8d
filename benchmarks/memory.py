"""The scale run of issue 7: a full `mkdocs build` with the garden plugin at growing sizes, with
its wall time, CPU time and peak memory, to show that a 20,000-note garden builds and that
memory grows linearly with the garden.

`python benchmarks/memory.py [--sizes 1000 5000 20000] [--work DIR]`. Each size is a fresh
garden from `benchmarks/make_garden.py` built once in a fresh process (`measure.run_child`:
the child's own peak RSS from `os.wait4`); the site is deleted after each build. Prints a
Markdown table (growth per 1,000 notes between rows: flat means linear). Slow: at 20,000 notes
the build takes tens of minutes on a shared 2-core machine, so run it in the background.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_garden import make_garden
from benchmarks.measure import CommandFailed, Sample, run_child
from benchmarks.report import markdown_table

REPO = Path(__file__).resolve().parents[1]


def build_once(n: int, work: Path) -> Sample:
    """Generate an `n`-note garden and build it once with the garden plugin."""
    garden = make_garden(n, work / f"garden-{n}", repo=REPO)
    site = work / f"site-{n}"
    try:
        sample = run_child([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                            str(garden.garden_config), "-d", str(site)], cwd=garden.root)
    finally:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(garden.root, ignore_errors=True)
    if sample.returncode:
        raise CommandFailed(f"{n} notes: mkdocs build failed:\n{sample.output[-3000:]}")
    return sample


def table(samples: dict[int, Sample]) -> str:
    rows, previous = [], None
    for n, sample in sorted(samples.items()):
        growth = "" if previous is None else (
            f"{(sample.peak_rss_mb - previous[1]) / (n - previous[0]) * 1000:.1f} MiB")
        rows.append([f"{n:,}", f"{sample.seconds:.0f} s", f"{sample.cpu_seconds:.0f} s",
                     f"{sample.peak_rss_mb:.0f} MiB",
                     f"{sample.peak_rss_mb / n * 1000:.1f} MiB", growth])
        previous = (n, sample.peak_rss_mb)
    return markdown_table(["notes", "build (wall)", "build (CPU)", "peak RSS",
                           "per 1,000 notes", "growth per 1,000 notes"], rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args(argv)
    samples: dict[int, Sample] = {}
    with tempfile.TemporaryDirectory(prefix="garden-memory-") as tmp:
        for n in args.sizes:
            print(f"building {n} notes…", file=sys.stderr, flush=True)
            samples[n] = build_once(n, args.work or Path(tmp))
            s = samples[n]
            print(f"  {s.seconds:.0f} s wall, {s.cpu_seconds:.0f} s CPU, "
                  f"{s.peak_rss_mb:.0f} MiB peak", file=sys.stderr, flush=True)
    print(table(samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
