"""Garden health: the rules of the report, and its text, JSON and page shapes."""

from __future__ import annotations

import datetime
import json

from garden.health import health_page_markdown, health_report, report_data, report_text
from helpers_core import garden_of

UTC = datetime.timezone.utc
SOURCE = "sources:\n  - title: S\n    url: https://example.org/s\n"
FILES = {
    "index.md": "---\ntitle: Start\n---\nSee [[Linked]], [[Ghost]] and [[Other ghost]].\n",
    "linked.md": f"---\ntitle: Linked\nstatus: evergreen\n{SOURCE}---\nMore [[Ghost]].\n",
    "lonely.md": f"---\ntitle: Lonely\nstatus: budding\n{SOURCE}---\nNo one links here.\n",
    "old.md": "---\ntitle: Old\nstatus: budding\n---\nLinks [[Lonely]]? No: [[Linked]].\n",
}


def _report(stale_days=None):
    garden, _ = garden_of(FILES)
    tended = {
        "index": datetime.datetime(2024, 6, 1, tzinfo=UTC),
        "linked": datetime.datetime(2024, 1, 1, tzinfo=UTC),
        "lonely": datetime.datetime(2023, 7, 1, tzinfo=UTC),
        "old": datetime.datetime(2020, 1, 1, tzinfo=UTC),
    }
    return garden, health_report(garden, tended, stale_days)


def test_the_report_finds_what_needs_tending() -> None:
    _, report = _report()
    assert report.notes == 4
    assert [n.id for n in report.orphans] == ["old"]  # the start page is never an orphan
    # wanted by: in the order of the wanting notes' titles (Linked, Start)
    assert [(w.title, w.wanted_by) for w in report.wanted] == [
        ("Ghost", ("linked", "index")), ("Other ghost", ("index",))]
    assert [n.id for n in report.unsourced] == ["old", "index"]  # by title: Old, Start
    assert [(u.note.id, u.when.year) for u in report.untended] == [("old", 2020)]
    assert [n.id for n in report.seedlings] == ["index"]
    assert report.newest == datetime.datetime(2024, 6, 1, tzinfo=UTC)


def test_untended_is_measured_from_the_newest_change_not_from_today() -> None:
    _, report = _report(stale_days=200)
    assert [u.note.id for u in report.untended] == ["old", "lonely"]


def test_no_history_means_nothing_is_untended() -> None:
    garden, _ = garden_of(FILES)
    assert health_report(garden, {}).untended == ()


def test_json_and_text_carry_the_same_findings() -> None:
    _, report = _report()
    data = json.loads(json.dumps(report_data(report)))
    assert [o["path"] for o in data["orphans"]] == ["old.md"]
    assert data["wanted"][0] == {"title": "Ghost", "wanted_by": ["linked", "index"], "count": 2}
    assert data["untended"][0]["last_tended"] == "2020-01-01T00:00:00+00:00"
    text = report_text(report, "notes")
    assert text.startswith("4 notes: 1 orphans, 2 most wanted, 2 without sources, "
                           "1 not tended for a long time, 1 seedlings\n")
    assert "  notes/old.md  Old" in text
    assert "  2×  Ghost  (wanted by linked, index)" in text
    assert "  2020-01-01  notes/old.md  Old" in text


def test_the_page_links_every_finding() -> None:
    garden, report = _report()
    page = health_page_markdown(garden, report)
    assert page.startswith("# Garden health\n")
    assert "- [Orphans](#orphans): 1" in page
    assert "- [Old](old.md) <span class=\"garden-badges\">" in page
    assert "- [Ghost](wanted.md#ghost) — wanted by 2 notes" in page
    assert "- 2020-01-01 [Old](old.md)" in page


def test_an_empty_section_says_it_is_well_tended() -> None:
    garden, _ = garden_of({"index.md": f"---\ntitle: Start\nstatus: evergreen\n{SOURCE}---\nHi.\n"})
    page = health_page_markdown(garden, health_report(garden, {}))
    assert page.count("Nothing here: well tended.") == 5


def test_a_big_garden_shows_the_first_entries_and_points_to_the_report(monkeypatch) -> None:
    from garden import health

    monkeypatch.setattr(health, "PAGE_LIMIT", 2)
    files = {f"n{i}.md": f"---\ntitle: N{i}\n---\nText.\n" for i in range(5)}
    garden, _ = garden_of(files)
    page = health_page_markdown(garden, health_report(garden, {}))
    seedlings = page.split("## Seedlings")[1]
    assert seedlings.count("- [N") == 2
    assert "…and 3 more: run `garden report` to see them all." in seedlings
