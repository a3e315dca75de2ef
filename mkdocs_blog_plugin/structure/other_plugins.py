"""Living beside other plugins: mkdocs-redirects, MkDocs' own search, and the stylesheet
link the theme writes on every page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from mkdocs_blog_plugin.structure.blog import Blog
from mkdocs_blog_plugin.structure.pages import ListingPage

log = get_plugin_logger(__name__)


def without_stylesheet(html: str, path: str) -> str:
    """``html`` without the theme's ``<link>`` to the stylesheet at ``path`` (whatever its
    relative prefix, query and attribute order)."""
    link = re.compile(
        r"""[ \t]*<link\b[^>]*?\bhref=(["'])(?:[^"'>]*/)?"""
        + re.escape(path)
        + r"""(?:[?#][^"'>]*)?\1[^>]*>[ \t]*\n?""",
        re.IGNORECASE,
    )
    return link.sub("", html, count=1)


def warn_of_redirects_over_blog(config: MkDocsConfig, blog: Blog) -> None:
    """mkdocs-redirects writes each ``redirect_maps`` page after the build, over whatever page
    was there: one from a post or a listing's address replaces that page without a word."""
    redirects = config.plugins.get("redirects")
    options = getattr(redirects, "config", None)
    maps = options.get("redirect_maps") if isinstance(options, Mapping) else None
    if not isinstance(maps, Mapping) or not maps:
        return
    pages: dict[str, str] = {}
    for listing in blog.listings.values():
        what = {
            "index": "the blog index",
            "tag": "the listing of tag {!r}",
            "category": "the listing of category {!r}",
            "archive": "the archive page {!r}",
            "author": "the page of author {!r}",
            "series": "the page of series {!r}",
            "tags": "the index of tags",
            "categories": "the index of categories",
            "archives": "the archive index",
        }[listing.kind.value].format(listing.term.name if listing.term else "")
        if listing.number > 1:
            what += f", page {listing.number}"
        pages[listing.file.dest_uri] = what
    for entry in blog.posts:
        pages.setdefault(entry.file.dest_uri, f"the post {entry.post.title!r}")
    for old, new in maps.items():
        if not isinstance(old, str):
            continue
        # Where the redirects plugin writes the page for `old`, as it works it out.
        dest = File(old, "", "", config.use_directory_urls).dest_uri
        replaced = pages.get(dest)
        if replaced is not None:
            url = dest.removesuffix("index.html") if config.use_directory_urls else dest
            log.warning(
                f"redirect_maps (mkdocs-redirects) sends {old} to {new}, and its redirect page "
                f"replaces {replaced} at {url or './'}. Remove that redirect, or redirect from "
                "another address."
            )


class _SkipListings:
    """``add_entry_from_context`` of a search index, leaving out the generated listings."""

    def __init__(self, add: Any) -> None:
        self.add = add

    def __call__(self, page: Page, *args: Any, **kwargs: Any) -> Any:
        if isinstance(page, ListingPage):
            return None
        return self.add(page, *args, **kwargs)


def keep_listings_out_of_search(config: MkDocsConfig) -> None:
    """Listings only repeat their posts' titles and descriptions: search should lead to the
    posts. Material's search honours the ``search: {exclude: true}`` that listings have in
    ``page.meta``; MkDocs' own search indexes every page it is given, in ``on_page_context``.
    Its index (made anew in ``on_pre_build``) is told to skip them; called in ``on_env``, after
    every ``on_pre_build`` and before any page is indexed."""
    index = getattr(config.plugins.get("search"), "search_index", None)
    add = getattr(index, "add_entry_from_context", None)
    if add is None or not callable(add) or isinstance(add, _SkipListings):
        return
    index.add_entry_from_context = _SkipListings(add)  # type: ignore[union-attr]
