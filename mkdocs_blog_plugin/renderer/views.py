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


@dataclass(frozen=True)
class _PostFacts:
    """Site-relative URLs and formatted dates of one post."""

    url: str
    date: DateView | None
    updated: DateView | None
    category: tuple[str, str] | None
    tags: tuple[tuple[str, str], ...]


class ViewMaker:
    """Turns model objects into view data relative to one page URL."""

    def __init__(self, blog: Blog, date_format: str) -> None:
        self.blog = blog
        self.date_format = date_format
        self._facts_by_post: dict[int, _PostFacts] = {}

    def date(self, moment: dt.datetime | None) -> DateView | None:
        if moment is None:
            return None
        return DateView(iso=moment.isoformat(), text=format_date(moment, self.date_format))

    def term_url(self, term: Term, kind: str, page_url: str) -> str:
        return get_relative_url(self.blog.term_urls[kind][term.key], page_url)

    def post(self, post: Post, page_url: str) -> PostView:
        facts = self._facts(post)
        return PostView(
            title=post.title,
            url=get_relative_url(facts.url, page_url),
            description=post.description,
            date=facts.date,
            updated=facts.updated,
            category=LinkView(facts.category[0], get_relative_url(facts.category[1], page_url))
            if facts.category
            else None,
            tags=tuple(LinkView(name, get_relative_url(url, page_url)) for name, url in facts.tags),
            draft=post.draft,
        )

    def _facts(self, post: Post) -> _PostFacts:
        """What a post's views share on every page it appears on; worked out once per post."""
        key = id(post)
        facts = self._facts_by_post.get(key)
        if facts is None:
            blog = self.blog
            category = None
            if post.category:
                # The author's own spelling on links from the post; the index pages use the
                # most common spelling.
                term = blog.categories.term_of(post.category)
                category = (post.category, blog.term_urls["category"][term.key])
            facts = _PostFacts(
                url=blog.post_url[key],
                date=self.date(post.published),
                updated=self.date(post.updated),
                category=category,
                tags=tuple(
                    (name, blog.term_urls["tag"][blog.tags.term_of(name).key]) for name in post.tags
                ),
            )
            self._facts_by_post[key] = facts
        return facts

    def terms(self, terms: list[Term], kind: str, page_url: str) -> list[TermView]:
        return [
            TermView(term.name, self.term_url(term, kind, page_url), len(term.posts))
            for term in terms
        ]
