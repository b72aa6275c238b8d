"""Run a module under cProfile, timed by CPU time rather than the wall clock, so that other work
on a shared machine does not blur the profile: `python benchmarks/profiled.py OUT -m MODULE ...`.
"""

from __future__ import annotations

import cProfile
import runpy
import sys
import time


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "-m":
        print("usage: profiled.py OUT.prof -m MODULE [ARGS...]", file=sys.stderr)
        return 2
    out, module, args = argv[0], argv[2], argv[3:]
    sys.argv = [module, *args]
    profiler = cProfile.Profile(time.process_time)
    code = 0
    profiler.enable()
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        profiler.disable()
        profiler.dump_stats(out)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
