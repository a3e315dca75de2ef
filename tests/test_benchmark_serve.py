"""The serve benchmark's reading of MkDocs' log and choice of the post it edits (no serve runs)."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.serve import _WITHOUT_CACHE, built_seconds, post_to_edit, report
from mkdocs_blog_plugin.structure import page_cache, render_cache, search_cache


@pytest.mark.parametrize(
    ("line", "seconds"),
    [
        ("INFO    -  Documentation built in 21.43 seconds\n", 21.43),
        ("INFO    -  Documentation built in 3 seconds", 3.0),
        ("INFO    -  Building documentation...", None),
        ("INFO    -  [12:00:01] Reloading browsers", None),
        ("", None),
    ],
)
def test_built_seconds(line: str, seconds: float | None) -> None:
    assert built_seconds(line) == seconds


def test_post_to_edit_is_a_published_post(tmp_path: Path) -> None:
    blog = tmp_path / "docs" / "blog"
    blog.mkdir(parents=True)
    (blog / "index.md").write_text("# Blog\n")
    (blog / "a-draft.md").write_text("---\ntitle: A\ndraft: true\n---\nText.\n")
    (blog / "b-post.md").write_text("---\ntitle: B\n---\nText.\n")
    (blog / "c-post.md").write_text("---\ntitle: C\n---\nText.\n")
    assert post_to_edit(tmp_path / "docs") == blog / "b-post.md"


def test_report_row() -> None:
    row = report(1000, False, 20.0, [10.0, 12.0, 11.0])
    assert row == "| 1000 | serve | 20.00 | 10.00, 12.00, 11.00 | 11.00 | 0.55x |"


NO_CACHE_STAND_INS = {
    "render.RenderCache.render": (render_cache.RenderCache, "render"),
    "page.PageCache.attach": (page_cache.PageCache, "attach"),
    "search.SearchCache.attach": (search_cache.SearchCache, "attach"),
}


def test_no_cache_stands_in_for_real_methods_with_their_parameters() -> None:
    # --no-cache replaces three of the plugin's methods: each must still exist and take what the
    # plugin passes it, or the benchmark would time something else, or fail.
    patch, launch = _WITHOUT_CACHE.split("from mkdocs.__main__ import cli", 1)
    assert launch.strip().endswith("cli()")
    show = (
        "import inspect, json; print(json.dumps("
        "{name: list(inspect.signature(eval(name)).parameters) for name in %r}))"
    )
    names = list(NO_CACHE_STAND_INS)
    ran = subprocess.run(
        [sys.executable, "-c", patch + show % names], capture_output=True, text=True, check=True
    )
    stand_ins = json.loads(ran.stdout)
    for name, (owner, method) in NO_CACHE_STAND_INS.items():
        assert f"{name} = lambda" in patch
        assert stand_ins[name] == list(inspect.signature(getattr(owner, method)).parameters), name
