"""The fast parsing (issue 6) gives exactly what the slow one gave: every replaced algorithm is
compared with its old version (`tests/parse_oracle.py`) on the real notes, the fixtures (the
hostile corpus included), a synthetic garden and generated Markdown full of the characters
each algorithm cares about."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import parse_oracle as old
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.make_garden import garden_files
from garden import markup
from garden.attachments import extension
from garden.config import GardenConfig
from garden.graph import _has_cycle
from garden.limits import crowded_note, too_deep
from garden.links import extract_links
from garden.note import _deep_flow, normalise_text
from garden.obsidian import INLINE_TAG_RE

REPO = Path(__file__).resolve().parents[1]

PIECES = st.sampled_from([
    "a", "b c", " ", "\n", "\n\n", "\t", "    ", "> ", ">", "# ", "## H", "#tag", "=", "==",
    "---", "-", "- ", "1. ", "*", "**", "_", "~~", "^", "^id", "\\", "\\[", "!", "[", "]", "(",
    ")", "[[", "]]", "[[a]]", "![[b#c|d]]", "[[x|y]]", "\\[[z]]", "[t](u.md)", "[t](<a b.md>)",
    "![i](p.png)", "[r][x](y.md)", "`", "``", "```", "~~~", "```py", "<!--", "-->", "%%", "<div>",
    "</div>", "<br/>", "&amp;", "&", "|", "{#id}", ".", "? ", "\u00a0", "\u2003", "\ue041",
    "[" * 52, ">" * 52, "*" * 402, " " * 205, "\t" * 52, "<p>" * 52, "[[" * 3,
])
MARKDOWN = st.lists(PIECES, max_size=40).map("".join)
CHARS = st.text(alphabet="ab #=-*_~^[]()!|`<>%\\&\n\t .:/{}\ue041\u00a0", max_size=200)
TEXTS = st.one_of(MARKDOWN, CHARS)


def _corpus() -> list[str]:
    paths = sorted((REPO / "notes").rglob("*.md")) + sorted((REPO / "tests").rglob("*.md"))
    texts = [normalise_text(p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    return texts + list(garden_files(60, seed=5).values())


CORPUS = _corpus()


def _links(body: str) -> list[tuple]:
    return [(lk.kind, lk.raw, lk.target, lk.anchor, lk.label, lk.start, lk.end, lk.line, lk.col,
             lk.context, lk.alone_on_line, lk.dest) for lk in extract_links("n", body)]


def _same_parse(text: str) -> None:
    code = markup.masks(text)
    assert code.spans == old.masks(text).spans
    assert markup.obsidian_comments(text) == old.scan(text)[1]
    assert markup.block_code_spans(text) == markup._block_code_spans_by_line(text)
    assert markup.headings(text, code) == old.headings(text, code)
    assert markup._line_offsets(text) == old.line_offsets(text)
    assert list(markup.wikilinks(text)) == [(m.start(), m.end(), bool(m["embed"]), m["inner"])
                                            for m in markup.WIKILINK_RE.finditer(text)]
    for new, was in ((markup.MD_LINK_RE, old.MD_LINK_RE), (markup.MD_IMAGE_RE, old.MD_IMAGE_RE),
                     (INLINE_TAG_RE, old.INLINE_TAG_RE)):
        assert [(m.span(), m.groupdict()) for m in new.finditer(text)] == [
            (m.span(), m.groupdict()) for m in was.finditer(text)]
    assert too_deep(text) == old.too_deep(text)
    assert _links(text) == old.extract_links(text)


def test_the_real_and_synthetic_notes_parse_as_before() -> None:
    assert len(CORPUS) > 100
    for text in CORPUS:
        _same_parse(text)
        for paragraph in text.split("\n\n"):
            assert markup.plain_text(paragraph) == old.plain_text(paragraph)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_generated_markdown_parses_as_before(text: str) -> None:
    _same_parse(text)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_plain_text_as_before(text: str) -> None:
    assert markup.plain_text(text) == old.plain_text(text)


@pytest.mark.parametrize("text", [
    "[" * 51, "[" * 50, "> " * 51 + "q", ">" * 50, "*" * 401, "_" * 400, " " * 204 + "x",
    " " * 203 + "x", "\t" * 51 + "x", "> " + "\t" * 51 + "x", "<div>" * 51, "<div>" * 50,
    "`" + "[" * 60 + "`", "\\[" * 60, "a\n\n" + "*" * 200 + "\n\n" + "*" * 201,
])
def test_limits_at_their_edges_as_before(text: str) -> None:
    assert too_deep(text) == old.too_deep(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab./\\", max_size=12))
def test_extension_as_posixpath_finds_it(name: str) -> None:
    assert extension(name) == old.file_extension(name)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[", "{", "]", "}", "'", '"', "a", "\n"]), max_size=130)
       .map("".join))
def test_front_matter_nesting_as_before(yaml_text: str) -> None:
    assert _deep_flow(yaml_text) == old.deep_flow(yaml_text)
    assert _deep_flow("[" * 51) == old.deep_flow("[" * 51) == (0, 50)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["[[", "](", "[", "]", "(", "a", "\n"]), max_size=40).map("".join),
       st.integers(min_value=1, max_value=6))
def test_crowded_notes_as_before(text: str, max_links: int) -> None:
    found = crowded_note("n.md", text, "notes/n.md", GardenConfig(max_links=max_links))
    offset = old.crowded_at(text, max_links)
    assert (found is None) == (offset is None)
    if found is not None:
        line = text.count("\n", 0, offset) + 1
        assert (found[1].line, found[1].col) == (line, offset - text.rfind("\n", 0, offset))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcde"), st.sampled_from("abcde")), max_size=8))
def test_embed_loops_found_as_networkx_finds_them(edges: list[tuple[str, str]]) -> None:
    assert _has_cycle(edges) == bool(list(nx.simple_cycles(nx.DiGraph(edges))))
