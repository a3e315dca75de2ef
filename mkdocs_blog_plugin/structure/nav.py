"""Titles that ``nav`` in ``mkdocs.yml`` gives the plugin's pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mkdocs.structure.files import Files

from mkdocs_blog_plugin.structure.pages import ListingPage, PostPage


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
