"""Related posts: weights, tie-breaks, opting out, and the fast path against every pair."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.related import (
    CATEGORY_FACTOR,
    MAX_COMMON_TERMS,
    _related,
    related_posts,
    term_weight,
)
from mkdocs_blog_plugin.core.slugs import name_key

UTC = dt.timezone.utc


def make(
    path: str,
    tags: Sequence[str] = (),
    categories: Sequence[str] = (),
    day: int | None = 1,
    meta: dict[str, Any] | None = None,
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
        tags=tuple(tags),
        authors=(),
        image=None,
        hidden_by=None,
        ads=None,
        meta=meta or {},
        # As read_post reads it: only `related: false` turns the list off.
        related=(meta or {}).get("related") is not False,
    )


def paths(result: dict[str, tuple[Post, ...]], path: str) -> list[str]:
    return [post.path for post in result[path]]


def brute_force(posts: Sequence[Post], limit: int) -> dict[str, list[str]]:
    """Every pair compared: the reference the index must agree with."""
    n = len(posts)

    def terms(post: Post) -> set[tuple[str, str]]:
        return {("tag", name_key(t)) for t in post.tags if name_key(t)} | {
            ("category", name_key(c)) for c in post.categories if name_key(c)
        }

    terms_of = {id(post): terms(post) for post in posts}
    df: dict[tuple[str, str], int] = {}
    for post in posts:
        for term in terms_of[id(post)]:
            df[term] = df.get(term, 0) + 1
    weight = {
        term: round(math.log1p(n / count) * (0.5 if term[0] == "category" else 1.0) * 2**20)
        for term, count in df.items()
    }
    result: dict[str, list[str]] = {}
    for post in posts:
        if post.meta.get("related") is False or limit <= 0:
            result[post.path] = []
            continue
        scored = []
        for other in posts:
            if other is post:
                continue
            score = sum(weight[term] for term in terms_of[id(post)] & terms_of[id(other)])
            if score > 0:
                scored.append((-score, other.sort_key, other.path))
        result[post.path] = [item[2] for item in sorted(scored)[:limit]]
    return result


def as_paths(result: dict[str, tuple[Post, ...]]) -> dict[str, list[str]]:
    return {path: [post.path for post in related] for path, related in result.items()}


@pytest.mark.parametrize(
    ("posts", "path", "expected"),
    [
        pytest.param(
            [make("a", ["x", "rare"]), make("b", ["x"]), make("c", ["rare"]), make("d", ["x"])],
            "a",
            ["c", "b", "d"],  # "rare" on 2 posts outweighs "x" on 3; b and d tie: by path
            id="rarer-tag-first",
        ),
        pytest.param(
            [make("a", ["x"]), make("b", ["x"], day=3), make("c", ["x"], day=2)],
            "a",
            ["b", "c"],
            id="ties-newer-first",
        ),
        pytest.param(
            [make("a", ["x"]), make("c", ["x"]), make("b", ["x"])],
            "a",
            ["b", "c"],
            id="ties-same-date-by-path",
        ),
        pytest.param(
            [make("a", ["x"]), make("b", ["x"], day=None), make("c", ["x"], day=1)],
            "a",
            ["c", "b"],
            id="undated-last",
        ),
        pytest.param(
            [make("a", ["x"], ["C"]), make("b", ["x"]), make("c", [], ["C"])],
            "a",
            ["b", "c"],
            id="category-weighs-half-a-tag",
        ),
        pytest.param(
            [make("a", ["x", "y"], ["C"]), make("b", [], ["C"]), make("c", ["y", "x"])],
            "a",
            ["c", "b"],
            id="more-shared-terms-first",
        ),
        pytest.param(
            [make("a", ["Machine  Learning"]), make("b", ["machine learning"])],
            "a",
            ["b"],
            id="names-by-key",
        ),
        pytest.param(
            [make("a", ["python"]), make("b", [], ["Python"])],
            "a",
            [],
            id="tag-and-category-are-separate",
        ),
        pytest.param(
            [make("a", ["x"]), make("b", ["y"]), make("c", [])],
            "a",
            [],
            id="nothing-shared",
        ),
        pytest.param(
            [make("a", ["x"]), make("b", ["x"], meta={"related": False})],
            "a",
            ["b"],
            id="opted-out-post-is-still-listed",
        ),
        pytest.param(
            [make("a", ["x"], meta={"related": False}), make("b", ["x"])],
            "a",
            [],
            id="opted-out-post-gets-none",
        ),
        pytest.param(
            [make("a", ["x"], meta={"related": "no"}), make("b", ["x"])],
            "a",
            ["b"],
            id="only-false-opts-out",
        ),
        pytest.param(
            [make("a", ["x", "X", "x"]), make("b", ["x"]), make("c", ["x", "y"])],
            "a",
            ["b", "c"],
            id="a-term-counts-once-per-post",
        ),
    ],
)
def test_related_table(posts: list[Post], path: str, expected: list[str]) -> None:
    result = related_posts(posts)
    assert paths(result, path) == expected
    assert set(result) == {post.path for post in posts}
    assert as_paths(result) == brute_force(posts, 3)


def test_limit() -> None:
    posts = [make(f"p{i}", ["x"], day=i) for i in range(10)]
    assert paths(related_posts(posts, limit=5), "p0") == ["p9", "p8", "p7", "p6", "p5"]
    assert paths(related_posts(posts), "p9") == ["p8", "p7", "p6"]
    assert related_posts(posts, limit=0) == {post.path: () for post in posts}
    assert related_posts([]) == {}


def test_weights() -> None:
    assert term_weight(1, 10) == round(math.log(11) * 2**20)
    assert term_weight(5, 10, category=True) == round(CATEGORY_FACTOR * math.log(3) * 2**20)
    assert term_weight(2, 100) > term_weight(50, 100) > 0


# Small vocabularies, so that posts share terms; few dates, so that ties happen.
names = st.sampled_from(["a", "A", "b", "c ", "d", "e", "f", "g"])
post_terms = st.tuples(
    st.lists(names, max_size=4),
    st.lists(st.sampled_from(["X", "x", "Y", "Z"]), max_size=2),
    st.one_of(st.none(), st.integers(0, 4)),
    st.booleans(),
)


def build(items: list[tuple[list[str], list[str], int | None, bool]]) -> list[Post]:
    return [
        make(f"p{i:02}", tags, cats, day, {"related": False} if opt_out else {})
        for i, (tags, cats, day, opt_out) in enumerate(items)
    ]


@given(st.lists(post_terms, max_size=40), st.integers(0, 5))
def test_equals_every_pair_compared(
    items: list[tuple[list[str], list[str], int | None, bool]], limit: int
) -> None:
    posts = build(items)
    assert as_paths(related_posts(posts, limit=limit)) == brute_force(posts, limit)


@given(st.lists(post_terms, max_size=40), st.integers(0, 4), st.integers(0, 6), st.randoms())
def test_common_terms_path_equals_every_pair_compared(
    items: list[tuple[list[str], list[str], int | None, bool]],
    limit: int,
    common_above: int,
    rnd: random.Random,
) -> None:
    # At most 7 tag keys and 3 category keys: a post has at most 4 + 2 <= MAX_COMMON_TERMS
    # common terms, so the regions are searched in full and the result is exact.
    assert MAX_COMMON_TERMS >= 6
    posts = build(items)
    rnd.shuffle(posts)
    result = _related(posts, limit=limit, common_above=common_above)
    assert as_paths(result) == brute_force(posts, limit)


@given(st.lists(post_terms, max_size=30), st.randoms())
def test_order_of_posts_does_not_matter(
    items: list[tuple[list[str], list[str], int | None, bool]], rnd: random.Random
) -> None:
    posts = build(items)
    shuffled = list(posts)
    rnd.shuffle(shuffled)
    assert related_posts(shuffled) == related_posts(posts)


@given(st.lists(post_terms, max_size=30))
def test_never_itself_and_only_sharing_posts(
    items: list[tuple[list[str], list[str], int | None, bool]],
) -> None:
    posts = build(items)
    by_path = {post.path: post for post in posts}
    for path, related in related_posts(posts).items():
        assert path not in [post.path for post in related]
        assert len(related) <= 3
        mine = {name_key(t) for t in by_path[path].tags}
        my_categories = {name_key(c) for c in by_path[path].categories}
        for other in related:
            assert mine & {name_key(t) for t in other.tags} or my_categories & {
                name_key(c) for c in other.categories
            }


def zipf_posts(count: int, seed: int) -> list[Post]:
    """Posts with Zipf-distributed tags: a few tags on a large share of all posts."""
    rnd = random.Random(seed)
    vocabulary = [f"tag{k}" for k in range(1, 801)]
    zipf = [1 / k for k in range(1, 801)]
    categories = ["News", "Python", "Life", "Work"]
    return [
        make(
            f"blog/p{i:05}.md",
            rnd.choices(vocabulary, zipf, k=rnd.randint(0, 5)),
            [rnd.choice(categories)] if rnd.random() < 0.8 else [],
            day=rnd.randint(0, 2000) if rnd.random() < 0.98 else None,
        )
        for i in range(count)
    ]


def test_zipf_tags_on_thousands_of_posts_complete() -> None:
    posts = zipf_posts(3000, seed=1)
    result = related_posts(posts)
    assert len(result) == 3000
    assert sum(1 for related in result.values() if len(related) == 3) > 2500


def test_zipf_tags_common_terms_path_equals_every_pair_compared() -> None:
    posts = zipf_posts(300, seed=2)
    # Terms on more than 10 of 300 posts are searched through bitmasks.
    assert as_paths(_related(posts, limit=3, common_above=10)) == brute_force(posts, 3)
