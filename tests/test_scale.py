"""A note page does not grow with the garden: with the site's small nav, the page of a note with
the same neighbours is the same size in a garden of 10 notes and one of 300, and MkDocs says
nothing about the notes left out of the nav. (A size ratio, never a timing.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MKDOCS_YML, REPO, Site, mkdocs_build, write_garden

ENTRY_PAGES = {
    "index.md": "# Home\n\nStart with [[Focus]].\n",
    "about.md": "# About\n\nA test garden.\n",
    "contribute.md": "# Contribute\n\nWrite a note.\n",
    "tags.md": "# Tags\n\n<!-- material/tags -->\n",
}
FOCUS = {
    "focus.md": "---\ntitle: Focus\ntags: [focus]\n---\nLinks to [[N1]], [[N2]] and [[N3]].\n",
    "n1.md": "# N1\n\nBack to [[Focus]].\n",
    "n2.md": "# N2\n\nAlso back to [[Focus]].\n",
    "n3.md": "# N3\n\nNo links back.\n",
}


def site_config() -> str:
    """The tests' configuration with the repository's own nav and nav validation."""
    repo = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    ours = MKDOCS_YML[:MKDOCS_YML.index("validation:")]
    return ours + repo[repo.index("\nvalidation:") + 1:]


def garden(size: int) -> dict[str, str]:
    notes = {**ENTRY_PAGES, **FOCUS}
    fillers = size - len(notes)
    for i in range(fillers):
        notes[f"more/f{i:03}.md"] = (
            f"---\ntitle: Filler {i}\ntags: [filler]\n---\n"
            f"Next is [[Filler {(i + 1) % fillers}]], then [[Filler {(i + 2) % fillers}]].\n")
    return notes


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Site, str]]:
    sites = {}
    for size in (10, 300):
        root = write_garden(tmp_path_factory.mktemp(f"scale-{size}"), garden(size))
        (root / "mkdocs.yml").write_text(
            site_config().format(directory_urls="true", theme=REPO / "theme"), encoding="utf-8")
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stderr
        sites[size] = (Site(root, True), result.stderr)
    return sites


def test_a_note_page_is_the_same_size_in_a_garden_thirty_times_larger(built) -> None:
    small, large = (built[n][0].file_for("focus").stat().st_size for n in (10, 300))
    assert 0.97 <= large / small <= 1.03, (small, large)


def test_the_pages_agree_apart_from_the_garden_size(built) -> None:
    small, large = (built[n][0].soup("focus") for n in (10, 300))
    assert [a["href"] for a in small.select("#backlinks a")] == ["../", "../n1/", "../n2/"]
    assert str(small.find("article")) == str(large.find("article"))
    assert len(large.select("nav a")) == len(small.select("nav a"))


def test_no_message_names_the_notes_left_out_of_the_nav(built) -> None:
    for site, log in built.values():
        assert "not included in the" not in log
        assert "more/f001.md" not in log
        assert Path(site.dir, "more", "f001", "index.html").is_file()
