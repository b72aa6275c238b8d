"""The garden's graph: backlinks with their sentences, orphans, wanted notes, embed loops."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from garden.graph import WANTED_PREFIX
from garden.loader import SourceFile, load_garden
from garden.slugs import NoteId
from helpers_core import garden_of

GARDEN = {
    "places/stockport.md": """
        ---
        title: Stockport
        ---
        A town. It ran [[Your Square Mile]] events and [[Stockport|itself]].
    """,
    "initiatives/your-square-mile.md": """
        ---
        title: Your Square Mile
        aliases: [YSM]
        ---
        Piloted in [[Stockport]]. See [[Community Organisers]]. Again [[Stockport]] here.
    """,
    "ideas/big-society.md": """
        ---
        title: Big Society
        ---
        Includes [[YSM|the square mile plan]].

        - [[Community organisers]] were trained.
        - So were [[Volunteers]].
    """,
    "people/alone.md": "Nobody links here. [[Alone]] links itself.",
    "drafts/secret.md": """
        ---
        draft: true
        ---
        Links to [[Stockport]] and [[Draft Wish]].
    """,
}


def test_backlinks_are_sorted_by_title_with_each_links_sentence():
    garden, _ = garden_of(GARDEN)
    assert [(b.source, b.title, b.contexts)
            for b in garden.backlinks(NoteId("initiatives/your-square-mile"))] == [
        ("ideas/big-society", "Big Society", ("Includes the square mile plan.",)),
        ("places/stockport", "Stockport", ("It ran Your Square Mile events and itself.",)),
    ]


def test_backlink_contexts_are_in_text_order_without_repeats():
    garden, _ = garden_of({**GARDEN, "places/more.md": "Again [[Stockport]]. Again [[Stockport]]."})
    backlinks = {b.source: b.contexts for b in garden.backlinks(NoteId("places/stockport"))}
    assert backlinks == {
        "initiatives/your-square-mile": ("Piloted in Stockport.", "Again Stockport here."),
        "places/more": ("Again Stockport.",),
    }


def test_self_links_and_drafts_are_not_backlinks():
    garden, _ = garden_of(GARDEN)
    assert garden.backlinks(NoteId("people/alone")) == []
    assert "drafts/secret" not in {b.source for b in garden.backlinks(NoteId("places/stockport"))}


def test_drafts_are_not_in_the_graph():
    garden, _ = garden_of(GARDEN)
    assert "drafts/secret" in garden.notes
    assert "drafts/secret" not in garden.graph
    published = {note.id for note in garden.published}
    assert "drafts/secret" not in published and "places/stockport" in published
    assert WANTED_PREFIX + "draft wish" not in garden.graph


def test_orphans():
    garden, _ = garden_of(GARDEN)
    assert garden.orphans() == ["ideas/big-society", "people/alone"]


def test_outlinks_include_wanted_nodes():
    garden, _ = garden_of(GARDEN)
    assert garden.outlinks(NoteId("ideas/big-society")) == [
        "initiatives/your-square-mile", "wanted:community organisers", "wanted:volunteers"]
    assert garden.outlinks(NoteId("drafts/secret")) == []


def test_wanted_nodes_are_keyed_by_normalised_name():
    garden, _ = garden_of(GARDEN)
    node = "wanted:community organisers"
    assert garden.graph.nodes[node] == {"wanted": True}
    assert sorted(garden.graph.predecessors(node)) == [
        "ideas/big-society", "initiatives/your-square-mile"]
    assert node not in {note.id for note in garden.published}


def test_wanted_list_with_anchors_and_the_links_that_want_it():
    garden, _ = garden_of(GARDEN)
    assert [(w.key, w.title, w.anchor, [(lk.source, lk.raw) for lk in w.wanted_by])
            for w in garden.wanted] == [
        ("community organisers", "Community organisers", "community-organisers", [
            ("ideas/big-society", "[[Community organisers]]"),
            ("initiatives/your-square-mile", "[[Community Organisers]]"),
        ]),
        ("volunteers", "Volunteers", "volunteers", [("ideas/big-society", "[[Volunteers]]")]),
    ]
    assert set(garden.wanted_by_key) == {"community organisers", "volunteers"}


def test_wanted_anchors_are_unique_on_the_wanted_page():
    garden, _ = garden_of({"a.md": "[[Wanted notes]] [[Plan!]] [[plan]] [[日本]] [[東京]]"})
    assert [(w.title, w.anchor) for w in garden.wanted] == [
        ("plan", "plan"), ("Plan!", "plan_1"), ("Wanted notes", "wanted-notes_1"),
        ("日本", "_1"), ("東京", "_2")]


def test_link_count_counts_every_link_of_published_notes():
    garden, _ = garden_of(GARDEN)
    # stockport 2 (one a self-link, left out), your-square-mile 3, big-society 3, alone 0
    assert garden.link_count() == 7


def test_node_link_data_is_sorted():
    garden, _ = garden_of(GARDEN)
    nodes, edges = garden.node_link_data()
    assert nodes == sorted(nodes)
    assert edges == sorted(edges)
    assert ("places/stockport", "initiatives/your-square-mile") in edges


def test_embed_cycles():
    garden, _ = garden_of({
        "a.md": "![[B]]",
        "b.md": "![[C]]",
        "c.md": "![[A]]",
        "self.md": "![[Self]]",
        "d.md": "![[A]] and [[D]] linked, not embedded.",
        "e.md": "[[F]]",
        "f.md": "[[E]]",
    })
    assert garden.embed_cycles() == [["a", "b", "c"], ["self"]]


def test_graph_is_the_same_whatever_the_file_order():
    forward, _ = garden_of(GARDEN)
    backward, _ = garden_of(dict(reversed(GARDEN.items())))
    assert forward.node_link_data() == backward.node_link_data()
    assert forward.wanted == backward.wanted


# The preview's incremental index: a garden made from the previous one (`previous=`) equals a
# fresh one after any sequence of edits. Small pools of names make edits collide: titles and
# aliases that capture links, path forms, Markdown links, folders settling ambiguity, headings
# appearing and going, drafts, notes added, renamed and deleted.
_IDS = ["a", "b", "f/a", "f/c", "g/d", "g/e"]
_NAMES = ["A", "B", "C", "D", "Nobody", "f/a", "g/d"]
_LINK = st.sampled_from(["[[{}]]", "[[{}#H]]", "\n![[{}]]\n", "[x]({}.md)", "[x]({}.md#h)",
                         "[[{}|label]]"])


@st.composite
def _note(draw: st.DrawFn) -> str:
    title = draw(st.sampled_from(["A", "B", "C", "D", "E"]))
    aliases = draw(st.lists(st.sampled_from(_NAMES), max_size=2))
    draft = draw(st.booleans()) and draw(st.booleans())
    links = draw(st.lists(st.tuples(_LINK, st.sampled_from(_NAMES + _IDS)), max_size=4))
    body = " ".join(form.format(name) for form, name in links)
    heading = draw(st.sampled_from(["", "\n## H\n\nText.\n", "\n## H\n\n[[A]] here.\n"]))
    return (f"---\ntitle: {title}\naliases: [{', '.join(aliases)}]\n"
            f"draft: {str(draft).lower()}\n---\nIntro {body}.\n{heading}")


_GARDEN = st.dictionaries(st.sampled_from(_IDS).map(lambda i: f"{i}.md"), _note(), max_size=6)


def _index(garden):
    return (dict(garden.notes), dict(garden.resolutions),
            sorted(garden.graph.nodes(data=True)),
            sorted((s, t, d["links"]) for s, t, d in garden.graph.edges(data=True)),
            garden.wanted)


@settings(max_examples=150, deadline=None)
@given(_GARDEN, st.lists(st.dictionaries(st.sampled_from(_IDS).map(lambda i: f"{i}.md"),
                                         st.none() | _note(), max_size=3), min_size=1,
                         max_size=4))
def test_a_garden_made_from_the_previous_one_equals_a_fresh_one(first, edits):
    cache: dict = {}
    files = dict(first)
    garden, _ = load_garden(_sources(files), cache=cache)
    for edit in edits:
        for path, text in edit.items():
            if text is None:
                files.pop(path, None)
            else:
                files[path] = text
        garden, issues = load_garden(_sources(files), cache=cache, previous=garden)
        fresh, fresh_issues = load_garden(_sources(files))
        assert _index(garden) == _index(fresh)
        assert issues == fresh_issues


def _sources(files):
    return [SourceFile(path, text.encode()) for path, text in sorted(files.items())]
