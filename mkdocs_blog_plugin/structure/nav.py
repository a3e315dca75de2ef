"""Titles that ``nav`` in ``mkdocs.yml`` gives the plugin's pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel

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
            and file.src_uri.startswith(blog_dir + "/")
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
