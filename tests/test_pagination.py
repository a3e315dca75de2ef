"""The pagination window: a few page numbers, whatever the number of pages."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.pagination import page_window


@pytest.mark.parametrize(
    ("current", "count", "window"),
    [
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (1, 7, [1, 2, 3, None, 7]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
        (10, 40, [1, None, 8, 9, 10, 11, 12, None, 40]),
        (40, 40, [1, None, 38, 39, 40]),
        (5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),  # a gap of one page shows the page
    ],
)
def test_page_window(current: int, count: int, window: list[int | None]) -> None:
    assert page_window(current, count) == window


@given(st.integers(1, 10_000).flatmap(lambda n: st.tuples(st.integers(1, n), st.just(n))))
def test_window_is_short_ordered_and_contains_the_ends(case: tuple[int, int]) -> None:
    current, count = case
    window = page_window(current, count)
    numbers = [n for n in window if n is not None]
    assert numbers == sorted(set(numbers))
    assert {1, current, count} <= set(numbers)
    assert len(window) <= 9
    assert all(a is not None or b is not None for a, b in itertools.pairwise(window))


@pytest.mark.parametrize(("current", "count"), [(0, 3), (4, 3), (1, 0)])
def test_out_of_range(current: int, count: int) -> None:
    with pytest.raises(ValueError):
        page_window(current, count)
