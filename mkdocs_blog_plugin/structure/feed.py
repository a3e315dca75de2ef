"""Write the blog's Atom feed and announce it in the head of blog pages."""

from __future__ import annotations

import os
from urllib.parse import urljoin

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url, write_file

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.feed import atom_feed
from mkdocs_blog_plugin.structure.blog import Blog

log = get_plugin_logger(__name__)


class Feed:
    """The feed of one build: where it goes, and the ``<link>`` that points to it."""

    def __init__(self, blog: Blog, config: MkDocsConfig, options: BlogConfig) -> None:
        self.blog = blog
        self.options = options
        self.site_url = config.site_url
        # At the site root: Material looks for a sitemap.xml next to every `rel=alternate`
        # link's target, and there is one only at the root.
        self.path = options.feed.path
        self.title = options.feed.title or config.site_name
        self.author = config.site_author
        if not self.site_url:
            log.info("No Atom feed: it needs 'site_url' in mkdocs.yml for its absolute links.")
        elif options.feed.enabled and not self.active:
            log.info(
                "No Atom feed: no published post has a date (pubDate, date, published...), and "
                "a feed lists posts by date."
            )

    @property
    def active(self) -> bool:
        dated = any(entry.post.published and not entry.post.draft for entry in self.blog.posts)
        return bool(self.options.feed.enabled and self.site_url and dated)

    def head_link(self, page_url: str) -> str:
        href = get_relative_url(self.path, page_url)
        return (
            f'<link rel="alternate" type="application/atom+xml" '
            f'title="{escape(self.title)}" href="{escape(href)}">'
        )

    def write(self, site_dir: str) -> None:
        assert self.site_url is not None
        site_url = self.site_url
        post_url = self.blog.post_url
        authors = self.blog.authors
        xml = atom_feed(
            [entry.post for entry in self.blog.posts],
            title=self.title,
            feed_url=urljoin(site_url, self.path),
            site_url=urljoin(site_url, self.blog.index_url),
            url_of=lambda post: urljoin(site_url, post_url[id(post)]),
            author=self.author,
            authors_of=lambda post: [author.name for author in authors.get(post.path, ())],
            limit=self.options.feed.limit,
        )
        if xml is not None:
            write_file(xml.encode("utf-8"), os.path.join(site_dir, self.path))

    def remove_stale(self, site_dir: str, files: Files) -> None:
        """In a build that writes no feed, remove the one an earlier build left: a dirty build
        deletes nothing, and that feed may list a post that is a draft now."""
        path = os.path.join(site_dir, self.path)
        if os.path.isfile(path) and not any(file.dest_uri == self.path for file in files):
            os.remove(path)
            log.info(f"Removed {self.path}, which an earlier build wrote: no feed in this build.")
