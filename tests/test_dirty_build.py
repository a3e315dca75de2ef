"""Dirty builds delete nothing by themselves: the blog's pages must still match a clean build."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from tests.sitebuild import Site, build_config_file, make_site, post

SECRET = "Zanzibar-quokka-7731"


def edit(config_file: Path, name: str, text: str | None) -> None:
    """Write (or delete) a page, newer than every file an earlier build wrote."""
    path = config_file.parent / "docs" / name
    if text is None:
        path.unlink()
        return
    path.write_text(text, "utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


def messages(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == level]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_build_dirty_removes_the_page_of_a_post_now_a_draft(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, directory_urls: bool
) -> None:
    published = post({"title": "Soon a draft", "pubDate": "2025-05-01", "tags": ["lonely"]}, SECRET)
    config_file = make_site(
        tmp_path,
        files={"blog/soon.md": published},
        config={"use_directory_urls": directory_urls},
    )
    soon, lonely, naive = (
        ("blog/soon/", "blog/tags/lonely/", "blog/2025/naive/")
        if directory_urls
        else ("blog/soon.html", "blog/tags/lonely/index.html", "blog/2025/naive.html")
    )
    first = build_config_file(config_file)
    assert first.exists(soon) and first.exists(lonely)

    draft = post(
        {"title": "Soon a draft", "pubDate": "2025-05-01", "tags": ["lonely"], "draft": True},
        SECRET,
    )
    edit(config_file, "blog/soon.md", draft)
    # MkDocs itself warns about every dirty build, so those are not strict.
    second = build_config_file(config_file, dirty=True, strict=False)

    assert not second.exists(soon)
    if directory_urls:
        assert not (second.site_dir / "blog" / "soon").exists()  # its folder went with it
    assert not second.exists(lonely)  # the draft's tag has no published post
    assert second.grep(SECRET) == []
    assert second.grep("Soon a draft") == []
    warnings = messages(caplog, logging.WARNING)
    assert any(
        "blog/soon.md" in m and second.page_path(soon).relative_to(second.site_dir).as_posix() in m
        for m in warnings
    )
    # A post that did not change is not rebuilt, and keeps its page, text and all.
    assert "A naive datetime is read" in second.page_path(naive).read_text("utf-8")
    assert second.exists("blog/index.html" if not directory_urls else "blog/")


def test_build_dirty_removes_the_page_of_a_post_whose_front_matter_broke(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    good = post({"title": "Fine for now", "pubDate": "2025-05-01"}, SECRET)
    config_file = make_site(tmp_path, files={"blog/fragile.md": good})
    assert build_config_file(config_file).exists("blog/fragile/")

    edit(config_file, "blog/fragile.md", f"---\ntitle: [unclosed\ndraft: true\n---\n\n{SECRET}\n")
    site = build_config_file(config_file, dirty=True, strict=False)

    assert not site.exists("blog/fragile/")
    assert site.grep(SECRET) == []
    assert any(
        "blog/fragile.md" in m and "earlier build left it at" in m
        for m in messages(caplog, logging.WARNING)
    )


def tagged(title: str, day: int, *tags: str) -> str:
    return post({"title": title, "pubDate": f"2025-06-{day:02d}", "tags": list(tags)})


def test_serve_dirty_removes_pages_of_a_tag_and_a_listing_page_no_longer_made(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        "blog/one.md": tagged("One", 1, "pair", "solo"),
        "blog/two.md": tagged("Two", 2, "pair"),
    }
    config_file = make_site(tmp_path, files=files, plugin={"posts_per_page": 1})
    first = build_config_file(config_file, serve=True)
    assert first.exists("blog/tags/solo/")
    assert first.exists("blog/tags/pair/page/2/")

    edit(config_file, "blog/one.md", tagged("One", 1))
    caplog.set_level(logging.INFO)
    second = build_config_file(config_file, serve=True, dirty=True, strict=False)

    assert not second.exists("blog/tags/solo/")
    assert not (second.site_dir / "blog" / "tags" / "solo").exists()
    assert not second.exists("blog/tags/pair/page/2/")
    assert second.exists("blog/tags/pair/")
    assert [a.get_text() for a in second.soup("blog/tags/pair/").select(".fmb-entry-title a")] == [
        "Two"
    ]
    # Nothing here was a post that is now unpublished: no warning, one line saying what went.
    assert not any("earlier build" in m for m in messages(caplog, logging.WARNING))
    removed = [m for m in messages(caplog, logging.INFO) if "Dirty build: removed" in m]
    assert len(removed) == 1
    assert "blog/tags/solo/index.html" in removed[0]
    assert "blog/tags/pair/page/2/index.html" in removed[0]


def test_serve_dirty_removes_the_page_of_a_deleted_post(tmp_path: Path) -> None:
    config_file = make_site(tmp_path, files={"blog/gone.md": tagged("Gone soon", 3, "x")})
    assert build_config_file(config_file, serve=True).exists("blog/gone/")
    edit(config_file, "blog/gone.md", None)
    site = build_config_file(config_file, serve=True, dirty=True, strict=False)
    assert not site.exists("blog/gone/")
    assert site.grep("Gone soon") == []


def test_serve_dirty_keeps_a_draft_that_serve_shows(tmp_path: Path) -> None:
    draft = post({"title": "Work in progress", "pubDate": "2025-06-04", "draft": True}, SECRET)
    config_file = make_site(tmp_path, files={"blog/wip.md": draft})
    assert build_config_file(config_file, serve=True).exists("blog/wip/")
    # Another post changes; the draft does not, so MkDocs does not write its page again.
    edit(config_file, "blog/other.md", tagged("Other", 5))
    site = build_config_file(config_file, serve=True, dirty=True, strict=False)
    assert site.exists("blog/wip/")  # drafts_on_serve: shown, with its banner
    assert site.soup("blog/wip/").select_one(".fmb-draft-banner") is not None
    assert SECRET in site.page_path("blog/wip/").read_text("utf-8")


def test_serve_dirty_removes_a_draft_that_serve_hides(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = make_site(
        tmp_path,
        files={"blog/wip.md": post({"title": "Was public", "pubDate": "2025-06-04"}, SECRET)},
        plugin={"drafts_on_serve": False},
    )
    assert build_config_file(config_file, serve=True).exists("blog/wip/")
    edit(config_file, "blog/wip.md", post({"title": "Was public", "draft": True}, SECRET))
    site = build_config_file(config_file, serve=True, dirty=True, strict=False)
    assert not site.exists("blog/wip/")
    assert site.grep(SECRET) == []
    assert any("blog/wip.md" in m for m in messages(caplog, logging.WARNING))


def test_dirty_build_keeps_a_page_under_another_name_for_the_same_file(tmp_path: Path) -> None:
    """On a file system that ignores case, blog/2025/Naive/index.html *is* the page of
    blog/2025/naive.md once that was renamed from Naive.md. A hard link gives a file two such
    names on any file system."""
    config_file = make_site(tmp_path)
    first = build_config_file(config_file)
    page = first.page_path("blog/2025/naive/")
    same = first.site_dir / "blog" / "2025" / "NAIVE" / "index.html"
    same.parent.mkdir()
    os.link(page, same)
    other = first.site_dir / "blog" / "2025" / "Naive" / "index.html"  # a different file
    other.parent.mkdir()
    other.write_text("<p>stale</p>", "utf-8")

    build_config_file(config_file, dirty=True, strict=False)
    assert same.is_file()
    assert not other.exists()
    assert "A naive datetime is read" in page.read_text("utf-8")


REDIRECT_HOOK = """
from pathlib import Path


def on_post_build(config, **kwargs):
    # Like mkdocs-redirects: a page written outside MkDocs' files, again in every build.
    page = Path(config.site_dir, "blog", "old-name", "index.html")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text('<meta http-equiv="refresh" content="0; url=../2025/naive/">')
"""


def test_dirty_build_leaves_what_the_blog_does_not_own(tmp_path: Path) -> None:
    files = {"blog/embed.html": "<p>A static page the author wrote.</p>\n"}
    config_file = make_site(tmp_path, files=files, config={"hooks": ["redirect_hook.py"]})
    (config_file.parent / "redirect_hook.py").write_text(REDIRECT_HOOK, "utf-8")
    first: Site = build_config_file(config_file)
    assert first.exists("blog/embed.html") and first.exists("blog/old-name/")
    # Left by something else: outside the blog, and not a page.
    outside = first.site_dir / "elsewhere" / "index.html"
    outside.parent.mkdir()
    outside.write_text("<p>not the blog's</p>", "utf-8")
    notes = first.site_dir / "blog" / "notes.txt"
    notes.write_text("kept", "utf-8")

    second = build_config_file(config_file, dirty=True, strict=False)
    assert second.exists("blog/embed.html")
    assert second.exists("blog/old-name/")  # written again after the stale pages went
    assert outside.is_file() and notes.is_file()


def test_clean_build_does_not_need_it(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = make_site(tmp_path, files={"blog/gone.md": tagged("Gone soon", 3, "x")})
    build_config_file(config_file)
    edit(config_file, "blog/gone.md", None)
    caplog.set_level(logging.INFO)
    site = build_config_file(config_file)  # MkDocs empties site_dir first
    assert not site.exists("blog/gone/")
    assert not any("Dirty build" in m for m in messages(caplog, logging.INFO))
