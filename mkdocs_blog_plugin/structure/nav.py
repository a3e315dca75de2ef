"""The blog's pages in the site's navigation: titles ``nav`` gives them, and posts hung under
the blog's index, so that the theme shows the blog as where the reader is."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.urls import blog_prefix
from mkdocs_blog_plugin.structure.blog import Blog, ListingKind
from mkdocs_blog_plugin.structure.pages import ListingPage, PostPage

log = get_plugin_logger(__name__)


def apply_nav_titles(nav_config: Any, files: Files) -> None:
    """Give posts and listing pages the title ``nav`` sets for them (``- News: blog/index.md``).

    MkDocs takes a page's title from ``nav`` only when it makes the page while building the
    navigation. The plugin makes posts and listings earlier, in ``on_files``, so MkDocs keeps
    their own titles there. As for MkDocs' pages, the title is the page's title (the nav entry,
    ``<title>``), not its heading, and a page listed twice takes its first title.
    """
    titled: set[str] = set()
    for title, path in _titled_paths(nav_config):
        file = files.get_file_from_path(path)
        if file is None or file.src_uri in titled:
            continue
        titled.add(file.src_uri)
        if isinstance(file.page, (PostPage, ListingPage)):
            # Page.title is a property that an attribute overrides, as Page(title, ...) does.
            file.page.title = title


def warn_of_hidden_posts_in_nav(nav_config: Any, files: Files, blog_dir: str) -> None:
    """A ``nav`` entry that names a post which is not published would show its title and a
    link to where it would be on every page (MkDocs says so only at INFO): warn."""
    for title, path in _paths(nav_config):
        file = files.get_file_from_path(path)
        if (
            file is not None
            and file.src_uri.startswith(blog_prefix(blog_dir))
            and file.inclusion is InclusionLevel.EXCLUDED
        ):
            named = f" as {title!r}" if title else ""
            log.warning(
                f"nav in mkdocs.yml lists {path}{named}, which is not published (a draft, or its "
                "front matter cannot be read): remove it from nav, or every page links to it."
            )


def _paths(items: Any) -> Iterator[tuple[str | None, str]]:
    """``(title or None, path)`` of every page entry of a ``nav`` config."""
    if isinstance(items, str):
        yield None, items
    elif isinstance(items, list):
        for item in items:
            yield from _paths(item)
    elif isinstance(items, dict):
        for title, value in items.items():
            if isinstance(value, str):
                yield str(title), value
            else:
                yield from _paths(value)


def _titled_paths(items: Any) -> Iterator[tuple[str, str]]:
    """``(title, path)`` of each entry of a ``nav`` config that gives a page a title."""
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, dict):
            continue  # a bare path: the page keeps its own title
        for title, value in item.items():
            if isinstance(value, str) and isinstance(title, str):
                yield title, value
            else:
                yield from _titled_paths(value)


def hang_under_index(blog: Blog, *, posts_in_nav: bool) -> None:
    """Make the blog's index the parent of each post and listing page not in the nav, as
    Material's blog does. MkDocs marks a page's parents active while it builds it: on a post,
    the blog's nav entry (and its section and tab) is the active one, in every theme. Material's
    post layout links ``page.parent`` as the way back to the blog."""
    index = blog.index_page.page if blog.index_page is not None else None
    if not isinstance(index, Page):
        return
    pages = [entry.file.page for entry in blog.posts] if not posts_in_nav else []
    pages += [listing.file.page for listing in blog.listings.values()]
    for page in pages:
        if page is not None and page is not index and page.parent is None:
            page.parent = index  # type: ignore[assignment]  # as Material does


def uses_material_layouts(config: MkDocsConfig) -> bool:
    """Whether the theme has Material's post layout (Material, MaterialX)."""
    if config.theme.name not in ("material", "materialx"):
        return False
    return any(
        os.path.isfile(os.path.join(folder, "blog-post.html")) for folder in config.theme.dirs
    )


def add_nav_sections(nav: Navigation, blog: Blog, options: BlogConfig) -> None:
    """Sections next to the blog's nav entry, as Material's blog adds them: the archive's
    pages, the categories' and the authors' (``nav_sections``). Only when the blog's index is
    in the nav; the later pages of a listing stay out of it."""
    index = blog.index_page.page if blog.index_page is not None else None
    if not isinstance(index, Page):
        return
    siblings = index.parent.children if index.parent is not None else nav.items
    if index not in siblings:
        return
    where = siblings.index(index) + 1
    sections: list[Section] = []
    for title, kind in (
        (blog.labels.or_label(options.archive_title, "Archive"), ListingKind.ARCHIVE),
        (blog.labels.or_label(options.categories_title, "Categories"), ListingKind.CATEGORY),
        (blog.labels.or_label(options.authors_title, "Authors"), ListingKind.AUTHOR),
    ):
        pages = [
            listing.file.page
            for listing in blog.listings.values()
            if listing.kind is kind and listing.number == 1 and listing.file.page is not None
        ]
        if kind is ListingKind.CATEGORY:
            # The category index's order (categories_sort_by, categories_sort_reverse).
            index_terms = next(
                (
                    listing.terms
                    for listing in blog.listings.values()
                    if listing.kind is ListingKind.CATEGORY_INDEX
                ),
                blog.categories.terms,
            )
            order = {term.key: n for n, term in enumerate(index_terms)}
            pages.sort(key=lambda page: order.get(_term_key(blog, page), 0))
        if not pages:
            continue
        section = Section(title, list(pages))
        section.parent = index.parent
        for page in pages:
            page.parent = section
            if page.file.inclusion is InclusionLevel.NOT_IN_NAV:
                page.file.inclusion = InclusionLevel.INCLUDED
        sections.append(section)
    siblings[where:where] = sections


def _term_key(blog: Blog, page: Page) -> str:
    listing = blog.listings.get(page.file.src_uri)
    return listing.term.key if listing is not None and listing.term is not None else ""
