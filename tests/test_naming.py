"""Naming many files in one log line."""

from __future__ import annotations

import pytest

from mkdocs_blog_plugin.core.naming import some_of


@pytest.mark.parametrize(
    ("names", "limit", "expected"),
    [
        ([], 3, ""),
        (["a"], 3, "a"),
        (["a", "b", "c"], 3, "a, b, c"),
        (["a", "b", "c", "d", "e"], 3, "a, b, c and 2 more"),
    ],
)
def test_some_of(names: list[str], limit: int, expected: str) -> None:
    assert some_of(names, limit) == expected
