"""Property tests (hypothesis): random front matter, link syntax and Markdown never make the
core raise, and every note is either in the garden or named in an Issue; link normalisation
and resolution keep their rules for any names."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from garden.loader import SourceFile, load_garden
from garden.render import render_markdown, wanted_page_markdown
from garden.resolve import Status
from garden.sanitize import sanitize_html
from garden.site_files import graph_json
from garden.slugs import normalise

PROFILE = settings(max_examples=60, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_NAMES = st.sampled_from(["Alpha", "beta", "Gamma note", "a/alpha", "b/Alpha", "../x", "#h",
                          "Alpha#Head", "Alpha|label", "Alpha#^block", "", " ", "ÄÖ", "ｆｕｌｌ",
                          "x.md", "<script>", "[[", "]]", "|", "\\"])
_PIECES = st.one_of(
    st.text(max_size=30),
    _NAMES.map(lambda n: f"[[{n}]]"),
    _NAMES.map(lambda n: f"![[{n}]]\n"),
    _NAMES.map(lambda n: f"[t]({n}.md)"),
    st.sampled_from(["\n", "\n\n", "# Head\n", "## Alpha\n", "```\n", "`", "    code\n",
                     "<!--", "-->", "> ", "- ", "1. ", "\\[[", "*", "_", "<div markdown=\"1\">",
                     "</div>", "\r\n", "\r", "---\n", "\ufeff", "\x00", "^block\n"]),
)
_BODY = st.lists(_PIECES, max_size=25).map("".join)
_YAML_VALUE = st.one_of(
    st.text(max_size=15), st.integers(), st.booleans(), st.none(),
    st.lists(st.text(max_size=8), max_size=3),
    st.sampled_from(["[unclosed", "{a: 1}", "&a x", "*a", "2011-05-18", "- x", "'", '"',
                     "!!python/object:os.system", "no", "@x", "|\n  block"]),
)
_KEYS = st.sampled_from(["title", "aliases", "tags", "type", "status", "description", "sources",
                         "draft", "tag", "extra", "publish"])


@st.composite
def _note(draw: st.DrawFn) -> bytes:
    text = ""
    if draw(st.booleans()):
        lines = [f"{draw(_KEYS)}: {draw(_YAML_VALUE)}" for _ in range(draw(st.integers(0, 5)))]
        text = "---\n" + "\n".join(lines) + ("\n---\n" if draw(st.booleans()) else "\n")
    text += draw(_BODY)
    data = text.encode("utf-8", errors="surrogatepass")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=4))
    return data


_PATHS = st.sampled_from(["alpha.md", "a/alpha.md", "b/Alpha.md", "beta.md", "gamma note.md",
                          "index.md", "A/ALPHA.MD", "ｆｕｌｌ.md", "x.md.md"])


@PROFILE
@given(st.dictionaries(_PATHS, _note(), min_size=1, max_size=6))
def test_every_note_is_in_the_garden_or_named_in_an_issue(files: dict[str, bytes]) -> None:
    garden, issues = load_garden([SourceFile(path, data) for path, data in files.items()])
    named = {issue.path for issue in issues}
    for path in files:
        in_garden = any(note.path == path for note in garden.notes.values())
        assert in_garden or f"notes/{path}" in named, path
    for note in garden.notes.values():
        html = render_markdown(note, garden)
        assert isinstance(html, str)
        assert "<script" not in sanitize_html(html).lower()
    wanted_page_markdown(garden)
    graph_json(garden)
    for issue in issues:
        assert issue.line >= 1 and issue.col >= 1 and issue.message


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@PROFILE
@given(_TEXT)
def test_normalise_is_idempotent(name: str) -> None:
    assert normalise(normalise(name)) == normalise(name)


@PROFILE
@given(_TEXT)
def test_normalise_ignores_case_and_width(name: str) -> None:
    assert normalise(name.upper()) == normalise(name.lower()) == normalise(name)
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in name)
    assert normalise(wide) == normalise(unicodedata.normalize("NFKC", wide)) == normalise(name)


_WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=8)


@PROFILE
@given(_WORD, _WORD, st.sampled_from(["upper", "lower", "title", "wide"]))
def test_a_link_reaches_its_note_by_title_or_alias_in_any_case(title: str, alias: str,
                                                              style: str) -> None:
    def spell(text: str) -> str:
        if style == "wide":
            return "".join(chr(ord(c) + 0xFEE0) for c in text)
        return getattr(text, style)()

    if normalise(alias) == normalise(title):
        alias += "x"
    notes = {
        "target.md": f"---\ntitle: {title}\naliases: [{alias}]\n---\nThe note.\n",
        "source.md": f"Links: [[{spell(title)}]] and [[{spell(alias)}]].\n",
    }
    garden, _ = load_garden([SourceFile(p, t.encode()) for p, t in notes.items()])
    targets = [(r.status, r.target) for r in garden.resolutions["source"]]
    assert targets == [(Status.RESOLVED, "target"), (Status.RESOLVED, "target")]


@PROFILE
@given(_WORD)
def test_two_notes_of_one_name_in_other_folders_are_ambiguous_and_a_title_beats_an_alias(
        name: str) -> None:
    notes = {
        "a/x.md": f"---\ntitle: {name}\n---\nOne.\n",
        "b/y.md": f"---\ntitle: {name}\n---\nTwo.\n",
        "c/z.md": f"---\ntitle: other {name}\naliases: [{name}]\n---\nThree.\n",
        "d/source.md": f"[[{name}]]\n",
    }
    garden, issues = load_garden([SourceFile(p, t.encode()) for p, t in notes.items()])
    (res,) = garden.resolutions["d/source"]
    assert res.status is Status.AMBIGUOUS
    assert set(res.candidates) == {"a/x", "b/y"}
    assert any(i.code == "ambiguous-link" for i in issues) or any(
        "matches 2 notes" in i.message for i in issues)
