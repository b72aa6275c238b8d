"""Reproducible builds: one commit built in two directories gives byte-identical files — every
file in the site, sitemap.xml.gz included, dated by the commit (SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import gzip
import os
import subprocess
from pathlib import Path

from conftest import FIXTURES, mkdocs_build, write_garden

COMMIT_DATE = "2011-05-18T12:00:00+00:00"


def _commit(root: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE,
           "GIT_AUTHOR_NAME": "G", "GIT_AUTHOR_EMAIL": "g@example.org",
           "GIT_COMMITTER_NAME": "G", "GIT_COMMITTER_EMAIL": "g@example.org"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "notes"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_one_commit_built_in_two_directories_is_byte_identical(tmp_path: Path) -> None:
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    sites = []
    for name in ("first", "elsewhere/second"):
        root = write_garden(tmp_path / name, FIXTURES / "hostile" / "notes")
        _commit(root)
        result = mkdocs_build(root)
        assert result.returncode == 0, result.stderr
        sites.append(_files(root / "site"))
    assert sites[0].keys() == sites[1].keys()
    assert {"graph.json", "sitemap.xml", "sitemap.xml.gz", "index.html",
            "search/search_index.json"} <= sites[0].keys()
    assert [name for name in sites[0] if sites[0][name] != sites[1][name]] == []
    sitemap = sites[0]["sitemap.xml"].decode()
    assert "<lastmod>2011-05-18</lastmod>" in sitemap
    assert gzip.decompress(sites[0]["sitemap.xml.gz"]).decode() == sitemap
