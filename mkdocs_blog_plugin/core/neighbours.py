"""Older and newer posts: the links at the foot of a post, by date or through a series.

Date order is publication order, newest first (:attr:`Post.sort_key`); pinned posts are not
moved, since pinning is about the blog's index, not about what came before a post. Posts without
a date get no neighbours and are nobody's neighbour: they have no place in date order, and
"older" or "newer" would be untrue of them (a series, which has a reading order of its own, can
still link them: :func:`series_neighbours`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.series import Series

__all__ = ["Neighbours", "neighbours", "series_neighbours"]


@dataclass(frozen=True)
class Neighbours:
    """The posts just before and just after one post."""

    older: Post | None
    """Published just before; in a series, the previous part."""
    newer: Post | None
    """Published just after; in a series, the next part."""


NO_NEIGHBOURS = Neighbours(older=None, newer=None)


def neighbours(
    posts: Sequence[Post], *, scope: Callable[[Post], Hashable | None] | None = None
) -> dict[str, Neighbours]:
    """The older and newer post of each post, by path; every post of ``posts`` has an entry.

    ``posts`` are the posts that may be shown, newest first (any order is sorted so). With
    ``scope``, neighbours are taken among the posts of one group, ``scope(post)`` (the first
    category's key, say); a post whose group is ``None`` gets none.
    """
    result = dict.fromkeys((post.path for post in posts), NO_NEIGHBOURS)
    groups: dict[Hashable, list[Post]] = {}
    for post in sorted(posts, key=lambda post: post.sort_key):
        if post.published is None:
            continue
        group = scope(post) if scope is not None else ()
        if group is not None:
            groups.setdefault(group, []).append(post)
    for members in groups.values():
        result.update(_chain(members[::-1]))  # oldest first
    return result


def series_neighbours(series: Series) -> dict[str, Neighbours]:
    """The previous ("older") and next ("newer") part of each part, by path, in reading order."""
    return _chain(series.parts)


def _chain(posts: Sequence[Post]) -> dict[str, Neighbours]:
    """Neighbours along ``posts``, from the first (oldest) to the last (newest)."""
    return {
        post.path: Neighbours(
            older=posts[index - 1] if index > 0 else None,
            newer=posts[index + 1] if index + 1 < len(posts) else None,
        )
        for index, post in enumerate(posts)
    }
