"""Growth-stage and type badges: the same escaped markup everywhere."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from garden.badges import badges_html, stage_label

HOSTILE = '<script>alert(1)</script>" onmouseover="x'


@pytest.mark.parametrize(("status", "icon", "label"), [
    ("seedling", "🌱", "Seedling"), ("budding", "🌿", "Budding"), ("evergreen", "🌳", "Evergreen"),
])
def test_each_stage_has_its_words_icon_and_class(status: str, icon: str, label: str) -> None:
    soup = BeautifulSoup(badges_html(status, "place"), "html.parser")
    stage = soup.select_one(".garden-badge--stage")
    assert f"garden-badge--{status}" in stage["class"]
    assert stage.get_text() == f"{icon} {label}"
    assert stage.select_one("[aria-hidden=true]").get_text() == icon
    assert soup.select_one(".garden-badge--type").get_text() == "Place"
    assert "garden-badge--type-place" in soup.select_one(".garden-badge--type")["class"]


def test_stage_label() -> None:
    assert stage_label("budding") == "Budding"


def test_hostile_values_stay_text() -> None:
    soup = BeautifulSoup(badges_html(HOSTILE, HOSTILE), "html.parser")
    assert soup.find("script") is None
    assert not any(tag.has_attr("onmouseover") for tag in soup.find_all(True))
    assert "<script>alert(1)</script>" in soup.select_one(".garden-badge--type").get_text()
