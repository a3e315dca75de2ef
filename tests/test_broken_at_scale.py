"""A blog where one post in twenty has broken front matter: the rest is built, each broken post
is reported on one line that names its file, none of them is published, and --strict fails.
(The 10,000-post version of this is the benchmark's; this one is the same at a size a test
can build.)"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from benchmarks.broken import DAMAGE, MARK
from tests.sitebuild import build_site, post

POSTS = 200
# Each kind of damage a real blog's front matter has, in turn: the benchmark's own.
BROKEN = [f"{kind}{MARK}{{n}}\n" for kind in DAMAGE]


def files() -> tuple[dict[str, str], list[str]]:
    found: dict[str, str] = {"index.md": "# Home\n"}
    broken: list[str] = []
    for n in range(POSTS):
        name = f"blog/post-{n:04d}.md"
        if n % 20 == 7:
            found[name] = BROKEN[len(broken) % len(BROKEN)].replace("{n}", str(n))
            broken.append(name)
        else:
            day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
            found[name] = post({"title": f"Post {n}", "pubDate": day, "tags": [f"t{n % 7}"]})
    return found, broken


def test_broken_posts_at_scale(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    written, broken = files()
    assert len(broken) == POSTS // 20
    with caplog.at_level(logging.WARNING):
        site = build_site(
            tmp_path / "loose", None, strict=False, files=written, plugin={"pagination": False}
        )
    # The rest is built: every good post, and the listing of all of them.
    listed = [link for _, link in site.links("blog/", ".fmb-entry-title a")]
    assert len(listed) == POSTS - len(broken)
    # Each broken post: one warning line naming its file, and nothing published.
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    for name in broken:
        naming = [message for message in warnings if name in message]
        assert len(naming) == 1, (name, naming)
        assert "\n" not in naming[0].strip(), naming[0]
        assert not site.exists(name.removesuffix(".md") + "/")
    assert site.grep(MARK) == []
    # And a strict build fails.
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", None, files=written)
