"""A deterministic synthetic garden of N notes, and the two MkDocs configurations that build it.

`python benchmarks/make_garden.py N OUT_DIR [--seed S]` writes `OUT_DIR/notes/`, `OUT_DIR/theme/`
(the repository's theme), `OUT_DIR/mkdocs.yml` (the repository's configuration, garden plugin
included) and `OUT_DIR/mkdocs-plain.yml` (the same text minus the garden plugin, so the
wikilinks stay text). The same N and seed always give byte-identical files.

The notes look like the real garden's: front matter with tags, a type and a status (aliases,
a description and sources on some), a few hundred words in three sections, about eight
wikilinks each whose targets follow a Zipf-like popularity (a few notes are linked from
everywhere, most from a handful), some with labels or headings, some by alias or path form,
some to notes nobody has written (wanted), a few Markdown links and block embeds, some notes
in folders, and code blocks and code spans holding `[[links]]` that are only text.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
NOTES = "notes"
THEME = "theme"
GARDEN_CONFIG = "mkdocs.yml"
PLAIN_CONFIG = "mkdocs-plain.yml"
DEFAULT_SEED = 1

TYPES = ("idea", "practice", "organisation", "initiative", "policy", "event", "place", "person",
         "resource")
STATUSES = ("seedling", "budding", "evergreen")
FOLDERS = {"place": "places", "person": "people", "organisation": "organisations",
           "event": "events"}
TAGS = (
    "policy", "localism", "community organising", "social action", "mass engagement",
    "neighbourhoods", "networks", "voluntary sector", "local infrastructure",
    "community enterprise", "mutuals and co-ops", "funding", "cuts", "social investment",
    "young people", "open data", "social technology", "social reporting",
    "knowledge gardening", "scrutiny", "events", "asset-based approaches",
)
HEADINGS = ("Background", "In practice", "Open questions")
ZIPF_EXPONENT = 1.0
LINKS_PER_NOTE = (4, 12)
"""Uniform range: eight links per note on average."""
WORDS_PER_SECTION = (80, 150)

_ADJECTIVES = (
    "Active", "Big", "Bold", "Civic", "Common", "Local", "Open", "Shared", "Small", "Mutual",
    "Neighbourly", "Public", "Quiet", "Rural", "Urban", "Social", "Green", "Young", "Digital",
    "Practical", "Everyday", "Future", "Hidden", "Joint", "Living", "Northern", "Southern",
    "Patient", "Plural", "Radical", "Steady", "Village", "Weekly", "Whole", "Wider", "Careful",
)
_NOUNS = (
    "Action", "Allotments", "Assets", "Budgets", "Cafes", "Charter", "Commons", "Conversations",
    "Councils", "Democracy", "Enterprise", "Festivals", "Funding", "Gardens", "Giving",
    "Governance", "Grants", "Halls", "Housing", "Kitchens", "Learning", "Libraries", "Listening",
    "Markets", "Mapping", "Media", "Mentoring", "Organising", "Ownership", "Pantries", "Parks",
    "Pubs", "Reporting", "Repair", "Schools", "Services", "Shops", "Skills", "Sport", "Streets",
    "Trust", "Transport", "Volunteering", "Welcome", "Wellbeing", "Workshops",
)
_ORGANISATIONS = ("Trust", "Network", "Partnership", "Forum", "Alliance", "Foundation",
                  "Collective", "Association", "Co-op", "Society")
_EVENTS = ("Summit", "Day", "Tour", "Fair", "Camp", "Festival", "Assembly", "Week")
_PLACE_STARTS = ("Ash", "Brook", "Clay", "Elm", "Fern", "Glen", "Hazel", "Holly", "Kings",
                 "Lark", "Mill", "Moor", "Oak", "Pen", "Red", "Rose", "Salt", "Stone", "Thorn",
                 "Wald", "Well", "West", "Whit", "Wood", "York", "Bar", "Cold", "Dun")
_PLACE_ENDS = ("ford", "ley", "wick", "ton", "bury", "field", "ham", "worth", "by", "stow",
               "mouth", "dale", "combe", "ridge")
_PLACE_SUFFIXES = ("", "", "", " Green", " Hill", " Vale", " Cross", " End", " Common")
_FIRST_NAMES = ("Alex", "Amira", "Ben", "Carys", "Dev", "Eilidh", "Femi", "Grace", "Hamid",
                "Isla", "Jonah", "Kemi", "Leah", "Marek", "Nia", "Owen", "Priya", "Rhys",
                "Sana", "Tom", "Una", "Vik", "Wren", "Yusuf", "Zara", "Ruth", "David", "Mei")
_LAST_NAMES = ("Abbott", "Begum", "Carter", "Dlamini", "Evans", "Fraser", "Gill", "Hughes",
               "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Novak", "Okafor", "Patel",
               "Quinn", "Reid", "Singh", "Taylor", "Usman", "Vaughan", "Walsh", "Young")
_WORDS = tuple("""
people community local group groups neighbours street council volunteers money time meeting
meetings project projects plan plans idea ideas work working worked together town village city
hall library park garden school church mosque centre charity charities trust network networks
support help helped helping share shared sharing learn learned learning change changes changed
power powers right rights public private service services funding fund grant grants small big
first next last year years month week day evening weekend morning open close closed run ran
running start started build built building care caring young older family families children
residents tenants members board chair report reports story stories voice voices listen listened
talk talked question questions answer answers evidence research practice practices tool tools
place places space spaces map mapped street estate market shop cafe kitchen food bank repair
walk walked ride bus train road bridge river field farm allotment energy housing homes rent
job jobs skills training mentor mentors advice debt benefit benefits health wellbeing sport
art arts music festival event events celebration history memory archive photo photos film
website blog email phone survey forum list lists agenda minutes budget budgets cost costs
saving savings value values trust trusted local national regional government minister policy
policies act law rule rules review reviews audit scheme schemes programme programmes pilot
pilots partner partners partnership partnerships council councils ward wards parish parishes
and the of to in for with on by from about after before during while because although so but
""".split())  # noqa: SIM905
_FILLER = ("the", "a", "and", "of", "to", "in", "for", "with", "on", "by")
_WANTED_PREFIXES = ("Unwritten", "Future", "Missing", "Someday", "Pending")


@dataclass(frozen=True)
class Planned:
    """One note before it is written: who it is and where it lives."""

    index: int
    title: str
    type: str
    folder: str
    slug: str
    alias: str | None

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.slug}.md" if self.folder else f"{self.slug}.md"

    @property
    def path_form(self) -> str:
        return self.path[:-3]


@dataclass(frozen=True)
class GardenPaths:
    """Where a generated garden's pieces are."""

    root: Path
    notes: Path
    garden_config: Path
    plain_config: Path
    count: int
    """Notes written, nav pages included."""


def make_garden(n: int, out_dir: Path, seed: int = DEFAULT_SEED, repo: Path = REPO) -> GardenPaths:
    """Write a garden of `n` notes (plus the nav's pages) and both configs into `out_dir`."""
    out_dir = Path(out_dir)
    notes_dir = out_dir / NOTES
    if notes_dir.exists():
        shutil.rmtree(notes_dir)
    config_text = (repo / GARDEN_CONFIG).read_text(encoding="utf-8")
    files = garden_files(n, seed, nav_pages(config_text, repo / NOTES))
    for rel, text in files.items():
        path = notes_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    theme_dir = out_dir / THEME
    if theme_dir.exists():
        shutil.rmtree(theme_dir)
    shutil.copytree(repo / THEME, theme_dir)
    garden_config = out_dir / GARDEN_CONFIG
    plain_config = out_dir / PLAIN_CONFIG
    garden_config.write_text(config_text, encoding="utf-8", newline="\n")
    plain_config.write_text(without_garden_plugin(config_text), encoding="utf-8", newline="\n")
    return GardenPaths(out_dir, notes_dir, garden_config, plain_config, len(files))


def garden_files(n: int, seed: int = DEFAULT_SEED,
                 pages: dict[str, str] | None = None) -> dict[str, str]:
    """Path under `notes/` → text, for `n` notes and the given nav pages (path → nav title)."""
    rng = random.Random(seed)
    planned, wanted = _plan(n, rng)
    popularity = _popularity(len(planned), rng)
    wanted_popularity = _popularity(len(wanted), rng)
    files: dict[str, str] = {}
    for note in planned:
        files[note.path] = _note_text(note, planned, popularity, wanted, wanted_popularity, rng)
    for path, title in sorted((pages or {}).items()):
        files[path] = _nav_page(path, title, planned, popularity)
    return dict(sorted(files.items()))


def nav_pages(config_text: str, repo_notes: Path) -> dict[str, str]:
    """The nav's pages that the repository keeps as files (the plugin generates the others):
    path → the nav's title for it."""
    nav = yaml.load(config_text, Loader=_TolerantLoader).get("nav") or []
    return {path: title for title, path in _nav_entries(nav) if (repo_notes / path).is_file()}


def without_garden_plugin(config_text: str) -> str:
    """The configuration text with the garden plugin's entry (and its options) removed."""
    lines = config_text.split("\n")
    out: list[str] = []
    skipping_deeper_than: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if skipping_deeper_than is not None:
            if line.strip() and indent > skipping_deeper_than:
                continue
            skipping_deeper_than = None
        if _GARDEN_ITEM_RE.match(line):
            skipping_deeper_than = indent
            continue
        out.append(line)
    result = "\n".join(out)
    if result == config_text:
        raise ValueError("the configuration has no '- garden' plugin entry")
    return result


_GARDEN_ITEM_RE = re.compile(r"^\s*- garden:?\s*(#.*)?$")


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!!python/...` and `!ENV` tags as nothing: only the nav is wanted."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _nav_entries(nav: object) -> Iterator[tuple[str, str]]:
    if isinstance(nav, list):
        for item in nav:
            yield from _nav_entries(item)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            if isinstance(value, str) and value.endswith(".md") and "://" not in value:
                yield str(title), value
            else:
                yield from _nav_entries(value)


def _plan(n: int, rng: random.Random) -> tuple[list[Planned], list[str]]:
    """Unique titles for `n` notes and for about n/10 wanted ones; types, folders, aliases."""
    taken: set[str] = set()
    planned: list[Planned] = []
    aliases_taken: set[str] = set()
    for index in range(n):
        note_type = rng.choice(TYPES)
        title = _unique(lambda t=note_type: _title(t, rng), taken)
        folder = FOLDERS.get(note_type, "")
        if note_type == "place":
            folder += rng.choice(("", "/north", "/south"))
        alias = None
        if rng.random() < 0.3:
            initials = "".join(word[0] for word in title.split() if word[0].isupper())
            if len(initials) >= 2 and initials.lower() not in aliases_taken:
                alias = initials
                aliases_taken.add(initials.lower())
        planned.append(Planned(index, title, note_type, folder, _slug(title), alias))
    wanted = [
        _unique(lambda: f"{rng.choice(_WANTED_PREFIXES)} {_title('idea', rng)}", taken)
        for _ in range(max(5, n // 10))
    ]
    return planned, wanted


def _unique(make, taken: set[str]) -> str:
    for attempt in itertools.count():
        title = make()
        if attempt > 20:
            title = f"{title} {_roman(attempt)}"
        key = title.lower()
        if key not in taken:
            taken.add(key)
            return title
    raise AssertionError("unreachable")


def _roman(number: int) -> str:
    numerals = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
                ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
    out = []
    for symbol, value in numerals:
        while number >= value:
            out.append(symbol)
            number -= value
    return "".join(out)


def _title(note_type: str, rng: random.Random) -> str:
    if note_type == "place":
        return (rng.choice(_PLACE_STARTS) + rng.choice(_PLACE_ENDS)
                + rng.choice(_PLACE_SUFFIXES))
    if note_type == "person":
        return f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
    if note_type == "organisation":
        return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} {rng.choice(_ORGANISATIONS)}"
    if note_type == "event":
        return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)} {rng.choice(_EVENTS)}"
    return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _popularity(count: int, rng: random.Random) -> tuple[list[int], list[float]]:
    """A random order of `count` items and cumulative Zipf weights over it (rank r has weight
    1/(r+1)^s): `_pick` draws item order[r] with probability proportional to that weight."""
    order = list(range(count))
    rng.shuffle(order)
    cumulative = list(itertools.accumulate(1 / (r + 1) ** ZIPF_EXPONENT for r in range(count)))
    return order, cumulative


def _pick(popularity: tuple[list[int], list[float]], rng: random.Random) -> int:
    order, cumulative = popularity
    rank = bisect.bisect_left(cumulative, rng.random() * cumulative[-1])
    return order[min(rank, len(order) - 1)]


def _note_text(note: Planned, planned: list[Planned], popularity, wanted: list[str],
               wanted_popularity, rng: random.Random) -> str:
    links = [_link(note, planned, popularity, wanted, wanted_popularity, rng)
             for _ in range(rng.randint(*LINKS_PER_NOTE))]
    per_section = [links[i::len(HEADINGS)] for i in range(len(HEADINGS))]
    sections = []
    for heading, section_links in zip(HEADINGS, per_section, strict=True):
        sections.append(f"## {heading}\n\n{_prose(section_links, rng)}")
    if note.index > 0 and rng.random() < 0.04:
        source = planned[rng.randrange(note.index)]  # only earlier notes: embeds never loop
        sections[1] += f"\n\n![[{source.title}#{HEADINGS[0]}]]"
    if rng.random() < 0.2:
        sections[2] += ("\n\n```text\nIn a code block [[Not A Link]] and ![[Not An Embed]] "
                        "stay as written.\n```")
    if rng.random() < 0.2:
        sections[0] += " Write links like `[[Note title]]` or `[[Note title|label]]`."
    return _front_matter(note, rng) + "\n" + "\n\n".join(sections) + "\n"


def _front_matter(note: Planned, rng: random.Random) -> str:
    tags = rng.sample(TAGS, rng.randint(2, 4))
    lines = ["---", f"title: {note.title}", f"type: {note.type}",
             f"status: {rng.choice(STATUSES)}", f"tags: [{', '.join(tags)}]"]
    if note.alias:
        lines.append(f'aliases: ["{note.alias}"]')  # quoted: YAML reads a bare NO as false
    if rng.random() < 0.5:
        lines.append(f"description: {_sentence(rng, 10, 18)}")
    if rng.random() < 0.2:
        lines.append("sources:")
        for number in range(rng.randint(1, 2)):
            year = rng.randint(2009, 2016)
            lines += [f'  - title: "{_sentence(rng, 3, 7)[:-1]}"',
                      f"    url: https://example.org/{_slug(note.title)}/{number}",
                      f'    date: "{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"']
    lines.append("---")
    return "\n".join(lines) + "\n"


def _link(note: Planned, planned: list[Planned], popularity, wanted: list[str],
          wanted_popularity, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.07:
        return f"[[{wanted[_pick(wanted_popularity, rng)]}]]"
    target = planned[_pick(popularity, rng)]
    if target.index == note.index:
        target = planned[(note.index + 1) % len(planned)]
    if roll < 0.60:
        return f"[[{target.title}]]"
    if roll < 0.72:
        return f"[[{target.title}|{_phrase(rng)}]]"
    if roll < 0.82:
        return f"[[{target.title}#{rng.choice(HEADINGS)}]]"
    if roll < 0.87 and target.alias:
        return f"[[{target.alias}]]"
    if roll < 0.92 and target.folder:
        return f"[[{target.path_form}]]"
    if roll < 0.95:
        return f"[{_phrase(rng)}]({_relative(note.folder, target.path)})"
    return f"[[{target.title.lower()}]]"


def _relative(from_folder: str, path: str) -> str:
    ups = len(from_folder.split("/")) if from_folder else 0
    return "../" * ups + path


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 3)))


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _prose(links: list[str], rng: random.Random) -> str:
    """About a hundred words in two or three paragraphs, the links set into sentences."""
    words = [rng.choice(_WORDS) for _ in range(rng.randint(*WORDS_PER_SECTION))]
    for link in links:
        words.insert(rng.randrange(len(words) + 1), link)
    sentences: list[str] = []
    while words:
        size = rng.randint(8, 20)
        chunk, words = words[:size], words[size:]
        first = chunk[0]
        chunk[0] = first[0].upper() + first[1:] if first[0].isalpha() else first
        sentences.append(" ".join(chunk) + ".")
    paragraphs = []
    while sentences:
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    return "\n\n".join(paragraphs)


def _nav_page(path: str, title: str, planned: list[Planned], popularity) -> str:
    order, _ = popularity
    favourites = ", ".join(f"[[{planned[i].title}]]" for i in order[:5])
    body = (f"This page is part of the site's small navigation. Readers move on through "
            f"links, backlinks, tags and search: try {favourites}.\n")
    if Path(path).stem == "tags":
        body += "\n## Notes by tag\n\n<!-- material/tags -->\n"
    front = (f"---\ntitle: {title}\ntype: resource\nstatus: budding\n"
             f"tags: [knowledge gardening]\n---\n")
    return front + "\n" + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("n", type=int, help="how many notes")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    paths = make_garden(args.n, args.out_dir, args.seed)
    print(f"wrote {paths.count} notes to {paths.notes}, {paths.garden_config.name} and "
          f"{paths.plain_config.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
