"""Posts in Astro's, Fuwari's, Jekyll's and Hugo's shapes, copied into docs/blog as they are,
publish with nothing lost: dates, updates, categories, summaries, hero images, MDX, drafts."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.sitebuild import Site, build_site

ATOM = "{http://www.w3.org/2005/Atom}"
THEMES = ["mkdocs", "material"]


def build(tmp_path: Path, fixture: str, theme: str = "mkdocs", *, strict: bool = True) -> Site:
    """Strict unless the posts deserve a warning, which the test then names."""
    options = {"font": False} if theme == "material" else {"highlightjs": False}
    config = {"theme": {"name": theme, **options}}
    return build_site(tmp_path, fixture, strict=strict, config=config)


def entries(site: Site, url: str = "blog/") -> list[tuple[str, str | None]]:
    """(title, date) of each entry of a listing page."""
    out = []
    for entry in site.soup(url).select(".fmb-entry"):
        time = entry.select_one("time.fmb-date")
        out.append((entry.select_one(".fmb-entry-title a").get_text(), time and time["datetime"]))
    return out


def feed(site: Site) -> dict[str, dict[str, str | list[str] | None]]:
    root = ET.parse(site.site_dir / "feed.xml").getroot()
    return {
        entry.findtext(f"{ATOM}title") or "": {
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "terms": [c.get("term") or "" for c in entry.findall(f"{ATOM}category")],
        }
        for entry in root.iter(f"{ATOM}entry")
    }


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage().removeprefix("mkdocs_blog_plugin: ")
        for r in caplog.records
        if r.levelno >= logging.WARNING
    ]


def no_sources_in(site: Site) -> None:
    suffixes = {path.suffix for path in site.files()}
    assert not suffixes & {".md", ".mdx", ".markdown"}, suffixes
    assert site.grep("pubDate:") == [] and site.grep("published: false") == []


@pytest.mark.parametrize("theme", THEMES)
def test_astro_starter(tmp_path: Path, caplog: pytest.LogCaptureFixture, theme: str) -> None:
    site = build(tmp_path, "astro-starter", theme, strict=False)
    # The only warnings: the JSX component left in the MDX post, and the image outside docs/.
    assert sorted(warnings(caplog)) == [
        "blog/first-post.md: image '../../assets/blog-placeholder-1.jpg' is outside docs_dir "
        "(as '../assets/blog-placeholder-1.jpg'); no image is shown. Put the image in docs_dir, "
        "with a path relative to the post or to docs_dir.",
        "blog/using-mdx.mdx: MDX that is not rendered here, and shows as unknown HTML or as "
        "text: <HeaderLink>, {answer}. Replace it with Markdown or HTML.",
    ]
    assert entries(site) == [
        ("Markdown Style Guide", "2024-06-19T00:00:00+00:00"),
        ("Using MDX", "2024-06-01T00:00:00+00:00"),
        ("Third post", "2022-07-22T00:00:00+00:00"),
        ("Second post", "2022-07-15T00:00:00+00:00"),
        ("First post", "2022-07-08T00:00:00+00:00"),
    ]
    items = feed(site)
    assert set(items) == {title for title, _ in entries(site)}  # every post dated, in the feed
    assert items["Third post"]["updated"] == "2022-07-29T00:00:00+00:00"
    updated = site.soup("blog/third-post/").select_one(".fmb-updated time")
    assert updated is not None and updated["datetime"] == "2022-07-29T00:00:00+00:00"

    # Hero images: on the post under its date line, and on its card, with their size.
    hero = site.soup("blog/third-post/").select_one(".fmb-post-header .fmb-hero img")
    assert hero is not None
    assert (hero["width"], hero["height"], hero["loading"]) == ("20", "10", "lazy")
    assert site.page_path(site.resolve("blog/third-post/", str(hero["src"]))).is_file()
    cards = {
        entry.select_one(".fmb-entry-title a").get_text(): entry.select_one(".fmb-hero img")
        for entry in site.soup("blog/").select(".fmb-entry")
    }
    second = cards["Second post"]
    assert second is not None and (second["width"], second["height"]) == ("32", "18")
    assert second["alt"] == "Second post"
    assert site.page_path(site.resolve("blog/", str(second["src"]))).is_file()
    assert cards["First post"] is None and cards["Markdown Style Guide"] is None

    # The MDX post is a post: its Markdown rendered, its import and export lines gone.
    mdx = site.soup("blog/using-mdx/")
    assert "ASTRO-MDX-BODY" in mdx.get_text()
    assert "import HeaderLink" not in str(mdx) and "export const" not in str(mdx)
    assert site.grep("ASTRO-DRAFT-BODY") == []
    no_sources_in(site)


def test_hero_image_options_turn_each_place_off(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        "astro-starter",
        strict=False,
        plugin={"hero_image": {"in_post": False, "in_listing": True}},
    )
    assert site.soup("blog/third-post/").select(".fmb-hero") == []
    assert site.soup("blog/").select(".fmb-hero img")
    off = build_site(
        tmp_path / "off",
        "astro-starter",
        strict=False,
        plugin={"hero_image": {"in_listing": False}},
    )
    assert off.soup("blog/").select(".fmb-hero") == []
    assert off.soup("blog/third-post/").select(".fmb-hero img")


def test_fuwari(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = build(tmp_path, "fuwari")
    assert warnings(caplog) == []
    assert entries(site) == [
        ("A Tour of Markdown in Fuwari", "2024-05-06T00:00:00+00:00"),  # published: (a date)
        ("静态博客搭建指南", "2024-04-12T00:00:00+00:00"),
        ("春日随笔：阳台上的番茄", "2024-03-21T00:00:00+00:00"),
    ]
    assert feed(site)["静态博客搭建指南"]["updated"] == "2024-04-20T00:00:00+00:00"  # updated:
    # `image: ''` is no image, and no problem.
    assert site.soup("blog/markdown-tour/").select(".fmb-hero") == []
    guide = site.soup("blog/guide/")
    hero = guide.select_one(".fmb-hero img")
    assert hero is not None and (hero["width"], hero["height"]) == ("12", "8")
    categories = [a.get_text() for a in site.soup("blog/categories/").select(".fmb-terms a")]
    assert "前端" in categories
    assert site.grep("FUWARI-DRAFT-BODY") == []
    no_sources_in(site)


def test_jekyll(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = build(tmp_path, "jekyll")
    assert warnings(caplog) == []
    items = feed(site)
    welcome, market = items["Welcome to Jekyll!"], items["Market Day in Lyon"]
    assert welcome["published"] == "2019-06-02T09:30:00+02:00"
    assert welcome["terms"][:2] == ["jekyll", "update"]  # `categories: jekyll update`
    assert market["published"] == "2019-08-14T18:05:00-04:00"
    assert market["terms"][:2] == ["travel", "food"]
    assert set(items) == {"Welcome to Jekyll!", "Market Day in Lyon", "A Year in Review"}
    review = items["A Year in Review"]
    assert review["published"] == "2019-12-30T00:00:00+00:00"  # from the file name
    assert review["updated"] == "2020-01-05T00:00:00+00:00"  # last_modified_at
    assert review["summary"] == "A short summary."  # excerpt
    categories = [a.get_text() for a in site.soup("blog/categories/").select(".fmb-terms a")]
    assert {"jekyll", "update", "travel", "food"} <= set(categories)
    author = site.soup("blog/2019-08-14-market-day-in-lyon/").select_one(".fmb-authors")
    assert author is not None and "Jane Doe" in author.get_text()
    for secret in ["JEKYLL-UNPUBLISHED-BODY", "JEKYLL-DRAFT-BODY"]:
        assert site.grep(secret) == []
    no_sources_in(site)


def test_hugo(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = build(tmp_path, "hugo")
    assert warnings(caplog) == []
    assert entries(site) == [
        ("A Small Gallery", "2023-05-10T08:15:00+00:00"),
        ("My First Bundle", "2023-03-01T10:00:00+01:00"),
        ("A Plain Post", "2023-02-14T09:00:00-05:00"),
    ]
    categories = [a.get_text() for a in site.soup("blog/categories/").select(".fmb-terms a")]
    assert categories == ["Notes", "Tips"]  # both of the plain post's categories
    items = feed(site)
    bundle = items["My First Bundle"]
    assert bundle["published"] == "2023-03-01T10:00:00+01:00"
    assert bundle["updated"] == "2023-04-02T00:00:00+00:00"  # lastmod
    assert bundle["summary"] == "A page bundle keeps a post and its photo in one folder."
    hero = site.soup("blog/my-first-bundle/").select_one(".fmb-post-header .fmb-hero img")
    assert hero is not None and hero["alt"] == "A photo"
    assert (hero["width"], hero["height"]) == ("16", "9")
    gallery = site.soup("blog/gallery-bundle/").select_one(".fmb-hero img")
    assert gallery is not None and (gallery["width"], gallery["height"]) == ("8", "8")
    for secret in [
        "HUGO-DRAFT-BODY",
        "HUGO-EXPIRED-BODY",
        "HUGO-HEADLESS-BODY",
        "HUGO-FUTURE-BODY",
    ]:
        assert site.grep(secret) == [], secret
    no_sources_in(site)


def test_the_sitemap_dates_posts_by_their_own_dates(tmp_path: Path) -> None:
    site = build(tmp_path, "hugo")
    sitemap = ET.parse(site.site_dir / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {
        url.findtext(f"{ns}loc"): url.findtext(f"{ns}lastmod") for url in sitemap.iter(f"{ns}url")
    }
    assert lastmod["https://example.com/blog/my-first-bundle/"] == "2023-04-02"  # lastmod
    assert lastmod["https://example.com/blog/gallery-bundle/"] == "2023-05-10"  # no update


def test_no_feed_when_no_post_has_a_date_is_said_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    files = {"blog/undated.md": "# Undated\n\nText.\n"}
    site = build_site(tmp_path, None, config={"site_url": "https://example.com/"}, files=files)
    assert not (site.site_dir / "feed.xml").exists()
    said = [r.getMessage() for r in caplog.records if "No feed" in r.getMessage()]
    assert said == [
        "mkdocs_blog_plugin: No feed for the blog at 'blog/': no published post has a date "
        "(pubDate, date, "
        "published...), and a feed lists posts by date."
    ]
