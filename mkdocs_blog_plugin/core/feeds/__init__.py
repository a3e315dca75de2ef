"""The blog's feeds, free of MkDocs imports: one model (:class:`FeedInfo`, :class:`FeedItem`)
written as Atom (:func:`atom`), RSS 2.0 (:func:`rss`) or JSON Feed 1.1 (:func:`json_feed`), and
:func:`absolute_links` for the HTML content of items."""

from __future__ import annotations

from mkdocs_blog_plugin.core.feeds.atom import atom
from mkdocs_blog_plugin.core.feeds.jsonfeed import json_feed
from mkdocs_blog_plugin.core.feeds.links import absolute_links
from mkdocs_blog_plugin.core.feeds.model import FeedInfo, FeedItem, terms
from mkdocs_blog_plugin.core.feeds.rss import rss

__all__ = ["FeedInfo", "FeedItem", "absolute_links", "atom", "json_feed", "rss", "terms"]
