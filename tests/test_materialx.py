"""The blog in MaterialX (``mkdocs-materialx``, theme ``materialx``), a fork of Material: real
strict builds of the fixture sites, read back with an HTML parser and in headless Chromium.

MaterialX gets all Material gets: the post header, listings and tag pages with the plugin's
CSS, ``custom_dir`` overrides of the plugin's templates, ads with ``navigation.instant`` (the
boot script on every page, through ``document$``) and ``ads.consent`` with ``extra.consent``.

MaterialX ships the same top-level ``material`` package as mkdocs-material, so the two never
share an environment: these tests run in ``.venv-materialx`` (``make pytest-materialx``) and
skip the whole module anywhere else. Its search is Pagefind by default, which indexes the built
HTML rather than ``page.content``.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort, PluginError
from mkdocs.utils import get_theme_names

from mkdocs_blog_plugin.plugin import BLOG_CSS, TEMPLATES_DIR
from tests import test_ads_browser as material_browser
from tests.browser import serve
from tests.sitebuild import Site
from tests.sitebuild import build_site as build_in_this_thread
from tests.test_ads_browser import ADSENSE, CONSENT_EXTRA, Visit
from tests.test_ads_site import (
    ADS_TXT,
    ADSENSE_ADS,
    CLIENT,
    EXPECTED,
    HOOK,
    SNIPPET_ADS,
    AdsSite,
    ad_slots,
    boot_scripts,
    loaders,
)

# `import materialx` is no test: mkdocs-material-extensions (which mkdocs-material requires)
# has a `materialx` module too. The theme is there when MkDocs knows its name.
if "materialx" not in get_theme_names():
    pytest.skip(
        "needs the 'materialx' theme (mkdocs-materialx), which cannot be installed beside "
        "mkdocs-material: run `make pytest-materialx` (.venv-materialx)",
        allow_module_level=True,
    )

# test_ads_browser's fixtures, as this module's: Chromium, and open_page(site_dir, url, ...),
# which answers every request to another host locally and records it.
browser = material_browser.browser
open_page = material_browser.open_page

# Google Fonts would be fetched from a CDN: the machine is offline.
THEME = {"name": "materialx", "font": False}
INSTANT_THEME = {**THEME, "features": ["navigation.instant"]}
ADS_CSS = "assets/frontmatter-blog/ads.css"
POSTS = {
    "blog/quoted/": "Quoted offset post",
    "blog/2025/leverage/": "Career Growth Is Mostly About Leverage",
    "blog/2025/plain-date/": "Plain date post",
    "blog/2025/naive/": "Naive datetime post",
    "blog/material-style/": "Material style post",
}
"""The blog fixture's published posts, newest first."""
LISTINGS = ["blog/", "blog/tags/", "blog/tags/focus/", "blog/categories/", "blog/categories/work/"]
OTHER_PAGES = ["", "guide/not-a-post/", "404.html"]
SITE_PATH = "sub/path/"
"""The path of the blog fixture's site_url."""
DRAFT = ["DRAFT-UNIQUE-SENTENCE-7f3a9", "Secret Draft Title Zebra", "secret-draft"]


def build_site(tmp_path: Path, fixture: str = "blog", **changes: Any) -> Site:
    """tests.sitebuild's build_site, in a thread of its own. MaterialX's search indexes the
    site with Pagefind through asyncio.run(), which refuses to run in a thread that has an
    event loop running: Playwright's sync API keeps one in this thread while Chromium is open."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(build_in_this_thread, tmp_path, fixture, **changes).result()


def listing_titles(site: Site, url: str) -> list[str]:
    return [a.get_text(strip=True) for a in site.soup(url).select(".fmb-entry-title a")]


def assert_links_resolve(site: Site, url: str) -> None:
    for _text, target in site.links(url, ".fmb-listing a, .fmb-post-header a, .fmb-terms a"):
        assert site.exists(target), f"{url} links to missing {target}"


def stylesheets(site: Site, url: str) -> list[str]:
    """The stylesheets a page links, site-relative, in order. (404.html links them from the
    path of site_url, as /sub/path/assets/...: that path is taken off.)"""
    links = site.soup(url).select('link[rel~="stylesheet"]')
    hrefs = [site.resolve(url, str(link["href"])) for link in links]
    return [href.removeprefix(SITE_PATH) for href in hrefs]


def pagefind_pages(site: Site) -> dict[str, str]:
    """URL -> indexed text of every page in MaterialX's Pagefind index (``search/``): each
    fragment is gzipped JSON behind a ``pagefind_dcd`` signature."""
    pages: dict[str, str] = {}
    for path in sorted((site.site_dir / "search" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        pages[fragment["url"].removeprefix("/").removesuffix("index.html")] = fragment["content"]
    return pages


# -- the blog fixture ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp("materialx"), config={"theme": THEME})


def test_the_theme_is_materialx(site: Site) -> None:
    generator = site.soup("").select_one('meta[name="generator"]')
    assert generator is not None and "mkdocs-materialx" in str(generator["content"])
    assert (site.site_dir / "search" / "pagefind-entry.json").is_file()


def test_post_header_in_the_article_above_the_text(site: Site) -> None:
    for url, title in POSTS.items():
        soup = site.soup(url)
        [header] = soup.select(".fmb-post-header")
        assert header.find_parent("article", class_="md-content__inner") is not None, url
        assert [h for h in soup.select("article h1") if title in h.get_text()], url
    url = "blog/2025/leverage/"
    header = site.soup(url).select_one(".fmb-post-header")
    assert header.select_one("h1").get_text() == POSTS[url]
    assert "Updated" in header.select_one(".fmb-updated").get_text()
    links = dict(site.links(url, ".fmb-post-header a"))
    assert links["work"] == "blog/categories/work/"
    assert links["overwhelm"] == "blog/tags/overwhelm/"
    html = site.page_path(url).read_text("utf-8")
    assert html.index("fmb-post-header") < html.index("LEVERAGE-BODY-TEXT")
    # A post that starts with its own "# Heading" keeps just that one <h1>.
    material = site.soup("blog/material-style/")
    assert len([h for h in material.select("h1") if "Material style post" in h.get_text()]) == 1
    for url in POSTS:
        assert_links_resolve(site, url)


def test_listings(site: Site) -> None:
    assert listing_titles(site, "blog/") == list(POSTS.values())
    entry = site.soup("blog/").select(".fmb-entry")[1]
    assert entry.select_one("time")["datetime"] == "2025-02-01T00:00:00+00:00"
    assert [a.get_text() for a in entry.select(".fmb-tag")] == [
        "overwhelm",
        "essentialism",
        "knowledge-worker",
    ]
    for url in LISTINGS:
        assert site.soup(url).select_one("article.md-content__inner .fmb-listing, .fmb-terms")
        assert_links_resolve(site, url)


def test_tag_and_category_pages(site: Site) -> None:
    terms = {
        li.select_one("a").get_text(): int(li.select_one(".fmb-count").get_text())
        for li in site.soup("blog/tags/").select(".fmb-terms li")
    }
    assert terms == {
        "café": 1,
        "essentialism": 2,
        "focus": 3,
        "knowledge-worker": 1,
        "Overwhelm": 2,
    }
    assert listing_titles(site, "blog/tags/focus/") == [
        "Plain date post",
        "Naive datetime post",
        "Material style post",
    ]
    assert site.exists("blog/tags/café/")
    categories = [a.get_text() for a in site.soup("blog/categories/").select(".fmb-terms a")]
    assert categories == ["Holidays", "life", "Winter", "Work"]
    assert listing_titles(site, "blog/categories/winter/") == ["Material style post"]


def test_drafts_are_nowhere(site: Site) -> None:
    for needle in DRAFT:
        assert site.grep(needle) == [], needle


def test_blog_css_linked_on_blog_pages_after_the_themes(site: Site) -> None:
    shipped = Path(TEMPLATES_DIR, *BLOG_CSS.split("/")).read_bytes()
    assert site.page_path(BLOG_CSS).read_bytes() == shipped
    for url in [*POSTS, *LISTINGS]:
        links = stylesheets(site, url)
        assert links.count(BLOG_CSS) == 1, url
        # After MaterialX's own stylesheet: at equal specificity, ours wins over the theme's.
        [theme_css] = [link for link in links if link.startswith("assets/stylesheets/main.")]
        assert links.index(theme_css) < links.index(BLOG_CSS), url
    for url in OTHER_PAGES:
        assert BLOG_CSS not in stylesheets(site, url), url
    assert not site.exists(ADS_CSS)  # no ads configured


def test_pagefind_indexes_posts_not_listings(site: Site) -> None:
    # MaterialX marks <article data-pagefind-body> unless page.meta has search.exclude, which
    # listings have: Pagefind then indexes only the pages so marked.
    for url in POSTS:
        assert site.soup(url).select("article[data-pagefind-body]"), url
    for url in LISTINGS:
        assert not site.soup(url).select("[data-pagefind-body]"), url
    indexed = pagefind_pages(site)
    assert set(POSTS) <= set(indexed)
    assert not set(indexed) & {*LISTINGS, "blog/tags/café/", "blog/categories/winter/"}
    assert "LEVERAGE-BODY-TEXT" in indexed["blog/2025/leverage/"]
    assert not any(needle in text for text in indexed.values() for needle in DRAFT)


def test_lunr_search_leaves_listings_out(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        config={
            "theme": THEME,
            "plugins": [{"search": {"provider": "lunr"}}, "frontmatter-blog"],
        },
    )
    index = json.loads((site.site_dir / "search/search_index.json").read_text("utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert set(POSTS) <= locations
    assert not locations & set(LISTINGS)


def test_instant_navigation_links_blog_css_on_every_page(tmp_path: Path) -> None:
    site = build_site(tmp_path, config={"theme": INSTANT_THEME})
    # MaterialX swaps pages in without loading the <link>s of their <head>.
    for url in [*POSTS, *LISTINGS, *OTHER_PAGES]:
        assert stylesheets(site, url).count(BLOG_CSS) == 1, url


def test_custom_dir_overrides_the_plugins_templates_and_the_themes(tmp_path: Path) -> None:
    entry = (
        '<article class="fmb-entry my-card"><h2 class="fmb-entry-title">'
        '<a href="{{ post.url }}">{{ post.title }}</a></h2>MY-ENTRY</article>\n'
    )
    header = '<header class="fmb-post-header my-header">MY-HEADER {{ post.title }}</header>\n'
    main = '{% extends "base.html" %}\n{% block announce %}MY-ANNOUNCE{% endblock %}\n'
    site = build_site(
        tmp_path,
        config={"theme": {**THEME, "custom_dir": "overrides"}},
        files={
            "../overrides/frontmatter-blog/entry.html": entry,
            "../overrides/frontmatter-blog/post-header.html": header,
            "../overrides/main.html": main,
        },
    )
    listing = site.soup("blog/")
    assert len(listing.select(".fmb-entry.my-card")) == len(POSTS)
    assert listing_titles(site, "blog/") == list(POSTS.values())
    assert "MY-ENTRY" in listing.get_text()
    assert len(site.soup("blog/tags/focus/").select(".my-card")) == 3
    [mine] = site.soup("blog/2025/leverage/").select(".fmb-post-header")
    assert mine.get_text(strip=True) == f"MY-HEADER {POSTS['blog/2025/leverage/']}"
    # The theme's own template override still applies beside ours.
    assert "MY-ANNOUNCE" in site.soup("blog/").select_one(".md-banner").get_text()
    assert_links_resolve(site, "blog/")


# -- the ads fixture -----------------------------------------------------------------------------


def build_ads(tmp_path: Path, ads: dict[str, Any], **config: Any) -> Site:
    return build_site(tmp_path, "ads-site", config={"theme": THEME, **config}, plugin={"ads": ads})


@pytest.fixture(scope="module", params=["snippet", "adsense"])
def ads_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AdsSite:
    kind = request.param
    site = build_ads(
        tmp_path_factory.mktemp(f"materialx-{kind}"),
        SNIPPET_ADS if kind == "snippet" else ADSENSE_ADS,
    )
    return AdsSite(site.root, site.site_dir, site.use_directory_urls, kind=kind)


def test_slots_where_they_go_in_the_article(ads_site: AdsSite) -> None:
    for url, after in EXPECTED.items():
        soup = ads_site.soup(url)
        slots = ad_slots(soup)
        assert len(slots) == len(after), url
        for slot, marker in zip(slots, after, strict=True):
            assert slot.find_parent("article", class_="md-content__inner") is not None
            previous = slot.find_previous_sibling(True)
            assert previous is not None and previous.get_text().startswith(marker), url
            assert slot.select_one(".ad-slot__unit")["style"] == "min-height: 280px"


def test_loader_once_in_head_only_where_slots_are(ads_site: AdsSite) -> None:
    kind = ads_site.kind
    for url, after in EXPECTED.items():
        soup = ads_site.soup(url)
        found = loaders(soup)
        if kind == "adsense" and after:
            [loader] = found
            assert loader.find_parent("head") is not None
            assert loader["src"].endswith(f"adsbygoogle.js?client={CLIENT}")
            [boot] = boot_scripts(soup)
            assert '"instant": false' in boot.get_text()
        else:
            assert found == [], url
            assert not soup.select("script[data-frontmatter-blog-ads]"), url
        if kind == "snippet":
            assert ("TEST-AD-SNIPPET" in str(soup)) == bool(after), url


def test_ads_css_and_ads_txt(ads_site: AdsSite) -> None:
    assert (ads_site.site_dir / "ads.txt").read_text("utf-8") == ADS_TXT + "\n"
    assert ads_site.exists(ADS_CSS)
    for url in ["blog/long-post/", "blog/"]:
        assert ADS_CSS in stylesheets(ads_site, url), url


def test_ad_snippet_out_of_the_pagefind_index(tmp_path: Path) -> None:
    site = build_ads(tmp_path, SNIPPET_ADS)
    indexed = pagefind_pages(site)
    assert "LONG-PARA-01" in indexed["blog/long-post/"]
    assert not [url for url, text in indexed.items() if "TEST-AD-SNIPPET" in text]


def test_ad_snippet_out_of_the_lunr_index(tmp_path: Path) -> None:
    plugins = [{"search": {"provider": "lunr"}}, {"frontmatter-blog": {"ads": SNIPPET_ADS}}]
    site = build_ads(tmp_path, SNIPPET_ADS, plugins=plugins)
    text = (site.site_dir / "search/search_index.json").read_text("utf-8")
    assert "LONG-PARA-01" in text and "TEST-AD-SNIPPET" not in text


def test_instant_navigation_boot_script_on_every_page(tmp_path: Path) -> None:
    site = build_ads(tmp_path, {**ADSENSE_ADS, "head": HOOK}, theme=INSTANT_THEME)
    for url, after in EXPECTED.items():
        soup = site.soup(url)
        [boot] = boot_scripts(soup)
        assert boot.find_parent("head") is not None, url
        assert '"instant": true' in boot.get_text() and "document$" in boot.get_text()
        assert len(soup.select("head script[data-test-cmp]")) == 1, url
        assert len(loaders(soup)) == (1 if after else 0), url
        assert bool(ad_slots(soup)) == bool(after), url
        assert stylesheets(site, url).count(BLOG_CSS) == 1, url


def test_consent_with_extra_consent(tmp_path: Path) -> None:
    site = build_ads(tmp_path, {**ADSENSE_ADS, "consent": True}, extra=CONSENT_EXTRA)
    soup = site.soup("blog/long-post/")
    assert loaders(soup) == []  # the boot script adds it once the reader accepts
    [boot] = boot_scripts(soup)
    assert '"consent": true' in boot.get_text() and "__md_get" in boot.get_text()
    assert len(soup.select(".ad-slot template[data-ad-consent]")) == 3
    assert soup.select_one("#__consent.md-consent") is not None  # MaterialX's consent form


def test_instant_navigation_with_consent_has_no_static_loader(tmp_path: Path) -> None:
    site = build_ads(
        tmp_path, {**ADSENSE_ADS, "consent": True}, theme=INSTANT_THEME, extra=CONSENT_EXTRA
    )
    for url in EXPECTED:
        soup = site.soup(url)
        assert loaders(soup) == [], url
        [boot] = boot_scripts(soup)
        assert '"consent": true' in boot.get_text() and '"instant": true' in boot.get_text()


@pytest.mark.parametrize(
    "extra",
    [{}, {"consent": {"cookies": {"analytics": "GA"}}}],
    ids=["no-consent", "no-ads-cookie"],
)
def test_consent_without_the_ads_cookie_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, extra: dict[str, Any]
) -> None:
    with pytest.raises((PluginError, Abort)):
        build_ads(tmp_path, {**ADSENSE_ADS, "consent": True}, extra=extra)
    assert any("ads.consent" in record.getMessage() for record in caplog.records)


# -- in headless Chromium ------------------------------------------------------------------------


@pytest.mark.browser
def test_post_header_and_listing_look_right(tmp_path: Path, open_page: Any) -> None:
    site = build_site(tmp_path, config={"theme": THEME})
    page, visit, base = open_page(site.site_dir, "blog/2025/leverage/")
    title = page.locator(".fmb-post-header h1")
    assert title.is_visible() and title.inner_text() == POSTS["blog/2025/leverage/"]
    tags = page.locator(".fmb-post-header .fmb-tag")
    boxes = [tags.nth(i).bounding_box() for i in range(tags.count())]
    # Our CSS is applied: the tags are pills in a row, not MaterialX's bulleted list.
    assert len(boxes) == 3 and len({round(box["y"]) for box in boxes}) == 1, boxes
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    radius = page.eval_on_selector(".fmb-tag", "e => getComputedStyle(e).borderTopLeftRadius")
    assert radius != "0px"
    header = page.locator(".fmb-post-header").bounding_box()
    text = page.locator("text=LEVERAGE-BODY-TEXT").first.bounding_box()
    assert header["y"] + header["height"] <= text["y"] + 1
    listing, _, _ = open_page(site.site_dir, "blog/", base=base)
    entries = listing.locator(".fmb-entry")
    assert entries.count() == len(POSTS)
    first, second = entries.nth(0).bounding_box(), entries.nth(1).bounding_box()
    assert first["y"] + first["height"] <= second["y"]
    assert visit.errors == []


# Every visible ad slot's box, and MaterialX's sidebars' and content column's.
SLOT_GEOMETRY = """() => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; };
  const shown = (el) => el && el.checkVisibility() && el.getBoundingClientRect().width > 0;
  return {
    slots: [...document.querySelectorAll('.ad-slot')].map(box),
    content: box(document.querySelector('.md-content__inner')),
    sidebars: [...document.querySelectorAll('.md-sidebar')].filter(shown).map(box),
    toc: [...document.querySelectorAll('.md-sidebar--secondary .md-nav__link')].map(
      (a) => a.textContent.trim()),
  };
}"""


def assert_slots_in_the_content_column(geometry: dict[str, Any], slots: int) -> None:
    assert len(geometry["slots"]) == slots
    content = geometry["content"]
    for slot in geometry["slots"]:
        assert slot["width"] > 0
        assert content["left"] - 1 <= slot["left"] and slot["right"] <= content["right"] + 1
        for sidebar in geometry["sidebars"]:
            apart = slot["right"] <= sidebar["left"] + 1 or sidebar["right"] <= slot["left"] + 1
            assert apart, (slot, sidebar)
    assert not [link for link in geometry["toc"] if "Advertisement" in link]


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 1800], ids=["one-sidebar", "two-sidebars"])
def test_slots_reserve_their_height_in_the_content_column(
    tmp_path: Path, open_page: Any, width: int
) -> None:
    site = build_ads(tmp_path, ADSENSE)
    page, visit, _ = open_page(site.site_dir, "blog/long-post/")
    page.set_viewport_size({"width": width, "height": 900})
    assert any("adsbygoogle.js" in url for url in visit.external)
    state = page.evaluate(
        """() => ({
            pushed: Array.isArray(window.adsbygoogle) ? window.adsbygoogle.length : -1,
            heights: [...document.querySelectorAll('.ad-slot__unit')].map(
                (unit) => unit.getBoundingClientRect().height),
            label: getComputedStyle(document.querySelector('.ad-slot'), '::before').content,
        })"""
    )
    assert state["pushed"] == 3
    assert len(state["heights"]) == 3 and all(h >= 280 for h in state["heights"]), state
    assert state["label"] == '"Advertisement"'
    geometry = page.evaluate(SLOT_GEOMETRY)
    assert len(geometry["sidebars"]) == (2 if width >= 1220 else 1), geometry["sidebars"]
    assert_slots_in_the_content_column(geometry, 3)
    assert visit.errors == []


@pytest.mark.browser
def test_consent_loads_nothing_until_accepted(tmp_path: Path, open_page: Any) -> None:
    site = build_ads(tmp_path, {**ADSENSE, "consent": True}, extra=CONSENT_EXTRA)
    page, visit, _ = open_page(site.site_dir, "blog/long-post/")
    assert not any("googlesyndication" in url for url in visit.external)
    assert page.evaluate("() => document.querySelectorAll('.ad-slot ins').length") == 0
    # MaterialX's consent form opens (after 250 ms, as Material's): the reader accepts, with
    # the "Advertising" cookie checked as it is at first; the form stores it and reloads.
    page.locator("#__consent .md-consent__inner").wait_for(state="visible")
    assert page.locator('#__consent input[name="ads"]').is_checked()
    with page.expect_navigation(wait_until="load"):
        page.locator("#__consent button.md-button--primary").click()
    assert page.evaluate('() => __md_get("__consent")') == {"ads": True}
    assert any("adsbygoogle.js" in url for url in visit.external)
    assert page.evaluate("() => document.querySelectorAll('.ad-slot ins.adsbygoogle').length") == 3
    assert page.evaluate("() => window.adsbygoogle.length") == 3
    assert visit.errors == []


# -- MaterialX's instant navigation: test_ads_browser's tests, on MaterialX ----------------------


@pytest.fixture
def instant_site(tmp_path: Path, open_page: Any) -> Iterator[Any]:
    """As test_ads_browser's ``instant_site``, in MaterialX with ``navigation.instant``."""
    site_dir = tmp_path / "project" / "site"
    with serve(site_dir) as base:

        def opener(url: str, ads: dict[str, Any], **config: Any) -> tuple[Any, Visit]:
            # Only the URLs of the sitemap (of site_url) navigate instantly.
            site = build_ads(tmp_path, ads, theme=INSTANT_THEME, site_url=base, **config)
            assert site.site_dir == site_dir
            page, visit, _ = open_page(site_dir, url, height=700, base=base)
            page.wait_for_load_state("networkidle")
            page.evaluate("() => { window.__marker = 'still the first page view'; }")
            return page, visit

        yield opener


@pytest.mark.browser
@pytest.mark.parametrize("lazy", [False, True], ids=["eager", "lazy"])
def test_instant_navigation_loads_and_pushes_slots(instant_site: Any, lazy: bool) -> None:
    material_browser.test_instant_navigation_loads_and_pushes_slots(instant_site, lazy)


@pytest.mark.browser
def test_instant_navigation_from_post_to_post(instant_site: Any) -> None:
    material_browser.test_instant_navigation_from_post_to_post(instant_site)


@pytest.mark.browser
def test_instant_navigation_waits_for_consent(instant_site: Any) -> None:
    material_browser.test_instant_navigation_waits_for_consent(instant_site)


@pytest.mark.browser
def test_instant_navigation_keeps_slots_out_of_the_sidebars(instant_site: Any) -> None:
    page, visit = instant_site("blog/", ADSENSE)
    page.set_viewport_size({"width": 1800, "height": 900})
    material_browser.navigate_instantly(
        page, material_browser.to_post("blog/long-post/"), "blog/long-post/", 3
    )
    page.wait_for_function("() => (window.adsbygoogle || []).length === 3")
    geometry = page.evaluate(SLOT_GEOMETRY)
    assert len(geometry["sidebars"]) == 2
    assert_slots_in_the_content_column(geometry, 3)
    # The swapped-in page is styled by blog.css, linked up front on the first page.
    radius = page.eval_on_selector(".fmb-tag", "e => getComputedStyle(e).borderTopLeftRadius")
    assert radius != "0px"
    assert BeautifulSoup(page.content(), "html.parser").select(".fmb-post-header h1")
    assert visit.errors == []
