"""The MkDocs adapter: the core's URL rules agree with MkDocs', config reaches the core."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from conftest import FIXTURES, mkdocs_build, write_garden
from garden.slugs import note_id, url_for


@pytest.mark.parametrize("directory_urls", [True, False])
def test_core_urls_equal_mkdocs_file_urls(tmp_path: Path, directory_urls: bool) -> None:
    root = write_garden(tmp_path, FIXTURES / "e2e" / "notes", directory_urls=directory_urls)
    config = load_config(str(root / "mkdocs.yml"))
    files = get_files(config)
    pages = files.documentation_pages()
    assert len(pages) == 7
    for file in pages:
        assert url_for(note_id(file.src_uri), directory_urls) == file.url


def test_disabled_plugin_leaves_wikilinks_as_text(tmp_path: Path) -> None:
    root = write_garden(tmp_path, {"index.md": "See [[Other]].\n", "other.md": "Other.\n"})
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - garden\n", "  - garden:\n      enabled: false\n"))
    assert mkdocs_build(root).returncode == 0
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "[[Other]]" in html
    assert not (root / "site" / "graph.json").exists()


def test_wanted_page_name_is_configurable(tmp_path: Path) -> None:
    root = write_garden(tmp_path, {"index.md": "See [[Missing]].\n"})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - garden\n", "  - garden:\n      wanted_page: todo.md\n      wanted_title: To write\n"))
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'class="garden-wanted" href="todo/#missing"' in html
    assert "To write" in (root / "site" / "todo" / "index.html").read_text(encoding="utf-8")


def test_heading_links_follow_the_default_toc_slugify_too(tmp_path: Path) -> None:
    root = write_garden(tmp_path, {
        "index.md": "See [[Other#Café society]] and [[Other#Café society|again]].\n",
        "other.md": "# Other\n\n## Café society\n\n## Café society\n\nBack to [[index]].\n",
    })
    config = root / "mkdocs.yml"
    text = config.read_text()
    start = text.index("  - toc:")
    config.write_text(text[:start] + "  - toc\n" + text[text.index("  - attr_list"):])
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    index = (root / "site" / "index.html").read_text(encoding="utf-8")
    other = (root / "site" / "other" / "index.html").read_text(encoding="utf-8")
    assert 'href="other/#cafe-society"' in index
    assert 'id="cafe-society"' in other and 'id="cafe-society_1"' in other
