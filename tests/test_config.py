"""The host-independent settings: defaults, validation, how paths are shown."""

from __future__ import annotations

import pytest

from garden.config import GardenConfig
from garden.errors import ConfigError, GardenError
from garden.slugs import default_slugify


def test_defaults():
    config = GardenConfig()
    assert (config.notes_label, config.directory_urls, config.toc_separator) == ("notes", True, "-")
    assert (config.wanted_page, config.wanted_title, config.graph_json, config.embed_depth) == (
        "wanted.md", "Wanted notes", "graph.json", 3)
    assert config.slugify is default_slugify


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"wanted_page": "wanted"}, "wanted_page must be a Markdown file name, not 'wanted'"),
        ({"wanted_page": "wanted.html"}, "not 'wanted.html'"),
        ({"embed_depth": -1}, "embed_depth must be 0 or more"),
    ],
)
def test_invalid_settings_raise_config_error(settings, message):
    with pytest.raises(ConfigError, match=message) as raised:
        GardenConfig(**settings)
    assert isinstance(raised.value, GardenError)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("notes", "notes/a/b.md"), ("docs/", "docs/a/b.md"), ("site/notes", "site/notes/a/b.md"),
     ("", "a/b.md")],
)
def test_display_path(label, expected):
    assert GardenConfig(notes_label=label).display_path("a/b.md") == expected


def test_config_is_frozen():
    with pytest.raises(AttributeError):
        GardenConfig().embed_depth = 5  # type: ignore[misc]
