"""Run a command as a child process and measure it: wall time and the child's own peak memory.

Every measurement is a fresh process, as a gardener runs `mkdocs build`, so interpreter start-up
and imports count for every contender alike. Peak memory comes from `os.wait4`, which reports
the resource use of that one child (its maximum resident set size), unlike
`getrusage(RUSAGE_CHILDREN)`, whose maximum covers every child waited for so far.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """One run of a command."""

    seconds: float
    peak_rss_mb: float
    """The child's maximum resident set size (Linux reports KiB; shown in MiB)."""
    cpu_seconds: float
    """User + system CPU time: steadier than wall time when other work shares the machine."""
    returncode: int
    output: str
    """stdout then stderr, for the message when a run fails."""


@dataclass(frozen=True)
class Stat:
    """The median of several runs of one command."""

    seconds: float
    peak_rss_mb: float
    cpu_seconds: float
    runs: int
    spread: float
    """(slowest − fastest) / median: how noisy the runs were."""


class CommandFailed(RuntimeError):
    """A measured command exited with an error: its numbers mean nothing."""


def run_child(args: Sequence[str], cwd: Path | None = None,
              env: Mapping[str, str] | None = None) -> Sample:
    """Run `args` to the end; its wall time and peak RSS. Output goes to a file, not a pipe,
    so a chatty child can never block on a full pipe while we wait for it."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(list(args), cwd=cwd, env=None if env is None else dict(env),
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, usage.ru_maxrss / 1024, cpu, proc.returncode, output)


def checked(sample: Sample, what: str) -> Sample:
    if sample.returncode != 0:
        tail = "\n".join(sample.output.strip().splitlines()[-20:])
        raise CommandFailed(f"{what} exited with {sample.returncode}:\n{tail}")
    return sample


def summarise(samples: Sequence[Sample]) -> Stat:
    """Medians of time and of peak memory over the runs."""
    if not samples:
        raise ValueError("no runs to summarise")
    times = [s.seconds for s in samples]
    median = statistics.median(times)
    spread = (max(times) - min(times)) / median if median else 0.0
    return Stat(median, statistics.median(s.peak_rss_mb for s in samples),
                statistics.median(s.cpu_seconds for s in samples), len(samples), spread)


def measure_interleaved(
    commands: Mapping[str, Sequence[str]],
    repeats: int,
    cwd: Path | None = None,
    before: Callable[[str], None] | None = None,
    on_sample: Callable[[str, int, Sample], None] | None = None,
) -> dict[str, Stat]:
    """Run every command `repeats` times, taking turns (A B C, A B C, ...) so that a burst of
    load on a shared machine hits every contender, not one; `before(name)` runs untimed
    before each run (to clear its output folder)."""
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for repeat in range(repeats):
        for name, args in commands.items():
            if before is not None:
                before(name)
            sample = checked(run_child(args, cwd=cwd), name)
            samples[name].append(sample)
            if on_sample is not None:
                on_sample(name, repeat, sample)
    return {name: summarise(runs) for name, runs in samples.items()}
