"""Shaping numbers for people: Markdown tables, growth exponents, and the machine they ran on."""

from __future__ import annotations

import math
import os
import platform
from collections.abc import Sequence
from importlib import metadata


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]],
                   align: str | None = None) -> str:
    """A GitHub-flavoured Markdown table, columns padded to line up. `align` has one letter
    per column, `l` or `r` (default: the first column left, the rest right)."""
    align = align or "l" + "r" * (len(headers) - 1)
    if len(align) != len(headers) or any(len(row) != len(headers) for row in rows):
        raise ValueError("every row needs one cell per header")
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(3, *(len(row[i]) for row in cells)) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        padded = (cell.ljust(w) if a == "l" else cell.rjust(w)
                  for cell, w, a in zip(row, widths, align, strict=True))
        return "| " + " | ".join(padded) + " |"

    rule = "| " + " | ".join(
        "-" * w if a == "l" else "-" * (w - 1) + ":" for w, a in zip(widths, align, strict=True)
    ) + " |"
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def growth_exponent(n1: float, t1: float, n2: float, t2: float) -> float:
    """The slope of time against size on a log-log plot between two sizes: 1 is linear,
    2 quadratic. Time t ∝ N^k gives k exactly."""
    if min(n1, n2, t1, t2) <= 0 or n1 == n2:
        raise ValueError("sizes and times must be positive and the sizes different")
    return math.log(t2 / t1) / math.log(n2 / n1)


def n_log_n_exponent(n1: float, n2: float) -> float:
    """The growth exponent N·log N itself has between two sizes: the most any time may show."""
    return growth_exponent(n1, n1 * math.log(n1), n2, n2 * math.log(n2))


def exponents(sizes: Sequence[int], times: Sequence[float]) -> list[float]:
    """Growth exponents between each pair of consecutive sizes."""
    if len(sizes) != len(times):
        raise ValueError("one time per size")
    return [growth_exponent(sizes[i], times[i], sizes[i + 1], times[i + 1])
            for i in range(len(sizes) - 1)]


def ratio(a: float, b: float) -> float:
    return a / b if b else math.inf


def fmt_seconds(seconds: float) -> str:
    return f"{seconds:.2f}"


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}×"


def fmt_mb(mb: float) -> str:
    return f"{mb:.0f}"


def fmt_count(n: int) -> str:
    return f"{n:,}"


def machine_info() -> dict[str, str]:
    """What the numbers were measured on: CPU, cores, memory, load, and the software."""
    info = {
        "CPU": _cpu_model(),
        "cores": _cores(),
        "RAM": _memory(),
        "OS": platform.platform(terse=True),
        "Python": platform.python_version(),
    }
    for package in ("mkdocs", "mkdocs-material", "Markdown", "PyYAML", "networkx"):
        try:
            info[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            info[package] = "not installed"
    info["load average"] = _load()
    return info


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _cores() -> str:
    total = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else total
    return f"{usable}" if usable == total else f"{usable} usable of {total}"


def _memory() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _load() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f} (1, 5, 15 min)"
