"""Obsidian syntax in the core: callouts, comments, inline tags, block ids, attachments and
permalinks, as Markdown in and out."""

from __future__ import annotations

import pytest

from garden.attachments import Display, display
from garden.blocks import find_blocks
from garden.obsidian import callouts_to_admonitions, inline_tags, strip_comments
from garden.permalinks import redirects
from helpers_core import garden_of, md


@pytest.mark.parametrize(("written", "expected"), [
    ("> [!tip] Title\n> Text.", '!!! tip "Title"\n    Text.\n'),
    ("> [!WARNING]-\n> Text.", "??? warning\n    Text.\n"),
    ("> [!faq]+ Open\n> Text.", '???+ faq "Open"\n    Text.\n'),
    ("> [!custom]\n> Text.", '!!! note custom "Custom"\n    Text.\n'),
    ("> [!abstract]\u00a0**Read**: [[A]]", '!!! abstract "**Read**: [[A]]"\n'),
    ("> [!<img/src=x/onerror=alert(1)>]\n> T.",
     '!!! note img-src-x-onerror-alert-1 "&lt;img/src=x/onerror=alert(1)&gt;"\n    T.\n'),
    ("> [!note] A\n> > [!tip] B\n> > Inner.", '!!! note "A"\n    !!! tip "B"\n        Inner.\n\n'),
    ("```\n> [!note] code\n```", "```\n> [!note] code\n```"),
    ("> plain quote", "> plain quote"),
])
def test_callouts_become_admonitions(written, expected):
    assert callouts_to_admonitions(written) == expected


@pytest.mark.parametrize(("written", "expected"), [
    ("a %%hidden%% b", "a  b"),
    ("a\n%%\nblock\n%%\nb", "a\n\nb"),
    ("`%%code%%` stays", "`%%code%%` stays"),
    ("a %%runs to the end", "a "),
])
def test_comments_are_hidden(written, expected):
    assert strip_comments(written) == expected


def test_inline_tags_skip_code_headings_links_and_urls():
    body = md("""
        #start and #mid-word/nested, #123 and `#code`
        ## Heading #no
        [[Note#Heading]] [x](y.md#frag) https://e.org/#frag a#b %%#comment%%
        """)
    assert [t.name for t in inline_tags(body)] == ["start", "mid-word/nested"]


def test_block_ids_name_paragraphs_items_and_blocks_above():
    body = md("""
        First line
        second line ^para

        - one
        - two ^item

        > quote

        ^quote

        ![[pic.png]]^pic
        `not ^code`
        """)
    blocks = {b.id: (body[b.start:b.end], b.own_line) for b in find_blocks(body)}
    assert blocks == {"para": ("First line\nsecond line", False), "item": ("- two", False),
                      "quote": ("> quote", True), "pic": ("![[pic.png]]", False)}


@pytest.mark.parametrize(("label", "expected"), [
    (None, Display(None)), ("300", Display(None, "300")), ("300x200", Display(None, "300", "200")),
    ("A map|300", Display("A map", "300")), ("A map", Display("A map")),
])
def test_attachment_display(label, expected):
    assert display(label) == expected


def test_attachments_are_found_by_name_and_missing_ones_are_errors():
    files = {"a.md": "![[map.png|300]] ![[gone.png]] [[report.pdf]]"}
    from garden.loader import SourceFile, load_garden
    garden, issues = load_garden([SourceFile(p, t.encode()) for p, t in files.items()], None,
                                 ["img/map.png", "docs/report.pdf"])
    assert [r.attachment for r in garden.resolutions["a"]] == ["img/map.png", None,
                                                                "docs/report.pdf"]
    (issue,) = issues
    assert issue.format() == ("notes/a.md:1:18: error: ![[gone.png]]: there is no file "
                              "'gone.png' anywhere under notes — add the file, or fix its name")


@pytest.mark.parametrize("permalink", ["../out", "https://evil.example/", "a/../../b", "x?y",
                                       '"><script>alert(1)</script>'])
def test_permalinks_stay_inside_the_site(permalink):
    garden, issues = garden_of({"a.md": f"---\npermalink: '{permalink}'\n---\nA."})
    assert redirects(garden)[0] == []
    assert [i.code for i in issues] == ["bad-permalink"]


def test_permalink_page_escapes_the_title_and_points_at_the_note():
    title = '<script>alert(1)</script>" onmouseover="x'
    garden, issues = garden_of({"ideas/a.md": f"---\ntitle: '{title}'\npermalink: go/a\n---\nA."})
    (page,) = redirects(garden)[0]
    assert issues == [] and page.path == "go/a/index.html"
    assert "<script>" not in page.html and "&lt;script&gt;" in page.html
    assert 'url=../../ideas/a/"' in page.html


def test_a_permalink_may_not_take_another_page_s_address():
    garden, issues = garden_of({"a.md": "---\npermalink: b\n---\nA.", "b.md": "B."})
    assert redirects(garden)[0] == [] and [i.code for i in issues] == ["bad-permalink"]


def test_publish_false_is_a_draft_and_tags_may_be_a_string_with_hashes():
    garden, _ = garden_of({"a.md": "---\npublish: false\n---\nA.",
                           "b.md": "---\ntags: '#one'\naliases: Bee\n---\nB #two #One."})
    assert garden.notes["a"].draft and not garden.notes["b"].draft
    assert garden.notes["b"].tags == ("one", "two") and garden.notes["b"].aliases == ("Bee",)


def test_hostile_image_labels_stay_text():
    import markdown

    from garden.loader import SourceFile, load_garden
    from garden.render import render_markdown

    label = '<script>alert(1)</script>" onmouseover="x'
    body = f"![[map.png|{label}|300]]\n\n![{label}](map.png)\n"
    garden, _ = load_garden([SourceFile("a.md", body.encode())], None, ["img/map.png"])
    html = markdown.markdown(render_markdown(garden.notes["a"], garden),
                             extensions=["attr_list", "md_in_html"])
    from bs4 import BeautifulSoup

    images = BeautifulSoup(html, "html.parser").select("img")
    assert [img["alt"] for img in images] == [label, label]  # exactly the text, as text
    assert all(set(img.attrs) <= {"alt", "src", "width"} for img in images)
    assert [img.get("width") for img in images] == ["300", None]


@pytest.mark.parametrize(("link", "expected"), [
    ("[[b#How large is it]]", ("b", "how-large-is-it")),  # Obsidian's loose heading match
    ("[[b#`code` part]]", ("b", "code-part")),
    ("[[b#Part#How large is it]]", ("b", "how-large-is-it")),  # a heading path
    ("[[b#^Blk]]", ("b", "^blk")),
    ("[[#^own]]", ("a", "^own")),
])
def test_obsidian_anchors(link, expected):
    garden, _ = garden_of({"a.md": f"{link}\n\nText ^own", "b.md": md("""
        ## Part

        ### How large is it?

        ## `code` part

        Para ^blk
        """)})
    (res,) = garden.resolutions["a"]
    assert (res.target, res.anchor) == expected


def test_attachments_of_one_name_follow_the_folder_rule():
    from garden.loader import SourceFile, load_garden
    files = [SourceFile("x/a.md", b"![[pic.png]]"), SourceFile("y/a.md", b"![[pic.png]]"),
             SourceFile("z/a.md", b"![[pic.png]]")]
    garden, issues = load_garden(files, None, ["x/pic.png", "y/pic.png"])
    assert [r.attachment for n in ("x/a", "y/a") for r in garden.resolutions[n]] == [
        "x/pic.png", "y/pic.png"]
    (issue,) = issues
    assert issue.code == "ambiguous-link" and "notes/x/pic.png, notes/y/pic.png" in issue.message


@pytest.mark.parametrize(("written", "expected"), [
    ("a %%hidden [[X]]%% b", "a b"),
    ("wrap with `%%`. Then more", "wrap with %%. Then more"),
])
def test_plain_text_leaves_comments_out(written, expected):
    from garden.markup import plain_text
    assert plain_text(written) == expected


def test_media_players_point_at_the_file_in_both_url_styles():
    from garden.config import GardenConfig
    from garden.loader import SourceFile, load_garden
    from garden.render import render_markdown

    for directory_urls, src in ((True, "../../media/a%20b.mp3"), (False, "../media/a%20b.mp3")):
        garden, _ = load_garden([SourceFile("ideas/x.md", b"![[a b.mp3]]\n\n![[c.mp4]]")],
                                GardenConfig(directory_urls=directory_urls),
                                ["media/a b.mp3", "c.mp4"])
        out = render_markdown(garden.notes["ideas/x"], garden)
        assert f'<audio class="garden-media" controls src="{src}"></audio>' in out
        assert '<video class="garden-media" controls src="' in out


def test_an_embed_of_a_missing_part_is_a_link_not_the_whole_note():
    from garden.render import render_markdown
    garden, issues = garden_of({"a.md": "![[b#^gone]]\n\n![[b#Gone]]", "b.md": "Whole note."})
    out = render_markdown(garden.notes["a"], garden)
    assert "Whole note." not in out and out.count("](b.md)") == 2
    assert [i.code for i in issues] == ["missing-block", "missing-heading"]


def test_embedded_headings_leave_the_host_its_own_heading_ids():
    import re

    import markdown

    from garden.render import render_markdown
    garden, _ = garden_of({
        "a.md": "![[b]]\n\n## Limitations\n\nSee [[#Limitations]].",
        "b.md": "## Part\n\n### Limitations\n\nTheirs.\n\nSetext\n------\n",
    })
    html = markdown.markdown(render_markdown(garden.notes["a"], garden),
                             extensions=["toc", "attr_list", "md_in_html"])
    ids = re.findall(r'<h\d id="([^"]*)"', html)
    assert ids == ["embed-b-part", "embed-b-limitations", "embed-b-setext", "limitations"]
    assert 'href="a.md#limitations"' in html  # source-to-source, MkDocs makes the URL
