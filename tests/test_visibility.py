"""Which front matter keeps a page off the site: every generator's words, read fail-closed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.post import ReadOptions, read_post
from mkdocs_blog_plugin.core.visibility import not_public
from tests.sitebuild import post as post_source

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 6, 1, tzinfo=UTC)


def hidden_by(meta: dict[str, object], path: str = "blog/p.md") -> str | None:
    return not_public(path, meta, now=NOW, timezone=UTC).hidden_by


@pytest.mark.parametrize(
    ("meta", "reason"),
    [
        ({}, None),
        ({"draft": False}, None),
        ({"draft": True}, "draft: true"),
        ({"Draft": True}, "Draft: true"),  # Hugo reads keys in any case
        ({"DRAFT": True, "draft": False}, "DRAFT: true"),  # any one that says so hides it
        ({"published": False}, "published: false"),  # Jekyll
        ({"published": True}, None),
        ({"published": dt.date(2024, 5, 6)}, None),  # a date, as Astro themes write it
        ({"published": "2024-05-06"}, None),
        ({"published": None}, None),
        ({"status": "draft"}, "status: draft"),  # WordPress exports
        ({"status": "Private"}, "status: Private"),
        ({"status": "publish"}, None),
        ({"status": "in progress"}, None),
        ({"build": {"render": "never"}}, "build.render: never"),  # Hugo
        ({"build": {"render": "link"}}, "build.render: link"),
        ({"_build": {"render": False}}, "_build.render: False"),
        ({"build": {"render": "always", "list": "never"}}, None),  # listed nowhere, but public
        ({"build": "yes"}, None),
        ({"headless": True}, "headless: true"),
        ({"headless": False}, None),
        ({"expiryDate": "2026-01-01"}, "expiryDate: 2026-01-01 has passed"),
        ({"expiryDate": "2027-01-01"}, None),
        ({"unpublishdate": dt.date(2020, 1, 1)}, "unpublishdate: 2020-01-01 has passed"),
        ({"publishDate": "2027-01-01"}, "publishDate: 2027-01-01 is still to come"),
        ({"publishDate": "2025-01-01"}, None),
        ({"pubDate": "2999-01-01"}, None),  # Astro publishes future posts: an option decides
        ({"expiryDate": None, "publishDate": None}, None),
    ],
)
def test_keys_that_keep_a_page_off_the_site(meta: dict[str, object], reason: str | None) -> None:
    result = not_public("blog/p.md", meta, now=NOW, timezone=UTC)
    assert result.hidden_by == reason
    assert result.problems == []


@pytest.mark.parametrize(
    ("meta", "key"),
    [
        ({"draft": "true"}, "draft"),
        ({"draft": "no"}, "draft"),
        ({"draft": None}, "draft"),
        ({"draft": 0}, "draft"),
        ({"published": "false"}, "published"),
        ({"published": "next week"}, "published"),
        ({"published": 0}, "published"),
        ({"published": ["2024"]}, "published"),
        ({"headless": "yes"}, "headless"),
        ({"build": {"render": "sometimes"}}, "build"),
        ({"expiryDate": "soon"}, "expiryDate"),
        ({"publishDate": "someday"}, "publishDate"),
    ],
)
def test_a_value_that_cannot_be_read_hides_the_page_and_says_so(
    meta: dict[str, object], key: str
) -> None:
    result = not_public("blog/p.md", meta, now=NOW, timezone=UTC)
    assert result.hidden_by is not None
    (problem,) = result.problems
    assert problem.startswith("blog/p.md: ")
    assert f"'{key}'" in problem and repr(meta[key]) in problem
    assert "not published" in problem


@pytest.mark.parametrize(
    ("path", "hidden"),
    [
        ("blog/_drafts/idea.md", True),
        ("blog/2025/_drafts/idea/index.md", True),
        ("blog/_drafts.md", False),
        ("blog/not_drafts/idea.md", False),
    ],
)
def test_jekyll_drafts_folder(path: str, hidden: bool) -> None:
    assert (hidden_by({}, path) is not None) is hidden


def test_a_post_says_why_it_is_a_draft() -> None:
    options = ReadOptions(timezone=UTC, now=NOW)
    parsed = read_post("blog/p.md", post_source({"title": "t", "published": False}), options)
    assert parsed.post.draft and parsed.post.hidden_by == "published: false"
    public = read_post("blog/p.md", post_source({"title": "t", "published": True}), options)
    assert not public.post.draft and public.post.hidden_by is None
    future = ReadOptions(timezone=UTC, now=NOW, future_posts_as_drafts=True)
    later = read_post("blog/p.md", post_source({"title": "t", "pubDate": "2030-01-01"}), future)
    assert later.post.hidden_by == "dated in the future (future_posts_as_drafts)"
    kept = {"title": "t", "pubDate": "2030-01-01", "Draft": False}
    assert not read_post("blog/p.md", post_source(kept), future).post.draft


values = st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates()


@given(key=st.sampled_from(["draft", "Draft", "published", "headless"]), value=values)
def test_only_a_clear_yes_publishes(key: str, value: object) -> None:
    """Whatever the value, a page is public only when the key clearly says so."""
    result = not_public("blog/p.md", {key: value}, now=NOW, timezone=UTC)
    public = {
        "draft": [False],
        "published": [True, None],
        "headless": [False, None],
    }[key.casefold()]
    is_date = key == "published" and (
        isinstance(value, dt.date) or (isinstance(value, str) and _is_iso(value))
    )
    if any(value is v for v in public) or is_date:
        assert result.hidden_by is None
    else:
        assert result.hidden_by is not None


def _is_iso(text: str) -> bool:
    from mkdocs_blog_plugin.core.dates import DateError, to_datetime

    try:
        to_datetime(text, UTC)
    except DateError:
        return False
    return True
