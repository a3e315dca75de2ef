"""What a reader finds next: post lists in any page, previous and next posts, related posts,
series, feeds per tag and category, metadata for link previews and search engines."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sitebuild import Site, build_config_file, build_site, make_site, post

THEMES = ["mkdocs", "readthedocs", "material"]


def theme_config(theme: str) -> dict[str, Any]:
    options: dict[str, Any] = {"font": False} if theme == "material" else {}
    return {"name": theme, **options}


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


BLOG = {
    "blog/a.md": post(
        {"title": "Alpha", "date": "2024-01-01", "categories": ["Work"], "tags": ["x", "rare"]},
        "Alpha intro.\n\n<!-- more -->\n\nAlpha rest.\n",
    ),
    "blog/b.md": post(
        {"title": "Beta", "date": "2024-02-01", "categories": ["Work"], "tags": ["x"]}
    ),
    "blog/c.md": post(
        {"title": "Gamma", "date": "2024-03-01", "categories": ["Life"], "tags": ["rare"]}
    ),
    "blog/d.md": post(
        {
            "title": "Secret",
            "date": "2024-04-01",
            "categories": ["Work"],
            "tags": ["x"],
            "draft": True,
        },
        "DRAFT-SENTINEL",
    ),
}


@pytest.mark.parametrize("theme", THEMES)
def test_post_lists_in_any_page(tmp_path: Path, theme: str) -> None:
    site = build_site(
        tmp_path,
        None,
        config={"theme": theme_config(theme), "plugins": [{"frontmatter-blog": {}}]},
        files={
            "index.md": (
                "# Home\n\nLatest work:\n\n"
                '<!-- frontmatter-blog:posts category="work" limit="5" -->\n\n'
                "Tagged rare:\n\n<!-- frontmatter-blog:posts tag='rare' limit='1' -->\n"
            ),
            **BLOG,
        },
    )
    soup = site.soup("")
    lists = soup.select(".fmb-post-list")
    assert len(lists) == 2
    titles = [[a.get_text() for a in block.select(".fmb-entry-title a")] for block in lists]
    assert titles == [["Beta", "Alpha"], ["Gamma"]]  # newest first; the draft never
    href = lists[0].select_one(".fmb-entry-title a")["href"]
    assert site.resolve("", href) == "blog/b/"
    assert "Alpha intro." in lists[0].get_text()  # the excerpt
    assert site.grep("DRAFT-SENTINEL") == []


def test_a_post_list_that_cannot_be_honoured_warns_naming_the_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(
        tmp_path,
        None,
        files={
            "index.md": (
                '<!-- frontmatter-blog:posts tag="nope" -->\n\n'
                '<!-- frontmatter-blog:posts limit="zero" -->\n\n'
                '<!-- frontmatter-blog:posts colour="red" -->\n\n'
                '<!-- frontmatter-blog:posts author="ghost" -->\n'
            ),
            **BLOG,
        },
        strict=False,
    )
    found = warnings(caplog)
    assert any("index.md" in w and "'nope'" in w for w in found)
    assert any("index.md" in w and "'zero'" in w for w in found)
    assert any("index.md" in w and "colour" in w for w in found)
    assert any("index.md" in w and "'ghost'" in w for w in found)
    assert site.soup("").select(".fmb-post-list") == []


SITE = {"site_url": "https://example.org/"}


def discovery_site(tmp_path: Path, theme: str = "mkdocs", **plugin: Any) -> Site:
    return build_site(
        tmp_path,
        None,
        config={**SITE, "theme": theme_config(theme), "plugins": [{"frontmatter-blog": plugin}]},
        files={
            **BLOG,
            "blog/s1.md": post(
                {
                    "title": "Part one",
                    "date": "2023-01-01",
                    "series": "Deep Dive",
                    "series_order": 1,
                }
            ),
            "blog/s2.md": post(
                {
                    "title": "Part two",
                    "date": "2023-06-01",
                    "series": "Deep Dive",
                    "series_order": 2,
                }
            ),
            "blog/s3.md": post(
                {
                    "title": "Part three",
                    "date": "2023-02-01",
                    "series": "deep dive",
                    "series_order": 3,
                    "draft": True,
                }
            ),
        },
    )


@pytest.mark.parametrize("theme", THEMES)
def test_previous_and_next_posts(tmp_path: Path, theme: str) -> None:
    site = discovery_site(tmp_path, theme)
    soup = site.soup("blog/b/")
    older = soup.select_one('.fmb-prev-next a[rel="prev"]')
    newer = soup.select_one('.fmb-prev-next a[rel="next"]')
    assert site.resolve("blog/b/", older["href"]) == "blog/a/" and "Alpha" in older.get_text()
    assert site.resolve("blog/b/", newer["href"]) == "blog/c/" and "Gamma" in newer.get_text()
    # The newest published post has no newer one: the draft is skipped.
    assert site.soup("blog/c/").select_one('.fmb-prev-next a[rel="next"]') is None
    assert site.grep("DRAFT-SENTINEL") == [] and site.grep("Secret") == []


def test_previous_and_next_within_a_category(tmp_path: Path) -> None:
    site = discovery_site(tmp_path, prev_next={"scope": "category"})
    newer = site.soup("blog/a/").select_one('.fmb-prev-next a[rel="next"]')
    assert site.resolve("blog/a/", newer["href"]) == "blog/b/"  # Work, not Life's Gamma
    assert site.soup("blog/c/").select(".fmb-prev-next a") == []  # alone in Life


def test_related_posts(tmp_path: Path) -> None:
    site = discovery_site(tmp_path)
    related = [a.get_text() for a in site.soup("blog/a/").select(".fmb-related a")]
    # Gamma shares the rare tag, Beta the common one and the category: the rarer tag weighs
    # more than a tag on every other post.
    assert related[0] in ("Gamma", "Beta") and set(related) == {"Gamma", "Beta"}
    assert "Secret" not in related
    off = discovery_site(tmp_path / "off", related={"enabled": False})
    assert off.soup("blog/a/").select(".fmb-related") == []


def test_series(tmp_path: Path) -> None:
    site = discovery_site(tmp_path)
    box = site.soup("blog/s1/").select_one(".fmb-series")
    assert box is not None
    parts = [li.get_text(strip=True) for li in box.select("li")]
    assert parts == ["Part one", "Part two"]  # the draft part is in no box
    assert box.select_one("[aria-current]").get_text() == "Part one"
    page = box.select_one(".fmb-series-title a")["href"]
    assert site.resolve("blog/s1/", page) == "blog/series/deep-dive/"
    listed = [
        a.get_text() for a in site.soup("blog/series/deep-dive/").select(".fmb-entry-title a")
    ]
    assert listed == ["Part one", "Part two"]  # reading order
    following = box.select_one(".fmb-series-nav a.fmb-series-next")
    assert site.resolve("blog/s1/", following["href"]) == "blog/s2/"


def test_feeds_per_tag_and_category_in_three_formats(tmp_path: Path) -> None:
    feedparser = pytest.importorskip("feedparser")
    jsonschema = pytest.importorskip("jsonschema")
    import json

    schema = json.loads((Path(__file__).parent / "data" / "jsonfeed-1.1.schema.json").read_text())
    site = discovery_site(tmp_path)
    for folder, titles in (
        ("", ["Gamma", "Beta", "Alpha", "Part two", "Part one"]),
        ("blog/tags/x/", ["Beta", "Alpha"]),
        ("blog/categories/work/", ["Beta", "Alpha"]),
    ):
        for name in ("feed.xml", "rss.xml"):
            parsed = feedparser.parse((site.site_dir / folder / name).read_bytes())
            assert not parsed.bozo, (folder, name, parsed.get("bozo_exception"))
            assert [e.title for e in parsed.entries] == titles, (folder, name)
            assert all(e.link.startswith("https://example.org/blog/") for e in parsed.entries)
        data = json.loads((site.site_dir / folder / "feed.json").read_text("utf-8"))
        jsonschema.validate(data, schema)
        assert [item["title"] for item in data["items"]] == titles
    # Each listing announces its own feeds, and the blog's.
    links = {
        (link["type"], site.resolve("blog/tags/x/", link["href"]))
        for link in site.soup("blog/tags/x/").select('link[rel="alternate"]')
    }
    assert ("application/rss+xml", "blog/tags/x/rss.xml") in links
    assert ("application/atom+xml", "feed.xml") in links
    assert ("application/feed+json", "blog/tags/x/feed.json") in links
    assert site.grep("DRAFT-SENTINEL") == []


def test_feed_content_with_absolute_links(tmp_path: Path) -> None:
    feedparser = pytest.importorskip("feedparser")
    site = build_site(
        tmp_path,
        None,
        config={**SITE, "plugins": [{"frontmatter-blog": {"feed": {"content": "full"}}}]},
        files={
            "blog/a.md": post(
                {"title": "A", "date": "2024-01-01"},
                "See [the other](b.md) and ![pic](pic.png).\n\n<!-- more -->\n\nFULL-TEXT\n",
            ),
            "blog/b.md": post({"title": "B", "date": "2024-01-02"}),
            "blog/pic.png": "not really a png",
        },
    )
    parsed = feedparser.parse((site.site_dir / "feed.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.title == "A")
    html = entry.content[0].value
    assert "FULL-TEXT" in html
    assert 'href="https://example.org/blog/b/"' in html
    assert 'src="https://example.org/blog/pic.png"' in html


def test_no_feed_without_site_url_says_so_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(tmp_path, None, files=BLOG, plugin={"feed": {"rss": True}}, strict=False)
    found = [w for w in warnings(caplog) if "site_url" in w]
    assert len(found) == 1
    assert not (site.site_dir / "feed.xml").exists() and not (site.site_dir / "rss.xml").exists()


@pytest.mark.parametrize("theme", THEMES)
def test_metadata_for_link_previews(tmp_path: Path, theme: str) -> None:
    import json

    site = discovery_site(tmp_path, theme)
    head = site.soup("blog/a/").head
    props = {m.get("property") or m.get("name"): m["content"] for m in head.select("meta[content]")}
    assert props["og:title"] == "Alpha"
    assert props["og:type"] == "article"
    assert props["og:url"] == "https://example.org/blog/a/"
    assert props["article:published_time"].startswith("2024-01-01")
    assert props["article:section"] == "Work"
    (script,) = head.select('script[type="application/ld+json"]')
    data = json.loads(script.get_text())
    assert data["@type"] == "BlogPosting" and data["headline"] == "Alpha"
    assert data["url"] == "https://example.org/blog/a/"
    # Nothing the theme writes is written twice.
    for name in ("description", "og:title", "twitter:card"):
        assert len(head.select(f'meta[name="{name}"], meta[property="{name}"]')) <= 1, name
    assert len(head.select('link[rel="canonical"]')) <= 1
    listing = json.loads(
        site.soup("blog/").head.select_one('script[type="application/ld+json"]').get_text()
    )
    assert listing["@type"] in ("Blog", "CollectionPage")
    off = discovery_site(tmp_path / "off", theme, metadata={"enabled": False})
    assert off.soup("blog/a/").head.select('meta[property="og:title"]') == []


def test_sitemap_dates_of_listings(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    site = discovery_site(tmp_path)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring((site.site_dir / "sitemap.xml").read_bytes())
    lastmod = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in root.findall("s:url", ns)
    }
    assert lastmod["https://example.org/blog/"] == "2024-03-01"  # its newest post's
    assert lastmod["https://example.org/blog/tags/x/"] == "2024-02-01"
    assert lastmod["https://example.org/blog/a/"] == "2024-01-01"


def test_a_page_with_a_post_list_has_the_blogs_stylesheet(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        None,
        files={
            "index.md": "# Home\n\n<!-- frontmatter-blog:posts -->\n",
            "about.md": "# About\n",
            **BLOG,
        },
    )
    css = "assets/frontmatter-blog/blog.css"
    assert css in site.page_path("").read_text("utf-8")
    assert css not in site.page_path("about/").read_text("utf-8")


HOSTILE = st.lists(
    st.sampled_from([*"ab <>&\"'/é日", "</script>", "<!--", "]]>", "\u2028", "\x00", "😀"]),
    min_size=1,
    max_size=10,
).map("".join)


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=HOSTILE, tag=HOSTILE, series=HOSTILE, author=HOSTILE, description=HOSTILE)
def test_hostile_text_through_every_new_output(
    tmp_path_factory: pytest.TempPathFactory,
    title: str,
    tag: str,
    series: str,
    author: str,
    description: str,
) -> None:
    """Titles, tags, series, author names and descriptions as authors may write them: every
    page, feed and JSON-LD script stays well formed, and none can hold markup of its own."""
    import json

    feedparser = pytest.importorskip("feedparser")
    tmp_path = tmp_path_factory.mktemp("hostile")
    marker = "<script>alert(1)</script>"

    def meta(n: int) -> dict[str, Any]:
        return {
            "title": f"{title}{marker}{n}",
            "date": f"2024-01-0{n}",
            "tags": [tag + marker, "shared"],
            "series": series + marker,
            "series_order": n,
            "authors": ["x"],
            "description": description + marker,
        }

    authors = yaml.safe_dump({"authors": {"x": {"name": author + marker}}})
    site = build_site(
        tmp_path,
        None,
        config={**SITE, "plugins": [{"frontmatter-blog": {}}]},
        files={
            "index.md": "# Home\n\n<!-- frontmatter-blog:posts tag='shared' -->\n",
            "blog/.authors.yml": authors,
            "blog/a.md": post(meta(1)),
            "blog/b.md": post(meta(2)),
        },
        strict=False,
    )
    for path in site.files():
        if path.suffix == ".html":
            text = path.read_text("utf-8")
            assert "<script>alert(1)" not in text, path
            soup = site.soup(path.relative_to(site.site_dir).as_posix().removesuffix("index.html"))
            for script in soup.select('script[type="application/ld+json"]'):
                json.loads(script.get_text())
        elif path.name in ("feed.xml", "rss.xml"):
            parsed = feedparser.parse(path.read_bytes())
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        elif path.name == "feed.json":
            json.loads(path.read_text("utf-8"))
            assert "<" not in path.read_text("utf-8")
    box = site.soup("blog/b/").select_one(".fmb-series")
    assert box is not None and len(box.select("li")) == 2
    assert len(site.soup("").select(".fmb-post-list .fmb-entry")) == 2


def test_feeds_never_overwrite_the_sites_files_and_user_listings_are_dated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(
        tmp_path,
        None,
        config=SITE,
        files={
            **BLOG,
            "rss.xml": "USER-RSS",
            "blog/tags/x/feed.json": '{"user": 1}',
            "blog/index.md": "# My blog\n",
        },
        strict=False,
    )
    assert (site.site_dir / "rss.xml").read_text("utf-8") == "USER-RSS"
    assert (site.site_dir / "blog/tags/x/feed.json").read_text("utf-8") == '{"user": 1}'
    found = warnings(caplog)
    assert any("rss.xml" in w and "is kept" in w for w in found)
    assert any("blog/tags/x/feed.json" in w for w in found)
    sitemap = (site.site_dir / "sitemap.xml").read_text("utf-8")
    assert "<loc>https://example.org/blog/</loc>\n         <lastmod>2024-03-01</lastmod>" in sitemap


def test_a_bad_related_value_is_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    files = {
        **BLOG,
        "blog/b.md": post({"title": "Beta", "date": "2024-02-01", "tags": ["x"], "Related": "no"}),
    }
    build_site(tmp_path, None, files=files, strict=False)
    assert any("blog/b.md" in w and "'Related'" in w and "'no'" in w for w in warnings(caplog))


def test_a_series_page_where_another_listing_is_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        "blog/a.md": post({"title": "A", "date": "2024-01-01", "series": "tags", "tags": ["t"]}),
        "blog/b.md": post({"title": "B", "date": "2024-01-02", "series": "tags"}),
    }
    site = build_site(
        tmp_path, None, files=files, plugin={"series": {"url_format": "{slug}"}}, strict=False
    )
    assert site.soup("blog/tags/").select(".fmb-terms")  # the index of tags stays
    assert any("series 'tags'" in w and "blog/tags/" in w for w in warnings(caplog))
    # The series box names the series, and links no page of it.
    assert site.soup("blog/a/").select_one(".fmb-series-title a") is None


def title_slug(title: str, separator: str) -> str:
    """A post_slugify/categories_slugify function, as Material's options take them."""
    return "x" + separator + title.lower().replace(" ", separator)


def test_options_that_turn_parts_off_or_change_them(tmp_path: Path) -> None:
    """Each option below, in one real site: feeds per format and per term, the Twitter card,
    Material's post layout, the language of dates, the slug functions and the limits of
    listing entries."""
    config_file = make_site(
        tmp_path,
        None,
        config={
            **SITE,
            "theme": {"name": "material", "font": False},
            "plugins": [
                {
                    "frontmatter-blog": {
                        "feed": {"rss": False, "json": False, "per_tag": False},
                        "metadata": {"twitter": False},
                        "post_sidebar": False,
                        "locale": "fr",
                        "date_format": "long",
                        "post_url_format": "{slug}",
                        "post_slugify": f"!!python/name:{__name__}.title_slug",
                        "categories_slugify": f"!!python/name:{__name__}.title_slug",
                        "categories_slugify_separator": "_",
                        "post_excerpt_max_categories": 1,
                    }
                }
            ],
        },
        files={
            "blog/a.md": post(
                {
                    "title": "Hello There",
                    "date": "2024-06-30",
                    "categories": ["Work Life", "B"],
                    "tags": ["t"],
                }
            ),
        },
    )
    # A Python function in mkdocs.yml is a YAML tag, which safe_dump wrote as a string.
    text = config_file.read_text("utf-8")
    config_file.write_text(re.sub(r"'(!!python/name:[\w.]+)'", r"\1", text), "utf-8")
    site = build_config_file(config_file)
    assert (site.site_dir / "feed.xml").exists()
    assert not (site.site_dir / "rss.xml").exists() and not (site.site_dir / "feed.json").exists()
    assert not (site.site_dir / "blog/tags/t/feed.xml").exists()
    assert (site.site_dir / "blog/categories/x_work_life/feed.xml").exists()
    soup = site.soup("blog/x-hello-there/")
    assert soup.select('meta[name^="twitter:"]') == []
    assert soup.select(".md-sidebar--post") == []  # the theme's own layout, not blog-post.html
    assert soup.select_one(".fmb-post-header .fmb-date").get_text() == "30 juin 2024"
    entry = site.soup("blog/").select_one(".fmb-entry")
    assert [a.get_text() for a in entry.select(".fmb-category a")] == ["Work Life"]
