"""The benchmark harness: a deterministic, valid synthetic garden; two configs that differ only by
the plugin; the runner's arithmetic and tables; a tiny end-to-end run. Nothing here is timed."""

from __future__ import annotations

import difflib
import math
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import phases, run
from benchmarks.make_garden import (
    PLAIN_CONFIG,
    REPO,
    Planned,
    _front_matter,
    garden_files,
    make_garden,
    nav_pages,
    without_garden_plugin,
)
from benchmarks.measure import Sample, Stat, run_child, summarise
from benchmarks.report import (
    exponents,
    growth_exponent,
    markdown_table,
    n_log_n_exponent,
)
from conftest import garden_cli
from garden.config import GardenConfig
from garden.links import LinkKind
from garden.loader import load_garden, read_notes_dir
from garden.note import parse_note
from garden.resolve import Status

N = 120


@pytest.fixture(scope="module")
def garden_dir(tmp_path_factory: pytest.TempPathFactory):
    return make_garden(N, tmp_path_factory.mktemp("bench") / "g", seed=7)


@pytest.fixture(scope="module")
def loaded(garden_dir):
    return load_garden(read_notes_dir(garden_dir.notes), GardenConfig())


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_files(garden_dir, tmp_path):
    again = make_garden(N, tmp_path / "again", seed=7)
    assert _tree(again.root) == _tree(garden_dir.root)


def test_another_seed_another_garden():
    assert garden_files(40, seed=1) != garden_files(40, seed=2)


def test_n_notes_plus_the_nav_pages(garden_dir):
    pages = nav_pages((REPO / "mkdocs.yml").read_text(encoding="utf-8"), REPO / "notes")
    files = sorted(p.relative_to(garden_dir.notes).as_posix()
                   for p in garden_dir.notes.rglob("*.md"))
    assert len(files) == garden_dir.count == N + len(pages)
    assert set(pages) <= set(files)
    assert "index.md" in pages and "wanted.md" not in pages  # the plugin writes the wanted page


def test_the_garden_is_valid(garden_dir):
    result = garden_cli(garden_dir.root, "check", "notes")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 error(s), 0 warning(s)" in result.stderr


def test_notes_look_like_a_garden(loaded):
    garden, issues = loaded
    assert issues == []
    pages = nav_pages((REPO / "mkdocs.yml").read_text(encoding="utf-8"), REPO / "notes")
    notes = [n for n in garden.published if n.path not in pages]
    links = [link for note in garden.published for link in note.links]
    assert 6 <= len(links) / len(garden.published) <= 10
    kinds = Counter(link.kind for link in links)
    assert kinds[LinkKind.MARKDOWN] and kinds[LinkKind.EMBED]
    assert any(link.label for link in links if link.kind is LinkKind.WIKILINK)
    assert any(link.anchor for link in links)
    assert any("/" in link.target for link in links if link.kind is LinkKind.WIKILINK)
    assert any(note.aliases for note in notes)
    assert any("/" in note.id for note in notes) and any("/" not in note.id for note in notes)
    assert {n.type for n in notes} > {"idea", "place", "person"}
    assert all(2 <= len(n.tags) <= 4 for n in notes)
    statuses = Counter(r.status for rs in garden.resolutions.values() for r in rs)
    assert statuses[Status.WANTED] and statuses[Status.RESOLVED]
    assert set(statuses) == {Status.WANTED, Status.RESOLVED}
    assert garden.wanted
    words = [len(n.body.split()) for n in notes]
    assert 200 <= statistics.median(words) <= 600


def test_popularity_is_skewed(loaded):
    garden, _ = loaded
    backlinks = sorted((len(garden.backlinks(n.id)) for n in garden.published), reverse=True)
    assert backlinks[0] >= 5 * statistics.median(backlinks)


def test_code_holds_links_that_are_only_text(garden_dir, loaded):
    garden, _ = loaded
    with_code = [n for n in garden.published if "```text" in n.body]
    assert with_code
    assert all("Not A Link" not in link.target for n in with_code for link in n.links)
    assert any("`[[Note title]]`" in n.body for n in garden.published)


def test_configs_differ_only_by_the_plugin(garden_dir):
    garden = garden_dir.garden_config.read_text(encoding="utf-8").splitlines()
    plain = garden_dir.plain_config.read_text(encoding="utf-8").splitlines()
    changes = [line for line in difflib.unified_diff(garden, plain, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changes == ["-  - garden"]
    assert garden_dir.plain_config.name == PLAIN_CONFIG
    assert garden == (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert (garden_dir.root / "theme" / "main.html").is_file()


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("plugins:\n  - search\n  - garden\n  - tags\n", "plugins:\n  - search\n  - tags\n"),
        ("plugins:\n  - garden:\n      embed_depth: 2\n      wanted_page: w.md\n  - tags\n"
         "nav: []\n", "plugins:\n  - tags\nnav: []\n"),
        ("plugins:\n  - search\n  - garden  # the engine\n", "plugins:\n  - search\n"),
    ],
)
def test_without_garden_plugin(config, expected):
    assert without_garden_plugin(config) == expected


def test_without_garden_plugin_needs_the_plugin():
    with pytest.raises(ValueError, match="garden"):
        without_garden_plugin("plugins:\n  - search\n")


def test_nav_pages_are_the_files_the_repository_keeps(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("index.md", "sub/about.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    config = ("toc: !!python/name:builtins.str\nnav:\n  - Home: index.md\n  - Section:\n"
              "    - About: sub/about.md\n    - Wanted: wanted.md\n  - Web: https://x.org/a.md\n")
    assert nav_pages(config, tmp_path) == {"index.md": "Home", "sub/about.md": "About"}


def test_markdown_table():
    table = markdown_table(["N", "time s"], [[100, "1.50"], [1000, "12.00"]])
    assert table.splitlines() == [
        "| N    | time s |",
        "| ---- | -----: |",
        "| 100  |   1.50 |",
        "| 1000 |  12.00 |",
    ]
    with pytest.raises(ValueError):
        markdown_table(["a", "b"], [["only one"]])


@pytest.mark.parametrize(
    ("n1", "t1", "n2", "t2", "k"),
    [(100, 1.0, 1000, 10.0, 1.0), (100, 1.0, 1000, 100.0, 2.0), (1000, 4.0, 5000, 4.0, 0.0),
     (10, 8.0, 40, 1.0, -1.5)],
)
def test_growth_exponent(n1, t1, n2, t2, k):
    assert growth_exponent(n1, t1, n2, t2) == pytest.approx(k)


def test_growth_exponent_needs_positive_different_sizes():
    for bad in ((100, 0.0, 1000, 1.0), (100, 1.0, 100, 2.0)):
        with pytest.raises(ValueError):
            growth_exponent(*bad)


def test_n_log_n_exponent():
    expected = math.log(5000 * math.log(5000) / (1000 * math.log(1000))) / math.log(5)
    assert n_log_n_exponent(1000, 5000) == pytest.approx(expected)
    assert 1 < n_log_n_exponent(1000, 5000) < n_log_n_exponent(100, 1000) < 1.2


def test_exponents_between_consecutive_sizes():
    assert exponents([100, 1000, 5000], [1.0, 10.0, 250.0]) == pytest.approx([1.0, 2.0])


def test_summarise_takes_medians():
    samples = [Sample(s, m, s, 0, "") for s, m in ((3.0, 50.0), (1.0, 70.0), (2.0, 60.0))]
    assert summarise(samples) == Stat(2.0, 60.0, 2.0, 3, 1.0)


def test_peak_memory_is_each_childs_own():
    """wait4 reports each child's own peak, so a small child after a big one is seen small."""
    big = run_child([sys.executable, "-c", "x = b'1' * (200 * 2**20)"])
    small = run_child([sys.executable, "-c", "pass"])
    assert big.returncode == small.returncode == 0
    assert big.peak_rss_mb > 200 > small.peak_rss_mb


def _result(n: int, plain: float, garden: float, check: float, floor: float = 0.5,
            memory: tuple[float, float] = (100.0, 110.0)) -> run.SizeResult:
    def stat(seconds: float, mb: float = 50.0) -> Stat:
        return Stat(seconds, mb, seconds, 1, 0.0)
    return run.SizeResult(n, n + 4, {
        "plain": stat(plain, memory[0]), "garden": stat(garden, memory[1]),
        "cli": stat(garden * 1.2, memory[1]), "floor": stat(floor), "check": stat(check),
    })


def test_targets_on_known_numbers():
    results = [_result(100, 2.0, 2.1, 0.4), _result(1000, 10.0, 10.5, 0.9),
               _result(5000, 50.0, 60.0, 12.0, floor=5.0, memory=(200.0, 260.0))]
    verdicts = {t.what: (t.measured, t.ok) for t in run.targets(results)}
    assert verdicts["mkdocs build + garden time at N=1,000"] == ("1.05×", True)
    assert verdicts["mkdocs build + garden time at N=5,000"] == ("1.20×", False)
    assert verdicts["garden build time at N=1,000"] == ("1.26×", False)
    assert verdicts["peak memory at N=1,000"] == ("1.10×", True)
    assert verdicts["peak memory at N=5,000"] == ("1.30×", False)
    check = [t for t in run.targets(results) if t.what == "garden check at N=5,000"]
    assert [(t.measured, t.ok) for t in check] == [("2.40×", False), ("12.00 s", False)]
    growth = [t for t in run.targets(results) if t.what.startswith("growth")]
    assert [t.ok for t in growth] == [True, False]  # check 0.9 → 12 s is k = 1.61 > 1.13
    assert "steepest: garden check" in growth[1].what
    assert growth[1].measured == f"{growth_exponent(1000, 0.9, 5000, 12.0):.2f}"


def test_targets_not_measured_are_not_verdicts():
    found = run.targets([_result(20, 1.0, 1.0, 0.1)])
    by_what = {t.what: t for t in found}
    assert by_what["mkdocs build + garden time at N=5,000"].ok is None
    assert by_what["growth between sizes"].ok is None


def test_tables_show_ratios():
    results = [_result(100, 2.0, 2.2, 0.4), _result(1000, 10.0, 10.5, 0.9)]
    table = run.results_table(results).splitlines()
    assert table[0].startswith("| N ")
    assert "| 1,000 |" in table[3] and "1.05×" in table[3]
    cpu = run.cpu_table(results).splitlines()
    assert "garden CPU s" in cpu[0] and "1.10×" in cpu[2]  # 2.2 / 2.0
    growth = run.growth_table(results)
    assert "N log N (the limit)" in growth and "100→1,000" in growth


def test_a_tiny_run_end_to_end(tmp_path):
    out = tmp_path / "RESULTS.md"
    code = run.main(["--sizes", "20", "--repeats", "1", "--no-warm-up", "--work",
                     str(tmp_path / "work"), "--write", str(out)])
    assert code == 0
    report = out.read_text(encoding="utf-8")
    for heading in ("## Machine", "## Times, memory and ratios", "## Growth", "## Targets",
                    "## Where the extra time goes", "## The garden's busiest functions"):
        assert heading in report
    assert "| garden: on_files " in report and "| Markdown to HTML (Page.render) " in report
    assert "| 20 " in report and "mkdocs-material" in report and "Python" in report
    assert "`on_files`" in report and "garden/plugin.py" in report
    assert "not measured" in report
    assert not list((tmp_path / "work").glob("*/site-*"))  # sites are cleared after measuring


def test_preview_results_go_inside_results_one_level_down():
    section = run.preview_section("# Preview\n\nText.\n\n## Edit-to-page time\n\n| a |\n")
    assert section.startswith("From `make bench-preview`")
    assert "\n### Edit-to-page time\n" in section and "# Preview" not in section
    assert "Text." in section and "| a |" in section


def test_phase_timer_counts_self_time_once():
    """A timed call inside another counts for its own phase, not again for its caller's."""
    phases._self_time.clear()

    def spin(seconds: float) -> None:
        end = time.process_time() + seconds
        while time.process_time() < end:
            pass

    inner = phases.timed("inner", lambda: spin(0.05))
    outer = phases.timed(lambda: "outer", lambda: (spin(0.05), inner()))
    outer()
    assert set(phases._self_time) == {"inner", "outer"}
    assert 0.04 < phases._self_time["inner"] < 0.09
    assert 0.04 < phases._self_time["outer"] < 0.09  # not 0.1: the inner call is not in it
    phases._self_time.clear()


def test_aliases_are_text_even_when_yaml_would_read_a_word():
    note = Planned(0, "Northern Organising", "idea", "", "northern-organising", "NO")
    text = _front_matter(note, random.Random(1)) + "\nBody.\n"
    parsed, issues = parse_note("northern-organising.md", text, "notes/northern-organising.md")
    assert issues == []
    assert parsed.aliases == ("NO",)
