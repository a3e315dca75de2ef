"""What link previews and search engines read of the blog's pages: the facts of a post or a
listing (``core.metadata.PageFacts``) from the build, made absolute against ``site_url``."""

from __future__ import annotations

import html
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.metadata import PageFacts, head_tags
from mkdocs_blog_plugin.structure.blog import Blog, Listing, PostEntry
from mkdocs_blog_plugin.structure.urls import locale_of


class Metadata:
    """Open Graph, Twitter card and JSON-LD tags of the blog's pages, for one build."""

    def __init__(self, blog: Blog, config: MkDocsConfig, options: BlogConfig) -> None:
        self.blog = blog
        self.site_url = config.site_url
        self.site_name = config.site_name
        self.language = locale_of(options, config).replace("_", "-")
        self.twitter = options.metadata.twitter
        self.active = bool(options.metadata.enabled and self.site_url)

    def _url(self, path: str) -> str:
        assert self.site_url is not None
        return urljoin(self.site_url, path)

    def for_post(self, entry: PostEntry, page: Page, present: str) -> str:
        post = entry.post
        blog = self.blog
        image = blog.images.get(post.path)
        facts = PageFacts(
            kind="post",
            title=post.title,
            url=self._url(page.url),
            description=post.description,
            site_name=self.site_name,
            language=self.language,
            image=(image.url if image.absolute else self._url(image.url)) if image else None,
            image_alt=image.alt if image else None,
            published=post.published,
            modified=post.updated,
            authors=tuple(
                (author.name, self._url(author.url) if author.url else None)
                for author in blog.authors.get(post.path, ())
            ),
            tags=post.tags,
            section=post.category,
            blog_url=self._url(blog.index_url),
        )
        return head_tags(facts, present=present, twitter=self.twitter)

    def for_listing(self, listing: Listing, page: Page, present: str) -> str:
        blog = self.blog
        title = page.title or listing.title
        facts = PageFacts(
            kind="listing",
            # Page titles may hold markup (a heading's), escaped: read as the reader sees them.
            title=html.unescape(str(title)),
            url=self._url(page.url),
            description=None,
            site_name=self.site_name,
            language=self.language,
            image=None,
            image_alt=None,
            published=None,
            modified=None,
            authors=(),
            tags=(),
            section=None,
            blog_url=self._url(blog.index_url),
            items=tuple((post.title, self._url(blog.post_url[id(post)])) for post in listing.posts),
        )
        return head_tags(facts, present=present, twitter=self.twitter)
