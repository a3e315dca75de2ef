"""Dirty builds: remove the blog's pages that an earlier build wrote and this one does not.

``mkdocs build --dirty`` and ``mkdocs serve --dirty`` write only what changed and delete nothing.
A post that has become a draft would keep its published page in ``site/``, and a tag that no
post uses any more would keep its page. So every HTML file under ``site_dir/blog_dir`` that no
file of this build writes is removed before MkDocs writes pages; other plugins that write HTML
there themselves (``on_post_build``) write it again afterwards. So is the copy of every file
there that this build withholds: the images of a folder post that has become a draft.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel

from mkdocs_blog_plugin.core.naming import some_of
from mkdocs_blog_plugin.core.urls import blog_prefix

log = get_plugin_logger(__name__)

_NAMED = 10
"""Stale pages named in the log line; a deleted tag of many pages is summed up."""


@dataclass(frozen=True)
class StalePage:
    dest_uri: str
    """Where it is, relative to ``site_dir``."""
    src_uri: str | None
    """The post it was built from, when that post is not published in this build."""


def find_stale_pages(
    files: Files,
    site_dir: str,
    blog_dir: str,
    *,
    serving: bool,
    feeds: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> list[StalePage]:
    """HTML files under ``site_dir/blog_dir`` that no file of this build writes, the copies of
    files there that this build withholds, and the feeds of tags and categories there that
    this build does not write (``feeds``: the feeds' file names, and the paths written)."""
    root = Path(site_dir, blog_dir)
    if not root.is_dir():
        return []
    outputs: set[str] = set()
    unpublished: dict[str, str] = {}
    for file in files:
        if _written(file.inclusion, serving=serving):
            outputs.add(file.dest_uri)
        else:
            unpublished[file.dest_uri] = file.src_uri
    # On a file system that ignores case or Unicode normalisation (macOS, Windows), a page
    # renamed from Plans.md to plans.md is still on disk as Plans/index.html, and MkDocs
    # counts it as this build's output: such a name is this build's page, not a stale one.
    by_key = {_name_key(uri): uri for uri in outputs}
    stale = []
    # The copy of a file withheld in this build (an image of a post now a draft, a raw source).
    prefix = blog_prefix(blog_dir)
    for file in files:
        uri = file.dest_uri
        if (
            uri.startswith(prefix)
            and not file.is_documentation_page()
            and not _written(file.inclusion, serving=serving)
            and uri not in outputs
            and not uri.endswith(".html")  # found below
            and Path(site_dir, uri).is_file()
        ):
            stale.append(StalePage(uri, file.src_uri))
    # A blog that is the whole site (blog_dir: .) shares site_dir with the theme's pages and
    # whatever else is copied there: only the copies above are known to be the blog's.
    swept = root.rglob("*.html") if prefix else ()
    names, written = feeds
    if prefix and names:
        for path in sorted(root.rglob("*")):
            dest_uri = path.relative_to(site_dir).as_posix()
            if (
                path.name in names
                and dest_uri not in written
                and dest_uri not in outputs  # a file of the site's own by that name
                and path.is_file()
            ):
                stale.append(StalePage(dest_uri, None))
    for path in sorted(swept):
        dest_uri = path.relative_to(site_dir).as_posix()
        if dest_uri in outputs or not path.is_file():
            continue
        twin = by_key.get(_name_key(dest_uri))
        if twin is not None and _same_file(path, Path(site_dir, twin)):
            continue
        stale.append(StalePage(dest_uri, unpublished.get(dest_uri)))
    return stale


def _name_key(uri: str) -> str:
    return unicodedata.normalize("NFC", uri).casefold()


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # `other` does not exist: `one` is not this build's
        return False


def _written(level: InclusionLevel, *, serving: bool) -> bool:
    # What MkDocs writes in this build: `serve` shows drafts, `build` does not. (MkDocs'
    # InclusionLevel.is_in_serve and is_included say the same, without type annotations.)
    if level is InclusionLevel.DRAFT:
        return serving
    return level is not InclusionLevel.EXCLUDED


def remove_stale_pages(
    files: Files,
    site_dir: str,
    blog_dir: str,
    *,
    serving: bool,
    feeds: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> None:
    """Remove what :func:`find_stale_pages` finds, and the folders that it leaves empty."""
    stale = find_stale_pages(files, site_dir, blog_dir, serving=serving, feeds=feeds)
    root = Path(site_dir, blog_dir)
    for page in stale:
        path = Path(site_dir, page.dest_uri)
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != root and folder.is_relative_to(root):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                break
            folder = folder.parent
        if page.src_uri is not None:
            # A draft (or a post whose front matter broke) must not stay published.
            log.warning(
                f"{page.src_uri} is not published in this build, but an earlier build left it "
                f"at {page.dest_uri} in site_dir: removed it."
            )
    others = [page.dest_uri for page in stale if page.src_uri is None]
    if others:
        log.info(
            f"Dirty build: removed {len(others)} file(s) under {blog_dir}/ that no file of "
            f"this build writes (left by an earlier build; a plugin that writes its own may "
            f"write them again): {some_of(others, _NAMED)}"
        )
