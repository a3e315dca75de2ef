"""Authors from .authors.yml (Material's format) and from posts' own names, in real builds."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.sitebuild import build_site, post

AUTHORS = """\
authors:
  jane:
    name: Jane <script>alert(1)</script> Doe
    description: Writes about sync
    avatar: https://example.com/jane.png
    url: https://example.com/jane/
  joe:
    name: Joe Local
    avatar: assets/joe.png
    url: javascript:alert(2)
"""


def files(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {
        "blog/.authors.yml": AUTHORS,
        "blog/by-ids.md": post(
            {"title": "By ids", "pubDate": "2025-03-01", "authors": ["jane", "joe"]}
        ),
        "blog/by-name.md": post(
            {"title": "By name", "pubDate": "2025-03-02", "author": "Ann Other"}
        ),
        **(extra or {}),
    }


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_authors_show_their_names_links_and_avatars(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, theme: str
) -> None:
    site = build_site(tmp_path, config={"theme": theme}, files=files(), strict=False)
    # joe's javascript: link is refused, with a warning naming the file, the author and the value.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        "mkdocs_blog_plugin: blog/.authors.yml: author 'joe' has url 'javascript:alert(2)': only "
        "a relative path or an http(s) URL; ignored"
    ]
    page = site.soup("blog/by-ids/")
    authors = page.select(".fmb-post-header .fmb-author")
    assert [a.get_text(strip=True) for a in authors] == [
        "Jane <script>alert(1)</script> Doe",  # text, escaped: no script element
        "Joe Local",
    ]
    assert page.select(".fmb-post-header script") == []
    assert authors[0].select_one("a")["href"] == "https://example.com/jane/"
    assert authors[0].select_one("img")["src"] == "https://example.com/jane.png"
    assert authors[1].select_one("a") is None  # no link rather than a javascript: one
    # A local avatar is a path from the site root, made relative to each page.
    assert (
        site.resolve("blog/by-ids/", str(authors[1].select_one("img")["src"])) == "assets/joe.png"
    )
    listing = site.soup("blog/").select(".fmb-entry .fmb-author")
    assert [a.get_text(strip=True) for a in listing][:1] == ["Ann Other"]
    assert site.grep("<script>alert(1)") == []


def test_an_unknown_author_id_warns_and_is_shown_as_a_name(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    extra = {"blog/ghost.md": post({"title": "Ghost", "authors": ["ghost"]})}
    with pytest.raises(Abort):
        build_site(
            tmp_path / "strict",
            files={**files(), **extra, "blog/.authors.yml": "authors:\n  jane:\n    name: Jane\n"},
        )
    assert "blog/ghost.md: front matter key 'authors' names 'ghost'" in caplog.text
    site = build_site(tmp_path / "lenient", files={**files(), **extra}, strict=False)
    assert site.soup("blog/ghost/").select_one(".fmb-author").get_text(strip=True) == "ghost"


def test_a_missing_authors_file_that_was_asked_for_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(
        tmp_path, plugin={"authors_file": "team/authors.yml"}, files=files(), strict=False
    )
    assert "authors_file: team/authors.yml is not in docs_dir" in caplog.text
    assert site.soup("blog/by-ids/").select_one(".fmb-author").get_text(strip=True) == "jane"


def test_authors_are_in_the_feed(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    site = build_site(tmp_path, files=files(), strict=False)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = {
        entry.findtext(f"{atom}title"): [
            a.findtext(f"{atom}name") for a in entry.findall(f"{atom}author")
        ]
        for entry in ET.parse(site.site_dir / "feed.xml").getroot().iter(f"{atom}entry")
    }
    assert entries["By ids"] == ["Jane <script>alert(1)</script> Doe", "Joe Local"]
    assert entries["By name"] == ["Ann Other"]
