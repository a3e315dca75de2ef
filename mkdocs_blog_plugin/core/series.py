"""Series: posts meant to be read in order, named by their ``series`` front matter.

A post is a part of a series when its front matter says ``series: Name`` (Hugo's taxonomy form,
``series: [Name]``, is read too: its first name counts, and more names are a problem, since a
post has one place in one reading order). Spellings of one name that differ only by case or
spacing are one series (:func:`name_key`), shown in the spelling most parts use.

Reading order: parts with ``series_order`` (a whole number, or digits as text) first, by that
number, then parts without it, oldest first. Parts sharing one ``series_order``, and parts of
the same date, are ordered by date (oldest first), then path; undated parts come after dated
ones. Keys are found as written, else in any case (``Series``), as Hugo reads them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.slugs import name_key

__all__ = ["Series", "build_series"]


@dataclass(frozen=True)
class Series:
    """One series and its parts."""

    key: str
    """Identity: :func:`name_key` of the name."""
    name: str
    """Display name: the spelling most parts use; ties go to the first in code-point order."""
    parts: tuple[Post, ...]
    """In reading order."""


_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


def build_series(posts: Sequence[Post]) -> tuple[dict[str, Series], list[str]]:
    """The series of ``posts``, by key (in key order), and the problems met reading them.

    ``posts`` are the posts that may be shown; the problems come in their order, then those of
    parts sharing a ``series_order``, by series key.
    """
    problems: list[str] = []
    spellings: dict[str, Counter[str]] = {}
    members: dict[str, list[tuple[Post, int | None]]] = {}
    for post in posts:
        name = _series_name(post, problems)
        if name is None:
            continue
        key = name_key(name)
        spellings.setdefault(key, Counter())[name] += 1
        members.setdefault(key, []).append((post, _series_order(post, problems)))

    series: dict[str, Series] = {}
    for key in sorted(members):
        name = min(spellings[key].items(), key=lambda item: (-item[1], item[0]))[0]
        parts = members[key]
        problems.extend(_shared_orders(name, parts))
        parts.sort(key=_reading_order)
        series[key] = Series(key=key, name=name, parts=tuple(post for post, _ in parts))
    return series, problems


def _reading_order(part: tuple[Post, int | None]) -> tuple[bool, int, bool, float, str]:
    """Parts with ``series_order`` first, by it; then by date."""
    post, order = part
    return (order is None, order if order is not None else 0, *_date_order(post))


def _date_order(post: Post) -> tuple[bool, float, str]:
    """Oldest first, undated last, then by path."""
    stamp = post.published.timestamp() if post.published is not None else 0.0
    return (post.published is None, stamp, post.path)


def _lookup(meta: Mapping[str, Any], key: str) -> tuple[str, Any] | None:
    """``(key as written, value)``: the key as given, else written in another case."""
    if key in meta:
        return key, meta[key]
    for written, value in meta.items():
        if str(written).casefold() == key:
            return str(written), value
    return None


def _problem(post: Post, key: str, value: object, what: str) -> str:
    return f"{post.path}: front matter key '{key}' has value {value!r}: {what}"


def _series_name(post: Post, problems: list[str]) -> str | None:
    found = _lookup(post.meta, "series")
    if found is None:
        return None
    key, value = found
    if value is None or value == "" or value == []:
        return None  # said, but empty: no series
    if isinstance(value, list):
        first = value[0]
        if not (isinstance(first, str) and name_key(first)):
            problems.append(_problem(post, key, value, "expected a series name; ignored"))
            return None
        if len(value) > 1:
            problems.append(
                _problem(post, key, value, f"a post is in one series; only in {first.strip()!r}")
            )
        return first.strip()
    if isinstance(value, str) and name_key(value):
        return value.strip()
    if isinstance(value, str):
        return None  # only spaces
    problems.append(_problem(post, key, value, "expected a series name; ignored"))
    return None


def _series_order(post: Post, problems: list[str]) -> int | None:
    found = _lookup(post.meta, "series_order")
    if found is None or found[1] is None:
        return None
    key, value = found
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value.strip()):
        return int(value.strip())
    problems.append(_problem(post, key, value, "expected a whole number; ordered by date"))
    return None


def _shared_orders(name: str, parts: list[tuple[Post, int | None]]) -> list[str]:
    """A problem for each ``series_order`` that more than one part of the series has."""
    by_order: dict[int, list[Post]] = {}
    for post, order in parts:
        if order is not None:
            by_order.setdefault(order, []).append(post)
    problems = []
    for order in sorted(by_order):
        sharing = sorted(by_order[order], key=_date_order)
        if len(sharing) > 1:
            paths = ", ".join(post.path for post in sharing[:-1]) + " and " + sharing[-1].path
            problems.append(
                f"{paths}: all have series_order {order} in series {name!r}; ordered by date"
                if len(sharing) > 2
                else f"{paths}: both have series_order {order} in series {name!r}; ordered by date"
            )
    return problems
