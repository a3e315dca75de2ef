"""The blog beside the plugins MkDocs sites use most: each is a strict build of a fixture site
with that plugin added, and what both plugins wrote is read back from ``site/``.

Each third-party plugin's tests are skipped where the plugin is not installed (a ProperDocs-only
environment); ``.venv`` has them all (see the dev dependency group).
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from mkdocs_blog_plugin.structure.pages import ListingFile
from tests.sitebuild import Site, build_config_file, build_site, make_site, post

FIXTURE = "coexistence"
POSTS = {
    "blog/2025/third-post/": "Third post",
    "blog/second-post/": "Second post",
    "blog/first-post/": "First post",
}
"""Published posts, newest first: their URL and title."""
LISTINGS = [
    "blog/",
    "blog/tags/",
    "blog/categories/",
    "blog/tags/focus/",
    "blog/tags/habits/",
    "blog/tags/writing/",
    "blog/categories/life/",
    "blog/categories/work/",
    "blog/archive/",
    "blog/archive/2025/",
]
"""The pages the plugin generates for the fixture."""
DRAFT = ["COEX-DRAFT-SENTINEL", "Secret draft zebra", "quokka", "draft-only-tag", "draft-only"]
"""Text of the fixture's draft, which no file of the built site may contain."""
BLOG_CSS = "assets/frontmatter-blog/blog.css"
ADS_CSS = "assets/frontmatter-blog/ads.css"
# mkdocs-rss-plugin's `match_path` for the posts of a blog at blog/: every page under it but
# the plugin's listings (index, tag and category pages, later pages of a listing).
RSS_POSTS_ONLY = r"blog/(?!index\.md$|tags/|categories/|archive/|page/).*"


def plugins(*after: Any, before: tuple[Any, ...] = ()) -> list[Any]:
    """The fixture's plugins with others before and after ``frontmatter-blog``."""
    return ["search", *before, "frontmatter-blog", *after]


def html_pages(site: Site) -> Iterator[str]:
    """The site-relative URL of every page of the site (``blog/``, ``404.html``)."""
    for path in site.site_dir.rglob("*.html"):
        url = path.relative_to(site.site_dir).as_posix()
        yield url.removesuffix("index.html")


def assert_no_draft(site: Site) -> None:
    for needle in DRAFT:
        assert site.grep(needle) == [], needle


def entries(site: Site, url: str) -> list[str]:
    """The posts a listing page lists, in order, by URL."""
    return [link for _, link in site.links(url, ".fmb-entry-title a")]


def assert_blog_intact(site: Site) -> None:
    """Every post has its header, every listing lists what it should."""
    for url, title in POSTS.items():
        header = site.soup(url).select_one(".fmb-post-header")
        assert header is not None, url
        assert title in site.soup(url).get_text(), url
    assert entries(site, "blog/") == list(POSTS)
    assert entries(site, "blog/tags/focus/") == ["blog/second-post/", "blog/first-post/"]
    assert entries(site, "blog/tags/habits/") == ["blog/second-post/"]
    assert entries(site, "blog/categories/work/") == ["blog/2025/third-post/", "blog/first-post/"]
    for url in LISTINGS:
        assert site.exists(url), url
    assert_no_draft(site)


def test_fixture_alone(tmp_path: Path) -> None:
    assert_blog_intact(build_site(tmp_path, FIXTURE))


# -- mkdocs-rss-plugin ----------------------------------------------------------------------------


def rss_plugin(match_path: str = RSS_POSTS_ONLY) -> dict[str, Any]:
    return {
        "rss": {
            "match_path": match_path,
            # Dates from the posts' front matter; the fixture copy is not a git repository.
            "use_git": False,
            "date_from_meta": {"as_creation": "pubDate", "as_update": "updatedDate"},
        }
    }


def rss_items(site: Site, name: str = "feed_rss_created.xml") -> dict[str, str]:
    """mkdocs-rss-plugin's feed: each item's link (site-relative) and title."""
    channel = ET.fromstring(site.page_path(name).read_bytes()).find("channel")
    assert channel is not None
    items = {}
    for item in channel.iter("item"):
        link = item.findtext("link") or ""
        assert link.startswith("https://example.com/"), link
        items[link.removeprefix("https://example.com/")] = item.findtext("title") or ""
    return items


def test_rss_plugin_feeds_beside_the_blogs_own(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_rss_plugin")
    alone = build_site(tmp_path / "alone", FIXTURE)
    site = build_site(tmp_path / "both", FIXTURE, config={"plugins": plugins(rss_plugin())})
    assert_blog_intact(site)
    # The blog's own feed is the same as without mkdocs-rss-plugin.
    assert site.page_path("feed.xml").read_bytes() == alone.page_path("feed.xml").read_bytes()
    # mkdocs-rss-plugin's feeds list the published posts, and nothing else.
    assert rss_items(site) == POSTS
    assert rss_items(site, "feed_rss_updated.xml") == POSTS
    created = json.loads(site.page_path("feed_json_created.json").read_text("utf-8"))
    assert {item["url"].removeprefix("https://example.com/") for item in created["items"]} == set(
        POSTS
    )
    assert_no_draft(site)


# Reads the source file of every page, as plugins that date pages from git or the file system
# do, and notes where it was; the test reads the notes once the build has ended.
SOURCE_READER = """\
import json, os

seen = {}

def on_page_content(html, page, config, files):
    path = page.file.abs_src_path
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    seen[page.file.src_uri] = {
        "path": path, "size": len(text), "generated": page.file.generated_by is not None,
        "mtime": os.path.getmtime(path),
    }

def on_post_build(config):
    with open(os.path.join(os.path.dirname(config.config_file_path), "seen.json"), "w") as f:
        json.dump(seen, f)
"""


def test_every_page_has_a_readable_source_file(tmp_path: Path) -> None:
    config_file = make_site(tmp_path, FIXTURE, config={"hooks": ["source_reader.py"]})
    (config_file.parent / "source_reader.py").write_text(SOURCE_READER, "utf-8")
    site = build_config_file(config_file)
    seen = json.loads((site.root / "seen.json").read_text("utf-8"))
    docs_dir = os.path.realpath(site.root / "docs")
    generated = {uri: note for uri, note in seen.items() if note["generated"]}
    assert {f"{uri.removesuffix('index.md')}" for uri in generated} == set(LISTINGS)
    for uri, note in generated.items():
        # An empty file of its own, outside docs_dir (and so outside any git repository of
        # the site).
        assert note["size"] == 0, uri
        assert note["path"].endswith("index.md"), uri
        assert not os.path.realpath(note["path"]).startswith(docs_dir + os.sep), uri
        # Removed once the build has ended.
        assert not os.path.exists(note["path"]), uri
    assert len({note["path"] for note in generated.values()}) == len(generated)
    assert seen["blog/first-post.md"]["generated"] is False


SCRATCH_LISTER = """\
import glob, json, os, tempfile

def on_post_build(config):
    made = glob.glob(os.path.join(tempfile.gettempdir(), "frontmatter-blog-*", "*"))
    with open(os.path.join(os.path.dirname(config.config_file_path), "made.json"), "w") as f:
        json.dump(made, f)
"""


def test_listing_source_files_are_made_only_when_a_plugin_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The empty source files of the previous test are made when a plugin reads their path:
    # a build where none does makes none (a large blog has thousands of listing pages).
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    config_file = make_site(tmp_path, FIXTURE, config={"hooks": ["scratch_lister.py"]})
    (config_file.parent / "scratch_lister.py").write_text(SCRATCH_LISTER, "utf-8")
    site = build_config_file(config_file)
    assert all(site.exists(url) for url in LISTINGS)
    assert json.loads((site.root / "made.json").read_text("utf-8")) == []
    # The scratch folder itself was this build's, and is gone with it.
    assert list(temporary.iterdir()) == []


def test_a_listing_source_file_is_made_once_when_first_asked_for(tmp_path: Path) -> None:
    def listing(path: Path) -> ListingFile:
        file = ListingFile("blog/tags/index.md", None, str(tmp_path / "site"), True)
        file.defer_source(str(path))
        return file

    path = tmp_path / "3-index.md"
    first = listing(path)
    twin = copy.copy(first)  # as a plugin that copies the site's files would
    assert not path.exists()
    assert first.abs_src_path == twin.abs_src_path == str(path)
    assert path.read_text("utf-8") == ""
    # The build's folder is gone (the build has ended): the path is given, and nothing raises.
    late = tmp_path / "gone" / "1-index.md"
    assert listing(late).abs_src_path == str(late) and not late.exists()
    # What MkDocs sets is what it gets.
    first.abs_src_path = None
    assert first.abs_src_path is None


def test_rss_plugin_matching_the_listings_too_builds(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_rss_plugin")
    # Its `match_path` defaults to every page. It then warns that each listing has no
    # description (they have none when it reads them), which fails a strict build: the docs
    # give the `match_path` above. Before, it failed on the listings' missing source file.
    site = build_site(
        tmp_path, FIXTURE, strict=False, config={"plugins": plugins(rss_plugin(".*"))}
    )
    assert_blog_intact(site)
    items = rss_items(site)
    assert set(POSTS) <= set(items)
    assert site.exists("feed.xml")


# -- mkdocs-redirects ---------------------------------------------------------------------------


def redirects(maps: dict[str, str]) -> dict[str, Any]:
    return {"redirects": {"redirect_maps": maps}}


@pytest.mark.parametrize(
    ("source", "replaced"),
    [
        ("blog/index.md", "the blog index at blog/"),
        ("blog/tags/index.md", "the index of tags at blog/tags/"),
        ("blog/tags.md", "the index of tags at blog/tags/"),
        ("blog/categories/work.md", "the listing of category 'work' at blog/categories/work/"),
        ("blog/first-post.md", "the post 'First post' at blog/first-post/"),
    ],
)
def test_redirect_over_a_blog_page_fails_a_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, source: str, replaced: str
) -> None:
    pytest.importorskip("mkdocs_redirects")
    with pytest.raises(Abort):
        build_site(
            tmp_path, FIXTURE, config={"plugins": plugins(redirects({source: "guide/outside.md"}))}
        )
    [warning] = [r.getMessage() for r in caplog.records if "redirect_maps" in r.getMessage()]
    assert f"sends {source} to guide/outside.md" in warning
    assert f"replaces {replaced}" in warning


def refresh_target(site: Site, url: str) -> str:
    refresh = site.soup(url).select_one('meta[http-equiv="refresh"]')
    assert refresh is not None, url
    return site.resolve(url, str(refresh["content"]).split("url=", 1)[1])


def test_redirect_from_an_old_post_path_to_a_post(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_redirects")
    maps = {
        "posts/first.md": "blog/first-post.md",
        "2024/third-post.md": "blog/2025/third-post.md",
        # A page the user wrote, which the listing goes into: an ordinary page to redirect to.
        "news.md": "blog/index.md",
    }
    site = build_site(
        tmp_path,
        FIXTURE,
        config={"plugins": plugins(redirects(maps))},
        files={"blog/index.md": "# News\n\n<!-- frontmatter-blog:listing -->\n"},
    )
    assert refresh_target(site, "posts/first/") == "blog/first-post/"
    assert refresh_target(site, "2024/third-post/") == "blog/2025/third-post/"
    assert refresh_target(site, "news/") == "blog/"
    assert entries(site, "blog/") == list(POSTS)
    assert_blog_intact(site)


# -- Material's tags plugin ----------------------------------------------------------------------


def material_tags_index(site: Site, url: str = "tags/") -> dict[str, set[str]]:
    """Material's tags index: each tag and the pages listed under it."""
    index = {}
    for heading in site.soup(url).select("article h2"):
        listing = heading.find_next_sibling("ul")
        assert listing is not None
        index[heading.get_text(strip=True)] = {
            site.resolve(url, str(a["href"])) for a in listing.select("a")
        }
    return index


def test_material_tags_plugin_lists_the_posts(tmp_path: Path) -> None:
    pytest.importorskip("material.plugins.tags")
    site = build_site(
        tmp_path,
        FIXTURE,
        config={"theme": {"name": "material"}, "plugins": plugins("tags")},
        files={"tags.md": "# Tags\n\n<!-- material/tags -->\n"},
    )
    # `tags: focus, habits` (one string) reaches Material as the two tags the blog reads.
    assert material_tags_index(site) == {
        "focus": {"blog/first-post/", "blog/second-post/"},
        "habits": {"blog/second-post/"},
        "writing": {"blog/first-post/", "blog/2025/third-post/"},
    }
    # Material's tags above the post, the blog's header with its own tag links.
    soup = site.soup("blog/second-post/")
    assert [a.get_text(strip=True) for a in soup.select("nav.md-tags a.md-tag")] == [
        "focus",
        "habits",
    ]
    assert [
        site.resolve("blog/second-post/", str(a["href"])) for a in soup.select("a.fmb-tag")
    ] == [
        "blog/tags/focus/",
        "blog/tags/habits/",
    ]
    assert_blog_intact(site)


def test_material_tags_plugin_with_tags_in_any_form(tmp_path: Path) -> None:
    pytest.importorskip("material.plugins.tags")
    site = build_site(
        tmp_path,
        FIXTURE,
        config={"theme": {"name": "material"}, "plugins": plugins("tags")},
        files={
            "tags.md": "<!-- material/tags -->\n",
            "blog/one.md": post({"title": "One", "pubDate": "2025-05-01", "tags": "solo"}),
            "blog/numbers.md": post({"title": "Numbers", "pubDate": "2025-05-02", "tags": [2025]}),
            "blog/none.md": post({"title": "None", "pubDate": "2025-05-03", "tags": None}),
        },
    )
    index = material_tags_index(site)
    assert index["solo"] == {"blog/one/"} and index["2025"] == {"blog/numbers/"}
    assert entries(site, "blog/tags/solo/") == ["blog/one/"]
    assert entries(site, "blog/tags/2025/") == ["blog/numbers/"]


# -- mkdocs-awesome-nav ----------------------------------------------------------------------------


def nav_links(site: Site, url: str = "") -> list[str]:
    """Where the links of the mkdocs theme's navigation bar lead (sections have none)."""
    nav = site.soup(url).select_one("ul.navbar-nav")  # the first: the site's pages
    assert nav is not None, url
    links = [str(a["href"]) for a in nav.select("a[href]") if a["href"] != "#"]
    return [site.resolve(url, href) for href in links]


def test_awesome_nav_places_the_blog(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_awesome_nav")
    nav = """\
nav:
  - index.md
  - Blog:
      - Posts: blog/index.md
      - Tags: blog/tags/index.md
      - Categories: blog/categories/index.md
  - guide
"""
    site = build_site(
        tmp_path, FIXTURE, config={"plugins": plugins("awesome-nav")}, files={".nav.yml": nav}
    )
    expected = ["", "blog/", "blog/tags/", "blog/categories/", "guide/outside/"]
    for url in html_pages(site):
        if url != "404.html":
            assert nav_links(site, url) == expected, url
    assert_blog_intact(site)


def test_awesome_nav_leaves_posts_and_listings_out_by_default(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_awesome_nav")
    site = build_site(tmp_path, FIXTURE, config={"plugins": plugins("awesome-nav")})
    assert nav_links(site) == ["", "guide/outside/"]
    assert_blog_intact(site)


def test_awesome_nav_patterns_with_taxonomy_in_nav(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_awesome_nav")
    # awesome-nav's patterns (a bare path, a glob) match only pages in the navigation: the
    # listings are, with taxonomy_in_nav; the posts still are not.
    nav = "nav:\n  - index.md\n  - Blog:\n      - blog/index.md\n      - blog/tags/*\n"
    site = build_site(
        tmp_path,
        FIXTURE,
        config={"plugins": plugins("awesome-nav")},
        plugin={"taxonomy_in_nav": True},
        files={".nav.yml": nav},
    )
    links = nav_links(site)
    assert links[:3] == ["", "blog/", "blog/tags/"]
    assert set(links[3:]) == {"blog/tags/focus/", "blog/tags/habits/", "blog/tags/writing/"}
    assert not set(links) & set(POSTS)


# -- mkdocs-macros-plugin --------------------------------------------------------------------------


@pytest.mark.parametrize("first", [True, False], ids=["macros-first", "macros-last"])
def test_macros_in_a_post_and_in_the_blog_index(tmp_path: Path, first: bool) -> None:
    pytest.importorskip("mkdocs_macros")
    site = build_site(
        tmp_path,
        FIXTURE,
        config={"plugins": plugins(before=("macros",)) if first else plugins("macros")},
        files={
            "blog/macro-post.md": post(
                {"title": "Macro post", "pubDate": "2025-06-01", "tags": ["focus"]},
                "Built by {{ config.site_name }} for MACRO-{{ 6 * 7 }}.\n",
            ),
            "blog/index.md": (
                "# News\n\nThe blog of {{ config.site_name }}.\n\n"
                "<!-- frontmatter-blog:listing -->\n\nAfter the listing.\n"
            ),
        },
    )
    text = site.soup("blog/macro-post/").get_text(" ")
    assert "Built by Coexistence for MACRO-42." in text
    assert site.soup("blog/macro-post/").select_one(".fmb-post-header") is not None
    index = site.soup("blog/")
    body = index.select_one("div[role=main]")
    assert body is not None
    words = " ".join(body.get_text(" ").split())
    assert words.startswith("News The blog of Coexistence.")
    assert words.endswith("After the listing.")
    assert entries(site, "blog/") == ["blog/macro-post/", *POSTS]
    assert "{{" not in site.page_path("blog/").read_text("utf-8")
    assert_no_draft(site)


# -- mkdocs-static-i18n ----------------------------------------------------------------------------

I18N = {
    "i18n": {
        "docs_structure": "suffix",
        "languages": [
            {"locale": "en", "default": True, "name": "English", "build": True},
            {"locale": "fr", "name": "Français", "build": True},
        ],
    }
}


def i18n_site(tmp_path: Path) -> Site:
    return build_site(
        tmp_path,
        None,
        config={
            "site_url": "https://example.com/",
            "plugins": ["search", I18N, "frontmatter-blog"],
        },
        files={
            "index.md": "# Home\n",
            "index.fr.md": "# Accueil\n",
            "blog/post.en.md": post(
                {"title": "Hello", "pubDate": "2025-05-01", "tags": ["news"]}, "ENGLISH-TEXT\n"
            ),
            "blog/post.fr.md": post(
                {"title": "Bonjour", "pubDate": "2025-05-01", "tags": ["news"]}, "FRENCH-TEXT\n"
            ),
            "blog/draft.en.md": post({"title": "Draft", "draft": True}, "I18N-DRAFT-EN\n"),
            "blog/draft.fr.md": post({"title": "Brouillon", "draft": True}, "I18N-DRAFT-FR\n"),
        },
    )


def test_static_i18n_suffix_builds(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_static_i18n")
    site = i18n_site(tmp_path)
    # Each language's post at the URL mkdocs-static-i18n gives it, with the post header.
    for url, title, text in [
        ("blog/post/", "Hello", "ENGLISH-TEXT"),
        ("fr/blog/post/", "Bonjour", "FRENCH-TEXT"),
    ]:
        soup = site.soup(url)
        header = soup.select_one(".fmb-post-header")
        assert header is not None and title in header.get_text(), url
        assert text in soup.get_text(), url
    assert not site.exists("blog/post.en/") and not site.exists("blog/post.fr/")
    # Each language's blog: tests/test_static_i18n.py.
    assert site.exists("blog/") and site.exists("blog/tags/news/") and site.exists("feed.xml")
    assert site.exists("fr/blog/") and site.exists("fr/feed.xml")
    for needle in ["I18N-DRAFT", "Brouillon", "blog/draft"]:
        assert site.grep(needle) == [], needle


# -- MkDocs' own search ----------------------------------------------------------------------------


def search_entries(site: Site) -> dict[str, str]:
    index = json.loads(site.page_path("search/search_index.json").read_text("utf-8"))
    return {doc["location"]: doc["text"] for doc in index["docs"]}


def test_mkdocs_search_leaves_listings_out(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        FIXTURE,
        files={"blog/tags/index.md": "# Topics\n\nTOPICS-INTRO-TEXT\n"},
    )
    found = search_entries(site)
    pages = {location.split("#", 1)[0] for location in found}
    # The posts and the docs, and the one listing page the user wrote (its own text only).
    assert pages == {"", "guide/outside/", "blog/tags/", *POSTS}
    assert "TOPICS-INTRO-TEXT" in found["blog/tags/"]
    assert "focus" not in found["blog/tags/"]
    assert "FIRST-POST-BODY" in found["blog/first-post/"]
    assert not any(needle in json.dumps(found) for needle in DRAFT)


# -- the blog's stylesheets only where they are used -----------------------------------------------


def stylesheets(site: Site, url: str) -> list[str]:
    """The stylesheets a page links, site-relative."""
    soup = site.soup(url)
    return [site.resolve(url, str(link["href"])) for link in soup.select('link[rel~="stylesheet"]')]


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_blog_css_only_on_blog_pages(tmp_path: Path, theme: str) -> None:
    site = build_site(
        tmp_path,
        FIXTURE,
        config={"theme": {"name": theme}, "extra_css": ["css/mine.css"]},
        files={
            "css/mine.css": ".mine {}\n",
            "blog/index.md": "# News\n\n<!-- frontmatter-blog:listing -->\n",
        },
    )
    blog_pages = [*POSTS, *LISTINGS]
    for url in html_pages(site):
        links = stylesheets(site, url)
        if url in blog_pages:
            # Once, and before the user's own stylesheets, which win at equal specificity.
            assert links.count(BLOG_CSS) == 1, url
            assert links.index(BLOG_CSS) < links.index("css/mine.css"), url
        else:
            assert BLOG_CSS not in links, url
            assert "css/mine.css" in links, url
        assert ADS_CSS not in links, url
    assert {"", "guide/outside/", "404.html"} <= set(html_pages(site))
    assert site.exists(BLOG_CSS)
    # No ads configured: their stylesheet is neither linked nor published.
    assert not site.exists(ADS_CSS)


def test_blog_css_everywhere_when_listed_or_with_instant_navigation(tmp_path: Path) -> None:
    listed = build_site(tmp_path / "listed", FIXTURE, config={"extra_css": [BLOG_CSS]})
    instant = build_site(
        tmp_path / "instant",
        FIXTURE,
        config={"theme": {"name": "material", "features": ["navigation.instant"]}},
    )
    for site in (listed, instant):
        for url in ["", "guide/outside/", "blog/first-post/", "blog/"]:
            assert stylesheets(site, url).count(BLOG_CSS) == 1, url


def test_ads_css_where_ads_are_configured(tmp_path: Path) -> None:
    snippet = '<div class="unit">AD</div>'
    site = build_site(tmp_path, FIXTURE, plugin={"ads": {"snippet": snippet}})
    assert site.exists(ADS_CSS)
    assert ADS_CSS in stylesheets(site, "blog/first-post/")


def test_a_file_of_the_users_own_at_the_ads_css_path_is_kept(tmp_path: Path) -> None:
    site = build_site(tmp_path, FIXTURE, files={ADS_CSS: "/* MY-OWN-ADS-CSS */\n"})
    assert "MY-OWN-ADS-CSS" in site.page_path(ADS_CSS).read_text("utf-8")


def test_stylesheet_link_pattern() -> None:
    from mkdocs_blog_plugin.structure.other_plugins import without_stylesheet

    for link in [
        f'<link href="{BLOG_CSS}" rel="stylesheet">',
        f'<link rel="stylesheet" href="../../{BLOG_CSS}">',
        f"<link rel='stylesheet' href='/sub/{BLOG_CSS}?v=3' />",
    ]:
        html = f"<head>\n  {link}\n</head>"
        assert without_stylesheet(html, BLOG_CSS) == "<head>\n</head>", link
    for other in [
        '<link href="assets/frontmatter-blog/blog.css.map" rel="stylesheet">',
        '<link href="my-assets/frontmatter-blog/blog.css" rel="stylesheet">',
    ]:
        assert without_stylesheet(other, BLOG_CSS) == other, other
