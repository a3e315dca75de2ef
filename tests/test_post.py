"""Reading a post: fields, aliases, bad values, broken front matter."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.post import FrontMatterError, ReadOptions, read_post
from tests.sitebuild import post as post_source

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 1, 1, tzinfo=UTC)
OPTIONS = ReadOptions(timezone=UTC, now=NOW)


def read(  # type: ignore[no-untyped-def]
    front_matter: object,
    body: str = "Text.\n",
    options: ReadOptions = OPTIONS,
    path: str = "blog/p.md",
):
    return read_post(path, post_source(front_matter, body), options)  # type: ignore[arg-type]


def test_seed_style_post() -> None:
    parsed = read(
        {
            "title": "Leverage",
            "description": "Why.",
            "pubDate": dt.datetime(2025, 2, 1, tzinfo=UTC),
            "category": "work",
            "tags": ["overwhelm", "essentialism"],
            "draft": False,
            "ads": True,
        },
        "Body here.\n",
    )
    post = parsed.post
    assert (post.title, post.description, post.category) == ("Leverage", "Why.", "work")
    assert post.tags == ("overwhelm", "essentialism")
    assert post.published == dt.datetime(2025, 2, 1, tzinfo=UTC)
    assert (post.draft, post.ads) == (False, True)
    assert parsed.body.strip() == "Body here."
    assert "title:" not in parsed.body
    assert parsed.problems == []


@pytest.mark.parametrize(
    ("front_matter", "published", "updated"),
    [
        ({"date": "2025-01-02"}, "2025-01-02", None),
        ({"date": {"created": "2025-01-02", "updated": "2025-02-03"}}, "2025-01-02", "2025-02-03"),
        ({"pubDate": "2025-01-02", "updatedDate": "2025-01-05"}, "2025-01-02", "2025-01-05"),
        ({"pubDate": "2025-01-02", "date": "2024-01-01"}, "2025-01-02", None),
    ],
)
def test_date_aliases(front_matter: dict[str, object], published: str, updated: str | None) -> None:
    post = read(front_matter).post
    assert post.published is not None and post.published.date().isoformat() == published
    assert (post.updated.date().isoformat() if post.updated else None) == updated


@pytest.mark.parametrize(
    ("front_matter", "category"),
    [
        ({"category": "work"}, "work"),
        ({"categories": ["Work", "Life"]}, "Work"),
        ({"categories": "Solo"}, "Solo"),
        ({"category": "a", "categories": ["b"]}, "a"),
        ({"categories": []}, None),
        ({"category": 2025}, "2025"),
        ({}, None),
    ],
)
def test_category_and_material_categories(
    front_matter: dict[str, object], category: str | None
) -> None:
    assert read(front_matter).post.category == category


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["a", "b"], ("a", "b")),
        ("a, b", ("a", "b")),
        (["Work", "work", "WORK"], ("Work",)),
        (["  spaced   name "], ("spaced name",)),
        ([3.5, "x"], ("3.5", "x")),
        ([], ()),
    ],
)
def test_tags(tags: object, expected: tuple[str, ...]) -> None:
    assert read({"tags": tags}).post.tags == expected


@pytest.mark.parametrize("value", ["true", "false", "yes", 1, 0, None, "draft"])
def test_a_draft_that_is_not_a_boolean_is_not_published(value: object) -> None:
    parsed = read({"title": "t", "draft": value})
    assert parsed.post.draft is True
    assert len(parsed.problems) == 1
    assert "blog/p.md" in parsed.problems[0] and "'draft'" in parsed.problems[0]
    assert repr(value) in parsed.problems[0]


def test_bad_values_are_named_with_file_key_and_value() -> None:
    parsed = read({"pubDate": "next tuesday", "tags": {"a": 1}, "ads": "maybe", "title": ["x"]})
    text = "\n".join(parsed.problems)
    assert "'pubDate' has value 'next tuesday'" in text
    assert "'tags' has value {'a': 1}" in text
    assert "'ads' has value 'maybe'" in text
    assert "'title' has value ['x']" in text
    assert all(problem.startswith("blog/p.md:") for problem in parsed.problems)
    assert parsed.post.published is None and parsed.post.ads is False


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("---\ntitle: x\ntags: [a, b\n---\nbody\n", "not valid YAML"),
        ("---\ntitle: x\n  bad: indent\n---\nbody\n", "line 3"),
        ("---\ntitle: x\ndraft: true\nbody without end\n", "never closed"),
        ("---\n- a\n- b\n---\nbody\n", "must be a mapping"),
        ("---\njust a string\n---\nbody\n", "must be a mapping"),
    ],
)
def test_broken_front_matter_raises_naming_the_file(source: str, message: str) -> None:
    with pytest.raises(FrontMatterError) as error:
        read_post("blog/broken.md", source, OPTIONS)
    assert "blog/broken.md" in str(error.value)
    assert message in str(error.value)


def test_title_falls_back_to_first_h1_then_file_name() -> None:
    assert read({}, "<!-- a note -->\n\n# The Heading\n").post.title == "The Heading"
    # As MkDocs: a heading after other blocks is not the page's title.
    assert read({}, "```\n# not this\n```\n\n# Nor this\n", path="blog/x.md").post.title == "X"
    assert read_post("blog/my-first_post.md", "no front matter", OPTIONS).post.title == (
        "My first post"
    )
    # A folder post is named after its folder.
    assert read_post("blog/my-trip/index.md", "Text.", OPTIONS).post.title == "My trip"
    assert read_post("blog/Road-Trip/README.md", "Text.", OPTIONS).post.title == "Road Trip"


@pytest.mark.parametrize(
    ("front_matter", "draft"),
    [
        ({"pubDate": "2030-01-01"}, True),
        ({"pubDate": "2030-01-01", "draft": False}, False),
        ({"pubDate": "2020-01-01"}, False),
        ({}, False),
    ],
)
def test_future_posts_as_drafts(front_matter: dict[str, object], draft: bool) -> None:
    options = ReadOptions(timezone=UTC, now=NOW, future_posts_as_drafts=True)
    assert read(front_matter, options=options).post.draft is draft
    assert read(front_matter).post.draft is False


def test_ties_break_by_title_then_path() -> None:
    same = {"pubDate": "2025-01-01"}
    posts = [
        read_post(path, post_source({**same, "title": title}), OPTIONS).post
        for path, title in [("blog/b.md", "Beta"), ("blog/a2.md", "Alpha"), ("blog/a1.md", "Alpha")]
    ]
    undated = read_post("blog/u.md", "x", OPTIONS).post
    ordered = sorted([undated, *posts], key=lambda p: p.sort_key)
    assert [p.path for p in ordered] == ["blog/a1.md", "blog/a2.md", "blog/b.md", "blog/u.md"]


names = st.text(min_size=0, max_size=40)


@given(title=names, description=names, tags=st.lists(names, max_size=6), category=names)
def test_any_author_text_reads_without_crashing(
    title: str, description: str, tags: list[str], category: str
) -> None:
    parsed = read({"title": title, "description": description, "tags": tags, "category": category})
    assert parsed.post.title
    for tag in parsed.post.tags:
        assert tag and tag == " ".join(tag.split())
