"""Plain view data handed to templates: every URL already relative to the page it appears on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mkdocs.utils import get_relative_url

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


@dataclass(frozen=True)
class PostView:
    title: str
    url: str
    description: str | None
    date: DateView | None
    updated: DateView | None
    category: LinkView | None
    tags: tuple[LinkView, ...]
    draft: bool


class ViewMaker:
    """Turns model objects into view data relative to one page URL."""

    def __init__(self, blog: Blog, date_format: str) -> None:
        self.blog = blog
        self.date_format = date_format

    def date(self, moment: dt.datetime | None) -> DateView | None:
        if moment is None:
            return None
        return DateView(iso=moment.isoformat(), text=format_date(moment, self.date_format))

    def term_url(self, term: Term, kind: str, page_url: str) -> str:
        return get_relative_url(self.blog.term_urls[kind][term.key], page_url)

    def post(self, post: Post, page_url: str) -> PostView:
        category = None
        if post.category:
            term = self.blog.categories.term_of(post.category)
            # The author's own spelling on links from the post; the index pages use the
            # most common spelling.
            category = LinkView(post.category, self.term_url(term, "category", page_url))
        tags = tuple(
            LinkView(name, self.term_url(self.blog.tags.term_of(name), "tag", page_url))
            for name in post.tags
        )
        return PostView(
            title=post.title,
            url=get_relative_url(self.blog.post_url[id(post)], page_url),
            description=post.description,
            date=self.date(post.published),
            updated=self.date(post.updated),
            category=category,
            tags=tags,
            draft=post.draft,
        )

    def terms(self, terms: list[Term], kind: str, page_url: str) -> list[TermView]:
        return [
            TermView(term.name, self.term_url(term, kind, page_url), len(term.posts))
            for term in terms
        ]
