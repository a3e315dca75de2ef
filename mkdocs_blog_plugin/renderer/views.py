"""Plain view data handed to templates: every URL already relative to the page it appears on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mkdocs_blog_plugin.core.dates import format_date
from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.taxonomy import Term
from mkdocs_blog_plugin.structure.blog import Blog


@dataclass(frozen=True)
class DateView:
    iso: str
    """Machine-readable, for ``<time datetime>``."""
    text: str
    """As ``date_format`` displays it."""


@dataclass(frozen=True)
class LinkView:
    name: str
    url: str


@dataclass(frozen=True)
class TermView:
    name: str
    url: str
    count: int


# Compared and hashed by identity: ViewMaker makes one per post and depth, and the renderer's
# entry cache looks views up thousands of times (a field-wise hash walks every tag).
@dataclass(frozen=True, eq=False)
class PostView:
    title: str
    url: str
    description: str | None
    date: DateView | None
    updated: DateView | None
    category: LinkView | None
    tags: tuple[LinkView, ...]
    draft: bool


def root_prefix(page_url: str) -> str:
    """The relative path from a page up to the site root: ``../../`` for ``blog/tags/x/``.

    Links written as this prefix plus the target's site path are the same on every page at the
    same depth, so a post's view (and its rendered entry) is made once per depth, not per page.
    """
    directory = page_url if page_url.endswith("/") else page_url.rpartition("/")[0] + "/"
    return "../" * (directory.count("/") if directory != "/" else 0)


class ViewMaker:
    """Turns model objects into view data for a page."""

    def __init__(self, blog: Blog, date_format: str) -> None:
        self.blog = blog
        self.date_format = date_format
        self._posts: dict[tuple[int, str], PostView] = {}

    def date(self, moment: dt.datetime | None) -> DateView | None:
        if moment is None:
            return None
        return DateView(iso=moment.isoformat(), text=format_date(moment, self.date_format))

    def post(self, post: Post, page_url: str) -> PostView:
        """A post's view, its links relative to ``page_url``."""
        prefix = root_prefix(page_url)
        key = (id(post), prefix)
        view = self._posts.get(key)
        if view is None:
            view = self._posts[key] = self._post_view(post, prefix)
        return view

    def _post_view(self, post: Post, prefix: str) -> PostView:
        blog = self.blog
        category = None
        if post.category:
            # The author's own spelling on links from the post; the index pages use the
            # most common spelling.
            term = blog.categories.term_of(post.category)
            category = LinkView(post.category, prefix + blog.term_urls["category"][term.key])
        return PostView(
            title=post.title,
            url=prefix + blog.post_url[id(post)],
            description=post.description,
            date=self.date(post.published),
            updated=self.date(post.updated),
            category=category,
            tags=tuple(
                LinkView(name, prefix + blog.term_urls["tag"][blog.tags.term_of(name).key])
                for name in post.tags
            ),
            draft=post.draft,
        )

    def terms(self, terms: list[Term], kind: str, page_url: str) -> list[TermView]:
        prefix = root_prefix(page_url)
        urls = self.blog.term_urls[kind]
        return [TermView(term.name, prefix + urls[term.key], len(term.posts)) for term in terms]
