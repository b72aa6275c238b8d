"""`html_allow`: a site may let notes use a tag the allow-list leaves out, deliberately."""

from __future__ import annotations

from pathlib import Path

from conftest import Site, mkdocs_build, write_garden

NOTE = ('Home.\n\n<iframe src="https://video.example/1" width="640" onload="alert(1)">'
        '</iframe>\n\n<iframe src="javascript:alert(2)"></iframe>\n')
ALLOW = """
  - garden:
      html_allow:
        iframe: [src, width]
"""


def _build(root: Path, allow: bool) -> Site:
    write_garden(root, {"index.md": NOTE})
    if allow:
        config = root / "mkdocs.yml"
        config.write_text(config.read_text().replace("\n  - garden\n", ALLOW), encoding="utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return Site(root, True)


def test_iframes_are_removed_unless_the_site_allows_them(tmp_path: Path) -> None:
    assert _build(tmp_path / "plain", allow=False).soup("index").article.find("iframe") is None
    frames = _build(tmp_path / "allowed", allow=True).soup("index").article.find_all("iframe")
    assert [f.attrs for f in frames] == [
        {"src": "https://video.example/1", "width": "640"}, {}]
