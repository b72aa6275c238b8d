"""`garden diff`: the core on gardens built from strings, then the command on real git
repositories made in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_git import commit, git, init

from conftest import garden_cli
from garden.diff import (
    GardenDiff,
    LinkChange,
    NoteChange,
    NoteRef,
    diff_gardens,
    format_markdown,
    format_text,
    pair_renames,
)
from garden.slugs import NoteId
from helpers_core import garden_of

BASE = {
    "index.md": "---\ntitle: Home\ntags: [start]\n---\nSee [[Stockport]] and [[Leeds]].\n",
    "places/stockport.md": "---\ntitle: Stockport\nstatus: seedling\n---\nBack [[Home]].\n",
    "old-idea.md": "---\ntitle: Old Idea\n---\nSee [[Home]].\n",
}


def diff_of(before: dict[str, str], after: dict[str, str],
            renames: dict[str, str] | None = None) -> GardenDiff:
    old, _ = garden_of(before)
    new, _ = garden_of(after)
    pairs = {NoteId(a): NoteId(b) for a, b in (renames or {}).items()}
    return diff_gardens(old, new, pairs)


def test_no_change_is_empty() -> None:
    diff = diff_of(BASE, BASE)
    assert diff.is_empty and diff == GardenDiff()
    assert format_text(diff, "main", "HEAD") == (
        "The garden from main to HEAD: no notes, links or tags changed.\n")
    assert "No notes, links or tags changed." in format_markdown(diff, "main", "HEAD")


def test_added_changed_removed_links_wanted_orphans_tags() -> None:
    after = {
        "index.md": BASE["index.md"].replace("tags: [start]", "tags: [start, places]")
        + "Also [[Manchester]].\n",
        "places/stockport.md": BASE["places/stockport.md"].replace("seedling", "budding"),
        "places/leeds.md": "---\ntitle: Leeds\ntags: [places, north]\n---\nA city.\n",
        "lonely.md": "Nobody links here.\n",
    }
    diff = diff_of(BASE, after)
    assert diff.added == (NoteRef("notes/lonely.md", "Lonely"),
                          NoteRef("notes/places/leeds.md", "Leeds"))
    assert diff.removed == (NoteRef("notes/old-idea.md", "Old Idea"),)
    assert diff.changed == (
        NoteChange(NoteRef("notes/index.md", "Home"), NoteRef("notes/index.md", "Home"),
                   ("tags", "text")),
        NoteChange(NoteRef("notes/places/stockport.md", "Stockport"),
                   NoteRef("notes/places/stockport.md", "Stockport"),
                   ("status: seedling → budding",)),
    )
    assert diff.links_added == (LinkChange("Home", "Leeds"),
                                LinkChange("Home", "Manchester", wanted=True))
    assert diff.links_removed == (LinkChange("Home", "Leeds", wanted=True),
                                  LinkChange("Old Idea", "Home"))
    assert diff.wanted_created == ("Manchester",)
    assert diff.wanted_fulfilled == (("Leeds", NoteRef("notes/places/leeds.md", "Leeds")),)
    assert diff.new_orphans == (NoteRef("notes/lonely.md", "Lonely"),)
    assert diff.tags_added == ("north", "places")
    assert diff.renamed == ()


def test_a_renamed_note_keeps_its_links() -> None:
    after = dict(BASE)
    after["places/greater-manchester/stockport.md"] = after.pop("places/stockport.md")
    diff = diff_of(BASE, after, {"places/stockport": "places/greater-manchester/stockport"})
    assert diff.renamed == (NoteChange(
        NoteRef("notes/places/stockport.md", "Stockport"),
        NoteRef("notes/places/greater-manchester/stockport.md", "Stockport"), ()),)
    assert not (diff.added or diff.removed or diff.links_added or diff.links_removed
                or diff.new_orphans)


def test_without_renames_a_move_is_a_removal_and_an_addition() -> None:
    after = dict(BASE)
    after["places/moved.md"] = after.pop("places/stockport.md")
    diff = diff_of(BASE, after)
    assert [r.path for r in diff.added] == ["notes/places/moved.md"]
    assert [r.path for r in diff.removed] == ["notes/places/stockport.md"]


def test_drafts_are_not_part_of_the_site() -> None:
    after = {**BASE, "draft.md": "---\ndraft: true\n---\nSee [[Nowhere]].\n"}
    assert diff_of(BASE, after).is_empty


@pytest.mark.parametrize(
    ("before", "after", "detected", "expected"),
    [
        ({"a.md": b"x"}, {"b.md": b"x"}, [], {"a": "b"}),
        ({"a.md": b"x"}, {"b.md": b"y"}, [], {}),
        ({"a.md": b"x"}, {"b.md": b"y"}, [("a.md", "b.md")], {"a": "b"}),
        ({"a.md": b"x", "c.md": b"x"}, {"b.md": b"x", "d.md": b"x"}, [],
         {"a": "b", "c": "d"}),
        ({"a.md": b"x"}, {"a.md": b"x", "b.md": b"x"}, [], {}),
        ({"a.md": b"x"}, {"b.md": b"y"}, [("a.md", "zzz.md")], {}),
    ],
    ids=["same-content", "different", "git-detected", "two-identical", "copy", "stale-pair"],
)
def test_pair_renames(before, after, detected, expected) -> None:
    assert pair_renames(before, after, detected) == expected


def test_text_and_markdown_formats() -> None:
    diff = GardenDiff(
        added=(NoteRef("notes/a.md", "A"),),
        renamed=(NoteChange(NoteRef("notes/b.md", "B"), NoteRef("notes/c/b.md", "B"),
                            ("text",)),),
        links_added=(LinkChange("A", "Z", wanted=True),),
        wanted_fulfilled=(("Q", NoteRef("notes/a.md", "A")),),
        tags_added=("north",),
    )
    assert format_text(diff, "main", "HEAD") == (
        "The garden from main to HEAD:\n\n"
        "Notes added (1):\n  A (notes/a.md)\n\n"
        "Notes renamed (1):\n  B (notes/b.md → notes/c/b.md): text\n\n"
        "Links added (1):\n  A → Z (not written yet)\n\n"
        "Wanted notes written (1):\n  Q: A (notes/a.md)\n\n"
        "Tags added (1):\n  north\n"
    )
    assert format_markdown(diff, "main", "HEAD") == (
        "## What this change does to the garden\n\n"
        "From `main` to `HEAD`: 1 notes added, 1 notes renamed, 1 links added, "
        "1 wanted notes written, 1 tags added.\n\n"
        "### Notes added\n\n- **A** (`notes/a.md`)\n\n"
        "### Notes renamed\n\n- **B** (`notes/b.md` → `notes/c/b.md`): text\n\n"
        "### Links added\n\n- A → Z *(not written yet)*\n\n"
        "### Wanted notes written\n\n- Q: **A** (`notes/a.md`)\n\n"
        "### Tags added\n\n- north\n"
    )


def test_long_sections_fold_away_in_markdown() -> None:
    tags = tuple(f"tag {i:02}" for i in range(30))
    out = format_markdown(GardenDiff(tags_added=tags), "a", "b")
    assert "- tag 24\n\n<details><summary>and 5 more</summary>\n\n- tag 25\n" in out
    assert out.endswith("- tag 29\n\n</details>\n")
    assert "Tags added (30):" in format_text(GardenDiff(tags_added=tags), "a", "b")


def test_markdown_escapes_hostile_titles() -> None:
    hostile = '<script>alert(1)</script>" onmouseover="x\n# heading'
    diff = GardenDiff(added=(NoteRef("notes/x`y.md", hostile),), tags_added=("*bold*",))
    out = format_markdown(diff, "main`", "HEAD")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\n# heading" not in out
    assert "\\*bold\\*" in out
    assert "`notes/xʼy.md`" in out and "`mainʼ`" in out


# The command, on real repositories.

def test_garden_diff_between_two_commits(tmp_path: Path) -> None:
    repo = init(tmp_path)
    long_text = "".join(f"Line {i} about Stockport's events.\n" for i in range(12))
    base = commit(repo, {f"notes/{k}": v for k, v in BASE.items()}
                  | {"notes/places/stockport.md": BASE["places/stockport.md"] + long_text})
    head = commit(repo, {
        "notes/places/stockport.md": None,
        "notes/places/north/stockport.md": BASE["places/stockport.md"] + long_text + "More.\n",
        "notes/places/leeds.md": "---\ntitle: Leeds\n---\nSee [[Home]].\n",
    })
    result = garden_cli(repo, "diff", base[:10], head)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"The garden from {base[:10]} ({base[:7]}) to {head} ({head[:7]}):\n\n"
        "Notes added (1):\n  Leeds (notes/places/leeds.md)\n\n"
        "Notes renamed (1):\n"
        "  Stockport (notes/places/stockport.md → notes/places/north/stockport.md): text\n\n"
        "Links added (2):\n  Home → Leeds\n  Leeds → Home\n\n"
        "Links removed (1):\n  Home → Leeds (not written yet)\n\n"
        "Wanted notes written (1):\n  Leeds: Leeds (notes/places/leeds.md)\n"
    )


def test_garden_diff_against_the_notes_on_disk(tmp_path: Path) -> None:
    repo = init(tmp_path)
    commit(repo, {f"notes/{k}": v for k, v in BASE.items()})
    (repo / "notes" / "old-idea.md").rename(repo / "notes" / "ideas.md")  # untracked, same bytes
    (repo / "notes" / "new.md").write_text("---\ntags: [fresh]\n---\nSee [[Home]].\n")
    result = garden_cli(repo, "diff", "main", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    sha = git(repo, "rev-parse", "--short=7", "main")
    assert (f"From `main ({sha})` to `the notes on disk`: 1 notes added, 1 notes renamed"
            in result.stdout)
    assert "- **Old Idea** (`notes/old-idea.md` → `notes/ideas.md`)\n" in result.stdout
    assert "### Tags added\n\n- fresh\n" in result.stdout


def test_garden_diff_notes_folder_deeper_in_the_repository(tmp_path: Path) -> None:
    repo = init(tmp_path)
    base = commit(repo, {"site/notes/a.md": "A, see [[B]].\n"})
    commit(repo, {"site/notes/b.md": "B.\n"})
    result = garden_cli(repo / "site", "diff", base, "HEAD", "--dir", "notes")
    assert result.returncode == 0, result.stderr
    assert "Notes added (1):\n  B (notes/b.md)\n" in result.stdout
    assert "Wanted notes written (1):\n  B: B (notes/b.md)\n" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "nope"], "'nope' is not a commit in this repository"),
        (["diff", "main", "--dir", "missing"], "missing is not a folder of notes"),
    ],
)
def test_garden_diff_bad_input(tmp_path: Path, args: list[str], message: str) -> None:
    repo = init(tmp_path)
    commit(repo, {"notes/a.md": "A\n"})
    result = garden_cli(repo, *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_garden_diff_outside_git(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    result = garden_cli(tmp_path, "diff", "main")
    assert result.returncode == 2
    assert "notes is not inside a git repository" in result.stderr


def test_garden_diff_reads_attachments_like_a_build(tmp_path: Path) -> None:
    # A link to a file of an unknown kind reads as a wanted note unless the file is known:
    # both sides of the diff know the attachments under the notes folder, as a build does.
    repo = init(tmp_path)
    base = commit(repo, {"notes/a.md": "A.\n", "notes/data/.hidden.xyz": "no"})
    head = commit(repo, {"notes/a.md": "A, see [[table.xyz]] and ![[map.png]].\n",
                         "notes/data/table.xyz": "1,2\n", "notes/map.png": b"\x89PNG"})
    for args in ((base, head), (base,)):
        result = garden_cli(repo, "diff", *args)
        assert result.returncode == 0, result.stderr
        assert "Notes changed (1):\n  A (notes/a.md)" in result.stdout
        assert "table.xyz" not in result.stdout and "Wanted" not in result.stdout


def test_garden_diff_a_missing_attachment_is_not_wanted(tmp_path: Path) -> None:
    # The same link before its file was added is a wanted note (a name the garden cannot find).
    repo = init(tmp_path)
    base = commit(repo, {"notes/a.md": "A, see [[table.xyz]].\n"})
    head = commit(repo, {"notes/data/table.xyz": "1,2\n"})
    result = garden_cli(repo, "diff", base, head)
    assert result.returncode == 0, result.stderr
    assert "Links removed (1):\n  A → table.xyz (not written yet)\n" in result.stdout
