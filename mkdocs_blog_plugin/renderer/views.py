"""Plain view data handed to templates: every URL already relative to the page it appears on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from mkdocs_blog_plugin.core.dates import format_date
from mkdocs_blog_plugin.core.excerpt import rebase_links
from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.slugs import name_key
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
    url: str | None
    """``None`` when the term has no page (``categories: false``)."""


@dataclass(frozen=True)
class AuthorView:
    name: str
    url: str | None
    """The author's page (``url`` of ``.authors.yml``), relative to this page when local."""
    avatar: str | None
    description: str | None


@dataclass(frozen=True)
class ImageView:
    src: str
    """Relative to this page, or an absolute http(s) URL."""
    alt: str
    width: int | None
    height: int | None


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
    """The first of ``categories``."""
    categories: tuple[LinkView, ...]
    tags: tuple[LinkView, ...]
    authors: tuple[AuthorView, ...]
    image: ImageView | None
    """The hero image (``heroImage``, ``image``, ``cover``...), when it was found."""
    draft: bool
    draft_reason: str | None
    """What makes the post a draft, as its author wrote it (``published: false``)."""
    readtime: int | None = None
    """Minutes of reading (``post_readtime``), counted or from front matter ``readtime``."""
    excerpt: Markup | None = None
    """The post's text above ``<!-- more -->``, as HTML, its links made relative to this
    page; ``None`` when it has none (the entry shows the ``description``)."""
    pinned: bool = False
    """``pin: true``: the post is listed first."""
    anchor: str = ""
    """The ``id`` of the post's entry in listings, unique in the blog."""


def root_prefix(page_url: str) -> str:
    """The relative path from a page up to the site root: ``../../`` for ``blog/tags/x/``.

    Links written as this prefix plus the target's site path are the same on every page at the
    same depth, so a post's view (and its rendered entry) is made once per depth, not per page.
    """
    directory = page_url if page_url.endswith("/") else page_url.rpartition("/")[0] + "/"
    return "../" * (directory.count("/") if directory != "/" else 0)


# A folder name no site path starts with: links made relative to a page in it climb to the
# site root first, and so are the same from every page at that depth.
_NOWHERE = "\x00"


def at_depth(prefix: str) -> str:
    """A page URL ``prefix`` (``../../``) below the site root that shares no folder with any
    page: see :func:`root_prefix`."""
    return "/".join([_NOWHERE] * prefix.count("../")) + ("/" if prefix else "")


def _local(url: str | None, prefix: str) -> str | None:
    """A URL from ``.authors.yml``: absolute ones as they are, a path from the site root."""
    if url is None or urlsplit(url).scheme:
        return url
    return prefix + url.lstrip("/")


class ViewMaker:
    """Turns model objects into view data for a page.

    Views are made once per post and folder depth, and their parts that do not depend on the
    depth (dates, a tag's link at one depth) once per post or per name: listings ask for the
    same posts thousands of times.
    """

    def __init__(self, blog: Blog, date_format: str, locale: str = "en") -> None:
        self.blog = blog
        self.date_format = date_format
        self.locale = locale
        self._posts: dict[tuple[int, str], PostView] = {}
        self._dates: dict[int, tuple[DateView | None, DateView | None]] = {}
        self._links: dict[tuple[str, str, str], LinkView] = {}

    def date(self, moment: dt.datetime | None) -> DateView | None:
        if moment is None:
            return None
        return DateView(
            iso=moment.isoformat(), text=format_date(moment, self.date_format, self.locale)
        )

    def date_text(self, moment: dt.datetime | None) -> str:
        """A date as ``date_format`` shows it (Jinja's ``date`` filter for Material's
        templates)."""
        return format_date(moment, self.date_format, self.locale) if moment is not None else ""

    def post(self, post: Post, page_url: str) -> PostView:
        """A post's view, its links relative to ``page_url``."""
        return self.post_at(post, root_prefix(page_url))

    def post_at(self, post: Post, prefix: str) -> PostView:
        """A post's view on a page ``prefix`` (see :func:`root_prefix`) below the site root."""
        key = (id(post), prefix)
        view = self._posts.get(key)
        if view is None:
            view = self._posts[key] = self._post_view(post, prefix)
        return view

    def _post_view(self, post: Post, prefix: str) -> PostView:
        dates = self._dates.get(id(post))
        if dates is None:
            dates = self._dates[id(post)] = (self.date(post.published), self.date(post.updated))
        categories = tuple(self._link("category", name, prefix) for name in post.categories)
        return PostView(
            title=post.title,
            url=prefix + self.blog.post_url[id(post)],
            description=post.description,
            date=dates[0],
            updated=dates[1],
            # The author's own spelling on links from the post; the index pages use the
            # most common spelling.
            category=categories[0] if categories else None,
            categories=categories,
            tags=tuple(self._link("tag", name, prefix) for name in post.tags),
            authors=tuple(
                AuthorView(
                    name=author.name,
                    url=_local(author.url, prefix),
                    avatar=_local(author.avatar, prefix),
                    description=author.description,
                )
                for author in self.blog.authors.get(post.path, ())
            ),
            image=self._image(post, prefix),
            draft=post.draft,
            draft_reason=post.hidden_by,
            readtime=self.blog.reading.get(post.path),
            excerpt=self._excerpt(post, prefix),
            pinned=post.pinned,
            anchor=self.blog.anchors.get(post.path, ""),
        )

    def _excerpt(self, post: Post, prefix: str) -> Markup | None:
        html = self.blog.excerpts.get(post.path)
        if html is None:
            return None
        # From the post's page to any page `prefix` below the site root: the same links.
        return Markup(rebase_links(html, self.blog.post_url[id(post)], at_depth(prefix)))

    def _image(self, post: Post, prefix: str) -> ImageView | None:
        image = self.blog.images.get(post.path)
        if image is None:
            return None
        src = image.url if image.absolute else prefix + image.url
        return ImageView(src=src, alt=image.alt, width=image.width, height=image.height)

    def _link(self, kind: str, name: str, prefix: str) -> LinkView:
        key = (kind, name, prefix)
        link = self._links.get(key)
        if link is None:
            taxonomy = self.blog.tags if kind == "tag" else self.blog.categories
            term = taxonomy.by_key.get(name_key(name))
            url = self.blog.term_urls[kind].get(term.key) if term is not None else None
            link = self._links[key] = LinkView(name, prefix + url if url is not None else None)
        return link

    def terms(self, terms: list[Term], kind: str, page_url: str) -> list[TermView]:
        prefix = root_prefix(page_url)
        urls = self.blog.term_urls[kind]
        return [
            TermView(term.name, prefix + urls[term.key], len(term.posts))
            for term in terms
            if term.key in urls
        ]
