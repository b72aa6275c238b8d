"""The preview and scale benchmark (issue 7): edit-to-page time of `garden serve` against plain
`mkdocs serve --dirty` and against a full rebuild (`mkdocs serve` with the garden plugin), the
size of a note page as the garden grows, and peak memory of a build as it grows.

`python benchmarks/preview.py [--sizes 1000 5000] [--html-sizes 100 5000] [--memory 5000 20000]
[--write]` (or `make bench-preview`). Gardens come from `benchmarks/make_garden.py` (issue 6's
generator). Each contender is a real server on a free port: a note is edited (it gains a
sentence and a link), and the time runs from writing the file until the server returns the
edited page with the new sentence (the live-reload server holds page requests while it builds,
so that is when the whole rebuild is done). Medians of several edits; the first edit after
start-up is not timed. A full rebuild — what plain `mkdocs serve` does on every edit — is the
time of `garden serve`'s own first build (a full build of the same notes, as MkDocs logs it),
and the memory of a build is that server's peak resident memory (VmHWM) after it.
Targets (never timed tests): `garden serve` ≤ 2× plain `--dirty`, ≤ 1/10 of a full rebuild;
note page size at 5,000 within 10% of 100; memory linear.
"""

from __future__ import annotations

import argparse
import datetime
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.make_garden import GardenPaths, make_garden
from benchmarks.report import machine_info, markdown_table

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "RESULTS-preview.md"
STARTUP_TIMEOUT = 1800.0
EDIT_TIMEOUT = 900.0


@dataclass(frozen=True)
class Server:
    name: str
    label: str
    config: str
    """`garden` (mkdocs.yml) or `plain` (mkdocs-plain.yml: no garden plugin)."""
    command: tuple[str, ...]


SERVERS = (
    Server("garden", "garden serve", "garden", ("-m", "garden", "serve")),
    Server("dirty", "plain mkdocs serve --dirty", "plain", ("-m", "mkdocs", "serve", "--dirty")),
)
_BUILT_RE = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=EDIT_TIMEOUT) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at `url` contains `text`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{url} never showed {text!r}")


def page_url(base: str, rel_path: str) -> str:
    stem = rel_path[:-3]
    page = "" if stem == "index" else (stem[:-6] if stem.endswith("/index") else stem + "/")
    return base + quote(page)


def note_paths(garden: GardenPaths) -> list[str]:
    return sorted(p.relative_to(garden.notes).as_posix() for p in garden.notes.rglob("*.md"))


@dataclass(frozen=True)
class Served:
    times: list[float]
    """Edit-to-page seconds of each timed edit."""
    page_sizes: list[int]
    """Bytes of a sample of note pages, as served after the first build."""
    first_build: float
    """Seconds of the server's first (full) build, as MkDocs logs it."""
    peak_mb: float
    """The server's peak resident memory after its first build (VmHWM)."""


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def serve_and_edit(server: Server, garden: GardenPaths, edits: int) -> Served:
    """Start the server, measure its first build, then `edits` edits (after one untimed)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    config = garden.plain_config if server.config == "plain" else garden.garden_config
    paths = [p for p in note_paths(garden) if "/" in p or p.count("-")]
    edited, target = paths[len(paths) // 2], paths[len(paths) // 3]
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            [sys.executable, *server.command, "-f", str(config), "-a", f"127.0.0.1:{port}"],
            cwd=garden.root, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_for(base, "</html>", STARTUP_TIMEOUT)
            sample = paths[:: max(1, len(paths) // 30)]
            sizes = [len((fetch(page_url(base, p)) or "").encode()) for p in sample]
            peak = peak_memory_mb(process.pid)
            times: list[float] = []
            marker = ""
            for number in range(edits + 1 if edits else 0):
                marker = f"preview-edit-{number}-{time.time_ns()}"
                path = garden.notes / edited
                with path.open("a", encoding="utf-8") as handle:
                    handle.write(f"\n\nEdited: {marker}, see [[{target[:-3]}]].\n")
                seconds = wait_for(page_url(base, edited), marker, EDIT_TIMEOUT)
                if number:
                    times.append(seconds)
                time.sleep(1.0)
            if marker and server.name == "garden":  # the edit's backlink is on its target's page
                wait_for(page_url(base, target), marker, 5)
            log.seek(0)
            builds = [float(m[1]) for m in _BUILT_RE.finditer(log.read())]
            return Served(times, sizes, builds[0], peak)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def run(sizes: list[int], html_sizes: list[int], memory: list[int], work: Path,
        edits: int) -> str:
    lines = [f"## Preview and scale (issue 7) — {datetime.date.today().isoformat()}", ""]
    info = machine_info()
    lines.append("Machine: " + ", ".join(f"{k}: {v}" for k, v in info.items()))
    lines.append("")
    rows, size_rows, page_sizes = [], [], {}
    memories: dict[int, tuple[float, float]] = {}
    for n in sorted(set(sizes) | set(html_sizes)):
        print(f"garden of {n} notes…", file=sys.stderr, flush=True)
        medians: dict[str, float] = {}
        for server in SERVERS:
            if n not in sizes and server.name != "garden":
                continue
            garden = make_garden(n, work / f"{server.name}-{n}", repo=REPO)
            served = serve_and_edit(server, garden, edits)
            medians[server.name] = statistics.median(served.times)
            if server.name == "garden":
                page_sizes[n] = statistics.median(served.page_sizes)
                medians["full"] = served.first_build
                memories[n] = (served.first_build, served.peak_mb)
            print(f"  {server.label}: {[round(t, 2) for t in served.times]}, first build "
                  f"{served.first_build:.1f} s, peak {served.peak_mb:.0f} MiB",
                  file=sys.stderr, flush=True)
        if n in sizes:
            g, d, f = medians["garden"], medians["dirty"], medians["full"]
            rows.append([f"{n:,}", f"{g:.2f} s", f"{d:.2f} s", f"{f:.2f} s",
                         f"{g / d:.2f}×", f"{g / f:.3f}×"])
    if rows:
        lines += ["Edit-to-page time (median; a note gains a sentence and a link):", "",
                  markdown_table(["notes", "garden serve", "plain serve --dirty",
                                  "full rebuild (garden)", "vs --dirty (≤ 2×)",
                                  "vs full (≤ 0.1×)"], rows), ""]
    smallest = min(page_sizes) if page_sizes else None
    for n, size in sorted(page_sizes.items()):
        assert smallest is not None
        size_rows.append([f"{n:,}", f"{size / 1024:.1f} KiB",
                          f"{size / page_sizes[smallest]:.3f}×"])
    if size_rows:
        lines += ["Note page size (median of ~30 note pages as served):", "",
                  markdown_table(["notes", "page", f"vs {smallest:,} notes (≤ 1.10×)"],
                                 size_rows), ""]
    for n in sorted(set(memory) - set(memories)):
        print(f"memory: garden of {n} notes…", file=sys.stderr, flush=True)
        served = serve_and_edit(SERVERS[0], make_garden(n, work / f"memory-{n}", repo=REPO), 0)
        memories[n] = (served.first_build, served.peak_mb)
    mem_rows = []
    previous: tuple[int, float] | None = None
    for n, (seconds, peak) in sorted(memories.items()):
        slope = "" if previous is None else (
            f"{(peak - previous[1]) / (n - previous[0]) * 1000:.1f} MiB")
        mem_rows.append([f"{n:,}", f"{seconds:.0f} s", f"{peak:.0f} MiB", slope])
        previous = (n, peak)
    if mem_rows:
        lines += ["Full build with the garden plugin (`garden serve`'s first build): time and "
                  "peak memory. Memory is linear when the growth per 1,000 notes stays flat:", "",
                  markdown_table(["notes", "full build", "peak RSS", "growth per 1,000 notes"],
                                 mem_rows), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--html-sizes", type=int, nargs="*", default=[100, 5000])
    parser.add_argument("--memory", type=int, nargs="*", default=[1000, 5000, 20000])
    parser.add_argument("--edits", type=int, default=5, help="timed edits per server")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="garden-preview-") as tmp:
        report = run(args.sizes, args.html_sizes, args.memory, args.work or Path(tmp),
                     args.edits)
    print(report)
    if args.write:
        RESULTS.write_text("# Preview and scale results\n\n" + report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
