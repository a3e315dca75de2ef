"""A JSON Feed, version 1.1 (https://www.jsonfeed.org/version/1.1/)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from mkdocs_blog_plugin.core.feeds.model import (
    FeedInfo,
    FeedItem,
    clean_terms,
    clean_text,
    rfc3339,
)

MIME_TYPE = "application/feed+json"
VERSION = "https://jsonfeed.org/version/1.1"


def json_feed(info: FeedInfo, items: Sequence[FeedItem]) -> str:
    """The JSON Feed of ``items``, in their order.

    An item has its HTML content as ``content_html``; without one, its summary is its
    ``content_text`` (the format requires one of the two: ``""`` when there is neither). Text
    loses the characters the XML feeds lose too (control characters, lone surrogates), so the
    formats agree and the output always encodes as UTF-8. Optional members without a value are
    left out."""
    feed: dict[str, Any] = {
        "version": VERSION,
        "title": clean_text(info.title),
        "home_page_url": clean_text(info.home_url),
        "feed_url": clean_text(info.feed_url),
    }
    _optional(feed, "description", info.description)
    _optional(feed, "language", info.language)
    if info.author:
        feed["authors"] = [{"name": clean_text(info.author)}]
    feed["items"] = [_item(item) for item in items]
    text = json.dumps(feed, ensure_ascii=False, indent=2)
    # The same data to a JSON reader; to a browser that takes the file for HTML (a server that
    # sends the wrong type), no markup: "<", ">" and "&" only ever appear as escapes.
    return text.translate(_MARKUP_ESCAPES) + "\n"


_MARKUP_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _item(item: FeedItem) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": clean_text(item.id),
        "url": clean_text(item.url),
        "title": clean_text(item.title),
    }
    if item.content_html:
        entry["content_html"] = clean_text(item.content_html)
    else:
        entry["content_text"] = clean_text(item.summary or "")
    _optional(entry, "summary", item.summary)
    _optional(entry, "image", item.image)
    entry["date_published"] = rfc3339(item.published)
    if item.updated:
        entry["date_modified"] = rfc3339(item.modified)
    if item.authors:
        entry["authors"] = [{"name": clean_text(name)} for name in item.authors]
    tags = clean_terms(item.tags)
    if tags:
        entry["tags"] = tags
    return entry


def _optional(parent: dict[str, Any], key: str, value: str | None) -> None:
    if value:
        parent[key] = clean_text(value)
