"""Fixture sites built by MkDocs in strict mode, read back with an HTML parser."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import Abort

from tests.sitebuild import Site, build_site, post

THEMES = ["mkdocs", "readthedocs", "material"]
DRAFT_MARKERS = [
    "DRAFT-UNIQUE-SENTENCE-7f3a9",
    "Secret Draft Title Zebra",
    "Draft description quokka",
    "secret-draft",
    "draft-only-tag",
    "draft-only-category",
]


def listing_titles(site: Site, url: str) -> list[str]:
    return [a.get_text(strip=True) for a in site.soup(url).select(".fmb-entry-title a")]


def assert_links_resolve(site: Site, url: str) -> None:
    for _text, target in site.links(url, ".fmb-listing a, .fmb-post-header a, .fmb-terms a"):
        assert site.exists(target), f"{url} links to missing {target}"


@pytest.fixture(scope="module", params=THEMES)
def themed_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(tmp_path_factory.mktemp(request.param), config={"theme": request.param})


def test_posts_keep_their_urls_and_pages_outside_are_not_posts(themed_site: Site) -> None:
    site = themed_site
    for url in ["blog/2025/leverage/", "blog/2025/naive/", "blog/quoted/", "blog/material-style/"]:
        assert site.exists(url)
        assert site.soup(url).select_one(".fmb-post-header")
    outside = site.soup("guide/not-a-post/")
    assert outside.select_one(".fmb-post-header") is None
    assert not site.exists("blog/tags/outside-tag/")
    assert not site.exists("blog/categories/outside/")


def test_index_lists_posts_newest_first_with_mixed_date_kinds(themed_site: Site) -> None:
    assert listing_titles(themed_site, "blog/") == [
        "Quoted offset post",  # "2025-03-01T09:00:00+05:30"
        "Career Growth Is Mostly About Leverage",  # 2025-02-01T00:00:00Z, tie: title order
        "Plain date post",  # 2025-02-01
        "Naive datetime post",  # 2025-01-15T10:00:00
        "Material style post",  # date.created 2024-12-24, title from its H1
    ]
    assert_links_resolve(themed_site, "blog/")


def test_entry_shows_title_date_category_tags_and_description(themed_site: Site) -> None:
    entry = themed_site.soup("blog/").select(".fmb-entry")[1]
    assert entry.select_one("time")["datetime"] == "2025-02-01T00:00:00+00:00"
    assert entry.select_one("time").get_text() == "February 1, 2025"
    assert entry.select_one(".fmb-category a").get_text() == "work"
    assert [a.get_text() for a in entry.select(".fmb-tag")] == [
        "overwhelm",
        "essentialism",
        "knowledge-worker",
    ]
    assert (
        entry.select_one(".fmb-description").get_text() == "Working harder won't get you promoted."
    )


def test_post_header_links_to_its_category_and_tags(themed_site: Site) -> None:
    site = themed_site
    url = "blog/2025/leverage/"
    header = site.soup(url).select_one(".fmb-post-header")
    assert header.select_one("h1").get_text() == "Career Growth Is Mostly About Leverage"
    assert "Updated" in header.select_one(".fmb-updated").get_text()
    links = dict(site.links(url, ".fmb-post-header a"))
    assert links["work"] == "blog/categories/work/"  # the post's own spelling
    assert links["overwhelm"] == "blog/tags/overwhelm/"
    assert_links_resolve(site, url)
    # The header sits above the post's text, and a post with its own H1 keeps just one.
    content = str(site.soup(url))
    assert content.index("fmb-post-header") < content.index("LEVERAGE-BODY-TEXT")
    material = site.soup("blog/material-style/")
    assert [h.get_text(strip=True).rstrip("¶") for h in material.select("h1")][-1:] == [
        "Material style post"
    ]
    assert len([h for h in material.select("h1") if "Material style post" in h.get_text()]) == 1


def test_tag_pages_and_counts(themed_site: Site) -> None:
    site = themed_site
    terms = {
        li.select_one("a").get_text(): int(li.select_one(".fmb-count").get_text())
        for li in site.soup("blog/tags/").select(".fmb-terms li")
    }
    # "Overwhelm" and "overwhelm" are one tag (one post each: the tie goes to the first
    # spelling in code-point order); the draft's tags are not counted.
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
    assert_links_resolve(site, "blog/tags/")
    assert_links_resolve(site, "blog/tags/focus/")
    # The name as the author wrote it: "Overwhelm" on the naive post's own page.
    naive_tags = [a.get_text() for a in site.soup("blog/2025/naive/").select(".fmb-tag")]
    assert naive_tags == ["Overwhelm", "focus"]


def test_category_pages(themed_site: Site) -> None:
    site = themed_site
    terms = [a.get_text() for a in site.soup("blog/categories/").select(".fmb-terms a")]
    assert terms == ["Holidays", "life", "Winter", "Work"]
    # Every category of a post is kept: Material's second one too, on the post and its page.
    material = site.soup("blog/material-style/").select(".fmb-post-header .fmb-category a")
    assert [a.get_text() for a in material] == ["Holidays", "Winter"]
    assert listing_titles(site, "blog/categories/winter/") == ["Material style post"]
    assert listing_titles(site, "blog/categories/work/") == [
        "Career Growth Is Mostly About Leverage",
        "Naive datetime post",
    ]
    assert_links_resolve(site, "blog/categories/")


def test_drafts_leave_no_trace(themed_site: Site) -> None:
    for marker in DRAFT_MARKERS:
        assert themed_site.grep(marker) == [], marker
    assert not themed_site.exists("blog/secret-draft/")
    # grep cannot see into the compressed sitemap.
    sitemap = gzip.decompress((themed_site.site_dir / "sitemap.xml.gz").read_bytes()).decode()
    assert "blog/2025/leverage/" in sitemap
    assert "secret-draft" not in sitemap and "draft-only" not in sitemap


def test_titles_in_head_are_the_page_titles(themed_site: Site) -> None:
    assert "Posts tagged “focus”" in themed_site.soup("blog/tags/focus/").title.get_text()
    assert "Career Growth" in themed_site.soup("blog/2025/leverage/").title.get_text()


def test_broken_front_matter_is_never_published(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = "---\ntitle: Broken\ndraft: true\ntags: [a, b\n---\nBROKEN-DRAFT-BODY\n"
    files = {"blog/broken.md": broken}
    with pytest.raises(Abort, match="strict"):
        build_site(tmp_path / "strict", files=files)
    assert (
        "blog/broken.md" in caplog.text
        and "line 5" in caplog.text
        and "not valid YAML" in caplog.text
    )
    site = build_site(tmp_path / "lenient", files=files, strict=False)
    assert site.grep("BROKEN-DRAFT-BODY") == []
    assert site.grep("draft: true") == []


def test_bad_values_warn_and_fail_strict(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    files = {"blog/odd.md": post({"title": "Odd", "pubDate": "someday", "draft": "no"}, "ODD-BODY")}
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files=files)
    assert "blog/odd.md: front matter key 'pubDate' has value 'someday'" in caplog.text
    assert "key 'draft' has value 'no'" in caplog.text
    site = build_site(tmp_path / "lenient", files=files, strict=False)
    assert site.grep("ODD-BODY") == []  # a draft value that is not a boolean: not published


def test_hostile_names_are_escaped_everywhere(tmp_path: Path) -> None:
    evil = "<script>alert('x')</script>"
    files = {
        "blog/evil.md": post(
            {
                "title": f"Title {evil}",
                "description": f'Desc "{evil}',
                "category": f"cat {evil}",
                "tags": [evil, "<img src=x onerror=alert(1)>"],
                "pubDate": "2025-06-01",
            }
        )
    }
    for theme in THEMES:
        site = build_site(tmp_path / theme, files=files, config={"theme": theme})
        for path in site.files():
            if path.suffix != ".html":
                continue
            text = path.read_text("utf-8")
            assert "<script>alert(" not in text, path
            assert "<img src=x" not in text, path
        page = site.soup("blog/evil/")
        assert evil in page.title.get_text()
        assert evil in page.select_one(".fmb-post-header h1").get_text()
        assert evil in [a.get_text() for a in page.select(".fmb-tag")]
        assert not any(evil in (s.string or "") for s in page.find_all("script"))
        entry = site.soup("blog/").select_one(".fmb-entry")
        assert f'Desc "{evil}' == entry.select_one(".fmb-description").get_text()


def test_slugs_never_leave_site_dir(tmp_path: Path) -> None:
    names = ["../../escape", "..", "/", "a/../../b", "\\..\\x", "%2e%2e", "", "   "]
    files = {"blog/paths.md": post({"title": "Paths", "tags": names, "category": "../.."})}
    site = build_site(tmp_path, files=files)
    project = site.root.parent
    outside = [
        p
        for p in project.rglob("*")
        if p.is_file()
        and site.site_dir not in p.parents
        and site.root / "docs" not in p.parents
        and p.name != "mkdocs.yml"
    ]
    assert outside == []
    for _text, target in site.links("blog/paths/", ".fmb-tag"):
        assert target.startswith("blog/tags/") and ".." not in target
        assert site.exists(target)


def test_pagination(tmp_path: Path) -> None:
    files = {
        f"blog/many/p{i:02}.md": post(
            {"title": f"Post {i:02}", "pubDate": f"2024-01-{i:02}", "tags": ["bulk"]}
        )
        for i in range(1, 24)
    }
    site = build_site(tmp_path, files=files, plugin={"posts_per_page": 10})
    page1, page2, page3 = (
        listing_titles(site, u) for u in ["blog/", "blog/page/2/", "blog/page/3/"]
    )
    assert (len(page1), len(page2), len(page3)) == (10, 10, 8)
    assert page2[0] == "Post 18" and page3[-1] == "Post 01"
    assert not site.exists("blog/page/4/")
    nav = site.soup("blog/page/2/").select_one(".fmb-pagination")
    assert dict(site.links("blog/page/2/", ".fmb-pagination a[rel]")) == {
        "← Newer posts": "blog/",
        "Older posts →": "blog/page/3/",
    }
    assert nav.select_one("[aria-current]").get_text() == "2"
    assert len(listing_titles(site, "blog/tags/bulk/")) == 10
    assert listing_titles(site, "blog/tags/bulk/page/3/") == ["Post 03", "Post 02", "Post 01"]
    assert "page 2" in site.soup("blog/page/2/").title.get_text()


def test_use_directory_urls_false(tmp_path: Path) -> None:
    site = build_site(tmp_path, config={"use_directory_urls": False}, plugin={"posts_per_page": 2})
    for url in [
        "blog/index.html",
        "blog/tags/index.html",
        "blog/tags/focus/index.html",
        "blog/2025/leverage.html",
        "blog/page/2/index.html",
    ]:
        assert site.exists(url), url
    for url in [
        "blog/index.html",
        "blog/tags/focus/index.html",
        "blog/2025/leverage.html",
        "blog/page/2/index.html",
    ]:
        for _text, target in site.links(
            url, ".fmb-listing a, .fmb-post-header a, .fmb-pagination a"
        ):
            assert site.exists(target), (url, target)


def test_user_pages_win_and_get_the_listing(tmp_path: Path) -> None:
    files = {
        "blog/index.md": "# Our blog\n\nINTRO-TEXT about us.\n",
        "blog/tags/index.md": (
            "# All the tags\n\nTAGS-INTRO\n\n<!-- frontmatter-blog:listing -->\n\nTAGS-OUTRO\n"
        ),
        "blog/tags/focus.md": "# Focus\n\nFOCUS-INTRO\n",
    }
    site = build_site(tmp_path, files=files)
    index = site.soup("blog/")
    assert "INTRO-TEXT" in index.get_text()
    assert [h.get_text(strip=True).rstrip("¶") for h in index.select("h1")] == ["Our blog"]
    assert len(listing_titles(site, "blog/")) == 5
    tags = str(site.soup("blog/tags/"))
    assert tags.index("TAGS-INTRO") < tags.index("fmb-terms") < tags.index("TAGS-OUTRO")
    focus = site.soup("blog/tags/focus/")
    assert "FOCUS-INTRO" in focus.get_text() and len(listing_titles(site, "blog/tags/focus/")) == 3
    assert site.soup("blog/tags/focus/").select_one(".fmb-post-header") is None


def test_later_pages_are_named_like_the_first_page_the_user_wrote(tmp_path: Path) -> None:
    files = {
        "blog/index.md": "# Our & blog\n\nINTRO-TEXT about us.\n",
        # Front matter is raw text: it stays text on later pages, never markup.
        "blog/tags/focus.md": "---\ntitle: Focus <b>&</b> flow\n---\n\nFOCUS-INTRO\n",
    }
    site = build_site(tmp_path, files=files, plugin={"posts_per_page": 2})
    for url, name in [
        ("blog/page/2/", "Our & blog"),
        ("blog/page/3/", "Our & blog"),
        ("blog/tags/focus/page/2/", "Focus <b>&</b> flow"),
    ]:
        page = site.soup(url)
        number = url.rstrip("/").rsplit("/", 1)[-1]
        assert page.title.get_text().startswith(f"{name} – page {number} "), url
        assert [h.get_text(strip=True) for h in page.select("h1")] == [name], url
        assert page.select("h1 b") == [], url
        # The user's text stays on their own page 1.
        assert "INTRO" not in page.get_text(), url
    # A listing with no page of the user's keeps the configured title.
    essentialism = site.soup("blog/tags/essentialism/").title.get_text()
    assert essentialism.startswith("Posts tagged “essentialism” ")


def test_blog_dir_option_and_nested_folders(tmp_path: Path) -> None:
    files = {
        "news/deep/er/item.md": post({"title": "News item", "pubDate": "2025-01-01", "tags": ["n"]})
    }
    site = build_site(tmp_path, files=files, plugin={"blog_dir": "news"})
    assert listing_titles(site, "news/") == ["News item"]
    assert site.exists("news/tags/n/")
    assert site.soup("blog/2025/leverage/").select_one(".fmb-post-header") is None


def test_serve_shows_drafts_with_banner_and_noindex(tmp_path: Path) -> None:
    site = build_site(tmp_path, serve=True)
    page = site.soup("blog/secret-draft/")
    assert "Draft" in page.select_one(".fmb-draft-banner").get_text()
    assert page.select_one('meta[name="robots"][content="noindex"]')
    assert "Secret Draft Title Zebra" in listing_titles(site, "blog/")
    assert site.exists("blog/tags/draft-only-tag/")
    published = site.soup("blog/2025/leverage/")
    assert published.select_one('meta[name="robots"]') is None


def test_serve_without_drafts(tmp_path: Path) -> None:
    site = build_site(tmp_path, serve=True, plugin={"drafts_on_serve": False})
    for marker in DRAFT_MARKERS:
        assert site.grep(marker) == [], marker


def test_future_posts_as_drafts(tmp_path: Path) -> None:
    files = {
        "blog/future.md": post({"title": "Future post", "pubDate": "2999-01-01"}, "FUTURE-BODY"),
        "blog/future-forced.md": post({"title": "Forced", "pubDate": "2999-01-01", "draft": False}),
    }
    site = build_site(tmp_path, files=files, plugin={"future_posts_as_drafts": True})
    assert site.grep("FUTURE-BODY") == []
    assert "Forced" in listing_titles(site, "blog/")
    default = build_site(tmp_path / "default", files=files)
    assert "Future post" in listing_titles(default, "blog/")


def test_timezone_and_date_format(tmp_path: Path) -> None:
    site = build_site(tmp_path, plugin={"timezone": "America/New_York", "date_format": "%d.%m.%Y"})
    time = site.soup("blog/2025/naive/").select_one(".fmb-date")
    assert time["datetime"] == "2025-01-15T10:00:00-05:00"
    assert time.get_text() == "15.01.2025"


def test_slug_map_and_collision_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    files = {"blog/x.md": post({"title": "X", "tags": ["C++", "knowledge worker"]})}
    site = build_site(tmp_path, files=files, plugin={"slug_map": {"c++": "cpp"}}, strict=False)
    assert site.exists("blog/tags/cpp/")
    assert "both make the slug 'knowledge-worker'" in caplog.text
    assert site.exists("blog/tags/knowledge-worker-2/")
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files=files)


def test_custom_dir_overrides_a_template(tmp_path: Path) -> None:
    files = {
        "../overrides/frontmatter-blog/entry.html": '<p class="my-entry">{{ post.title }}</p>\n'
    }
    site = build_site(
        tmp_path, files=files, config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}}
    )
    entries = site.soup("blog/").select(".my-entry")
    assert entries[0].get_text() == "Quoted offset post"
    assert site.soup("blog/").select(".fmb-entry") == []


def test_header_goes_under_an_h1_another_plugin_adds_after_headers_are_rendered(
    tmp_path: Path,
) -> None:
    # The header goes in when the post is built. A plugin that gives a post its own <h1> late
    # (here in on_page_context, which runs before ours) still gets the header under that <h1>,
    # without the header's own title.
    hook = tmp_path / "late_title.py"
    hook.write_text(
        "def on_page_context(context, page, config, nav):\n"
        "    if page.file.src_uri == 'blog/quoted.md':\n"
        "        page.content = '<h1 id=\"late\">Late title</h1>' + page.content\n"
        "    return context\n",
        "utf-8",
    )
    site = build_site(tmp_path, config={"hooks": [str(hook)]})
    quoted = site.soup("blog/quoted/")
    assert [h.get_text() for h in quoted.select("h1")] == ["Late title"]
    html = str(quoted)
    assert html.index('id="late"') < html.index("fmb-post-header") < html.index("Quoted dates")
    # A post the hook leaves alone keeps the header's title.
    leverage = site.soup("blog/2025/leverage/")
    assert leverage.select_one(".fmb-post-header h1") is not None


def test_after_its_page_is_written_a_post_keeps_its_body_not_the_header(tmp_path: Path) -> None:
    # MkDocs keeps every page's HTML until the build ends. A post's page gets its header and
    # footer for the theme, and then its converted body back (as under Material's blog, which
    # draws the header in its template): plugins reading pages at on_post_build see the body,
    # and the larger copy is not held.
    seen = tmp_path / "seen.json"
    hook = tmp_path / "bodies.py"
    hook.write_text(
        "import json\n"
        "converted, pages = {}, []\n"
        "def on_page_content(html, page, config, files):\n"
        "    converted[page.file.src_uri] = html\n"
        "    pages.append(page)\n"
        "def on_post_build(config):\n"
        "    kept = {page.file.src_uri: page.content for page in pages}\n"
        f"    with open({str(seen)!r}, 'w', encoding='utf-8') as out:\n"
        "        json.dump({'converted': converted, 'kept': kept}, out)\n",
        "utf-8",
    )
    site = build_site(tmp_path, config={"hooks": [str(hook)]})
    found = json.loads(seen.read_text("utf-8"))
    body = found["kept"]["blog/2025/leverage.md"]
    assert body == found["converted"]["blog/2025/leverage.md"]
    assert "fmb-post-header" not in body and "fmb-post-footer" not in body
    assert "leverage" in body.lower()
    # The page that was written has them.
    written = site.soup("blog/2025/leverage/")
    assert written.select_one(".fmb-post-header") is not None
    assert written.select_one(".fmb-post-footer, .fmb-prev-next") is not None
    # A page that is no post keeps what MkDocs made of it.
    assert found["kept"]["index.md"] == found["converted"]["index.md"]


def test_a_broken_header_template_names_the_post(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # An error in the header template comes from the post's own build, where MkDocs names the
    # page.
    files = {"../overrides/frontmatter-blog/post-header.html": "{{ post.title.no.such }}\n"}
    with pytest.raises(Exception, match="no attribute 'no'"):
        build_site(
            tmp_path, files=files, config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}}
        )
    assert "Error building page 'blog/" in caplog.text


def test_overrides_can_use_the_url_filter_on_every_page(tmp_path: Path) -> None:
    # `page` and `base_url` are in every template's context, so MkDocs' `url` filter works; an
    # entry that uses it is rendered for each page, not reused across pages of one depth.
    probe = '<img class="probe" alt="" src="{{ \'blog/tags/x.png\' | url }}">'
    files = {
        "../overrides/frontmatter-blog/entry.html": f"<article>{probe}</article>\n",
        "../overrides/frontmatter-blog/post-header.html": f"<header>{probe}</header>\n",
        "../overrides/frontmatter-blog/terms.html": f"<div>{probe}</div>\n",
    }
    site = build_site(
        tmp_path,
        files=files,
        config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        plugin={"posts_per_page": 1},
    )
    pages = [
        "blog/",
        "blog/page/2/",
        "blog/tags/",
        "blog/tags/focus/",
        "blog/tags/focus/page/2/",
        "blog/categories/work/",
        "blog/categories/life/",
        "blog/tags/essentialism/",
        "blog/2025/leverage/",
        "blog/quoted/",
    ]
    for url in pages:
        sources = [img["src"] for img in site.soup(url).select("img.probe")]
        assert sources, url
        resolved = {urljoin(f"https://example.com/{url}", str(src)) for src in sources}
        assert resolved == {"https://example.com/blog/tags/x.png"}, (url, sources)


def test_posts_stay_out_of_the_automatic_nav(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site = build_site(tmp_path)
    nav_links = [a.get_text(strip=True) for a in site.soup("").select(".navbar-nav a")]
    assert not any("Leverage" in text for text in nav_links)
    in_nav = build_site(tmp_path / "nav", plugin={"posts_in_nav": True})
    assert any("Leverage" in a.get_text() for a in in_nav.soup("").select(".navbar-nav a"))


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_nav_titles_name_posts_and_listings(tmp_path: Path, theme: str) -> None:
    nav = [
        {"Home": "index.md"},
        {"News": "blog/index.md"},
        {"Reading": [{"Start here": "blog/2025/naive.md"}, "blog/2025/leverage.md"]},
        {"All tags": "blog/tags/index.md"},
        {"Again": "blog/2025/naive.md"},  # listed twice: the first title wins, as in MkDocs
    ]
    site = build_site(tmp_path, config={"nav": nav, "theme": theme})
    selector = ".navbar-nav a" if theme == "mkdocs" else ".md-nav--primary a.md-nav__link"
    texts = [a.get_text(" ", strip=True) for a in site.soup("").select(selector)]
    assert {"News", "Start here", "All tags"} <= set(texts)
    assert "Again" not in texts and "Blog" not in texts
    # The nav's title is the page's title, as for any MkDocs page (Material's <title> prefers
    # a front-matter title, as it does for every page that has one) ...
    if theme == "mkdocs":
        assert site.soup("blog/2025/naive/").title.get_text().startswith("Start here")
        assert site.soup("blog/").title.get_text().startswith("News")
    # ... while the headings stay the post's own and the listing's.
    assert site.soup("blog/2025/naive/").select_one(".fmb-post-header h1").get_text() == (
        "Naive datetime post"
    )
    assert site.soup("blog/").select_one(".fmb-listing h1").get_text() == "Blog"
    # A post listed without a title keeps its own.
    assert any("Leverage" in text for text in texts)
    entries = [a.get_text() for a in site.soup("blog/").select(".fmb-entry-title a")]
    assert "Naive datetime post" in entries


def test_disabled_plugin_builds_plain_pages(tmp_path: Path) -> None:
    site = build_site(tmp_path, plugin={"enabled": False}, strict=False)
    assert site.soup("blog/2025/leverage/").select_one(".fmb-post-header") is None
    assert not site.exists("blog/tags/")


def test_post_body_is_kept_exactly(tmp_path: Path) -> None:
    # MkDocs would take "Note: ..." as MultiMarkdown metadata, or a leading "---" as front
    # matter, if it parsed the body again after the plugin stripped the front matter.
    source = "---\ntitle: Body kept\n---\nNote: KEEP-THIS-LINE\n\n---\n\nkey: AFTER-RULE\n\n---\n"
    site = build_site(tmp_path, files={"blog/kept.md": source})
    text = site.soup("blog/kept/").get_text()
    assert "Note: KEEP-THIS-LINE" in text
    assert "key: AFTER-RULE" in text


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_search_index_holds_posts_not_listings(tmp_path: Path, theme: str) -> None:
    site = build_site(tmp_path, config={"theme": theme})
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    docs = index["docs"]
    post_text = " ".join(d["text"] for d in docs if d["location"].startswith("blog/2025/leverage/"))
    assert "LEVERAGE-BODY-TEXT" in post_text
    listing_text = " ".join(
        d["text"] for d in docs if d["location"].startswith(("blog/tags", "blog/categories"))
    )
    # Descriptions belong to the posts; a listing repeating them would only add noise.
    assert "Working harder" not in listing_text
    if theme == "material":
        assert not any(d["location"].startswith("blog/tags") for d in docs)


def test_folder_and_title_options(tmp_path: Path) -> None:
    options = {
        "tags_dir": "topics",
        "categories_dir": "sections",
        "pagination_dir": "p",
        "posts_per_page": 2,
        "blog_title": "Our Notes",
        "tags_title": "All topics",
        "categories_title": "All sections",
        "tag_title": "Topic: {name}",
        "category_title": "Section {name}",
    }
    site = build_site(tmp_path, plugin=options)
    assert site.soup("blog/").select_one(".fmb-listing h1").get_text() == "Our Notes"
    assert site.exists("blog/p/2/") and site.exists("blog/p/3/")
    assert site.soup("blog/topics/").select_one("h1").get_text() == "All topics"
    assert (
        site.soup("blog/topics/focus/").select_one(".fmb-listing h1").get_text() == "Topic: focus"
    )
    assert site.exists("blog/topics/focus/p/2/")
    assert site.soup("blog/sections/").select_one("h1").get_text() == "All sections"
    assert "Section life" in site.soup("blog/sections/life/").title.get_text()
    assert not site.exists("blog/tags/") and not site.exists("blog/page/2/")
    links = dict(site.links("blog/2025/leverage/", ".fmb-post-header a"))
    assert links["work"] == "blog/sections/work/" and links["overwhelm"] == "blog/topics/overwhelm/"


def test_taxonomy_in_nav(tmp_path: Path) -> None:
    def nav_texts(site: Site) -> list[str]:
        return [a.get_text(strip=True) for a in site.soup("").select(".navbar-nav a")]

    assert not any("Tags" in text for text in nav_texts(build_site(tmp_path / "off")))
    site = build_site(tmp_path / "on", plugin={"taxonomy_in_nav": True})
    texts = nav_texts(site)
    assert "Tags" in texts and "Categories" in texts


def test_long_pagination_shows_a_window(tmp_path: Path) -> None:
    files = {
        f"blog/many/p{i:02}.md": post({"title": f"Post {i:02}", "pubDate": f"2024-01-{i:02}"})
        for i in range(1, 29)
    }
    site = build_site(tmp_path, files=files, plugin={"posts_per_page": 2})  # 17 pages
    bar = site.soup("blog/page/9/").select_one(".fmb-pages")
    assert [li.get_text() for li in bar.select("li")] == [
        "1",
        "…",
        "7",
        "8",
        "9",
        "10",
        "11",
        "…",
        "17",
    ]
    for _text, target in site.links("blog/page/9/", ".fmb-pagination a"):
        assert site.exists(target)
