"""URL formats, the blog's paths, and slugs made as Material's blog makes them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.dates import format_date
from mkdocs_blog_plugin.core.urls import (
    UrlFormatError,
    blog_prefix,
    check_url_format,
    format_path,
    in_blog,
    material_slug,
)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Using git sparse-checkout for faster builds",
            "using-git-sparse-checkout-for-faster-builds",
        ),
        ("Café: ünïcode & Friends!", "café-ünïcode--friends"),
        ("Why 100% uptime is a lie", "why-100-uptime-is-a-lie"),
        ("  a <b>bold</b>  move ", "a-bold--move"),
        ("日本語のタイトル", "日本語のタイトル"),
        ("!!!", ""),
    ],
)
def test_material_slug(title: str, slug: str) -> None:
    assert material_slug(title) == slug


@given(st.text(max_size=60))
def test_material_slug_is_pymdownx_lower(title: str) -> None:
    slugs = pytest.importorskip("pymdownx.slugs")
    assert material_slug(title, "-") == slugs.slugify(case="lower")(title, "-")


@pytest.mark.parametrize(
    ("blog_dir", "parts", "path", "prefix"),
    [
        ("blog", (), "blog", "blog/"),
        ("blog", ("tags", "x"), "blog/tags/x", "blog/"),
        (".", ("tags",), "tags", ""),
        (".", (), "", ""),
        ("news/posts", ("page/2",), "news/posts/page/2", "news/posts/"),
    ],
)
def test_paths_in_the_blog(blog_dir: str, parts: tuple[str, ...], path: str, prefix: str) -> None:
    assert in_blog(blog_dir, *parts) == path
    assert blog_prefix(blog_dir) == prefix


@pytest.mark.parametrize(
    ("url_format", "values", "expected"),
    [
        ("{date}/{slug}", {"date": "2024/01/31", "slug": "hi"}, "2024/01/31/hi"),
        ("/{slug}/", {"slug": "hi"}, "hi"),
        ("{categories}/{slug}", {"categories": "", "slug": "hi"}, "hi"),
        ("{date}/{categories}/{slug}", {"date": "2024", "categories": "", "slug": "hi"}, "2024/hi"),
        ("{slug}", {"slug": " x "}, "x"),
        ("{slug}/{date}", {"slug": "a ", "date": "b"}, None),
        ("{slug}", {"slug": ".."}, None),
        ("{slug}", {"slug": "a/../../b"}, None),
        ("{slug}", {"slug": "a?b"}, None),
        ("{slug}", {"slug": ""}, None),
        ("{nope}", {"slug": "x"}, None),
    ],
)
def test_format_path(url_format: str, values: dict[str, str], expected: str | None) -> None:
    if expected is None:
        with pytest.raises(UrlFormatError):
            format_path(url_format, values)
    else:
        assert format_path(url_format, values) == expected


@given(st.text(max_size=40))
def test_a_formatted_path_never_leaves_the_blog(slug: str) -> None:
    try:
        path = format_path("posts/{slug}", {"slug": slug})
    except UrlFormatError:
        return
    assert not path.startswith("/") and ".." not in path.split("/")
    assert path == "posts" or path.startswith("posts/")


@pytest.mark.parametrize(
    ("url_format", "problem"),
    [
        ("{date}/{slug}", None),
        ("{date}/{title}", "{title}"),
        ("{date", "not a URL format"),
        ("../{slug}", "not a path in the blog"),
    ],
)
def test_check_url_format(url_format: str, problem: str | None) -> None:
    found = check_url_format(url_format, ("date", "slug"))
    assert (found is None) if problem is None else (found is not None and problem in found)


MOMENT = dt.datetime(2024, 6, 30, 9, 5, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("pattern", "locale", "text"),
    [
        ("long", "en", "June 30, 2024"),
        ("long", "fr", "30 juin 2024"),
        ("long", "zh", "2024年6月30日"),
        ("long", "pt-BR", "30 de junho de 2024"),
        ("yyyy/MM/dd", "en", "2024/06/30"),
        ("yyyy", "en", "2024"),
        ("d MMMM y", "de", "30 Juni 2024"),
        ("%B %-d, %Y", "en", "June 30, 2024"),
    ],
)
def test_cldr_and_strftime_dates(pattern: str, locale: str, text: str) -> None:
    assert format_date(MOMENT, pattern, locale) == text
