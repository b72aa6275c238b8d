"""Note text escaped for each context it lands in."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment
from markupsafe import Markup

from garden.escaping import (
    html_attr,
    html_text,
    json_for_html,
    safe_url,
    template_safe,
    xml_chars,
    xml_text,
)

HOSTILE = '<script>alert(1)</script>" onmouseover="x\' &amp; </title>\u2028'


def test_html_text_and_attribute_round_trip_through_a_parser() -> None:
    page = f'<p title="{html_attr(HOSTILE)}">{html_text(HOSTILE)}</p>'
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("script") is None
    assert soup.p["title"] == HOSTILE and soup.p.get_text() == HOSTILE
    assert list(soup.p.attrs) == ["title"]


def test_xml_text_is_well_formed_and_drops_forbidden_characters() -> None:
    text = HOSTILE + "\x00\x07\x1b\ufffe"
    root = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg"><title a="{xml_text(text)}">'
                         f"{xml_text(text)}</title></svg>")
    title = root[0]
    assert title.text == HOSTILE and title.get("a") == HOSTILE


def test_json_for_html_cannot_end_a_script_element() -> None:
    data = {"title": HOSTILE, "tags": ["</script><script>alert(2)</script>"]}
    encoded = json_for_html(data)
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert "\u2028" not in encoded
    assert json.loads(encoded) == data
    soup = BeautifulSoup(f'<script type="application/json">{encoded}</script>', "html.parser")
    assert len(soup.find_all("script")) == 1


@pytest.mark.parametrize("url", ["https://example.org/a?b", "http://x.org", "mailto:a@b.org",
                                 "../places/stockport/", "#events", "notes/x.md", "?q=1"])
def test_safe_url_keeps_web_and_relative_urls(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)",
                                 " javascript:alert(1)", "\x01javascript:x", "java\tscript:x",
                                 "java\nscript:x", "jav\rascript:x", "data:text/html,x",
                                 "vbscript:x", "file:///etc/passwd", "\\\\evil\\share"])
def test_safe_url_refuses_other_schemes_in_any_spelling(url: str) -> None:
    assert safe_url(url) is None


def test_template_safe_escapes_nested_values_once() -> None:
    meta = template_safe({"title": HOSTILE, "tags": [HOSTILE], "extra": {"k": (HOSTILE,)},
                          "n": 3, "done": Markup("<b>kept</b>")})
    assert meta["n"] == 3 and meta["done"] == "<b>kept</b>"
    assert isinstance(meta["tags"][0], Markup)
    assert isinstance(meta["extra"]["k"], tuple) and "<" not in meta["extra"]["k"][0]
    env = Environment(autoescape=False)
    page = env.from_string('<title>{{ t }}</title><meta content="{{ t }}">'
                           "{{ t | e }}").render(t=meta["title"])
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("script") is None and soup.title.get_text() == HOSTILE
    assert soup.meta["content"] == HOSTILE


def test_xml_chars_lets_elementtree_write_parseable_xml() -> None:
    root = ET.Element("feed")
    ET.SubElement(root, "title").text = xml_chars(HOSTILE + "\x0b\x1f")
    parsed = ET.fromstring(ET.tostring(root, encoding="unicode"))
    assert parsed[0].text == HOSTILE
