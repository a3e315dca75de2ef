"""Related posts: the posts that share the rarest tags and categories with each post.

Scoring. Two posts are related when they share at least one tag or category; their score is
the sum of the weights of the terms they share. A tag weighs its inverse document frequency,
``log(1 + N / df)`` (``N`` posts, ``df`` of them with the tag), so that sharing a rare tag says
more than sharing one that half the blog has. A category weighs half what a tag on as many posts
would: categories are broad sections (``Python``, ``Life``) chosen from a short list, where tags
name the subject itself. Tags and categories are separate vocabularies: a tag ``Python`` and a
category ``Python`` are two terms. Names are one term when :func:`name_key` says so (``Work``
and ``work``), and a term counts once per post however often it is written.

Weights are kept as whole numbers of 2⁻²⁰, so a score is the same whatever order its terms
are added in: equal scores are really equal, and their order is decided by the tie-breaks,
newer post first, then title, then path (:attr:`Post.sort_key`; undated posts last). The result
does not depend on the order ``posts`` are given in.

``related: false`` in a post's front matter gives that post no related posts (its page shows
none); it may still be listed as related to other posts, since what is shown on *their* pages is
theirs to decide.

Cost. An inverted index (term -> posts, newest first) gives each post only the posts it shares
a term with, never every pair. A term on more than ``max(50, N // 10)`` posts (a "common" term,
``Python`` on 3,000 of 10,000 posts) is not walked post by post: each of its posts would touch
thousands of others. Its posts are a bitmask instead, and the posts that share *only* common
terms with a post are taken from the masks' intersections (the Venn regions of the post's common
terms), best-scoring region first, newest first within one, stopping as soon as ``limit`` of them
are found, and not at all when the posts found through rare terms already score more than the
common terms could give. Rare terms are walked in full. So the result is exactly what comparing
every pair would give, while a 10,000-post blog with a tag on thousands of posts stays fast (about
a second). One bound remains: a post with more than :data:`MAX_COMMON_TERMS` common terms looks
for posts through its rarest ones only (fewest posts first, then by key), so that the regions
stay few; every post found is still scored on all the terms it shares.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence

from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.slugs import name_key

__all__ = ["CATEGORY_FACTOR", "MAX_COMMON_TERMS", "related_posts", "term_weight"]

CATEGORY_FACTOR = 0.5
"""What a shared category weighs, against a shared tag on as many posts."""
MAX_COMMON_TERMS = 6
"""Common terms of one post that are searched through (their regions number 2**this)."""
_UNIT = 1 << 20
"""Weights are whole numbers of 1/_UNIT, so that sums are exact."""

_Term = tuple[str, str]
"""``("tag" | "category", name_key)``."""


def related_posts(posts: Sequence[Post], *, limit: int = 3) -> dict[str, tuple[Post, ...]]:
    """Up to ``limit`` other posts most related to each post, best first, by the post's path.

    ``posts`` are the posts that may be shown (without drafts, unless drafts are shown). Every
    post has an entry; it is empty when no post shares a term with it, or when its front matter
    says ``related: false``.
    """
    return _related(posts, limit=limit, common_above=max(50, len(posts) // 10))


def term_weight(df: int, n: int, *, category: bool = False) -> int:
    """The weight, in 1/2**20, of a term on ``df`` of ``n`` posts."""
    factor = CATEGORY_FACTOR if category else 1.0
    return round(math.log1p(n / df) * factor * _UNIT)


def _terms(post: Post) -> list[_Term]:
    tags = dict.fromkeys(("tag", name_key(name)) for name in post.tags)
    categories = dict.fromkeys(("category", name_key(name)) for name in post.categories)
    return [term for term in (*tags, *categories) if term[1]]


def _related(
    posts: Sequence[Post], *, limit: int, common_above: int
) -> dict[str, tuple[Post, ...]]:
    """:func:`related_posts`, with the df above which a term is common given (for tests)."""
    # Ranks: 0 is the newest post. Ties and bitmasks go by rank.
    ordered = sorted(posts, key=lambda post: (post.sort_key, post.path))
    n = len(ordered)
    terms_of = [_terms(post) for post in ordered]
    term_sets = [frozenset(terms) for terms in terms_of]
    members: dict[_Term, list[int]] = {}
    for rank, terms in enumerate(terms_of):
        for term in terms:
            members.setdefault(term, []).append(rank)
    weight = {
        term: term_weight(len(ranks), n, category=term[0] == "category")
        for term, ranks in members.items()
    }
    masks = {term: _mask(ranks, n) for term, ranks in members.items() if len(ranks) > common_above}

    result: dict[str, tuple[Post, ...]] = {}
    for rank, post in enumerate(ordered):
        if limit <= 0 or not post.related:
            result[post.path] = ()
            continue
        rare = [term for term in terms_of[rank] if term not in masks]
        common = [term for term in terms_of[rank] if term in masks]
        scores: dict[int, int] = {}
        for term in rare:
            w = weight[term]
            for other in members[term]:
                scores[other] = scores.get(other, 0) + w
        scores.pop(rank, None)
        candidates: Iterable[int] = scores
        if common:
            common.sort(key=lambda term: (len(members[term]), term))
            reach = sum(weight[term] for term in common)  # the most common terms can add
            # The best `limit` final scores are at least `floor`: posts below it, even with
            # every common term, cannot rank, and posts sharing only common terms neither.
            floor = heapq.nlargest(limit, scores.values())[-1] if len(scores) >= limit else 0
            if floor <= reach:
                exclude = _mask(scores, n) | (1 << rank)
                for other in _through_common(
                    common[:MAX_COMMON_TERMS], masks, weight, exclude, limit
                ):
                    scores[other] = 0
            candidates = [other for other, score in scores.items() if score + reach >= floor]
            for term in common:
                w = weight[term]
                for other in candidates:
                    if term in term_sets[other]:
                        scores[other] += w
        # Best score first, then lowest rank (newest), as one number: score * n + (n - 1 - rank).
        best = heapq.nlargest(limit, [scores[other] * n + (n - 1 - other) for other in candidates])
        result[post.path] = tuple(ordered[n - 1 - number % n] for number in best)
    return result


def _mask(ranks: Iterable[int], n: int) -> int:
    """The bitmask of ``ranks`` (all below ``n``): bit ``r`` for rank ``r``."""
    buffer = bytearray((n + 7) // 8)
    for rank in ranks:
        buffer[rank >> 3] |= 1 << (rank & 7)
    return int.from_bytes(buffer, "little")


def _through_common(
    common: list[_Term],
    masks: dict[_Term, int],
    weight: dict[_Term, int],
    exclude: int,
    limit: int,
) -> list[int]:
    """Posts, outside ``exclude``, that may rank among the best through ``common`` terms only.

    The posts sharing exactly a set ``S`` of the terms form one region, all scoring the sum of
    ``S``'s weights; in a region the newest posts (lowest bits) come first. Regions are taken
    best score first, and once ``limit`` posts are found, regions that score less cannot matter.
    """
    regions: list[tuple[int, int]] = [(0, ~exclude)]  # (score, mask): posts sharing S so far
    for term in common:
        split: list[tuple[int, int]] = []
        for score, region in regions:
            inside, outside = region & masks[term], region & ~masks[term]
            if inside:
                split.append((score + weight[term], inside))
            if outside:
                split.append((score, outside))
        regions = split
    regions.sort(key=lambda item: -item[0])
    found: list[int] = []
    index = 0
    while index < len(regions) and len(found) < limit:
        score = regions[index][0]
        if score <= 0:
            break
        # Regions of one score compete on date alone: take up to `limit` of each.
        while index < len(regions) and regions[index][0] == score:
            found.extend(_lowest_bits(regions[index][1], limit))
            index += 1
    return found


def _lowest_bits(mask: int, count: int) -> list[int]:
    bits: list[int] = []
    while mask and len(bits) < count:
        low = mask & -mask
        bits.append(low.bit_length() - 1)
        mask ^= low
    return bits
