"""What Material's blog puts on a post's page, so hooks and ``custom_dir`` templates written
for it keep working: ``page.authors``, ``page.categories`` (``title``, ``url``) and
``page.config`` (``date.created``, ``date.updated``, ``readtime``, ``pin``, ``draft``,
``slug``, ``authors``, ``categories``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs.structure.nav import Link, Section

from mkdocs_blog_plugin.core.authors import Author
from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.slugs import name_key
from mkdocs_blog_plugin.structure.blog import Blog
from mkdocs_blog_plugin.structure.links import LinkSection, Tree


class PostDates(dict[str, dt.datetime]):
    """Material's ``page.config.date``: a dict, with ``created`` and ``updated`` read as
    attributes too (``None`` when the post has no such date)."""

    def __getattr__(self, name: str) -> dt.datetime | None:
        return self.get(name)


@dataclass
class CategoryRef:
    """A category as Material's templates read it: ``{{ category.url | url }}``."""

    title: Markup
    """The name, escaped: themes print it as it is (their templates do not escape)."""
    url: str
    """Site-relative URL of the category's page."""


@dataclass
class AuthorRef:
    """An author as Material's templates read one; text escaped, as themes print it as is."""

    name: Markup
    description: Markup | None
    avatar: str | None
    url: str | None
    slug: str | None


def _author(author: Author) -> AuthorRef:
    return AuthorRef(
        name=escape(author.name),
        description=escape(author.description) if author.description else None,
        avatar=author.avatar,
        url=author.url,
        slug=author.slug or author.key,
    )


@dataclass
class PostSettings:
    """Material's ``page.config`` of a post."""

    date: PostDates
    authors: list[str]
    categories: list[str]
    draft: bool | None
    pin: bool
    readtime: int | None
    slug: str | None
    links: Any = None
    """Material gives a Navigation; the plugin shows ``links`` in the post's header."""
    extra: dict[str, Any] = field(default_factory=dict)


def post_settings(post: Post) -> PostSettings:
    dates = PostDates()
    if post.published is not None:
        dates["created"] = post.published
    if post.updated is not None:
        dates["updated"] = post.updated
    slug = post.meta.get("slug")
    return PostSettings(
        date=dates,
        authors=list(post.authors),
        categories=list(post.categories),
        draft=post.draft or None,
        pin=post.pinned,
        readtime=post.readtime,
        slug=str(slug) if slug is not None else None,
    )


def attach(
    page: Any, post: Post, authors: tuple[Author, ...], categories: list[CategoryRef]
) -> None:
    """Give a post's page Material's attributes."""
    page.authors = [_author(author) for author in authors]
    page.categories = categories
    page.config = post_settings(post)


def attach_material_attributes(blog: Blog) -> None:
    """Material's attributes on every post's page of ``blog``."""
    urls = blog.term_urls.get("category", {})
    for entry in blog.posts:
        page = entry.file.page
        if page is None:
            continue
        categories = []
        for name in entry.post.categories:
            term = blog.categories.by_key.get(name_key(name))
            if term is not None and term.key in urls:
                categories.append(CategoryRef(title=escape(term.name), url=urls[term.key]))
        attach(page, entry.post, blog.authors.get(entry.post.path, ()), categories)


def use_post_layout(page: Any) -> None:
    """Material's own post layout (``blog-post.html``), unless the post names a template: a
    sidebar with the way back to the blog, the authors, the date, the categories and the read
    time, in place of the site's nav, as under Material's blog."""
    if page.meta.setdefault("template", "blog-post.html") == "blog-post.html":
        hide = page.meta.get("hide")
        hidden = list(hide) if isinstance(hide, list) else []
        page.meta["hide"] = [*hidden, "navigation"]


_OURS = "_frontmatter_blog_date"


def add_date_filter(
    filters: dict[str, Any],
    date_text: Callable[[dt.datetime | None], str],
    owns: Callable[[Any], bool],
) -> None:
    """Jinja's ``date`` filter, which Material's blog defines and its ``blog-post.html`` writes
    a post's dates with. In a site of several blogs each one adds its own, and a post's dates
    are written by its own blog's (``date_text``, for the pages it ``owns``); the first blog's
    writes those of any other page. A ``date`` filter another plugin defined is left alone."""
    earlier = filters.get("date")
    if earlier is not None and not getattr(earlier, _OURS, False):
        return

    @pass_context
    def date(context: Context, moment: dt.datetime | None) -> str:
        if earlier is None or owns(context.get("page")):
            return date_text(moment)
        text: str = earlier(context, moment)
        return text

    setattr(date, _OURS, True)
    filters["date"] = date


def set_sidebar_links(page: Any, links: Tree) -> None:
    """The post's ``links`` as Material's post layout shows them, in its sidebar: nav links
    and sections (``page.config.links``), titles escaped, URLs from the site root (its ``url``
    filter)."""
    settings = getattr(page, "config", None)
    if settings is not None and links:
        settings.links = _nav_items(links)


def _nav_items(links: Tree) -> list[Link | Section]:
    items: list[Link | Section] = []
    for item in links:
        if isinstance(item, LinkSection):
            section = Section(escape(item.title), list(_nav_items(item.children)))
            for child in section.children:
                child.parent = section
            items.append(section)
        elif item[1] is not None:
            items.append(Link(escape(item[0]), item[1]))
    return items
