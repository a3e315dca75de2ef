"""Dirty builds (``--dirty``) rebuild only the pages whose source changed. A post's footer and
series box show other posts (its neighbours, related posts, the other parts), and any page may
list posts: when those change, the pages that show them must be rebuilt too.

A page is marked changed for MkDocs by giving its file in-memory content
(``File.is_modified`` is then true); the text is the same, so nothing else differs.
"""

from __future__ import annotations

from mkdocs.structure.files import Files

from mkdocs_blog_plugin.structure.blog import Blog, PostEntry
from mkdocs_blog_plugin.structure.postlist import MARKER_START

Signature = tuple[tuple[str, str, str], ...]


class ShownPosts:
    """What each post's page shows of other posts, kept across ``mkdocs serve`` rebuilds."""

    def __init__(self) -> None:
        self._previous: dict[str, Signature] | None = None

    def mark_changed(self, blog: Blog, files: Files) -> None:
        """Mark for rebuilding every post whose page would show other posts differently from
        the last build, and every page that lists posts. Without an earlier build in this
        process (``mkdocs build --dirty``), every post that shows another: what the site
        holds from the last build is not known, and a post made a draft since must not stay
        linked, with its title, from its neighbours."""
        by_path = {entry.post.path: entry for entry in blog.posts}
        current = {entry.post.path: _signature(by_path, blog, entry) for entry in blog.posts}
        if self._previous is not None:
            changed = {path for path, seen in current.items() if self._previous.get(path) != seen}
        else:
            changed = {path for path, seen in current.items() if seen}
        for entry in blog.posts:
            if entry.post.path in changed:
                _touch(entry)
        for file in files.documentation_pages():
            if file.abs_src_path is not None and not file.is_modified():
                try:
                    text = file.content_string
                except (OSError, UnicodeDecodeError):
                    continue
                if MARKER_START in text:
                    source = file.abs_src_path
                    file.content_string = text
                    file.abs_src_path = source
        self._previous = current


def _touch(entry: PostEntry) -> None:
    file = entry.file
    source = file.abs_src_path
    file.content_string = file.content_string
    file.abs_src_path = source  # kept for plugins that read the file (git dates...)


def _shown(blog: Blog, entry: PostEntry) -> list[str]:
    """Paths of the posts ``entry``'s page shows."""
    path = entry.post.path
    shown = [post.path for post in blog.related.get(path, ())]
    near = blog.neighbours.get(path)
    if near is not None:
        shown += [post.path for post in (near.older, near.newer) if post is not None]
    key = blog.series_of.get(path)
    if key is not None:
        shown += [part.path for part in blog.series[key].parts]
    return shown


def _signature(by_path: dict[str, PostEntry], blog: Blog, entry: PostEntry) -> Signature:
    """The title, URL and date of each post ``entry``'s page shows, in order."""
    shown = []
    for path in _shown(blog, entry):
        other = by_path.get(path)
        if other is None:
            shown.append((path, "", ""))
            continue
        date = other.post.published.isoformat() if other.post.published else ""
        shown.append((other.post.title, other.file.url, date))
    return tuple(shown)
