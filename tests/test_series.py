"""Series: names, reading order, and the problems of their front matter."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.series import Series, build_series
from mkdocs_blog_plugin.core.slugs import name_key

UTC = dt.timezone.utc


def make(path: str, meta: Mapping[str, Any], day: int | None = 1) -> Post:
    return Post(
        path=path,
        title=path,
        description=None,
        published=dt.datetime(2025, 1, 1, tzinfo=UTC) + dt.timedelta(days=day)
        if day is not None
        else None,
        updated=None,
        categories=(),
        tags=(),
        authors=(),
        image=None,
        hidden_by=None,
        ads=None,
        meta=meta,
    )


def order_of(series: Series) -> list[str]:
    return [post.path for post in series.parts]


@pytest.mark.parametrize(
    ("posts", "expected"),
    [
        pytest.param(
            [
                make("c", {"series": "S", "series_order": 3}),
                make("a", {"series": "S", "series_order": 1}),
                make("b", {"series": "S", "series_order": 2}),
            ],
            ["a", "b", "c"],
            id="by-series-order",
        ),
        pytest.param(
            [
                make("new", {"series": "S"}, day=9),
                make("old", {"series": "S"}, day=2),
                make("first", {"series": "S", "series_order": 5}, day=10),
                make("undated", {"series": "S"}, day=None),
            ],
            ["first", "old", "new", "undated"],
            id="unordered-after-ordered-oldest-first-undated-last",
        ),
        pytest.param(
            [make("b", {"series": "S"}), make("a", {"series": "S"})],
            ["a", "b"],
            id="same-date-by-path",
        ),
        pytest.param(
            [
                make("b", {"series": "S", "series_order": "2"}),
                make("a", {"series": "S", "series_order": " 1 "}),
                make("z", {"series": "S", "series_order": -1}),
            ],
            ["z", "a", "b"],
            id="digit-strings-and-negative-orders",
        ),
        pytest.param(
            [make("a", {"series": ["S"]}), make("b", {"Series": "s", "Series_Order": 1})],
            ["b", "a"],
            id="hugo-list-and-any-case",
        ),
    ],
)
def test_reading_order(posts: list[Post], expected: list[str]) -> None:
    series, problems = build_series(posts)
    assert problems == []
    assert list(series) == ["s"]
    assert order_of(series["s"]) == expected


@pytest.mark.parametrize(
    "meta",
    [{}, {"series": None}, {"series": ""}, {"series": "   "}, {"series": []}, {"series_order": 1}],
)
def test_not_in_a_series(meta: dict[str, Any]) -> None:
    assert build_series([make("a", meta)]) == ({}, [])


@pytest.mark.parametrize(
    ("meta", "problem"),
    [
        (
            {"series": "S", "series_order": "x"},
            "blog/a.md: front matter key 'series_order' has value 'x': expected a whole number; "
            "ordered by date",
        ),
        (
            {"series": "S", "series_order": 1.5},
            "blog/a.md: front matter key 'series_order' has value 1.5: expected a whole number; "
            "ordered by date",
        ),
        (
            {"series": "S", "series_order": True},
            "blog/a.md: front matter key 'series_order' has value True: expected a whole number; "
            "ordered by date",
        ),
        (
            {"series": ["S", "T"]},
            "blog/a.md: front matter key 'series' has value ['S', 'T']: a post is in one series; "
            "only in 'S'",
        ),
    ],
)
def test_problems_keep_the_post_in_its_series(meta: dict[str, Any], problem: str) -> None:
    series, problems = build_series([make("blog/a.md", meta)])
    assert problems == [problem]
    assert order_of(series["s"]) == ["blog/a.md"]


@pytest.mark.parametrize(
    ("meta", "problem"),
    [
        (
            {"series": 3},
            "blog/a.md: front matter key 'series' has value 3: expected a series name; ignored",
        ),
        (
            {"series": [3, "S"]},
            "blog/a.md: front matter key 'series' has value [3, 'S']: expected a series name; "
            "ignored",
        ),
        (
            {"series": {"name": "S"}},
            "blog/a.md: front matter key 'series' has value {'name': 'S'}: expected a series "
            "name; ignored",
        ),
    ],
)
def test_problems_that_leave_the_post_out(meta: dict[str, Any], problem: str) -> None:
    assert build_series([make("blog/a.md", meta)]) == ({}, [problem])


def test_shared_series_order_names_both_posts_and_orders_by_date() -> None:
    series, problems = build_series(
        [
            make("blog/later.md", {"series": "Deep Dive", "series_order": 1}, day=5),
            make("blog/earlier.md", {"series": "Deep Dive", "series_order": 1}, day=3),
            make("blog/zero.md", {"series": "Deep Dive", "series_order": 0}, day=9),
        ]
    )
    assert problems == [
        "blog/earlier.md and blog/later.md: both have series_order 1 in series 'Deep Dive'; "
        "ordered by date"
    ]
    assert order_of(series["deep dive"]) == ["blog/zero.md", "blog/earlier.md", "blog/later.md"]


def test_three_sharing_an_order_are_named_in_one_problem() -> None:
    _, problems = build_series(
        [make(path, {"series": "S", "series_order": 2}) for path in ("c", "a", "b")]
    )
    assert problems == ["a, b and c: all have series_order 2 in series 'S'; ordered by date"]


def test_name_is_the_most_common_spelling_ties_by_code_point() -> None:
    series, _ = build_series(
        [
            make("a", {"series": "deep dive"}),
            make("b", {"series": "Deep  Dive"}),
            make("c", {"series": "Deep Dive"}),
            make("d", {"series": "Deep Dive"}),
        ]
    )
    assert series["deep dive"].name == "Deep Dive"
    tie, _ = build_series([make("a", {"series": "b"}), make("b", {"series": "B"})])
    assert tie["b"].name == "B"


def test_several_series_in_key_order() -> None:
    series, _ = build_series(
        [make("a", {"series": "Zebra"}), make("b", {"series": "apple"}), make("c", {})]
    )
    assert list(series) == ["apple", "zebra"]
    assert [s.name for s in series.values()] == ["apple", "Zebra"]


part = st.tuples(
    st.sampled_from(["S", "s", "T", " t ", None]),
    st.one_of(st.none(), st.integers(-2, 3), st.sampled_from(["1", "x", 2.5])),
    st.one_of(st.none(), st.integers(0, 3)),
)


@given(st.lists(part, max_size=20), st.randoms())
def test_properties(items: list[tuple[str | None, Any, int | None]], rnd: random.Random) -> None:
    posts = [
        make(
            f"p{i:02}",
            {
                key: value
                for key, value in (("series", name), ("series_order", order))
                if value is not None
            },
            day,
        )
        for i, (name, order, day) in enumerate(items)
    ]
    series, problems = build_series(posts)
    # Every post with a name is in exactly one series, its own.
    in_series = [post for post in posts if post.meta.get("series")]
    assert sorted(p.path for s in series.values() for p in s.parts) == sorted(
        p.path for p in in_series
    )
    for key, one in series.items():
        assert key == one.key == name_key(one.name)
        assert all(name_key(p.meta["series"]) == key for p in one.parts)
    # The order, and the problems as a set, do not depend on the order of the posts.
    shuffled = list(posts)
    rnd.shuffle(shuffled)
    again, again_problems = build_series(shuffled)
    assert again == series
    assert sorted(again_problems) == sorted(problems)
    # Ordered parts come first, in non-decreasing order.
    for one in series.values():
        orders = [_order(p.meta.get("series_order")) for p in one.parts]
        numbered = [order for order in orders if order is not None]
        assert orders[: len(numbered)] == numbered == sorted(numbered)


def _order(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value)
    return None
