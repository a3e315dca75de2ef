"""The broken-front-matter benchmark's damage and its count of built posts (no build)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.broken import DAMAGE, MARK, built_posts, damage


def test_damage_breaks_one_post_in_twenty_in_each_way(tmp_path: Path) -> None:
    blog = tmp_path / "blog"
    blog.mkdir()
    (blog / "index.md").write_text("# Blog\n", "utf-8")
    for n in range(100):
        draft = "draft: true\n" if n % 10 == 3 else ""
        (blog / f"p{n:03d}.md").write_text(f"---\ntitle: P{n}\n{draft}---\n\nBody {n}.\n", "utf-8")
    broken, published = damage(tmp_path, 0.05)
    assert len(broken) == 5 and "blog/index.md" not in broken
    texts = [(tmp_path / name).read_text("utf-8") for name in broken]
    # Each kind once, the body kept after the broken front matter and the marker.
    assert [text.startswith(kind) for kind, text in zip(DAMAGE, texts, strict=True)] == [True] * 5
    assert all(MARK in text and "Body " in text for text in texts)
    # The sound posts that are not drafts: 100 less the 5 broken and the 10 drafts (none of
    # is broken: the broken are posts 10, 30, 50, 70 and 90).
    assert published == 100 - 5 - 10


def test_built_posts_counts_post_pages_and_finds_leaks(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<div class="fmb-post-header"></div>', "utf-8")
    (tmp_path / "b.html").write_text(f"<p>{MARK}7</p>", "utf-8")
    (tmp_path / "c.html").write_text("<p>listing</p>", "utf-8")
    assert built_posts(tmp_path) == (1, ["b.html"])
