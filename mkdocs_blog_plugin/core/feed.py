"""An Atom feed (RFC 4287) of the newest posts, built with the standard library's XML writer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from xml.etree import ElementTree as ET

from mkdocs_blog_plugin.core.post import Post

ATOM = "http://www.w3.org/2005/Atom"


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
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", title)
    _text(feed, "id", feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=site_url)
    _text(feed, "updated", max(_updated(post) for post in dated).isoformat())
    if author:
        _text(ET.SubElement(feed, f"{{{ATOM}}}author"), "name", author)
    for post in dated:
        assert post.published is not None
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = url_of(post)
        _text(entry, "title", post.title)
        _text(entry, "id", url)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=url)
        _text(entry, "published", post.published.isoformat())
        _text(entry, "updated", _updated(post).isoformat())
        for name in authors_of(post) if authors_of is not None else ():
            _text(ET.SubElement(entry, f"{{{ATOM}}}author"), "name", name)
        if post.description:
            _text(entry, "summary", post.description)
        names = post.categories + post.tags
        # A name made only of characters XML cannot carry is left out, and each term is given
        # once (a tag may repeat the category's name).
        for term in dict.fromkeys(_xml_safe(name) for name in names):
            if term:
                ET.SubElement(entry, f"{{{ATOM}}}category", term=term)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _updated(post: Post) -> dt.datetime:
    assert post.published is not None
    return max(post.published, post.updated) if post.updated else post.published


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = _xml_safe(text)


def _xml_safe(text: str) -> str:
    # XML 1.0 cannot carry most control characters, even escaped; authors' text might. Nor lone
    # surrogates, which PyYAML without libyaml reads from "\ud800" and UTF-8 cannot encode.
    return "".join(
        char
        for char in text
        if char in "\t\n\r"
        or (char >= " " and char not in "\ufffe\uffff" and not "\ud800" <= char <= "\udfff")
    )
