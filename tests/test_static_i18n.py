"""One blog per language under mkdocs-static-i18n (the real plugin), in suffix and folder mode.

Each language's listings, tags, archives and feeds hold its posts only, in its folder, with its
labels and dates; a post with no version in a language is in no blog of that language.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.sitebuild import Site, build_site, post

pytest.importorskip("mkdocs_static_i18n")

ATOM = "{http://www.w3.org/2005/Atom}"
ENGLISH = ["Older posts", "min read", "Posts tagged", "Tags", "Archive", "Feed", "May 1, 2025"]


def i18n(structure: str) -> dict[str, Any]:
    return {
        "i18n": {
            "docs_structure": structure,
            "languages": [
                {"locale": "en", "default": True, "name": "English", "build": True},
                {"locale": "fr", "name": "Français", "build": True},
            ],
        }
    }


def suffix_files() -> dict[str, str]:
    return {
        "index.en.md": "# Home\n",
        # A link to an English-only post: it leads to the English page.
        "index.fr.md": "# Accueil\n\n[Seulement en anglais](blog/only-english.md)\n",
        "blog/hello.en.md": post(
            {"title": "Hello", "pubDate": "2025-05-01", "tags": ["news"], "category": "life"},
            "ENGLISH-TEXT\n",
        ),
        "blog/hello.fr.md": post(
            {"title": "Bonjour", "pubDate": "2025-05-01", "tags": ["news"], "category": "life"},
            "FRENCH-TEXT\n",
        ),
        "blog/later.en.md": post(
            {"title": "Later", "pubDate": "2025-06-02", "tags": ["news"]}, "ENGLISH-LATER\n"
        ),
        "blog/later.fr.md": post(
            {"title": "Plus tard", "pubDate": "2025-06-02", "tags": ["news"]}, "FRENCH-LATER\n"
        ),
        # English only: in no French listing, feed or tag, and not published under fr/.
        "blog/only-english.en.md": post(
            {"title": "Only English", "pubDate": "2025-04-01", "tags": ["solo"]}, "ONLY-EN\n"
        ),
        "blog/draft.en.md": post(
            {"title": "A draft", "pubDate": "2025-03-01", "draft": True}, "I18N-DRAFT-EN\n"
        ),
        "blog/draft.fr.md": post(
            {"title": "Brouillon", "pubDate": "2025-03-01", "draft": True}, "I18N-DRAFT-FR\n"
        ),
        # An English-only draft: mkdocs-static-i18n gives the French build its file too.
        "blog/secret.en.md": post(
            {"title": "Secret", "pubDate": "2025-03-02", "draft": True}, "I18N-DRAFT-SECRET\n"
        ),
        # A French-only draft: mkdocs-static-i18n's English build has no file for it.
        "blog/brouillon-seul.fr.md": post(
            {"title": "Brouillon seul", "pubDate": "2025-07-01", "draft": True}, "I18N-DRAFT-FR2\n"
        ),
    }


# Folder posts' attachments, by the language of their post (suffix mode has them beside it).
MEDIA = {
    ("en", "blog/secret-folder/photo-secret.png"): "SECRET-PHOTO-EN",
    ("fr", "blog/brouillon-dossier/photo-brouillon.png"): "SECRET-PHOTO-FR",
    ("en", "blog/trip/photo-trip.png"): "TRIP-PHOTO",
}
FOLDER_POSTS = {
    # An English-only draft, and a French-only one, each with a photo: in no language's site.
    "blog/secret-folder/index.en.md": post(
        {"title": "Secret folder", "pubDate": "2025-03-03", "draft": True}, "I18N-DRAFT-F1\n"
    ),
    "blog/brouillon-dossier/index.fr.md": post(
        {"title": "Dossier", "pubDate": "2025-03-04", "draft": True}, "I18N-DRAFT-F2\n"
    ),
    # A published English-only folder post: its photo is published, at its English address.
    "blog/trip/index.en.md": post(
        {"title": "Trip", "pubDate": "2025-03-05"}, "TRIP-TEXT\n\n![A photo](photo-trip.png)\n"
    ),
}


def all_suffix_files() -> dict[str, str]:
    found = {**suffix_files(), **FOLDER_POSTS}
    found.update({path: text for (_language, path), text in MEDIA.items()})
    return found


def folder_files() -> dict[str, str]:
    found = {}
    for name, text in {**suffix_files(), **FOLDER_POSTS}.items():
        stem, language, ext = name.rsplit(".", 2)
        found[f"{language}/{stem}.{ext}"] = text
    found.update({f"{language}/{path}": text for (language, path), text in MEDIA.items()})
    return found


def build(tmp_path: Path, structure: str, theme: str = "mkdocs", **plugin: Any) -> Site:
    return build_site(
        tmp_path,
        None,
        config={
            "site_name": "Bilingual",
            "site_url": "https://example.com/",
            "theme": {"name": theme},
            "plugins": ["search", i18n(structure), {"frontmatter-blog": plugin}],
        },
        files=all_suffix_files() if structure == "suffix" else folder_files(),
    )


def entries(site: Site, url: str) -> list[str]:
    return [link for _, link in site.links(url, ".fmb-entry-title a")]


def feed_titles(site: Site, path: str) -> tuple[str | None, list[str]]:
    root = ET.fromstring(site.page_path(path).read_bytes())
    lang = root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang, [str(e.findtext(f"{ATOM}title")) for e in root.iter(f"{ATOM}entry")]


def blog_text(site: Site, url: str) -> str:
    """The text of the blog's blocks of a page (listings and post header), not the theme's."""
    soup = site.soup(url)
    blocks = soup.select('[class^="fmb-"]')
    return " ".join(" ".join(block.get_text(" ").split()) for block in blocks)


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_one_blog_per_language(tmp_path: Path, structure: str) -> None:
    site = build(tmp_path, structure)
    # Each language's posts at their own URLs, with their text.
    for url, text in [
        ("blog/hello/", "ENGLISH-TEXT"),
        ("fr/blog/hello/", "FRENCH-TEXT"),
        ("blog/only-english/", "ONLY-EN"),
    ]:
        assert site.soup(url).select_one(".fmb-post-header") is not None, url
        assert text in site.soup(url).get_text(), url
    # Listings, tags, categories and archives: each language's own posts, in its folder.
    assert entries(site, "blog/") == [
        "blog/later/",
        "blog/hello/",
        "blog/only-english/",
        "blog/trip/",
    ]
    assert entries(site, "fr/blog/") == ["fr/blog/later/", "fr/blog/hello/"]
    assert entries(site, "blog/tags/news/") == ["blog/later/", "blog/hello/"]
    assert entries(site, "fr/blog/tags/news/") == ["fr/blog/later/", "fr/blog/hello/"]
    assert entries(site, "blog/tags/solo/") == ["blog/only-english/"]
    assert not site.exists("fr/blog/tags/solo/")
    assert entries(site, "fr/blog/categories/life/") == ["fr/blog/hello/"]
    assert entries(site, "fr/blog/archive/2025/") == ["fr/blog/later/", "fr/blog/hello/"]
    # A post the French site has no version of is not published there at all.
    assert not site.exists("fr/blog/only-english/")
    assert [path for path in site.grep("ONLY-EN") if path.startswith("fr/")] == []
    # The tags in a French post's header lead to the French tag pages.
    links = [link for _, link in site.links("fr/blog/hello/", ".fmb-post-header a")]
    assert "fr/blog/tags/news/" in links and "blog/tags/news/" not in links
    # Feeds: each language's own, in its language.
    assert feed_titles(site, "feed.xml") == ("en", ["Later", "Hello", "Only English", "Trip"])
    assert feed_titles(site, "fr/feed.xml") == ("fr", ["Plus tard", "Bonjour"])
    assert feed_titles(site, "fr/blog/tags/news/feed.xml")[1] == ["Plus tard", "Bonjour"]
    # Drafts, of either language, nowhere, nor their photos.
    for needle in [
        "I18N-DRAFT",
        "SECRET-PHOTO",
        "Brouillon",
        "blog/draft",
        "brouillon-seul",
        "blog/secret",
        "photo-secret",
        "photo-brouillon",
    ]:
        assert site.grep(needle) == [], needle
    # A published post's photo is, at its language's address, and the post shows it.
    assert site.grep("TRIP-PHOTO") == ["blog/trip/photo-trip.png"]
    image = site.soup("blog/trip/").select_one("article img, .fmb-post img, img[alt='A photo']")
    assert image is not None and site.resolve("blog/trip/", str(image["src"])) == (
        "blog/trip/photo-trip.png"
    )
    # A French link to an English-only post leads to the English page (no broken link).
    links = [link for _, link in site.links("fr/", "a") if "only-english" in link]
    assert links == ["blog/only-english/"]


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_each_language_has_its_labels_and_dates(tmp_path: Path, structure: str) -> None:
    site = build(tmp_path, structure, posts_per_page=1)
    english = blog_text(site, "blog/")
    assert "May 1, 2025" in blog_text(site, "blog/hello/")
    assert "Older posts" in english
    french_pages = ["fr/blog/", "fr/blog/hello/", "fr/blog/tags/", "fr/blog/archive/"]
    for url in french_pages:
        text = blog_text(site, url)
        for label in ENGLISH:
            # Whole words: the French for "Archive" is "Archives".
            assert re.search(rf"\b{label}\b", text) is None, (url, label)
    assert "1 mai 2025" in blog_text(site, "fr/blog/hello/")
    assert "Articles plus anciens" in blog_text(site, "fr/blog/")
    # The later pages of a French listing are French too, and in its folder.
    assert entries(site, "fr/blog/page/2/") == ["fr/blog/hello/"]
    assert entries(site, "blog/page/2/") == ["blog/hello/"]


def test_post_url_format_in_the_language_folder(tmp_path: Path) -> None:
    site = build(tmp_path, "suffix", post_url_format="{date}/{slug}", keep_file_urls=True)
    assert entries(site, "blog/")[:2] == ["blog/2025/06/02/later/", "blog/2025/05/01/hello/"]
    # keep_file_urls: a redirect where each language's file was.
    assert "fr/blog/2025/05/01/bonjour/" in site.page_path("fr/blog/hello/").read_text("utf-8")
    assert "blog/2025/05/01/hello/" in site.page_path("blog/hello/").read_text("utf-8")
    assert not site.exists("blog/hello.fr/") and not site.exists("blog/hello.en/")
    assert entries(site, "fr/blog/") == [
        "fr/blog/2025/06/02/plus-tard/",
        "fr/blog/2025/05/01/bonjour/",
    ]
    assert "FRENCH-TEXT" in site.soup("fr/blog/2025/05/01/bonjour/").get_text()


def test_material_theme(tmp_path: Path) -> None:
    pytest.importorskip("material")
    site = build(tmp_path, "suffix", theme="material")
    assert entries(site, "blog/")[:3] == ["blog/later/", "blog/hello/", "blog/only-english/"]
    assert entries(site, "fr/blog/") == ["fr/blog/later/", "fr/blog/hello/"]
    assert "1 mai 2025" in blog_text(site, "fr/blog/hello/")


def test_left_out_posts_are_named(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.mkdocs_blog_plugin"):
        build(tmp_path, "suffix")
    found = [r.getMessage() for r in caplog.records if "without a 'fr' version" in r.getMessage()]
    assert len(found) == 1, found
    assert "blog/only-english.en.md" in found[0] and "fr/" in found[0]


def stylesheets(site: Site, url: str) -> list[str]:
    soup = site.soup(url)
    return [site.resolve(url, str(link["href"])) for link in soup.select('link[rel~="stylesheet"]')]


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_stylesheet_on_each_language_blog_pages_only(tmp_path: Path, structure: str) -> None:
    site = build(tmp_path, structure)
    css = "assets/frontmatter-blog/blog.css"
    for url in ["blog/", "blog/hello/", "fr/blog/", "fr/blog/hello/", "fr/blog/tags/news/"]:
        assert stylesheets(site, url).count(css) == 1, url
    # Every language's build runs with the same config: the French one must not take the
    # stylesheet the English one put in extra_css for the user's own.
    for url in ["", "fr/"]:
        assert css not in stylesheets(site, url), url


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_file_in_post_url_format_has_no_language(tmp_path: Path, structure: str) -> None:
    site = build(tmp_path, structure, post_url_format="{date}/{file}")
    assert entries(site, "fr/blog/") == ["fr/blog/2025/06/02/later/", "fr/blog/2025/05/01/hello/"]
    assert "blog/2025/03/05/trip/" in entries(site, "blog/")


def test_posts_folder_media_in_the_default_language(tmp_path: Path) -> None:
    files = {
        "en/index.md": "# Home\n",
        "fr/index.md": "# Accueil\n",
        "en/blog/posts/hello.md": post(
            {"title": "Hello", "pubDate": "2025-05-01"}, "![A picture](pic.png)\n"
        ),
        "fr/blog/posts/hello.md": post(
            {"title": "Bonjour", "pubDate": "2025-05-01"}, "![Une image](pic.png)\n"
        ),
        "en/blog/posts/pic.png": "PIC-EN",
        "fr/blog/posts/pic.png": "PIC-FR",
    }
    site = build_site(
        tmp_path,
        None,
        config={
            "site_name": "Bilingual",
            "plugins": [
                "search",
                i18n("folder"),
                {"frontmatter-blog": {"post_dir": "{blog}/posts"}},
            ],
        },
        files=files,
    )
    # Material's layout: the posts' folder is not in the images' URLs, in either language.
    assert sorted(site.grep("PIC-")) == ["blog/pic.png", "fr/blog/pic.png"]
