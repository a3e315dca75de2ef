"""An Atom feed (RFC 4287) of the newest posts: :func:`~.feeds.atom.atom`, fed from ``Post``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mkdocs_blog_plugin.core.feeds.atom import ATOM, atom
from mkdocs_blog_plugin.core.feeds.model import FeedInfo, FeedItem, terms
from mkdocs_blog_plugin.core.post import Post

__all__ = ["ATOM", "atom_feed", "feed_item"]


def atom_feed(
    posts: Sequence[Post],
    *,
    title: str,
    feed_url: str,
    site_url: str,
    url_of: Callable[[Post], str],
    author: str | None = None,
    limit: int = 20,
    authors_of: Callable[[Post], Sequence[str]] | None = None,
) -> str | None:
    """The feed of the newest ``limit`` dated, published posts; ``None`` when there are none.

    ``posts`` must be sorted newest first; ``url_of`` gives a post's absolute URL, and
    ``authors_of`` the names of its authors.
    """
    dated = [post for post in posts if post.published is not None and not post.draft][:limit]
    if not dated:
        return None
    info = FeedInfo(
        title=title,
        feed_url=feed_url,
        home_url=site_url,
        description=None,
        language=None,
        author=author,
    )
    return atom(
        info,
        [
            feed_item(
                post,
                url_of(post),
                authors=tuple(authors_of(post)) if authors_of is not None else (),
                # Each once exactly, as this feed always gave them (not feeds.model.terms).
                tags=post.categories + post.tags,
            )
            for post in dated
        ],
    )


def feed_item(
    post: Post,
    url: str,
    *,
    authors: tuple[str, ...] = (),
    tags: tuple[str, ...] | None = None,
    content_html: str | None = None,
    image: str | None = None,
) -> FeedItem:
    """A dated post as a feed's item, at its absolute ``url``; its categories and tags, each
    once, unless ``tags`` says otherwise."""
    assert post.published is not None, "feeds hold dated posts only"
    return FeedItem(
        id=url,
        url=url,
        title=post.title,
        published=post.published,
        updated=post.updated,
        summary=post.description,
        content_html=content_html,
        authors=authors,
        tags=terms(post.categories, post.tags) if tags is None else tags,
        image=image,
    )
