"""Tags and categories: merging spellings, display names, slug collisions, pinned slugs."""

from __future__ import annotations

import datetime as dt

from mkdocs_blog_plugin.core.post import ReadOptions, read_post
from mkdocs_blog_plugin.core.taxonomy import build_taxonomy, paginate
from tests.sitebuild import post as post_source

OPTIONS = ReadOptions(timezone=dt.timezone.utc, now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))


def posts(*tag_lists: list[str]):  # type: ignore[no-untyped-def]
    return [
        read_post(f"blog/p{i}.md", post_source({"title": f"P{i}", "tags": tags}), OPTIONS).post
        for i, tags in enumerate(tag_lists)
    ]


def tags_of(items, slug_map=None):  # type: ignore[no-untyped-def]
    return build_taxonomy(items, lambda p: p.tags, kind="tag", slug_map=slug_map or {})


def test_case_and_spacing_variants_are_one_term_shown_in_the_most_common_spelling() -> None:
    taxonomy, warnings = tags_of(
        posts(["work"], ["Work"], ["work"], ["Machine  learning"], ["machine learning"])
    )
    assert warnings == []
    names = {term.name: len(term.posts) for term in taxonomy.terms}
    assert names == {"work": 3, "Machine learning": 2}
    assert taxonomy.term_of("WORK").slug == "work"


def test_display_name_tie_is_deterministic() -> None:
    first, _ = tags_of(posts(["Work"], ["work"]))
    second, _ = tags_of(posts(["work"], ["Work"]))
    assert first.terms[0].name == second.terms[0].name == "Work"


def test_colliding_names_get_distinct_slugs_and_a_warning() -> None:
    taxonomy, warnings = tags_of(
        posts(["knowledge worker"], ["knowledge-worker"], ["knowledge-worker"])
    )
    slugs = sorted(term.slug for term in taxonomy.terms)
    assert slugs == ["knowledge-worker", "knowledge-worker-2"]
    # The name with more posts keeps the plain slug.
    assert taxonomy.term_of("knowledge-worker").slug == "knowledge-worker"
    assert len(warnings) == 1 and "knowledge worker" in warnings[0] and "slug_map" in warnings[0]


def test_slug_map_pins_a_slug_and_resolves_the_collision() -> None:
    items = posts(["knowledge worker"], ["knowledge-worker"])
    taxonomy, warnings = tags_of(items, {"Knowledge Worker": "kw"})
    assert warnings == []
    assert taxonomy.term_of("knowledge worker").slug == "kw"
    assert taxonomy.term_of("knowledge-worker").slug == "knowledge-worker"


def test_cpp_csharp_and_c_are_three_terms() -> None:
    taxonomy, warnings = tags_of(posts(["C++", "C#", "C"]))
    assert sorted(term.slug for term in taxonomy.terms) == ["c", "c-plus-plus", "c-sharp"]
    assert warnings == []


def test_terms_keep_post_order() -> None:
    items = posts(["x"], ["x"], ["x"])
    taxonomy, _ = tags_of(items)
    assert taxonomy.terms[0].posts == items


def test_paginate() -> None:
    items = posts(*[["t"]] * 23)
    pages = paginate(items, 10)
    assert [len(page) for page in pages] == [10, 10, 3]
    assert paginate([], 10) == [[]]
