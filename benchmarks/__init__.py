"""The garden's benchmarks: a synthetic garden generator, a runner, and the pieces they share.

`make bench` (`python -m benchmarks.run --write`) measures the garden against plain MkDocs and
writes `benchmarks/RESULTS.md`. Speed is measured here only, never by timed tests.
"""
