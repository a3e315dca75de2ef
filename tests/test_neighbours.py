"""Older and newer posts: date order, scopes, undated posts and series."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.neighbours import Neighbours, neighbours, series_neighbours
from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.series import build_series

UTC = dt.timezone.utc


def make(
    path: str,
    day: int | None,
    categories: Sequence[str] = (),
    meta: dict[str, Any] | None = None,
    pinned: bool = False,
) -> Post:
    return Post(
        path=path,
        title=path,
        description=None,
        published=dt.datetime(2025, 1, 1, tzinfo=UTC) + dt.timedelta(days=day)
        if day is not None
        else None,
        updated=None,
        categories=tuple(categories),
        tags=(),
        authors=(),
        image=None,
        hidden_by=None,
        ads=None,
        meta=meta or {},
        pinned=pinned,
    )


def links(result: dict[str, Neighbours]) -> dict[str, tuple[str | None, str | None]]:
    return {
        path: (
            pair.older.path if pair.older else None,
            pair.newer.path if pair.newer else None,
        )
        for path, pair in result.items()
    }


def newest_first(*posts: Post) -> list[Post]:
    return sorted(posts, key=lambda post: post.sort_key)


@pytest.mark.parametrize(
    ("posts", "expected"),
    [
        pytest.param([], {}, id="none"),
        pytest.param([make("a", 1)], {"a": (None, None)}, id="alone"),
        pytest.param(
            newest_first(make("a", 1), make("b", 2), make("c", 3)),
            {"a": (None, "b"), "b": ("a", "c"), "c": ("b", None)},
            id="date-order",
        ),
        pytest.param(
            newest_first(make("a", 1), make("b", 2), make("pin", 0, pinned=True)),
            {"pin": (None, "a"), "a": ("pin", "b"), "b": ("a", None)},
            id="pinned-not-moved",
        ),
        pytest.param(
            newest_first(make("a", 1), make("b", 2), make("u", None), make("v", None)),
            {"a": (None, "b"), "b": ("a", None), "u": (None, None), "v": (None, None)},
            id="undated-get-none-and-are-none",
        ),
        pytest.param(
            newest_first(make("b", 1), make("a", 1), make("c", 1)),
            # One date: sort_key lists "a" first, as if newest.
            {"a": ("b", None), "b": ("c", "a"), "c": (None, "b")},
            id="same-date-by-title-then-path",
        ),
    ],
)
def test_date_order(posts: list[Post], expected: dict[str, tuple[str | None, str | None]]) -> None:
    assert links(neighbours(posts)) == expected


def test_scope_groups_and_none_scope() -> None:
    posts = newest_first(
        make("p1", 1, ["Python"]),
        make("l1", 2, ["Life"]),
        make("p2", 3, ["python"]),
        make("x", 4, []),
        make("p3", 5, ["Python", "Life"]),
    )

    def first_category(post: Post) -> str | None:
        return post.categories[0].casefold() if post.categories else None

    assert links(neighbours(posts, scope=first_category)) == {
        "p1": (None, "p2"),
        "p2": ("p1", "p3"),
        "p3": ("p2", None),
        "l1": (None, None),
        "x": (None, None),
    }


def test_series_neighbours_follow_reading_order() -> None:
    posts = newest_first(
        make("two", 1, meta={"series": "S", "series_order": 2}),
        make("one", 5, meta={"series": "S", "series_order": 1}),
        make("extra", None, meta={"series": "S"}),
    )
    series, _ = build_series(posts)
    assert links(series_neighbours(series["s"])) == {
        "one": (None, "two"),
        "two": ("one", "extra"),
        "extra": ("two", None),
    }


def test_series_as_scope() -> None:
    posts = newest_first(
        make("s1", 1, meta={"series": "S"}),
        make("other", 2),
        make("s2", 3, meta={"series": "s"}),
    )
    result = neighbours(posts, scope=lambda post: str(post.meta.get("series", "")).lower() or None)
    assert links(result) == {"s1": (None, "s2"), "s2": ("s1", None), "other": (None, None)}


@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.integers(0, 5)), st.sampled_from("abc")), max_size=25
    ),
    st.randoms(),
)
def test_properties(items: list[tuple[int | None, str]], rnd: random.Random) -> None:
    posts = newest_first(*(make(f"p{i:02}", day, [group]) for i, (day, group) in enumerate(items)))
    for scope in (None, lambda post: post.categories[0]):
        result = neighbours(posts, scope=scope)
        assert set(result) == {post.path for post in posts}
        for post in posts:
            pair = result[post.path]
            if post.published is None:
                assert pair == Neighbours(None, None)
            # Links go both ways, to dated posts, in date order, within the scope.
            if pair.older is not None:
                assert result[pair.older.path].newer is post
                assert pair.older.published is not None
                assert pair.older.sort_key > post.sort_key
                assert scope is None or scope(pair.older) == scope(post)
            if pair.newer is not None:
                assert result[pair.newer.path].older is post
        # Following "older" from the newest dated post visits every dated post once.
        if scope is None:
            dated = [post for post in posts if post.published is not None]
            walk = []
            current = dated[0] if dated else None
            while current is not None:
                walk.append(current)
                current = result[current.path].older
            assert walk == dated
        shuffled = list(posts)
        rnd.shuffle(shuffled)
        assert neighbours(shuffled, scope=scope) == result
