"""Slugs: table-driven cases and properties over arbitrary author text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.slugs import is_valid_slug, name_key, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Python", "python"),
        ("knowledge-worker", "knowledge-worker"),
        ("Machine Learning", "machine-learning"),
        ("  spaced   out  ", "spaced-out"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("C", "c"),
        ("F#", "f-sharp"),
        ("R&D", "r-and-d"),
        (".NET", "dot-net"),
        ("ASP.NET", "asp-net"),
        ("Node.js", "node-js"),
        ("café", "café"),
        ("CAFÉ", "café"),
        ("日本語", "日本語"),
        ("हिन्दी", "हिन्दी"),  # combining marks stay in the word
        ("Ｆｕｌｌ", "full"),  # NFKC folds full-width letters
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("100%", "100-percent"),
        ("@home", "at-home"),
    ],
)
def test_slugify_table(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_symbol_only_names_get_distinct_stable_slugs() -> None:
    assert slugify("!!!") == slugify("!!!")
    assert slugify("!!!") != slugify("???")
    assert slugify("🙂").startswith("n-")


def test_long_names_are_cut_but_stay_distinct() -> None:
    first, second = "x" * 300 + "a", "x" * 300 + "b"
    assert len(slugify(first).encode()) <= 130
    assert slugify(first) != slugify(second)


@pytest.mark.parametrize(
    ("a", "b"), [("Work", "work"), ("Machine  Learning", "machine learning"), ("Ｗork", "work")]
)
def test_names_differing_by_case_or_spacing_are_one(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("slug", "valid"),
    [
        ("cpp", True),
        ("café", True),
        ("", False),
        ("a/b", False),
        ("..", False),
        (".x", False),
        ("a b", False),
        ("a\\b", False),
        ("x?y", False),
    ],
)
def test_is_valid_slug(slug: str, valid: bool) -> None:
    assert is_valid_slug(slug) is valid


@given(st.text())
def test_slug_is_always_one_safe_path_segment(name: str) -> None:
    slug = slugify(name)
    assert slug
    assert is_valid_slug(slug)
    assert "/" not in slug and "\\" not in slug and "." not in slug
    assert slug == slugify(name)  # deterministic
    assert len(slug.encode("utf-8")) <= 130


@given(st.text(min_size=1))
def test_names_that_are_one_term_share_a_slug(name: str) -> None:
    for variant in (
        name.upper(),
        name.lower(),
        name.title(),
        f"  {name}  ",
        name.replace(" ", "  "),
    ):
        if name_key(variant) == name_key(name):
            assert slugify(variant) == slugify(name)
