"""Configuration: defaults, and errors that name the option."""

from __future__ import annotations

from typing import Any

import pytest
from mkdocs.config.base import Config

from mkdocs_blog_plugin.plugin import BlogPlugin


def load(
    options: dict[str, Any],
) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]], Config]:
    plugin = BlogPlugin()
    errors, warnings = plugin.load_config(options)
    return errors, warnings, plugin.config


def test_defaults() -> None:
    errors, warnings, config = load({})
    assert errors == [] and warnings == []
    assert config["blog_dir"] == "blog"
    assert config["timezone"] == "UTC"
    assert config["posts_per_page"] == 10
    assert config["drafts_on_serve"] is True
    assert config["future_posts_as_drafts"] is False
    assert config["slug_map"] == {}
    assert config["ads"]["default"] is False


def test_valid_options() -> None:
    errors, _, config = load(
        {"blog_dir": "/news/posts/", "timezone": "Europe/Paris", "slug_map": {"C++": "cpp"}}
    )
    assert errors == []
    assert config["blog_dir"] == "news/posts"


@pytest.mark.parametrize(
    ("options", "option", "message"),
    [
        ({"posts_per_page": "ten"}, "posts_per_page", "Expected type"),
        ({"posts_per_page": 0}, "posts_per_page", "at least 1"),
        ({"posts_per_page": True}, "posts_per_page", "whole number"),
        ({"pagination_dir": "tags"}, "pagination_dir", "also tags_dir"),
        ({"categories_dir": "tags"}, "categories_dir", "also tags_dir"),
        ({"timezone": "Mars/Olympus"}, "timezone", "unknown time zone"),
        ({"blog_dir": "../outside"}, "blog_dir", "relative folder"),
        ({"tags_dir": ""}, "tags_dir", "relative folder"),
        ({"slug_map": {"C++": "c/pp"}}, "slug_map", "not a valid slug"),
        ({"slug_map": {"C++": ".."}}, "slug_map", "not a valid slug"),
        ({"slug_map": ["cpp"]}, "slug_map", "Expected a dict"),
        ({"drafts_on_serve": "sometimes"}, "drafts_on_serve", "Expected type"),
        ({"no_such_option": 1}, "no_such_option", ""),
    ],
)
def test_bad_values_name_the_option(options: dict[str, Any], option: str, message: str) -> None:
    errors, warnings, _ = load(options)
    problems = dict(errors) | dict(warnings)
    assert option in problems
    assert message in str(problems[option])


@pytest.mark.parametrize(
    ("feed", "message"),
    [
        ({"limit": 0}, "must be at least 1"),
        ({"path": "sub/feed.xml"}, "file name"),
        ({"path": "feed.json"}, "ending in .xml"),
    ],
)
def test_bad_feed_options(feed: dict[str, Any], message: str) -> None:
    errors, _, _ = load({"feed": feed})
    assert "feed" in dict(errors) and message in str(dict(errors)["feed"])
