"""Several blogs in one site: ``frontmatter-blog`` twice in ``plugins:`` (``blog/`` and
``news/``), each with its own posts, taxonomies, archives, feeds and ads, and no cross-talk."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.exceptions import Abort

from mkdocs_blog_plugin.compat.material_pages import add_date_filter
from tests.sitebuild import Site, build_site, post

ATOM = "{http://www.w3.org/2005/Atom}"
BLOG_CSS = "assets/frontmatter-blog/blog.css"
PARAGRAPHS = "".join(f"Paragraph {n} of the text.\n\n" for n in range(1, 8))
BLOG_ADS = {
    "snippet": '<div class="ad-of-blog">BLOG-AD</div>',
    "ads_txt": ["blog.example, pub-1, DIRECT"],
}
NEWS_ADS = {
    "snippet": '<div class="ad-of-news">NEWS-AD</div>',
    "ads_txt": ["news.example, pub-2, RESELLER"],
}

FILES = {
    "index.md": (
        "# Home\n\n<!-- frontmatter-blog:posts -->\n\nBETWEEN-LISTS\n\n"
        '<!-- frontmatter-blog:posts blog="news" -->\n'
    ),
    "guide.md": "# Guide\n\nNo blog here.\n",
    "blog/first.md": post(
        {"title": "Blog first", "pubDate": "2025-01-10", "tags": ["python"], "ads": True},
        PARAGRAPHS,
    ),
    "blog/second.md": post(
        {"title": "Blog second", "pubDate": "2025-02-10", "tags": ["python", "web"]}, "Text.\n"
    ),
    "news/launch.md": post(
        {"title": "News launch", "pubDate": "2025-01-20", "tags": ["python"], "ads": True},
        PARAGRAPHS,
    ),
    "news/later.md": post(
        {"title": "News later", "pubDate": "2024-12-01", "category": "releases"}, "Text.\n"
    ),
    "news/secret.md": post(
        {"title": "News secret", "pubDate": "2025-03-01", "draft": True}, "NEWS-DRAFT\n"
    ),
}


def two_blogs(
    tmp_path: Path,
    blog: dict[str, Any] | None = None,
    news: dict[str, Any] | None = None,
    theme: str = "mkdocs",
) -> Site:
    return build_site(
        tmp_path,
        None,
        config={
            "site_name": "Two blogs",
            "site_url": "https://example.com/",
            "theme": {"name": theme},
            "plugins": [
                "search",
                {"frontmatter-blog": {"blog_dir": "blog", "ads": BLOG_ADS, **(blog or {})}},
                {"frontmatter-blog": {"blog_dir": "news", "ads": NEWS_ADS, **(news or {})}},
            ],
        },
        files=FILES,
    )


def entries(site: Site, url: str, selector: str = ".fmb-entry-title a") -> list[str]:
    return [link for _, link in site.links(url, selector)]


def feed_titles(site: Site, path: str) -> list[str]:
    root = ET.fromstring(site.page_path(path).read_bytes())
    return [str(entry.findtext(f"{ATOM}title")) for entry in root.iter(f"{ATOM}entry")]


def stylesheets(site: Site, url: str) -> list[str]:
    soup = site.soup(url)
    return [site.resolve(url, str(link["href"])) for link in soup.select('link[rel~="stylesheet"]')]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return two_blogs(tmp_path_factory.mktemp("two-blogs"))


def test_each_blog_lists_its_own_posts(site: Site) -> None:
    assert entries(site, "blog/") == ["blog/second/", "blog/first/"]
    assert entries(site, "news/") == ["news/launch/", "news/later/"]
    assert entries(site, "blog/tags/python/") == ["blog/second/", "blog/first/"]
    assert entries(site, "news/tags/python/") == ["news/launch/"]
    assert not site.exists("blog/tags/releases/") and not site.exists("blog/categories/releases/")
    assert entries(site, "news/categories/releases/") == ["news/later/"]
    assert entries(site, "blog/archive/2025/") == ["blog/second/", "blog/first/"]
    assert entries(site, "news/archive/2024/") == ["news/later/"]
    assert not site.exists("blog/archive/2024/")
    # A post's tags lead to its own blog's tag pages.
    assert "news/tags/python/" in entries(site, "news/launch/", ".fmb-post-header a")
    assert "blog/tags/python/" not in entries(site, "news/launch/", ".fmb-post-header a")
    # Each post's neighbours are of its own blog.
    footer = entries(site, "blog/first/", ".fmb-post-footer a")
    assert not any(link.startswith("news/") for link in footer), footer


def test_each_blog_has_its_own_feeds(site: Site) -> None:
    assert feed_titles(site, "feed.xml") == ["Blog second", "Blog first"]
    assert feed_titles(site, "news/feed.xml") == ["News launch", "News later"]
    assert feed_titles(site, "news/tags/python/feed.xml") == ["News launch"]
    assert feed_titles(site, "blog/tags/python/feed.xml") == ["Blog second", "Blog first"]
    # Each blog's pages announce its own feed.
    for url, feed in [("blog/first/", "feed.xml"), ("news/launch/", "news/feed.xml")]:
        soup = site.soup(url)
        links = [site.resolve(url, str(link["href"])) for link in soup.select('link[type*="atom"]')]
        assert links == [feed], url


def test_each_blog_has_its_own_ads(site: Site) -> None:
    blog_post = str(site.soup("blog/first/"))
    news_post = str(site.soup("news/launch/"))
    assert "BLOG-AD" in blog_post and "NEWS-AD" not in blog_post
    assert "NEWS-AD" in news_post and "BLOG-AD" not in news_post
    # One ads.txt for the site, with the lines of both blogs.
    lines = (site.site_dir / "ads.txt").read_text("utf-8").splitlines()
    assert lines == ["blog.example, pub-1, DIRECT", "news.example, pub-2, RESELLER"]


def test_post_lists_of_either_blog(site: Site) -> None:
    soup = site.soup("")
    lists = soup.select(".fmb-post-list")
    assert len(lists) == 2
    first = [str(a["href"]) for a in lists[0].select(".fmb-entry-title a")]
    second = [str(a["href"]) for a in lists[1].select(".fmb-entry-title a")]
    assert [href.split("/")[0] for href in first] == ["blog", "blog"]
    assert [href.split("/")[0] for href in second] == ["news", "news"]
    assert "frontmatter-blog:posts" not in str(soup)


def test_stylesheet_on_the_pages_of_both_blogs(site: Site) -> None:
    for url in ["blog/", "blog/first/", "news/", "news/launch/", "news/tags/python/", ""]:
        assert stylesheets(site, url).count(BLOG_CSS) == 1, url
    assert BLOG_CSS not in stylesheets(site, "guide/")


def test_no_draft_and_no_warning(site: Site) -> None:
    # The build is strict: a second instance is not "specified multiple times".
    assert site.grep("NEWS-DRAFT") == [] and site.grep("news/secret") == []


@pytest.mark.parametrize("dirs", [("blog", "blog"), (".", "news"), ("blog", "blog/news")])
def test_blogs_that_would_share_posts_stop_the_build(
    tmp_path: Path, dirs: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        two_blogs(tmp_path, {"blog_dir": dirs[0]}, {"blog_dir": dirs[1]})
    messages = [r.getMessage() for r in caplog.records if "would share posts" in r.getMessage()]
    assert len(messages) == 1, messages
    assert f"blog_dir: {dirs[0]!r}" in messages[0] and f"blog_dir: {dirs[1]!r}" in messages[0]


def test_feed_path_names_a_later_blogs_feed_in_its_folder(tmp_path: Path) -> None:
    site = two_blogs(tmp_path, news={"feed": {"path": "news.xml"}})
    assert feed_titles(site, "news/news.xml") == ["News launch", "News later"]
    assert site.exists("news/rss.xml") and site.exists("news/feed.json")
    assert feed_titles(site, "feed.xml") == ["Blog second", "Blog first"]


def test_a_list_of_an_unknown_blog_is_refused(tmp_path: Path) -> None:
    files = {**FILES, "index.md": '# Home\n\n<!-- frontmatter-blog:posts blog="nope" -->\n'}
    with pytest.raises(Abort):
        build_site(
            tmp_path,
            None,
            config={
                "plugins": [{"frontmatter-blog": {}}, {"frontmatter-blog": {"blog_dir": "news"}}]
            },
            files=files,
        )


def test_material_theme(tmp_path: Path) -> None:
    pytest.importorskip("material")
    site = two_blogs(tmp_path, theme="material")
    assert entries(site, "blog/") == ["blog/second/", "blog/first/"]
    assert entries(site, "news/") == ["news/launch/", "news/later/"]
    assert entries(site, "news/tags/python/") == ["news/launch/"]
    assert stylesheets(site, "news/launch/").count(BLOG_CSS) == 1
    assert BLOG_CSS not in stylesheets(site, "guide/")


def test_a_disabled_blog_is_no_blog(tmp_path: Path) -> None:
    site = two_blogs(tmp_path, blog={"enabled": False})
    # The news blog is the only one: its feed at the site root, as the first blog's.
    assert entries(site, "news/") == ["news/launch/", "news/later/"]
    assert feed_titles(site, "feed.xml") == ["News launch", "News later"]
    assert not site.exists("blog/tags/python/")


def test_under_material_each_blog_dates_its_own_posts_sidebar(tmp_path: Path) -> None:
    # Material's blog-post.html writes a post's dates with the `date` filter: each blog's own.
    pytest.importorskip("material")
    site = two_blogs(
        tmp_path,
        blog={"date_format": "yyyy-MM-dd"},
        news={"date_format": "d MMMM yyyy", "locale": "fr"},
        theme="material",
    )

    def sidebar_dates(url: str) -> list[str]:
        return [time.get_text(strip=True) for time in site.soup(url).select(".md-sidebar time")]

    assert sidebar_dates("blog/first/") == ["2025-01-10"]
    assert sidebar_dates("news/launch/") == ["20 janvier 2025"]


def test_the_date_filter_of_each_blog_and_of_another_plugin() -> None:
    env = jinja2.Environment()
    add_date_filter(env.filters, lambda moment: "FIRST", lambda page: page == "first-post")
    add_date_filter(env.filters, lambda moment: "SECOND", lambda page: page == "second-post")
    template = env.from_string("{{ none | date }}")
    assert template.render(page="first-post") == "FIRST"
    assert template.render(page="second-post") == "SECOND"
    assert template.render(page="guide") == "FIRST"  # not a post: the first blog's
    assert template.render() == "FIRST"

    def theirs(moment: object) -> str:
        return "THEIRS"

    others = jinja2.Environment()
    others.filters["date"] = theirs  # Material's blog plugin defines one
    add_date_filter(others.filters, lambda moment: "OURS", lambda page: True)
    assert others.filters["date"] is theirs


def test_each_blog_says_it_has_no_feed_without_site_url(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    build_site(
        tmp_path,
        None,
        config={
            "site_name": "Two blogs",
            "plugins": [
                {"frontmatter-blog": {"blog_dir": "blog"}},
                {"frontmatter-blog": {"blog_dir": "news"}},
            ],
        },
        files=FILES,
    )
    said = [r.getMessage() for r in caplog.records if "No feed" in r.getMessage()]
    assert [message.split(":")[1].strip() for message in said] == [
        "No feed is written for the blog at 'blog/'",
        "No feed is written for the blog at 'news/'",
    ]
