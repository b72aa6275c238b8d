"""Path, id, URL, name and anchor conversions, checked against MkDocs and Python-Markdown."""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urljoin

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown.extensions.toc import slugify as toc_slugify
from markdown.extensions.toc import unique as toc_unique
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from garden.slugs import (
    NoteId,
    default_slugify,
    file_stem,
    folder_of,
    normalise,
    note_id,
    readable_name,
    relative_source_link,
    relative_url,
    root_prefix,
    source_path,
    unique_anchors,
    url_for,
)


@pytest.mark.parametrize(
    ("rel_path", "expected"),
    [
        ("stockport.md", "stockport"),
        ("places/Stockport.md", "places/Stockport"),
        ("places\\stockport.md", "places/stockport"),
        ("shouting.MD", "shouting"),
        ("index.md", "index"),
        ("a b/café.md", "a b/café"),
    ],
)
def test_note_id(rel_path, expected):
    assert note_id(rel_path) == expected


@pytest.mark.parametrize(
    ("nid", "folder", "stem", "path"),
    [
        ("stockport", "", "stockport", "stockport.md"),
        ("places/stockport", "places", "stockport", "places/stockport.md"),
        ("a/b/c", "a/b", "c", "a/b/c.md"),
    ],
)
def test_folder_stem_and_source_path(nid, folder, stem, path):
    assert (folder_of(NoteId(nid)), file_stem(NoteId(nid)), source_path(NoteId(nid))) == (
        folder, stem, path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Your Square Mile", "your square mile"),
        ("your-square-mile", "your square mile"),
        ("your_square_mile.md", "your square mile"),
        ("  Your   Square\tMile  ", "your square mile"),
        ("Your -_- Square Mile", "your square mile"),
        ("YSM.MD", "ysm"),
        ("-leading and trailing_", "leading and trailing"),
        ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth"),  # NFKC
        ("ﬁnance", "finance"),  # NFKC ligature
        ("Straße", "strasse"),  # case-folded, not just lowered
        ("Cafe\u0301", "café"),  # combining accent composed
        ("places/Stockport", "places/stockport"),  # `/` is not a separator
        ("big.society", "big.society"),
        ("notes.mdx", "notes.mdx"),
    ],
)
def test_normalise(name, expected):
    assert normalise(name) == expected


@given(st.text(max_size=20))
@example("a.md.md")
@example("a.md_")
@example("ß\u0301")
@example("Ĥ\u0331")
def test_normalise_is_idempotent(name):
    once = normalise(name)
    assert normalise(once) == once


@given(st.text(alphabet="aB -_", max_size=12))
def test_normalise_ignores_case_and_separator_style(name):
    assert normalise(name.upper().replace(" ", "_")) == normalise(name.lower().replace("_", "-"))


@pytest.mark.parametrize(
    ("nid", "expected"),
    [
        ("your-square-mile", "Your square mile"),
        ("places/big_society__network", "Big society network"),
        ("évènement", "Évènement"),
        ("2011-riots", "2011 riots"),
    ],
)
def test_readable_name(nid, expected):
    assert readable_name(NoteId(nid)) == expected


URL_CASES = [
    # (id, directory_urls, expected)
    ("index", True, "./"),
    ("index", False, "index.html"),
    ("README", True, "./"),
    ("stockport", True, "stockport/"),
    ("stockport", False, "stockport.html"),
    ("places/stockport", True, "places/stockport/"),
    ("places/stockport", False, "places/stockport.html"),
    ("places/index", True, "places/"),
    ("places/index", False, "places/index.html"),
    ("a/b/c", True, "a/b/c/"),
    ("big society/your square mile", True, "big%20society/your%20square%20mile/"),
    ("big society/your square mile", False, "big%20society/your%20square%20mile.html"),
    ("ideas/été", True, "ideas/%C3%A9t%C3%A9/"),
    ("日本/東京", False, "%E6%97%A5%E6%9C%AC/%E6%9D%B1%E4%BA%AC.html"),
    ("v1.2", True, "v1.2/"),
]


@pytest.mark.parametrize(("nid", "directory_urls", "expected"), URL_CASES)
def test_url_for(nid, directory_urls, expected):
    assert url_for(NoteId(nid), directory_urls) == expected


@pytest.mark.parametrize(("nid", "directory_urls", "expected"), URL_CASES)
def test_url_for_is_what_mkdocs_computes(nid, directory_urls, expected):
    mkdocs_file = File(f"{nid}.md", "/docs", "/site", directory_urls)
    assert url_for(NoteId(nid), directory_urls) == mkdocs_file.url


@pytest.mark.parametrize(
    ("url", "page_url", "expected"),
    [
        ("wanted/", "a/", "../wanted/"),
        ("wanted/", "places/c/", "../../wanted/"),
        ("wanted/", "./", "wanted/"),
        ("./", "places/c/", "../../"),
        ("places/c/", "places/c/", "./"),
        ("wanted.html", "places/c.html", "../wanted.html"),
        ("places/d.html", "places/c.html", "d.html"),
        ("index.html", "index.html", "index.html"),
        ("a%20b/", "c/", "../a%20b/"),
    ],
)
def test_relative_url(url, page_url, expected):
    assert relative_url(url, page_url) == expected
    assert relative_url(url, page_url) == get_relative_url(url, page_url)


PAGE_IDS = ["index", "a", "places/index", "places/c", "places/deep/d", "big society/x y"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_url_agrees_with_mkdocs_between_every_pair_of_pages(directory_urls):
    urls = [url_for(NoteId(nid), directory_urls) for nid in PAGE_IDS]
    ours = {(u, p): relative_url(u, p) for u in urls for p in urls}
    assert ours == {(u, p): get_relative_url(u, p) for u in urls for p in urls}


@pytest.mark.parametrize(
    ("from_id", "to_path", "anchor", "expected"),
    [
        ("a", "b.md", None, "b.md"),
        ("a", "places/c.md", "events", "places/c.md#events"),
        ("places/c", "b.md", None, "../b.md"),
        ("places/c", "places/d.md", None, "d.md"),
        ("places/c", "people/e.md", None, "../people/e.md"),
        ("a", "big society/your square mile.md", None, "big%20society/your%20square%20mile.md"),
        ("a", "idées/été.md", "événements", "id%C3%A9es/%C3%A9t%C3%A9.md#événements"),
    ],
)
def test_relative_source_link(from_id, to_path, anchor, expected):
    assert relative_source_link(NoteId(from_id), to_path, anchor) == expected


HEADINGS = [
    "Events",
    "Hello World",
    "  Padded  ",
    "Café au lait",
    "Ünïcödé",
    "日本語",
    "a -- b",
    "snake_case",
    "What's new?",
    "C++ & Rust",
    "100% done",
    "",
    "Emoji 🎉 party",
    "tab\there",
    "Ｆｕｌｌ width",
    "İstanbul",
    "multi   space",
]


@pytest.mark.parametrize("separator", ["-", "_"])
@pytest.mark.parametrize("heading", HEADINGS)
def test_default_slugify_is_python_markdowns(heading, separator):
    assert default_slugify(heading, separator) == toc_slugify(heading, separator)


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (["Events", "Other"], ["events", "other"]),
        (["x", "x", "x"], ["x", "x_1", "x_2"]),
        (["x", "x", "x_1"], ["x", "x_1", "x_2"]),
        (["x_1", "x", "x"], ["x_1", "x", "x_2"]),
        (["Events!", "events"], ["events", "events_1"]),
        (["", "", "!!"], ["_1", "_2", "_3"]),
    ],
)
def test_unique_anchors(headings, expected):
    assert unique_anchors(headings) == expected
    used: set[str] = set()
    assert [toc_unique(toc_slugify(h, "-"), used) for h in headings] == expected


def test_unique_anchors_uses_the_given_slugify_and_separator():
    def upper(text: str, separator: str) -> str:
        return text.upper().replace(" ", separator)

    assert unique_anchors(["a b", "a b"], upper, "+") == ["A+B", "A+B_1"]


@pytest.mark.parametrize(("page", "prefix"), [
    ("./", ""), ("index.html", ""), ("graph/", "../"), ("graph.html", ""),
    ("places/stockport/", "../../"), ("places/stockport.html", "../"), ("places/", "../"),
])
def test_root_prefix_leads_from_a_page_to_the_site_root(page: str, prefix: str) -> None:
    assert root_prefix(page) == prefix


@pytest.mark.parametrize("page", ["./", "index.html", "graph/", "places/stockport/",
                                  "places/stockport.html", "a/b/c/"])
@pytest.mark.parametrize("url", ["./", "ideas/big-society/", "places/caf%C3%A9.html",
                                 "wanted/#x"])
def test_root_prefix_links_land_where_mkdocs_relative_links_do(page: str, url: str) -> None:
    base = "https://example.org/garden/"
    ours = root_prefix(page) + ("" if url == "./" else url)
    assert urljoin(base + page, ours or "./") == urljoin(base + page,
                                                        get_relative_url(url, page))


@pytest.mark.parametrize("directory_urls", [True, False])
def test_cached_urls_and_relative_links_equal_fresh_ones(directory_urls: bool) -> None:
    """`url_for` and relative links are memoised (every backlink, preview and graph node asks
    again): asked twice, in any order, they give what the uncached functions give."""
    paths = ["index.md", "a b.md", "places/stockport.md", "places/north/café.md",
             "people/index.md", "../up.md", "x/README.md", "日本/東京.md"]
    for _ in range(2):
        for path in paths:
            nid = note_id(path)
            assert url_for(nid, directory_urls) == url_for.__wrapped__(nid, directory_urls)
            for other in paths:
                expected = quote(posixpath.relpath(other, posixpath.dirname(nid) or "."))
                assert relative_source_link(nid, other) == expected
                assert relative_source_link(nid, other, "part") == expected + "#part"
