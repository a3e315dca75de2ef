"""An Atom feed (RFC 4287), written with the standard library's XML writer."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from mkdocs_blog_plugin.core.feeds.model import FeedInfo, FeedItem, clean_terms, clean_text, rfc3339

ATOM = "http://www.w3.org/2005/Atom"
MIME_TYPE = "application/atom+xml"


def atom(info: FeedInfo, items: Sequence[FeedItem]) -> str:
    """The Atom feed of ``items``, in their order. Atom requires a feed's ``updated`` date, the
    latest of its items': ``items`` must not be empty (:class:`ValueError`)."""
    if not items:
        raise ValueError("an Atom feed needs at least one item, for its updated date")
    # Names without a namespace, and the namespace declared by hand: ET.register_namespace's
    # registry is global, and another writer's atom:link must not fall in the default one.
    feed = ET.Element("feed", xmlns=ATOM)
    if info.language:
        feed.set("xml:lang", clean_text(info.language))
    _text(feed, "title", info.title)
    if info.description:
        _text(feed, "subtitle", info.description)
    _text(feed, "id", info.feed_url)
    _link(feed, "self", info.feed_url)
    _link(feed, "alternate", info.home_url)
    for mime_type, url in info.alternates:
        _link(feed, "alternate", url, mime_type)
    _text(feed, "updated", rfc3339(max(item.modified for item in items)))
    if info.author:
        _text(ET.SubElement(feed, "author"), "name", info.author)
    for item in items:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "title", item.title)
        _text(entry, "id", item.id)
        _link(entry, "alternate", item.url)
        _text(entry, "published", rfc3339(item.published))
        _text(entry, "updated", rfc3339(item.modified))
        for name in item.authors:
            _text(ET.SubElement(entry, "author"), "name", name)
        if item.summary:
            _text(entry, "summary", item.summary)
        if item.content_html:
            _text(entry, "content", item.content_html).set("type", "html")
        # A name made only of characters XML cannot carry is left out, and each term is given
        # once (a tag may repeat the category's name).
        for term in clean_terms(item.tags):
            ET.SubElement(entry, "category", term=term)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = clean_text(text)
    return element


def _link(parent: ET.Element, rel: str, href: str, mime_type: str | None = None) -> None:
    link = ET.SubElement(parent, "link", rel=rel, href=clean_text(href))
    if mime_type:
        link.set("type", clean_text(mime_type))
