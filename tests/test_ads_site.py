"""Ad slots in fixture sites built by MkDocs (strict), in each theme, read with an HTML parser."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import Abort, PluginError

from tests.sitebuild import FIXTURES, Site, build_site, post

FIXTURE = "ads-site"
THEMES = ["mkdocs", "readthedocs", "material"]
CLIENT = "ca-pub-1234567890123456"
ADS_TXT = "google.com, pub-1234567890123456, DIRECT, f08c47fec0942fa0"
SNIPPET = '<div class="test-ad-unit" data-test-ad="1">TEST-AD-SNIPPET</div>'
SNIPPET_ADS = {"snippet": SNIPPET, "ads_txt": [ADS_TXT]}
ADSENSE_ADS = {"adsense": {"client": CLIENT, "slot": "1234567890"}, "ads_txt": [ADS_TXT]}

# Published pages of the fixture and the paragraph each of their slots must follow.
EXPECTED: dict[str, list[str]] = {
    "blog/long-post/": ["LONG-PARA-03", "LONG-PARA-09", "LONG-PARA-15"],
    "blog/short-post/": ["SHORT-ONLY-PARA"],
    "blog/manual-post/": ["MANUAL-PARA-1", "MANUAL-PARA-4"],
    "blog/rich-post/": ["RICH-PARA-3"],
    "blog/code-only/": [],
    "blog/no-ads/": [],
    "blog/ads-false/": [],
    "": [],
    "guide/outside/": [],
    "blog/": [],
    "blog/tags/": [],
    "blog/tags/ads/": [],
}
WITH_SLOTS = [url for url, after in EXPECTED.items() if after]

FORBIDDEN_ANCESTORS = [
    "pre",
    "code",
    "table",
    "ul",
    "ol",
    "blockquote",
    "details",
    "figure",
    "p",
    ".admonition",
    ".tabbed-set",
    ".arithmatex",
    ".highlight",
    ".footnote",
    ".fmb-post-header",
]


@dataclass
class AdsSite(Site):
    kind: str = "snippet"
    """``snippet`` (generic HTML) or ``adsense`` (the preset)."""


def ad_slots(soup: BeautifulSoup) -> list[Tag]:
    return list(soup.select(".ad-slot"))


def loaders(soup: BeautifulSoup) -> list[Tag]:
    return list(soup.select('script[src*="adsbygoogle.js"]'))


@pytest.fixture(
    scope="module", params=[(t, kind) for t in THEMES for kind in ("snippet", "adsense")]
)
def ads_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AdsSite:
    theme, kind = request.param
    ads = SNIPPET_ADS if kind == "snippet" else ADSENSE_ADS
    site = build_site(
        tmp_path_factory.mktemp(f"{theme}-{kind}"),
        FIXTURE,
        config={"theme": theme},
        plugin={"ads": ads},
    )
    return AdsSite(site.root, site.site_dir, site.use_directory_urls, kind=kind)


def test_slot_counts_and_positions(ads_site: AdsSite) -> None:
    for url, after in EXPECTED.items():
        soup = ads_site.soup(url)
        slots = ad_slots(soup)
        assert len(slots) == len(after), url
        for slot, marker in zip(slots, after, strict=True):
            previous = slot.find_previous_sibling(True)
            assert isinstance(previous, Tag) and previous.name == "p", (url, previous)
            assert previous.get_text().startswith(marker), (url, previous.get_text())


def test_nothing_inside_forbidden_blocks_and_never_after_a_heading(ads_site: AdsSite) -> None:
    for url in WITH_SLOTS:
        soup = ads_site.soup(url)
        for slot in ad_slots(soup):
            for selector in FORBIDDEN_ANCESTORS:
                assert not any(parent in soup.select(selector) for parent in slot.parents), (
                    url,
                    selector,
                )
            previous = slot.find_previous_sibling(True)
            assert previous is not None and previous.name not in {
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
            }
        for selector in FORBIDDEN_ANCESTORS:
            for block in soup.select(selector):
                assert not block.select(".ad-slot"), (url, selector)


def test_manual_markers_become_the_slots(ads_site: AdsSite) -> None:
    html = ads_site.page_path("blog/manual-post/").read_text("utf-8")
    assert "<!-- ad -->" not in html
    soup = ads_site.soup("blog/manual-post/")
    following = [slot.find_next_sibling("p").get_text() for slot in ad_slots(soup)]
    assert [text[:13] for text in following] == ["MANUAL-PARA-2", "MANUAL-PARA-5"]


def test_slot_markup_and_reserved_height(ads_site: AdsSite) -> None:
    for url in WITH_SLOTS:
        for slot in ad_slots(ads_site.soup(url)):
            assert slot["aria-label"] == "Advertisement"
            assert slot["data-label"] == "Advertisement"
            [unit] = slot.select(".ad-slot__unit")
            assert unit["style"] == "min-height: 280px"
            if ads_site.kind == "snippet":
                assert [str(child) for child in unit.contents] == [SNIPPET]
            else:
                [ins] = unit.select("ins.adsbygoogle")
                assert ins["data-ad-client"] == CLIENT and ins["data-ad-slot"] == "1234567890"


def test_loader_exactly_once_in_head_and_only_where_slots_are(ads_site: AdsSite) -> None:
    for url, after in EXPECTED.items():
        soup = ads_site.soup(url)
        found = loaders(soup)
        if ads_site.kind == "adsense" and after:
            [loader] = found
            assert loader.find_parent("head") is not None
            assert loader["src"].endswith(f"adsbygoogle.js?client={CLIENT}")
            assert loader.has_attr("async") and loader["crossorigin"] == "anonymous"
            assert len(soup.select("head script[data-frontmatter-blog-ads]")) == 2
        else:
            assert found == [], url
            assert not soup.select("script[data-frontmatter-blog-ads]"), url


def test_no_ad_code_anywhere_else(ads_site: AdsSite) -> None:
    needle = "TEST-AD-SNIPPET" if ads_site.kind == "snippet" else "adsbygoogle"
    with_slots = {
        ads_site.page_path(url).relative_to(ads_site.site_dir).as_posix() for url in WITH_SLOTS
    }
    assert set(ads_site.grep(needle)) - {"assets/frontmatter-blog/ads.css"} == with_slots
    # The snippet is filled in after search indexing: no ad code in the search index.
    assert ads_site.grep("frontmatter-blog:ad-snippet") == []
    assert not ads_site.grep("DRAFT-ADS-PARA")


def test_ads_txt_and_stylesheet(ads_site: AdsSite) -> None:
    ads_txt = ads_site.site_dir / "ads.txt"
    assert ads_txt.read_text("utf-8") == ADS_TXT + "\n"
    css = ads_site.site_dir / "assets/frontmatter-blog/ads.css"
    assert 'ins[data-ad-status="unfilled"]' in css.read_text("utf-8")
    for url in ["blog/long-post/", "blog/"]:
        hrefs = [str(link["href"]) for link in ads_site.soup(url).select('link[rel="stylesheet"]')]
        assert any(href.endswith("assets/frontmatter-blog/ads.css") for href in hrefs)


# -- single builds for particular options ------------------------------------------------------


def build(tmp_path: Path, ads: dict[str, Any], **changes: Any) -> Site:
    return build_site(tmp_path, FIXTURE, plugin={"ads": ads}, **changes)


def test_default_true_gives_ads_to_posts_without_the_key(tmp_path: Path) -> None:
    site = build(tmp_path, {"snippet": SNIPPET, "default": True})
    assert len(ad_slots(site.soup("blog/no-ads/"))) == 1
    assert ad_slots(site.soup("blog/ads-false/")) == []
    assert ad_slots(site.soup("guide/outside/")) == []


def test_placement_options(tmp_path: Path) -> None:
    site = build(
        tmp_path,
        {
            "snippet": SNIPPET,
            "after_paragraph": 1,
            "every": 10,
            "max": 5,
            "positions": ["before_content", "in_content", "after_content"],
            "label": "Sponsored",
            "min_height": "20rem",
        },
    )
    soup = site.soup("blog/long-post/")
    slots = ad_slots(soup)
    assert len(slots) == 5
    assert slots[0].find_next_sibling("p").get_text().startswith("LONG-PARA-01")
    previous = [slot.find_previous_sibling(True) for slot in slots]
    assert [p.get_text()[:12] for p in previous[1:]] == [
        "LONG-PARA-01",
        "LONG-PARA-11",
        "LONG-PARA-21",
        "LONG-PARA-31",
    ]
    assert slots[0]["data-label"] == "Sponsored"
    assert slots[0].select_one(".ad-slot__unit")["style"] == "min-height: 20rem"


def test_min_words_keeps_short_posts_free_of_ads(tmp_path: Path) -> None:
    site = build(tmp_path, {"snippet": SNIPPET, "min_words": 100})
    assert ad_slots(site.soup("blog/short-post/")) == []
    assert ad_slots(site.soup("blog/manual-post/")) == []
    assert len(ad_slots(site.soup("blog/long-post/"))) == 3


def test_no_ads_under_serve_unless_on_serve(tmp_path: Path) -> None:
    served = build(tmp_path / "a", {"snippet": SNIPPET}, serve=True)
    assert not served.grep("TEST-AD-SNIPPET")
    shown = build(tmp_path / "b", {"snippet": SNIPPET, "on_serve": True}, serve=True)
    assert len(ad_slots(shown.soup("blog/long-post/"))) == 3
    # Drafts are shown under serve, but never with ads.
    assert ad_slots(shown.soup("blog/draft-with-ads/")) == []


def test_lazy_adsense(tmp_path: Path) -> None:
    site = build(tmp_path, {**ADSENSE_ADS, "lazy": True})
    soup = site.soup("blog/long-post/")
    assert len(soup.select(".ad-slot ins.adsbygoogle-lazy")) == 3
    assert not soup.select(".ad-slot ins.adsbygoogle")
    [boot] = soup.select("head script[data-frontmatter-blog-ads]:not([src])")
    assert '"lazy": true' in boot.get_text()


MATERIAL_CONSENT = {
    "theme": {"name": "material"},
    "extra": {
        "consent": {
            "title": "Cookies",
            "description": "We use cookies for ads.",
            "cookies": {"ads": "Advertising"},
        }
    },
}


def test_consent_gates_the_loader(tmp_path: Path) -> None:
    site = build(tmp_path, {**ADSENSE_ADS, "consent": True}, config=MATERIAL_CONSENT)
    soup = site.soup("blog/long-post/")
    assert loaders(soup) == []  # no static loader: the boot script adds it after consent
    [boot] = soup.select("head script[data-frontmatter-blog-ads]")
    assert '"consent": true' in boot.get_text() and "__md_get" in boot.get_text()
    assert len(soup.select(".ad-slot template[data-ad-consent]")) == 3
    assert not soup.select(".ad-slot > .ad-slot__unit > ins")


@pytest.mark.parametrize(
    "config",
    [
        {"theme": {"name": "material"}},
        {"theme": {"name": "mkdocs"}, "extra": MATERIAL_CONSENT["extra"]},
        {"theme": {"name": "material"}, "extra": {"consent": {"cookies": {"analytics": "GA"}}}},
    ],
)
def test_consent_without_material_ads_cookie_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, config: dict[str, Any]
) -> None:
    with pytest.raises((PluginError, Abort)):
        build(tmp_path, {**ADSENSE_ADS, "consent": True}, config=config)
    assert any("ads.consent" in record.getMessage() for record in caplog.records)


def test_head_hook_comes_before_the_loader(tmp_path: Path) -> None:
    hook = '<script data-test-cmp src="https://cmp.example/cmp.js"></script>'
    site = build(tmp_path, {**ADSENSE_ADS, "head": hook})
    html = site.page_path("blog/long-post/").read_text("utf-8")
    head = html[: html.index("</head>")]
    assert head.count("data-test-cmp") == 1
    assert head.index("data-test-cmp") < head.index("adsbygoogle.js")
    assert "data-test-cmp" not in site.page_path("blog/").read_text("utf-8")


def test_site_url_with_a_path_warns_about_ads_txt(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = {"site_url": "https://example.com/blog-site/"}
    with pytest.raises(Abort):
        build(tmp_path / "strict", SNIPPET_ADS, config=config)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        build_site(
            tmp_path / "lenient", FIXTURE, plugin={"ads": SNIPPET_ADS}, config=config, strict=False
        )
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("ads.ads_txt" in m and "/blog-site/" in m for m in messages), messages


def test_custom_dir_slot_template(tmp_path: Path) -> None:
    override = '<aside class="ad-slot my-slot">CUSTOM-SLOT {{ number }} {{ label }}</aside>\n'
    site = build(
        tmp_path,
        {},
        config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        files={"../overrides/frontmatter-blog/ad-slot.html": override},
    )
    slots = ad_slots(site.soup("blog/long-post/"))
    assert [slot.get_text() for slot in slots] == [
        "CUSTOM-SLOT 1 Advertisement",
        "CUSTOM-SLOT 2 Advertisement",
        "CUSTOM-SLOT 3 Advertisement",
    ]


def test_slot_template_that_reads_the_page_is_rendered_for_each_post(tmp_path: Path) -> None:
    # A slot template without `page` is rendered once per slot number and reused; one that
    # reads the page must see each post's own.
    override = '<aside class="ad-slot">SLOT {{ number }} OF {{ page.title }}</aside>\n'
    long_post = (FIXTURES / FIXTURE / "docs/blog/long-post.md").read_text(encoding="utf-8")
    twin = long_post.replace("title: A long post", "title: The long post's twin")
    site = build(
        tmp_path,
        {},
        config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        files={"../overrides/frontmatter-blog/ad-slot.html": override, "blog/twin.md": twin},
    )
    for url, title in [("blog/long-post/", "A long post"), ("blog/twin/", "The long post's twin")]:
        texts = [slot.get_text() for slot in ad_slots(site.soup(url))]
        assert texts == [f"SLOT {n} OF {title}" for n in (1, 2, 3)], url


def test_slot_template_with_page_relative_urls_is_right_at_every_depth(tmp_path: Path) -> None:
    # MkDocs' `url` filter reads the page from the context: such a slot is rendered per post.
    override = '<aside class="ad-slot"><img alt="" src="{{ \'img/ad.png\' | url }}"></aside>\n'
    long_post = (FIXTURES / FIXTURE / "docs/blog/long-post.md").read_text(encoding="utf-8")
    site = build(
        tmp_path,
        {},
        config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        files={
            "../overrides/frontmatter-blog/ad-slot.html": override,
            "blog/2025/deeper/long-post.md": long_post,
        },
    )
    for url in ["blog/long-post/", "blog/2025/deeper/long-post/"]:
        sources = [slot.img["src"] for slot in ad_slots(site.soup(url))]
        assert len(sources) == 3, url
        assert {urljoin(f"https://example.com/{url}", src) for src in sources} == {
            "https://example.com/img/ad.png"
        }, (url, sources)


def test_post_wanting_ads_without_markup_is_told_but_builds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # `ads: true` before ads are configured is normal: an info line, and --strict passes.
    caplog.set_level(logging.INFO)
    site = build(tmp_path, {})
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert any("asks for ads" in m and "ads.snippet" in m for m in messages), messages
    assert [path for path in site.grep("ad-slot") if path.endswith(".html")] == []


def test_snippet_is_never_taken_from_front_matter(tmp_path: Path) -> None:
    evil = post(
        {"title": "Evil", "pubDate": "2025-01-01", "ads": True, "snippet": "<b>EVIL-SNIPPET</b>"},
        "EVIL-PARA is text.\n",
    )
    site = build(tmp_path, {"snippet": SNIPPET}, files={"blog/evil.md": evil})
    [slot] = ad_slots(site.soup("blog/evil/"))
    assert "EVIL-SNIPPET" not in str(slot) and "TEST-AD-SNIPPET" in str(slot)


# -- Material's instant navigation --------------------------------------------------------------

INSTANT = {"theme": {"name": "material", "features": ["navigation.instant"]}}
HOOK = '<script data-test-cmp src="https://cmp.example/cmp.js"></script>'


def boot_scripts(soup: BeautifulSoup) -> list[Tag]:
    return list(soup.select("script[data-frontmatter-blog-ads]:not([src])"))


def test_instant_navigation_boot_script_on_every_page_loader_only_with_slots(
    tmp_path: Path,
) -> None:
    site = build(tmp_path, {**ADSENSE_ADS, "head": HOOK}, config=INSTANT)
    for url, after in EXPECTED.items():
        soup = site.soup(url)
        # Material does not run the <head> of a page it swaps in: the page a reader starts
        # from needs the boot script, which handles the slots of every later page.
        [boot] = boot_scripts(soup)
        assert boot.find_parent("head") is not None, url
        assert '"instant": true' in boot.get_text() and "document$" in boot.get_text()
        assert len(soup.select("head script[data-test-cmp]")) == 1, url
        found = loaders(soup)
        if after:
            [loader] = found  # a full load of a post fetches the loader as without instant
            assert loader.find_parent("head") is not None
        else:
            assert found == [], url  # no ad script is fetched on a page without slots
        assert bool(ad_slots(soup)) == bool(after), url


def test_instant_navigation_with_consent_has_no_static_loader(tmp_path: Path) -> None:
    config = {"theme": INSTANT["theme"], "extra": MATERIAL_CONSENT["extra"]}
    site = build(tmp_path, {**ADSENSE_ADS, "consent": True}, config=config)
    for url in EXPECTED:
        soup = site.soup(url)
        assert loaders(soup) == [], url
        [boot] = boot_scripts(soup)
        assert '"consent": true' in boot.get_text() and '"instant": true' in boot.get_text()


def test_instant_navigation_with_a_snippet_adds_only_the_head_hook(tmp_path: Path) -> None:
    # A generic snippet has nothing to push (its own scripts, in the page content, are run
    # again by Material after each instant navigation); ads.head goes into every page.
    site = build(tmp_path, {**SNIPPET_ADS, "head": HOOK}, config=INSTANT)
    for url, after in EXPECTED.items():
        soup = site.soup(url)
        assert boot_scripts(soup) == [], url
        assert len(soup.select("head script[data-test-cmp]")) == 1, url
        assert ("TEST-AD-SNIPPET" in str(soup)) == bool(after), url


@pytest.mark.parametrize(
    "config",
    [
        {"theme": {"name": "material"}},
        {"theme": {"name": "material", "features": ["navigation.tabs"]}},
        {"theme": {"name": "mkdocs", "features": ["navigation.instant"]}},
    ],
    ids=["material", "material-tabs", "mkdocs-with-the-feature"],
)
def test_without_instant_navigation_only_pages_with_slots_get_scripts(
    tmp_path: Path, config: dict[str, Any]
) -> None:
    site = build(tmp_path, {**ADSENSE_ADS, "head": HOOK}, config=config)
    for url, after in EXPECTED.items():
        soup = site.soup(url)
        scripts = soup.select("head script[data-frontmatter-blog-ads], head script[data-test-cmp]")
        assert len(scripts) == (3 if after else 0), url
        if after:
            [boot] = boot_scripts(soup)
            assert '"instant": false' in boot.get_text()


def test_instant_navigation_under_serve_without_ads_adds_nothing(tmp_path: Path) -> None:
    site = build(tmp_path, {**ADSENSE_ADS, "head": HOOK}, config=INSTANT, serve=True)
    assert [path for path in site.grep("data-frontmatter-blog-ads") if path.endswith(".html")] == []
    assert [path for path in site.grep("data-test-cmp") if path.endswith(".html")] == []


def test_slots_are_not_read_for_the_read_time(tmp_path: Path) -> None:
    # Slots of 600 words each in the long post's three places (7 minutes if they were read):
    # its read time is that of the same text without ads.
    override = '<aside class="ad-slot">{{ "sponsored " * 600 }}</aside>\n'
    long_post = (FIXTURES / FIXTURE / "docs/blog/long-post.md").read_text(encoding="utf-8")
    twin = long_post.replace("title: A long post", "title: Twin").replace("ads: true", "ads: false")
    site = build(
        tmp_path,
        {},
        config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        files={"../overrides/frontmatter-blog/ad-slot.html": override, "blog/twin.md": twin},
    )
    assert len(ad_slots(site.soup("blog/long-post/"))) == 3
    assert ad_slots(site.soup("blog/twin/")) == []
    times = [
        site.soup(url).select_one(".fmb-readtime") for url in ("blog/long-post/", "blog/twin/")
    ]
    assert times[0] is not None and times[1] is not None
    assert times[0].get_text() == times[1].get_text() == "3 min read"
