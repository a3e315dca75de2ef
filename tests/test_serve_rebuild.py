"""`mkdocs serve` rebuilds after a one-post edit: listings, tags and counts follow."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from tests.sitebuild import ServeSession, Site, build_config_file, make_site, post, site_bytes


def tag_counts(site: Site) -> dict[str, int]:
    return {
        li.select_one("a").get_text(): int(li.select_one(".fmb-count").get_text())
        for li in site.soup("blog/tags/").select(".fmb-terms li")
    }


@pytest.mark.parametrize("dirty", [False, True])
def test_one_post_edit_rebuilds_listings(tmp_path: Path, dirty: bool) -> None:
    files = {"blog/index.md": "# Blog\n\nIntro.\n"}
    config_file = make_site(tmp_path, files=files)
    first = build_config_file(config_file, serve=True)
    assert "brand-new-tag" not in tag_counts(first)

    source = config_file.parent / "docs" / "blog" / "2025" / "naive.md"
    text = source.read_text("utf-8")
    source.write_text(
        text.replace("title: Naive datetime post", "title: Renamed naive post").replace(
            "tags: [Overwhelm, focus]", "tags: [brand-new-tag]"
        ),
        "utf-8",
    )
    later = time.time() + 5  # newer than every built file, whatever the clock resolution
    os.utime(source, (later, later))

    # MkDocs itself warns about every dirty build, so those are not strict.
    second = build_config_file(config_file, serve=True, dirty=dirty, strict=not dirty)
    counts = tag_counts(second)
    assert counts["brand-new-tag"] == 1
    assert counts["focus"] == 3  # two published posts and the draft, shown by serve
    assert second.exists("blog/tags/brand-new-tag/")
    titles = [a.get_text() for a in second.soup("blog/").select(".fmb-entry-title a")]
    assert "Renamed naive post" in titles and "Naive datetime post" not in titles
    assert [a.get_text() for a in second.soup("blog/2025/naive/").select(".fmb-tag")] == [
        "brand-new-tag"
    ]


def test_new_post_appears_after_rebuild(tmp_path: Path) -> None:
    config_file = make_site(tmp_path)
    build_config_file(config_file, serve=True)
    new = config_file.parent / "docs" / "blog" / "fresh.md"
    new.write_text(post({"title": "Fresh post", "pubDate": "2026-01-01", "tags": ["fresh"]}))
    site = build_config_file(config_file, serve=True, dirty=True, strict=False)
    first_entry = site.soup("blog/").select_one(".fmb-entry-title a")
    assert first_entry is not None and first_entry.get_text() == "Fresh post"
    assert site.exists("blog/tags/fresh/")


def test_serve_dirty_keeps_the_excerpts_and_read_times_of_posts_it_does_not_rebuild(
    tmp_path: Path,
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    files = {
        f"blog/p{n}.md": post(
            {"title": f"P{n}", "date": f"2024-01-0{n}"},
            f"EXCERPT-{n} " + "word " * 600 + "\n\n<!-- more -->\n\nRest.\n",
        )
        for n in (1, 2)
    }
    config_file = make_site(tmp_path, None, files=files)

    def entries(site_dir: Path) -> dict[str, tuple[str, str]]:
        soup = Site(root=config_file.parent, site_dir=site_dir, use_directory_urls=True).soup(
            "blog/"
        )
        return {
            e.select_one(".fmb-entry-title a").get_text(): (
                e.select_one(".fmb-excerpt").get_text().strip()[:9],
                e.select_one(".fmb-readtime").get_text(),
            )
            for e in soup.select(".fmb-entry")
        }

    # As `mkdocs serve --dirty` does: on_startup once, then a build per change.
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        first = entries(Path(config.site_dir))
        source = config_file.parent / "docs" / "blog" / "p2.md"
        source.write_text(source.read_text("utf-8").replace("EXCERPT-2", "CHANGED-2"), "utf-8")
        later = time.time() + 5
        os.utime(source, (later, later))
        config = load_config(config_file=str(config_file))
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        second = entries(Path(config.site_dir))
    finally:
        config.plugins.on_shutdown()
    assert first == {"P2": ("EXCERPT-2", "3 min read"), "P1": ("EXCERPT-1", "3 min read")}
    assert second == {"P2": ("CHANGED-2", "3 min read"), "P1": ("EXCERPT-1", "3 min read")}


def test_serve_dirty_rebuilds_the_posts_that_show_an_edited_or_hidden_post(
    tmp_path: Path,
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    files = {
        "blog/a.md": post({"title": "Oldest", "date": "2024-01-01", "tags": ["t"]}),
        "blog/b.md": post({"title": "Middle", "date": "2024-02-01", "tags": ["t"]}),
        "blog/c.md": post({"title": "Newest", "date": "2024-03-01"}),
        "blog/z.md": post({"title": "Far away", "date": "2020-01-01"}),
    }
    config_file = make_site(tmp_path, None, files=files, plugin={"drafts_on_serve": False})
    docs = config_file.parent / "docs" / "blog"

    def change(name: str, old: str, new: str) -> None:
        source = docs / name
        source.write_text(source.read_text("utf-8").replace(old, new), "utf-8")
        later = time.time() + 5
        os.utime(source, (later, later))

    def text(site_dir: Path, url: str) -> str:
        return (site_dir / url / "index.html").read_text("utf-8")

    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        site_dir = Path(config.site_dir)
        far = (site_dir / "blog/z/index.html").stat().st_mtime_ns
        change("b.md", "title: Middle", "title: Renamed middle")
        config = load_config(config_file=str(config_file))
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        # Its neighbours, and the post it is related to, show the new title.
        assert "Renamed middle" in text(site_dir, "blog/a") and "Renamed middle" in text(
            site_dir, "blog/c"
        )
        change("b.md", "title: Renamed middle", "title: Renamed middle\ndraft: true")
        config = load_config(config_file=str(config_file))
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        # Now a draft: its title is on no page.
        for url in ("blog/a", "blog/c", "blog"):
            assert "Renamed middle" not in text(site_dir, url), url
        # A post that shows none of them was not rebuilt.
        assert (site_dir / "blog/z/index.html").stat().st_mtime_ns == far
    finally:
        config.plugins.on_shutdown()


# -- posts' Markdown kept across rebuilds: the site is the same as a clean build's --------------


@pytest.mark.parametrize(
    ("theme", "epoch"), [("mkdocs", True), ("material", False), ("readthedocs", False)]
)
def test_kept_conversions_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, theme: str, epoch: bool
) -> None:
    """A `mkdocs serve` session's rebuilds take unchanged posts' conversions, search entries
    and theme renders from the last build; after each edit, of every kind, the site is byte
    for byte a clean build's. Posts with ad slots too, under a slot template that reads the
    page. MkDocs' and Read the Docs' themes print the build's time: their renders are kept
    only under SOURCE_DATE_EPOCH."""
    if epoch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    else:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    paragraphs = "".join(f"Paragraph {n} of the body.\n\n" for n in range(1, 9))
    files = {
        f"blog/extra-{n}.md": post(
            {
                "title": f"Extra {n}",
                "pubDate": f"2024-03-0{n}",
                "tags": ["extra"],
                "ads": n % 2 == 1,
                # A fixed address: a title edit changes no address (nor any link).
                **({"slug": "extra-three"} if n == 3 else {}),
            },
            f"Paragraph of post {n} with a [link](../index.md) and a note.[^1]\n\n"
            f"## Heading {n}\n\nMore.\n\n{paragraphs}[^1]: A note.\n",
        )
        for n in range(1, 6)
    }
    if theme == "material":
        # The user's own slot template, which reads the page: each post's slots are its own.
        files["../overrides/frontmatter-blog/ad-slot.html"] = (
            '<aside class="ad-slot">Ad {{ number }} on {{ page.title }}</aside>\n'
        )
    # Post URLs from titles: a title edit moves a post, and a link to it from another post.
    files["blog/linking.md"] = post(
        {"title": "Linking", "pubDate": "2024-04-01"}, "See [the first extra](extra-1.md).\n"
    )
    config_file = make_site(
        tmp_path,
        config={
            "markdown_extensions": ["toc", "footnotes", "admonition"],
            "hooks": ["hooks.py"],
            "theme": {"name": theme, "custom_dir": "overrides"},
        },
        plugin={
            "post_url_format": "{slug}",
            "ads": {"snippet": '<div class="ad">AD</div>', "on_serve": True},
        },
        files=files,
    )
    (config_file.parent / "overrides").mkdir(exist_ok=True)
    # A hook that adds to each page's table of contents after the conversion: a kept
    # conversion must hand out its own copy of the toc, not the one the hook changed.
    (config_file.parent / "hooks.py").write_text(
        "from mkdocs.structure.toc import AnchorLink\n\n\n"
        "def on_page_content(html, page, config, files):\n"
        "    page.toc.items.append(AnchorLink('Comments', 'comments', 2))\n"
        "    return html\n",
        "utf-8",
    )
    docs = config_file.parent / "docs"
    session = ServeSession(config_file, tmp_path / "session")
    plugin = session.plugin
    cache = plugin.render_cache

    hits: list[int] = []
    searched: list[int] = []
    posts: list[int] = []
    rendered: list[int] = []

    def edit(path: str, change: Any) -> None:
        source = docs / path
        if change is None:
            source.unlink()
        elif callable(change):
            source.write_text(change(source.read_text("utf-8")), "utf-8")
        else:
            source.write_text(change, "utf-8")
        kept = session.rebuild()
        hits.append(cache.hits)
        posts.append(len(plugin.blog.posts))
        searched.append(plugin.search_cache.hits)
        rendered.append(plugin.page_cache.hits)
        made = session.clean_build(tmp_path / "clean")
        assert sorted(kept) == sorted(made), path
        assert [name for name in kept if kept[name] != made[name]] == [], path

    extra = "blog/extra-1.md"
    edit(extra, lambda text: text + "\nOne more paragraph.\n")  # body
    edit(extra, lambda text: text.replace("title: Extra 1", "title: Extra one"))  # title
    edit(extra, lambda text: text.replace("- extra", "- renamed"))  # tags
    edit(extra, lambda text: text.replace("2024-03-01", "2023-12-31"))  # date
    edit("blog/extra-2.md", lambda text: text.replace("---\ntitle", "---\ndraft: true\ntitle"))
    edit("blog/extra-2.md", lambda text: text.replace("draft: true\n", ""))  # draft off
    edit("blog/added.md", post({"title": "Added", "pubDate": "2024-05-01"}, "New.\n"))
    edit("blog/added.md", None)  # removed again
    edit(extra, lambda text: text + "\nAnd one more.\n")  # body, after all that
    # The title of a post with slots, at a fixed address: under the slot template that
    # prints it, its slots (so its conversion) change.
    edit("blog/extra-3.md", lambda text: text.replace("title: Extra 3", "title: Extra three"))
    # A body edit: the other posts' conversions are the last build's (5 at least). A post
    # that moves (its title makes its URL here), a new tag, a draft or a new post changes the
    # site's addresses, which links are made from: every post converts anew.
    assert hits[0] >= 5 and hits[-2] >= hits[-3] + 5
    # Every post but the edited one, those with slots too (extra-3 and extra-5).
    assert hits[0] == posts[0] - 1 and hits[-2] - hits[-3] == posts[-2] - 1
    assert _has_slots(site_bytes(session.site_dir), "blog/extra-three/index.html")
    # Search entries: every page but the edited post and the listings showing it is kept.
    assert searched[0] >= 5 and searched[-2] >= searched[-3] + 5
    # Theme renders: after a body edit, every page but the edited post and the listings
    # that show its excerpt; any other edit changes the site's navigation or front matter,
    # which every page's render may show, and every page renders anew.
    assert plugin.page_cache.unknown == set()
    if theme == "readthedocs":
        assert rendered[-1] == 0
    else:
        assert rendered[0] >= posts[0] and rendered[-2] - rendered[-3] >= posts[-2]
        assert rendered[1:-2] == [rendered[0]] * (len(rendered) - 3)


def _has_slots(site: dict[str, bytes], page: str) -> bool:
    return b'class="ad-slot' in site[page]


def test_kept_conversions_of_two_blogs_keep_their_ad_slots(tmp_path: Path) -> None:
    """A post with slots of one blog is not kept by the other blog's instance."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    paragraphs = "".join(f"Paragraph {n}.\n\n" for n in range(1, 8))
    files = {
        "blog/first.md": post({"title": "First", "pubDate": "2025-01-01", "ads": True}, paragraphs),
        "news/other.md": post({"title": "Other", "pubDate": "2025-01-02"}, "Text.\n"),
        "news/more.md": post({"title": "More", "pubDate": "2025-01-03"}, "Text.\n"),
    }
    ads = {"snippet": '<div class="x">BLOG-AD</div>', "on_serve": True}
    config_file = make_site(
        tmp_path,
        None,
        config={
            "plugins": [
                {"frontmatter-blog": {"blog_dir": "blog", "ads": ads}},
                {"frontmatter-blog": {"blog_dir": "news"}},
            ]
        },
        files=files,
    )
    site_dir = tmp_path / "session"
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    other = config_file.parent / "docs" / "news" / "other.md"
    for edit in range(2):
        other.write_text(other.read_text("utf-8") + f"\nEdit {edit}.\n", "utf-8")
        build(
            load_config(config_file=str(config_file), site_dir=str(site_dir)),
            serve_url="http://127.0.0.1:8000/",
        )
        page = (site_dir / "blog" / "first" / "index.html").read_text("utf-8")
        assert page.count("BLOG-AD") >= 1 and "frontmatter-blog:ad-snippet" not in page


def test_serve_dirty_shows_a_new_tag_date_and_title_on_every_page(tmp_path: Path) -> None:
    """Under `serve --dirty` only changed pages are rebuilt: after a post's tag, date or title
    changes, every page that shows it (related lists, series boxes, archives, feeds, listings
    and the other posts' previous and next links) is the same as in a clean build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    files = {
        f"blog/part-{n}.md": post(
            {
                "title": f"Part {n}",
                "pubDate": f"202{n}-0{n}-01",
                "tags": ["shared", f"own-{n}"],
                "series": "Guide",
                "series_order": n,
            },
            f"Text of part {n}.\n\n<!-- more -->\n\nMore of part {n}.\n",
        )
        for n in range(1, 5)
    }
    files["blog/aside.md"] = post({"title": "Aside", "pubDate": "2019-06-01"}, "Unrelated.\n")
    config_file = make_site(tmp_path, None, files=files, plugin={"post_url_format": "{slug}"})
    docs = config_file.parent / "docs" / "blog"
    serve_url = "http://127.0.0.1:8000/"

    def load(site_dir: Path) -> Any:
        return load_config(config_file=str(config_file), site_dir=str(site_dir))

    def pages(site_dir: Path) -> dict[str, bytes]:
        # What shows posts: every page and feed (the sitemap dates pages by build time).
        return {
            name: data
            for name, data in site_bytes(site_dir).items()
            if name.endswith((".html", ".xml", ".json")) and not name.startswith("sitemap")
        }

    session = tmp_path / "session"
    config = load(session)
    config.plugins.on_startup(command="serve", dirty=True)
    plugin = config.plugins["frontmatter-blog"]
    try:
        build(config, serve_url=serve_url, dirty=True)
        edits = [
            ("- own-2\n", "- own-2\n- added\n"),  # a new tag
            ("pubDate: '2022-02-01'", "pubDate: '2025-02-01'"),  # a new date: another year
            ("title: Part 2", "title: Second part"),  # a new title
        ]
        for number, (old, new) in enumerate(edits):
            source = docs / "part-2.md"
            text = source.read_text("utf-8")
            assert old in text, text
            source.write_text(text.replace(old, new), "utf-8")
            later = time.time() + 5 * (number + 1)
            os.utime(source, (later, later))
            build(load(session), serve_url=serve_url, dirty=True)

            # A clean build by a new session. MkDocs keeps one plugin instance per process:
            # the session's state (dirty, what it kept) is put back after.
            kept = dict(vars(plugin))
            fresh = load(tmp_path / f"clean-{number}")
            fresh.plugins.on_startup(command="serve", dirty=False)
            try:
                build(fresh, serve_url=serve_url)
            finally:
                vars(plugin).clear()
                vars(plugin).update(kept)
            served, clean = pages(session), pages(tmp_path / f"clean-{number}")
            assert sorted(set(served) ^ set(clean)) == [], new
            assert [name for name in clean if served[name] != clean[name]] == [], new
        # Not a comparison of two stale sites: the other parts' pages, the new year's archive
        # and the new tag's page show the post under its new title.
        served = pages(session)
        for name in ("blog/part-1/index.html", "blog/archive/2025/index.html"):
            assert b"Second part" in served[name], name
        assert b"Second part" in served["blog/tags/added/index.html"]
        assert "blog/archive/2022/index.html" not in served
    finally:
        config.plugins.on_shutdown()
