"""The blog's feeds: Atom, RSS 2.0 and JSON Feed, for the whole blog (at the site root) and for
each tag and category (in its page's folder), each announced in the ``<head>`` of the pages it
mirrors."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url, write_file

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.feed import feed_item
from mkdocs_blog_plugin.core.feeds.atom import MIME_TYPE as ATOM_TYPE
from mkdocs_blog_plugin.core.feeds.atom import atom
from mkdocs_blog_plugin.core.feeds.jsonfeed import MIME_TYPE as JSON_TYPE
from mkdocs_blog_plugin.core.feeds.jsonfeed import json_feed
from mkdocs_blog_plugin.core.feeds.links import absolute_links
from mkdocs_blog_plugin.core.feeds.model import FeedInfo, FeedItem
from mkdocs_blog_plugin.core.feeds.rss import MIME_TYPE as RSS_TYPE
from mkdocs_blog_plugin.core.feeds.rss import rss
from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.taxonomy import Taxonomy
from mkdocs_blog_plugin.structure.blog import Blog, ListingKind
from mkdocs_blog_plugin.structure.urls import locale_of

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class Format:
    name: str
    mime_type: str
    write: Callable[[FeedInfo, Sequence[FeedItem]], str]


ATOM = Format("Atom", ATOM_TYPE, atom)
RSS = Format("RSS", RSS_TYPE, rss)
JSON = Format("JSON Feed", JSON_TYPE, json_feed)


@dataclass(frozen=True)
class OneFeed:
    """The feeds of one listing: the blog's, or a tag's or a category's."""

    title: str
    folder: str
    """Where its files go, ``""`` for the site root."""
    home_url: str
    """Site-relative URL of the listing it mirrors."""
    posts: tuple[Post, ...]
    """Newest first, dated, published, at most ``feed.limit``."""
    listing_urls: frozenset[str]
    """Site-relative URLs of the pages that announce it (all pages of its listing)."""


def _folder_of(url: str) -> str:
    """The folder of a listing's page, for its feeds: ``blog/tags/python/`` (or, without
    directory URLs, ``blog/tags/python/index.html`` or ``blog/category/x.html``) is
    ``blog/tags/python``."""
    if url.endswith("/"):
        return url.rstrip("/")
    if url.endswith("/index.html") or url == "index.html":
        return posixpath.dirname(url)
    return url.removesuffix(".html")


def _which(blog: Blog) -> str:
    """The blog, as a message names it: by its index's address, which tells the blogs of a site
    (``news/``) and the languages of mkdocs-static-i18n (``fr/blog/``) apart."""
    return f"the blog at '{blog.index_url}'" if blog.index_url else "the blog at the site root"


class Feed:
    """The feeds of one build: which there are, where they go, the ``<link>`` that announces
    each, and their files, written after the build."""

    def __init__(
        self,
        blog: Blog,
        config: MkDocsConfig,
        options: BlogConfig,
        files: Files | None = None,
        *,
        folder: str = "",
        written_by_others: Mapping[str, str] | None = None,
    ) -> None:
        """``folder``: where the blog's own feeds are, in the site (``news`` for a site's
        second blog); ``written_by_others``: the feed files the site's other blogs write, and
        their ``blog_dir``."""
        self.blog = blog
        self.options = options
        self.site_url = config.site_url
        self.language = locale_of(options, config).replace("_", "-")
        # Atom wants an author for the feed when an entry has none: the site's, else its name.
        self.author = config.site_author or config.site_name
        # The site's own files: a feed is never written over one of them.
        self.taken = {file.dest_uri: file.src_uri for file in files} if files is not None else {}
        self.others = dict(written_by_others or {})
        self.description = config.site_description
        self.title = options.feed.title or config.site_name
        # At the site root: Material looks for a sitemap.xml next to every `rel=alternate`
        # link's target, and there is one only at the root.
        # Under mkdocs-static-i18n, each language's feeds are in its folder (fr/feed.xml).
        self.folder = posixpath.join(blog.site_folder, folder).strip("/")
        self.path = posixpath.join(self.folder, options.feed.path)
        self.formats: list[tuple[Format, str]] = [(ATOM, options.feed.path)]
        if options.feed.rss:
            self.formats.append((RSS, "rss.xml"))
        if options.feed.json:
            self.formats.append((JSON, "feed.json"))
        self.feeds: list[OneFeed] = []
        self.wanted: set[str] = set()
        self._term_feed_of: dict[str, str] | None = None
        self._paths: dict[str, list[tuple[Format, str]]] = {}
        self._by_path: dict[str, OneFeed] = {}
        """Posts in some feed: their HTML is kept for ``content: full``."""
        if not self.site_url:
            if options.feed.enabled:
                # A warning when the feed was asked for in mkdocs.yml; many sites have no
                # site_url, and the default feed must not fail their --strict builds.
                report = log.warning if options.feed.written else log.info
                report(
                    f"No feed is written for {_which(blog)}: a feed needs absolute links, "
                    "and mkdocs.yml has no 'site_url'. Set site_url, or feed: {enabled: false}."
                )
            return
        if not options.feed.enabled:
            return
        # Each listing's first page's URL -> the URLs of all its pages.
        self._pages_of: dict[str, set[str]] = {}
        for listing in blog.listings.values():
            if listing.pages:
                first = listing.pages[0].file.url
                self._pages_of.setdefault(first, {first}).add(listing.file.url)
        posts = [entry.post for entry in blog.posts]
        site_feed = self._feed(self.title, self.folder, blog.index_url, posts)
        if site_feed is None:
            log.info(
                f"No feed for {_which(blog)}: no published post has a date (pubDate, date, "
                "published...), and a feed lists posts by date."
            )
            return
        self.feeds.append(site_feed)
        for wanted, kind, taxonomy in (
            (options.feed.per_tag, ListingKind.TAG, blog.tags),
            (options.feed.per_category, ListingKind.CATEGORY, blog.categories),
        ):
            if wanted:
                self.feeds += self._term_feeds(kind, taxonomy)
        self.wanted = {post.path for feed in self.feeds for post in feed.posts}

    @property
    def active(self) -> bool:
        return bool(self.feeds)

    def _feed(
        self, title: str, folder: str, home_url: str, posts: Sequence[Post]
    ) -> OneFeed | None:
        dated = sorted(
            (post for post in posts if post.published is not None and not post.draft),
            key=lambda post: post.sort_key,
        )[: self.options.feed.limit]
        if not dated:
            return None
        pages = self._pages_of.get(home_url, {home_url})
        return OneFeed(title, folder, home_url, tuple(dated), frozenset(pages))

    def _term_feeds(self, kind: ListingKind, taxonomy: Taxonomy) -> list[OneFeed]:
        urls = self.blog.term_urls.get(kind.value, {})
        found = []
        for term in taxonomy.terms:
            url = urls.get(term.key)
            if url is None:
                continue
            folder = _folder_of(url)
            title = f"{self.title}: {term.name}"
            one = self._feed(title, folder, url, term.posts)
            if one is not None:
                found.append(one)
        return found

    def names(self) -> frozenset[str]:
        """The file names of the feeds (``feed.xml``, ``rss.xml``, ``feed.json``)."""
        return frozenset(name for _kind, name in self.formats)

    def written(self) -> frozenset[str]:
        """Every feed file this build writes, relative to ``site_dir``."""
        return frozenset(path for feed in self.feeds for _kind, path in self.paths(feed))

    def paths(self, feed: OneFeed) -> list[tuple[Format, str]]:
        """Each format of the feed and its file, relative to ``site_dir``."""
        found = self._paths.get(feed.folder)
        if found is None:
            found = self._paths[feed.folder] = [
                (kind, posixpath.join(feed.folder, name)) for kind, name in self.formats
            ]
        return found

    def feed_of(self, page_url: str) -> str | None:
        """The (Atom) feed a listing page mirrors: its tag's or category's, else the blog's."""
        if not self.feeds:
            return None
        if self._term_feed_of is None:
            self._term_feed_of = {
                url: self.paths(feed)[0][1] for feed in self.feeds[1:] for url in feed.listing_urls
            }
        return self._term_feed_of.get(page_url, self.path)

    def head_link(self, page_url: str, *, site_only: bool = False) -> str:
        """The ``<link rel="alternate">`` of each feed that mirrors the page: the blog's on
        every blog page, a tag's or category's on its own pages too, unless ``site_only``
        (Material's instant navigation looks for a sitemap.xml next to every alternate link,
        and there is one only at the site root)."""
        links = []
        shown = self.feeds[:1]
        path = self.feed_of(page_url)
        if not site_only and path is not None and path != self.path:
            if not self._by_path:
                self._by_path = {self.paths(feed)[0][1]: feed for feed in self.feeds}
            shown.append(self._by_path[path])
        for feed in shown:
            for kind, path in self.paths(feed):
                href = get_relative_url(path, page_url)
                links.append(
                    f'<link rel="alternate" type="{kind.mime_type}" '
                    f'title="{escape(feed.title)} ({kind.name})" href="{escape(href)}">'
                )
        return "\n".join(links)

    def write(self, site_dir: str) -> None:
        assert self.site_url is not None
        site_url = self.site_url
        items: dict[str, FeedItem] = {}
        for feed in self.feeds:
            entries = []
            for post in feed.posts:
                item = items.get(post.path)
                if item is None:
                    item = items[post.path] = self._item(post, site_url)
                entries.append(item)
            paths = self.paths(feed)
            for kind, path in paths:
                if path in self.others:
                    log.warning(
                        f"The blog in {self.options.blog_dir!r} and the blog in "
                        f"{self.others[path]!r} would both write a {kind.name} file at "
                        f"{path}: the first blog's is kept."
                    )
                    continue
                if path in self.taken:
                    log.warning(
                        f"{self.taken[path]} is published at {path}, where the blog's "
                        f"{kind.name} feed of {feed.title!r} would be: the file is kept and that "
                        "feed is not written. Rename the file, or set feed options."
                    )
                    continue
                info = FeedInfo(
                    title=feed.title,
                    feed_url=urljoin(site_url, path),
                    home_url=urljoin(site_url, feed.home_url),
                    description=self.description,
                    language=self.language,
                    author=self.author,
                    alternates=tuple(
                        (other.mime_type, urljoin(site_url, other_path))
                        for other, other_path in paths
                        if other is not kind
                    ),
                )
                write_file(kind.write(info, entries).encode("utf-8"), os.path.join(site_dir, path))

    def _item(self, post: Post, site_url: str) -> FeedItem:
        url = urljoin(site_url, self.blog.post_url[id(post)])
        content = self.options.feed.content
        html = None
        if content == "full":
            html = self.blog.bodies.get(post.path) or self.blog.excerpts.get(post.path)
        elif content == "excerpt":
            html = self.blog.excerpts.get(post.path)
        image = self.blog.images.get(post.path)
        return feed_item(
            post,
            url,
            authors=tuple(author.name for author in self.blog.authors.get(post.path, ())),
            content_html=absolute_links(html, url) if html else None,
            image=(
                (image.url if image.absolute else urljoin(site_url, image.url))
                if image is not None
                else None
            ),
        )

    def remove_stale(self, site_dir: str, files: Files) -> None:
        """In a build that writes no feed, remove the ones an earlier build left where this
        blog's go (the site root, ``news/``, ``fr/``): a dirty build deletes nothing, and they
        may list a post that is a draft now."""
        for _kind, name in self.formats:
            name = posixpath.join(self.folder, name)
            path = os.path.join(site_dir, name)
            if os.path.isfile(path) and not any(file.dest_uri == name for file in files):
                os.remove(path)
                log.info(f"Removed {name}, which an earlier build wrote: no feed in this build.")
