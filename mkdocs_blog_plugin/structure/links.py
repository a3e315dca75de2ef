"""A post's ``links`` (Material's front-matter list of related pages), resolved to titles and
URLs: ``- setup.md``, ``- Custom title: setup.md#anchor``, ``- Title: https://...``, and
sections of them (``- Section: [...]``), flattened."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.utils import get_relative_url

from mkdocs_blog_plugin.core.fields import is_safe_url
from mkdocs_blog_plugin.core.post import Post

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class LinkSection:
    """A titled group of links (``- Section: [...]``)."""

    title: str
    children: list[tuple[str, str | None] | LinkSection]


Tree = list[tuple[str, str | None] | LinkSection]


class RelatedLinks:
    """Resolves posts' ``links`` against the site's files, once per post."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self._resolved: dict[str, Tree] = {}

    def tree(self, post: Post) -> Tree:
        """The links as written: (title, site-relative URL or an absolute http(s) one), and
        sections of them."""
        if post.path not in self._resolved:
            self._resolved[post.path] = list(self._resolve(post, post.meta.get("links")))
        return self._resolved[post.path]

    def site_links(self, post: Post) -> list[tuple[str, str | None]]:
        """Every link of :meth:`tree`, sections flattened."""
        return list(_flatten(self.tree(post)))

    def for_page(self, post: Post, page_url: str) -> list[dict[str, str | None]]:
        """The links as the post's page at ``page_url`` shows them."""
        shown: list[dict[str, str | None]] = []
        for title, url in self.site_links(post):
            if url is not None and not urlsplit(url).scheme:
                path, _, fragment = url.partition("#")
                url = get_relative_url(path, page_url) + (f"#{fragment}" if fragment else "")
            shown.append({"name": title, "url": url})
        return shown

    def _resolve(self, post: Post, value: Any) -> Iterator[tuple[str, str | None] | LinkSection]:
        if value is None:
            return
        if not isinstance(value, list):
            log.warning(
                f"{post.path}: front matter key 'links' has value {value!r}: expected a list "
                "of pages, as in a nav; ignored"
            )
            return
        for item in value:
            if isinstance(item, dict) and len(item) == 1:
                ((title, target),) = item.items()
                if isinstance(target, list):  # a section
                    yield LinkSection(str(title), list(self._resolve(post, target)))
                    continue
                yield from self._one(post, str(target), str(title))
            elif isinstance(item, str):
                yield from self._one(post, item, None)
            else:
                log.warning(f"{post.path}: front matter 'links' entry {item!r} is not a link")

    def _one(self, post: Post, target: str, title: str | None) -> Iterator[tuple[str, str | None]]:
        target = target.strip()
        if urlsplit(target).scheme:
            if is_safe_url(target):
                yield title or target, target
            else:
                log.warning(f"{post.path}: 'links' entry {target!r} is not an http(s) URL")
            return
        path, _, fragment = target.partition("#")
        file = self.files.get_file_from_path(path.lstrip("/"))
        if file is None:
            log.warning(f"{post.path}: 'links' entry {target!r} is not a file of the site")
            return
        if file.inclusion in (InclusionLevel.EXCLUDED, InclusionLevel.DRAFT):
            # A draft, or a page left out of the build: its address would lead nowhere, and
            # its title would tell what is not published.
            log.warning(
                f"{post.path}: 'links' entry {target!r} is not published (a draft, or left out "
                "of the build); the link is not shown"
            )
            return
        page = file.page
        name = title or (page.title if page is not None and page.title else None) or path
        url = file.url + (f"#{fragment}" if fragment else "")
        yield str(name), url


def _flatten(tree: Tree) -> Iterator[tuple[str, str | None]]:
    for item in tree:
        if isinstance(item, LinkSection):
            yield from _flatten(item.children)
        else:
            yield item
