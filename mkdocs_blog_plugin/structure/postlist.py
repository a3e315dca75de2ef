"""Lists of posts in any page: ``<!-- frontmatter-blog:posts category="work" limit="5" -->``.

In a site of several blogs, ``blog="news"`` (a ``blog_dir``) says whose posts; without it, the
first blog's.

The marker is an HTML comment, so Markdown passes it through untouched and a site without the
plugin shows nothing. Each is replaced by the newest matching published posts, rendered with
the listing entry template, once every post's page has been rendered (their excerpts and read
times are known then). Drafts never appear, not even under ``mkdocs serve``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mkdocs.plugins import get_plugin_logger

from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.slugs import name_key
from mkdocs_blog_plugin.structure.blog import Blog

log = get_plugin_logger(__name__)

MARKER_START = "<!-- frontmatter-blog:posts"
_MARKER = re.compile(r"<!--\s*frontmatter-blog:posts\b(?P<attributes>.*?)-->", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_KNOWN = ("category", "tag", "author", "limit", "blog")
DEFAULT_LIMIT = 5


@dataclass(frozen=True)
class PostQuery:
    category: str | None = None
    tag: str | None = None
    author: str | None = None
    limit: int = DEFAULT_LIMIT
    blog: str | None = None
    """The ``blog_dir`` of the blog whose posts are listed; ``None``: the first blog's."""


def parse_query(text: str, where: str) -> PostQuery | None:
    """The query a marker's attributes ask for; ``None`` (and a warning naming the page) when
    they cannot be read."""
    values: dict[str, str] = {}
    rest = _ATTRIBUTE.sub("", text).strip()
    for match in _ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        value = match.group(2) if match.group(2) is not None else match.group(3)
        if name not in _KNOWN:
            log.warning(
                f"{where}: the post list has attribute {name}={value!r}; it takes "
                f"{', '.join(_KNOWN)}. The list is not shown."
            )
            return None
        values[name] = value
    if rest:
        log.warning(
            f'{where}: the post list\'s {rest!r} is not an attribute such as limit="5"; the '
            "list is not shown."
        )
        return None
    limit = DEFAULT_LIMIT
    if "limit" in values:
        written = values["limit"].strip()
        if not written.isdigit() or int(written) < 1:
            log.warning(
                f"{where}: the post list has limit={values['limit']!r}: expected a whole number "
                "of at least 1; the list is not shown."
            )
            return None
        limit = int(written)
    return PostQuery(
        category=values.get("category"),
        tag=values.get("tag"),
        author=values.get("author"),
        limit=limit,
        blog=values["blog"].strip().strip("/") or "." if "blog" in values else None,
    )


def matching_posts(blog: Blog, query: PostQuery, where: str) -> list[Post] | None:
    """The newest published posts the query asks for; ``None`` (and a warning naming the page)
    when it names a category, tag or author the blog does not have."""
    posts: Sequence[Post] = [entry.post for entry in blog.posts if not entry.post.draft]
    for kind, name, names_of in (
        ("category", query.category, _categories),
        ("tag", query.tag, _tags),
    ):
        if name is None:
            continue
        key = name_key(name)
        taxonomy = blog.categories if kind == "category" else blog.tags
        if key not in taxonomy.by_key:
            log.warning(
                f"{where}: the post list asks for {kind} {name!r}, which no published post has; "
                "the list is not shown."
            )
            return None
        posts = [post for post in posts if key in names_of(post)]
    if query.author is not None:
        wanted = query.author
        if not any(author.key == wanted for found in blog.authors.values() for author in found):
            log.warning(
                f"{where}: the post list asks for author {wanted!r}, who wrote no published "
                "post (authors are named by their id in the authors file); the list is not "
                "shown."
            )
            return None
        posts = [
            post
            for post in posts
            if any(author.key == wanted for author in blog.authors.get(post.path, ()))
        ]
    return list(posts[: query.limit])


def _categories(post: Post) -> set[str]:
    return {name_key(name) for name in post.categories}


def _tags(post: Post) -> set[str]:
    return {name_key(name) for name in post.tags}


def expand_post_lists(
    html: str,
    blog: Blog,
    where: str,
    render: Callable[[list[Post]], str],
    *,
    blog_dir: str = "blog",
    first: bool = True,
    blogs: frozenset[str] = frozenset(),
) -> str:
    """``html`` with each post-list marker of this blog replaced by its posts (``render`` makes
    their HTML); a marker that cannot be honoured is removed, with a warning naming ``where``.

    ``blog_dir``: this blog's; ``first``: it is the site's first blog, whose posts a marker
    without ``blog=`` lists; ``blogs``: the ``blog_dir`` of each blog of the site. A marker of
    another blog is left for that blog's turn."""
    own = blog_dir.strip("/") or "."
    known = {name.strip("/") or "." for name in blogs} | {own}

    def replace(match: re.Match[str]) -> str:
        query = parse_query(match.group("attributes"), where)
        if query is None:
            return "" if first else match.group(0)
        mine = first if query.blog is None else query.blog == own
        if not mine:
            if query.blog is None or query.blog in known or not first:
                return match.group(0)  # another blog's list, for its turn
            log.warning(
                f"{where}: the post list has blog={query.blog!r}, and no blog of the site has "
                f"that blog_dir (they are {', '.join(sorted(known))}); the list is not shown."
            )
            return ""
        posts = matching_posts(blog, query, where)
        return render(posts) if posts is not None else ""

    return _MARKER.sub(replace, html)
