"""Other generators' front-matter keys, read with no configuration: the one documented table."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.authors import Author, read_authors, resolve_authors
from mkdocs_blog_plugin.core.fields import Image, is_safe_url
from mkdocs_blog_plugin.core.post import ReadOptions, read_post
from tests.sitebuild import post as post_source

UTC = dt.timezone.utc
OPTIONS = ReadOptions(timezone=UTC, now=dt.datetime(2026, 1, 1, tzinfo=UTC))


def read(meta: dict[str, object], path: str = "blog/p.md", **options: object):  # type: ignore[no-untyped-def]
    chosen = ReadOptions(timezone=UTC, now=OPTIONS.now, **options) if options else OPTIONS  # type: ignore[arg-type]
    return read_post(path, post_source({"title": "T", **meta}), chosen)


def day(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("meta", "published"),
    [
        ({"pubDate": "2024-01-02"}, "2024-01-02"),  # Astro
        ({"date": "2024-01-03"}, "2024-01-03"),  # Jekyll, Hugo, Material
        ({"date": {"created": "2024-01-04"}}, "2024-01-04"),  # Material
        ({"published": dt.date(2024, 1, 5)}, "2024-01-05"),  # Fuwari
        ({"pubDatetime": "2024-01-06T00:00:00Z"}, "2024-01-06"),  # AstroPaper
        ({"created": "2024-01-07"}, "2024-01-07"),
        ({"pubDate": "2024-01-02", "date": "2023-01-01"}, "2024-01-02"),  # first present wins
        ({"pubDate": "", "date": "2023-01-01"}, "2023-01-01"),  # an empty value is absent
        ({"published": True, "date": "2023-02-01"}, "2023-02-01"),  # a boolean is not a date
        ({"date": {"updated": "2024-05-05"}, "created": "2024-01-07"}, "2024-01-07"),
        ({}, None),
    ],
)
def test_publication_date_keys(meta: dict[str, object], published: str | None) -> None:
    parsed = read(meta)
    assert parsed.post.published == (day(published) if published else None)
    assert parsed.problems == []


@pytest.mark.parametrize(
    ("meta", "updated"),
    [
        ({"updatedDate": "2024-02-01"}, "2024-02-01"),
        ({"date": {"created": "2024-01-01", "updated": "2024-02-02"}}, "2024-02-02"),
        ({"updated": "2024-02-03"}, "2024-02-03"),  # Fuwari
        ({"lastmod": "2024-02-04"}, "2024-02-04"),  # Hugo
        ({"modDatetime": "2024-02-05T00:00:00Z"}, "2024-02-05"),  # AstroPaper
        ({"last_modified_at": "2024-02-06"}, "2024-02-06"),  # Jekyll
        ({"date": "2024-01-01"}, None),  # a plain date is the publication date only
        ({"updated": None, "lastmod": "2024-02-04"}, "2024-02-04"),
    ],
)
def test_update_date_keys(meta: dict[str, object], updated: str | None) -> None:
    assert read(meta).post.updated == (day(updated) if updated else None)


def test_a_bad_update_date_is_ignored_and_named() -> None:
    parsed = read({"pubDate": "2024-01-01", "lastmod": "whenever"})
    assert parsed.post.updated is None and parsed.post.published == day("2024-01-01")
    (problem,) = parsed.problems
    assert "'lastmod' has value 'whenever'" in problem and problem.endswith("; ignored")


def test_jekyll_file_names_give_the_date_when_no_key_does() -> None:
    assert read({}, "blog/2019-12-30-year-in-review.md").post.published == day("2019-12-30")
    dated = read({"date": "2020-01-01"}, "blog/2019-12-30-x.md")
    assert dated.post.published == day("2020-01-01")
    # A key that has a date it cannot read is not replaced by a guess from the name.
    assert read({"date": "someday"}, "blog/2019-12-30-x.md").post.published is None
    assert read({}, "blog/2019-13-45-x.md").post.published is None


@pytest.mark.parametrize(
    ("meta", "description"),
    [
        ({"description": "D"}, "D"),
        ({"summary": "S"}, "S"),  # Hugo
        ({"excerpt": "E"}, "E"),  # Jekyll
        ({"excerpt": {"html": "x"}, "summary": "S"}, "S"),  # excerpt only when it is text
        ({"description": "", "summary": "S"}, "S"),
        ({"description": "D", "summary": "S"}, "D"),
    ],
)
def test_description_keys(meta: dict[str, object], description: str) -> None:
    parsed = read(meta)
    assert parsed.post.description == description and parsed.problems == []


@pytest.mark.parametrize(
    ("meta", "categories"),
    [
        ({"category": "work"}, ("work",)),
        ({"categories": ["Work", "Life"]}, ("Work", "Life")),  # Material, Hugo: all kept
        ({"categories": "jekyll update"}, ("jekyll", "update")),  # Jekyll's string
        ({"category": "a", "categories": ["b", "A"]}, ("a", "b")),  # together, once each
        ({"category": "", "categories": []}, ()),
        ({"category": 2025}, ("2025",)),
    ],
)
def test_category_keys(meta: dict[str, object], categories: tuple[str, ...]) -> None:
    post = read(meta).post
    assert post.categories == categories
    assert post.category == (categories[0] if categories else None)


@pytest.mark.parametrize(
    ("meta", "image"),
    [
        ({"heroImage": "/hero.jpg"}, Image("/hero.jpg", None)),  # Astro
        ({"image": "./cover.png"}, Image("./cover.png", None)),  # Fuwari
        ({"image": ""}, None),  # Fuwari writes this for "no cover": absent, no problem
        ({"cover": {"image": "photo.png", "alt": "A photo"}}, Image("photo.png", "A photo")),
        ({"ogImage": {"src": "og.png", "alt": "Og"}}, Image("og.png", "Og")),
        ({"images": ["first.png", "second.png"]}, Image("first.png", None)),  # Hugo
        (
            {"heroImage": "https://cdn.example.com/x.jpg"},
            Image("https://cdn.example.com/x.jpg", None),
        ),
        ({"image": "", "cover": "c.png"}, Image("c.png", None)),
    ],
)
def test_image_keys(meta: dict[str, object], image: Image | None) -> None:
    parsed = read(meta)
    assert parsed.post.image == image and parsed.problems == []


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/x.png", ["a.png"], 3],
)
def test_an_image_that_is_not_a_relative_path_or_http_url_is_refused(value: object) -> None:
    parsed = read({"heroImage": value})
    assert parsed.post.image is None
    (problem,) = parsed.problems
    assert "'heroImage'" in problem and "no image" in problem


@pytest.mark.parametrize(
    ("meta", "authors"),
    [
        ({"author": "Jane Doe"}, ("Jane Doe",)),
        ({"authors": ["jane", "joe"]}, ("jane", "joe")),
        ({"author": {"name": "Jane"}}, ("Jane",)),  # Hugo themes
        ({"authors": ["jane"], "author": "Joe Bloggs"}, ("jane", "Joe Bloggs")),
        ({"author": ""}, ()),
    ],
)
def test_author_keys(meta: dict[str, object], authors: tuple[str, ...]) -> None:
    assert read(meta).post.authors == authors


def test_the_keys_option_puts_a_sites_own_keys_first() -> None:
    keys = {"pubDate": ["publishedAt"], "image": ["banner"]}
    meta = {"publishedAt": "2020-05-05", "date": "2024-01-01", "banner": "b.png", "image": "i.png"}
    post = read(meta, keys=keys).post
    assert post.published == day("2020-05-05") and post.image == Image("b.png", None)
    assert read(meta).post.published == day("2024-01-01")


AUTHORS_FILE = """
authors:
  jane:
    name: Jane <b>Doe</b>
    description: Writes
    avatar: https://example.com/jane.png
    url: javascript:alert(1)
  nameless:
    description: no name
"""


def test_authors_file_and_ids() -> None:
    registry, problems = read_authors("blog/.authors.yml", AUTHORS_FILE)
    assert registry == {
        "jane": Author("jane", "Jane <b>Doe</b>", "Writes", "https://example.com/jane.png", None)
    }
    assert any("'nameless' has no 'name'" in p for p in problems)
    assert any("'jane' has url 'javascript:alert(1)'" in p for p in problems)
    found, unknown = resolve_authors(
        ("jane", "ghost", "Joe Bloggs"), registry, path="blog/p.md", ids=["jane", "ghost"]
    )
    assert [a.name for a in found] == ["Jane <b>Doe</b>", "ghost", "Joe Bloggs"]
    (problem,) = unknown  # Only a value under `authors`, Material's ids, is expected to be one.
    assert "blog/p.md" in problem and "'ghost'" in problem


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


@given(st.text(max_size=40))
def test_only_relative_or_http_urls_are_safe(url: str) -> None:
    if is_safe_url(url):
        # As a browser reads it: C0 controls and spaces around it dropped, tabs and newlines
        # inside it too; then a scheme is a letter and letters, digits, "+", "-", ".".
        seen = "".join(c for c in url.strip(_C0_AND_SPACE) if c not in "\t\n\r").lower()
        assert not seen.startswith("//")
        if re.match(r"[a-z][a-z0-9+.-]*:", seen):
            assert seen.startswith(("http:", "https:"))


@pytest.mark.parametrize(
    ("meta", "path", "check"),
    [
        # Hugo reads keys in any case; MultiMarkdown meta comes lower case.
        ({"Title": "Cased", "Date": "2023-01-02", "Tags": ["Go"]}, "blog/p.md", "cased"),
        # Hugo falls back to publishDate for the date.
        ({"publishDate": "2023-01-03"}, "blog/p.md", "publishdate"),
        # Jekyll: `published: true` is no date, so the file name still gives one.
        ({"published": True}, "blog/2021-03-04-x.md", "filename"),
        # Jekyll: tags separated by spaces; jekyll-seo-tag's image path.
        ({"tags": "ruby rails", "image": {"path": "/i.png"}}, "blog/p.md", "jekyll"),
    ],
)
def test_other_generators_quirks(meta: dict[str, object], path: str, check: str) -> None:
    source = post_source(meta) if "Title" in meta else post_source({"title": "T", **meta})
    parsed = read_post(path, source, OPTIONS)
    post = parsed.post
    assert parsed.problems == []
    if check == "cased":
        assert (post.title, post.published, post.tags) == ("Cased", day("2023-01-02"), ("Go",))
    elif check == "publishdate":
        assert post.published == day("2023-01-03") and not post.draft
    elif check == "filename":
        assert post.published == day("2021-03-04")
    else:
        assert post.tags == ("ruby", "rails") and post.image == Image("/i.png", None)


def test_an_untitled_jekyll_post_drops_the_date_from_its_title() -> None:
    parsed = read_post("blog/2024-04-02-rye-loaf.md", "Text.\n", OPTIONS)
    assert parsed.post.title == "Rye loaf" and parsed.post.published == day("2024-04-02")
