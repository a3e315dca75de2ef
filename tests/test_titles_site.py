"""A post's title taken from its heading reads as text everywhere, as MkDocs itself reads it;
a post shows one title, whatever plugin wraps its content."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from mkdocs_blog_plugin.renderer.render import header_place
from mkdocs_blog_plugin.structure.titles import HeadingTitles
from tests.sitebuild import Site, build_config_file, build_site, make_site, post

THEMES = ["mkdocs", "readthedocs", "material"]
MARKDOWN = {"markdown_extensions": ["attr_list", {"toc": {"permalink": True}}, "footnotes"]}

# Heading Markdown, and the text a reader sees in it.
HEADINGS = {
    "sparse": ("# Using `git sparse-checkout` for *faster* builds {: #fast }", None),
    "setext": ("Setext & *emphasis* title\n=========================", None),
    "entities": ("# Fish &amp; chips &lt;3 <em>now</em>", None),
    "links": ("# A [linked][site] title[^1]", "[site]: https://example.com\n\n[^1]: A note."),
    "closing": ("# Closing hashes ##", None),
}
EXPECTED = {
    "sparse": "Using git sparse-checkout for faster builds",
    "setext": "Setext & emphasis title",
    "entities": "Fish & chips <3 now",
    "links": "A linked title",
    "closing": "Closing hashes",
}


def heading_files() -> dict[str, str]:
    files = {}
    for name, (heading, definitions) in HEADINGS.items():
        body = f"{heading}\n\nBody of {name}.\n"
        if definitions:
            body += f"\n{definitions}\n"
        files[f"blog/{name}.md"] = post({"pubDate": "2025-03-01", "tags": ["titled"]}, body)
        # The same page outside the blog: MkDocs' own title for it is what ours must match.
        files[f"guide/{name}.md"] = body
    return files


@pytest.fixture(scope="module", params=THEMES)
def titled_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_site(
        tmp_path_factory.mktemp(request.param),
        config={"theme": request.param, **MARKDOWN},
        files=heading_files(),
    )


def test_the_title_is_the_text_mkdocs_gives_the_same_heading(titled_site: Site) -> None:
    site = titled_site
    for name, expected in EXPECTED.items():
        ours = site.soup(f"blog/{name}/").title.get_text()
        mkdocs = site.soup(f"guide/{name}/").title.get_text()
        assert ours == mkdocs, name
        assert ours.startswith(expected), (name, ours)


def test_the_title_reads_as_text_in_listings_search_and_feed(titled_site: Site) -> None:
    site = titled_site
    entries = [a.get_text() for a in site.soup("blog/tags/titled/").select(".fmb-entry-title a")]
    assert sorted(entries) == sorted(EXPECTED.values())
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    for name in EXPECTED:
        # As the search plugin indexes the same heading on a page outside the blog (Material's
        # keeps its inline markup, MkDocs' does not).
        assert titles[f"blog/{name}/"] == titles[f"guide/{name}/"], name
    feed = ET.parse(site.site_dir / "feed.xml")
    atom = "{http://www.w3.org/2005/Atom}"
    feed_titles = [entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry")]
    assert set(EXPECTED.values()) <= set(feed_titles)
    for text in [*entries, *feed_titles]:
        assert "`" not in text and "*" not in text and "{:" not in text and "=" not in text


def test_a_post_shows_its_own_heading_once_and_the_header_under_it(titled_site: Site) -> None:
    page = titled_site.soup("blog/setext/")
    headings = page.find_all("h1")
    assert len(headings) == 1
    assert headings[0].get_text().replace("¶", "").strip() == EXPECTED["setext"]
    assert headings[0].find_next_sibling().get("class") == ["fmb-post-header"]


@pytest.mark.parametrize("theme", THEMES)
def test_one_title_under_a_plugin_that_wraps_the_content(tmp_path: Path, theme: str) -> None:
    options = {"font": False} if theme == "material" else {"highlightjs": False}
    files = {
        "blog/own-heading.md": post(
            {"title": "Front matter title", "pubDate": "2025-03-01"},
            "# The author's heading\n\n![A photo](photo.png)\n",
        ),
        "blog/no-heading.md": post(
            {"title": "Only ours", "pubDate": "2025-03-02"}, "![A photo](photo.png)\n"
        ),
    }
    config_file = make_site(
        tmp_path,
        config={
            "theme": {"name": theme, **options},
            "plugins": ["search", "glightbox", "frontmatter-blog"],
        },
        files=files,
    )
    (config_file.parent / "docs" / "blog" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    site = build_config_file(config_file)
    for url, title in [("blog/own-heading/", "The author's heading"), ("blog/no-heading/", None)]:
        page = site.soup(url)
        # glightbox did its work: the image is wrapped in its link.
        assert page.select_one("a.glightbox img") is not None
        headings = page.find_all("h1")
        assert len(headings) == 1, (url, headings)
        if title:
            assert headings[0].get_text(strip=True) == title
        else:
            assert headings[0].parent.get("class") == ["fmb-post-header"]
        header = page.select_one(".fmb-post-header")
        assert header is not None and header.select_one(".fmb-meta") is not None


@pytest.mark.parametrize(
    ("content", "place", "own"),
    [
        ("<h1>T</h1><p>x</p>", 10, True),
        ("\n  <h1 id='t'>T</h1>", 20, True),
        ("<!-- note --><h1>T</h1>", 23, True),
        ("<html><head></head><body><h1>T</h1></body></html>", 35, True),
        ('<!DOCTYPE html><html lang="en"><head><meta x></head><body>\n<h1>T</h1>', 69, True),
        ("<html><head></head><body><p>x</p></body></html>", 25, False),
        ("<p>x</p><h1>T</h1>", 0, True),  # its title is further down: no second one
        ("<p>x</p><h1 id='t'>T <a class='headerlink'>¶</a></h1>", 0, True),
        ("<p>x</p><h1>Day 1</h1>", 0, False),  # a section: the title is still shown
        ("<header><h1>T</h1></header>", 0, True),
        ("<h2>T</h2>", 0, False),
        ("", 0, False),
    ],
)
def test_header_place(content: str, place: int, own: bool) -> None:
    assert header_place(content, "T") == (place, own)


@pytest.fixture(scope="module")
def heading_titles(tmp_path_factory: pytest.TempPathFactory) -> HeadingTitles:
    root = tmp_path_factory.mktemp("titles")
    (root / "docs").mkdir()
    config_file = root / "mkdocs.yml"
    config_file.write_text("site_name: T\nmarkdown_extensions: [attr_list, toc]\n")
    return HeadingTitles(load_config(str(config_file)))


PLAIN = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=60)


@settings(max_examples=200)
@given(text=PLAIN)
def test_any_heading_text_becomes_one_line_of_text(
    heading_titles: HeadingTitles, text: str
) -> None:
    title = heading_titles(f"# {text}")
    if title is not None:
        assert title == title.strip() and "\n" not in title
        if "<" not in text and "&" not in text:
            assert "<" not in title  # no markup: <em>, <code> are read as their text


@given(text=st.text(st.characters(categories=["L", "N", "Zs"]), max_size=60))
def test_plain_words_are_kept_as_written(heading_titles: HeadingTitles, text: str) -> None:
    assert heading_titles(f"# {text}") == (" ".join(text.split()) or None)


@pytest.mark.parametrize("theme", THEMES)
def test_a_title_stays_when_the_text_has_sections_of_level_one(tmp_path: Path, theme: str) -> None:
    files = {
        "blog/trip.md": post(
            {"title": "My Trip To Lyon", "pubDate": "2025-03-01"},
            "We went by train.\n\n# Day 1\n\nMarkets.\n\n# Day 2\n\nMuseums.\n",
        ),
        "blog/titled-later.md": post(
            {"title": "Said Once", "pubDate": "2025-03-02"}, "Intro.\n\n# Said Once\n\nText.\n"
        ),
    }
    site = build_site(tmp_path, config={"theme": theme}, files=files)
    headings = [
        h.get_text(strip=True).replace("¶", "") for h in site.soup("blog/trip/").find_all("h1")
    ]
    assert headings == ["My Trip To Lyon", "Day 1", "Day 2"]
    once = [
        h.get_text(strip=True).replace("¶", "")
        for h in site.soup("blog/titled-later/").find_all("h1")
    ]
    assert once == ["Said Once"]
