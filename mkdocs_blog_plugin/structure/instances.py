"""Several blogs in one site: the plugin listed more than once in ``plugins:``.

Each instance has its own ``blog_dir`` (``blog/``, ``news/``), its posts, taxonomies, archives,
feeds and ad settings. What a site has once is the first instance's job, for all of them: the
blog's stylesheet (kept on the pages of every blog), ``ads.txt`` (the lines of every blog). Two
blogs may not share a folder, nor hold one inside the other: a post would be in both.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from mkdocs_blog_plugin.config import BlogConfig

T = TypeVar("T")


class OurStylesheet(str):
    """The blog's stylesheet as the plugin puts it in ``extra_css``: told apart from the same
    path listed by the user (then on every page), also when a build runs again with the same
    config (mkdocs-static-i18n's, one per language) or a second blog sees it."""

    __slots__ = ()


def user_lists_css(extra_css: Sequence[str], path: str) -> bool:
    """Whether the user lists the blog's stylesheet (``path``) in ``extra_css``: it is then on
    every page."""
    return any(item == path and not isinstance(item, OurStylesheet) for item in extra_css)


def instances_of(config: MkDocsConfig, kind: type[T]) -> list[T]:
    """The enabled instances of the plugin in the site, in the order of ``plugins:``."""
    found: list[T] = []
    for plugin in config.plugins.values():
        if isinstance(plugin, kind) and getattr(plugin, "config", {}).get("enabled", True):
            found.append(plugin)
    return found


def _folder(blog_dir: str) -> str:
    path = posixpath.normpath(blog_dir.strip("/")) if blog_dir.strip("/") else "."
    return "" if path == "." else path


def check_blog_dirs(blog_dirs: Sequence[str]) -> None:
    """Stop the build when two blogs share a folder, or one is inside the other."""
    folders = [_folder(blog_dir) for blog_dir in blog_dirs]
    for number, folder in enumerate(folders):
        for earlier, other in enumerate(folders[:number]):
            # "" is a blog at the site root (blog_dir: .), which holds every other folder.
            shared = (
                folder == other
                or "" in (folder, other)
                or folder.startswith(other + "/")
                or other.startswith(folder + "/")
            )
            if shared:
                raise PluginError(
                    f"frontmatter-blog is in plugins: more than once, and blog {earlier + 1} "
                    f"(blog_dir: {blog_dirs[earlier]!r}) and blog {number + 1} (blog_dir: "
                    f"{blog_dirs[number]!r}) would share posts: each blog needs a folder of its "
                    "own, not inside another blog's (blog and news, not . and news)."
                )


def feed_folder(options: BlogConfig, *, first: bool) -> str:
    """The folder of a blog's own feeds: the site root for the first blog (``feed.xml``), its
    folder for the others (``news/feed.xml``; ``feed.path`` names the file, ``rss.xml`` and
    ``feed.json`` are beside it)."""
    return "" if first else _folder(options.blog_dir)
