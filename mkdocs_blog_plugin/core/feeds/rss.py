"""An RSS 2.0 feed (https://www.rssboard.org/rss-specification), written with the standard
library's XML writer."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from mkdocs_blog_plugin.core.feeds.atom import ATOM
from mkdocs_blog_plugin.core.feeds.model import FeedInfo, FeedItem, clean_terms, clean_text, rfc822

MIME_TYPE = "application/rss+xml"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
MEDIA_RSS = "http://search.yahoo.com/mrss/"


def rss(info: FeedInfo, items: Sequence[FeedItem]) -> str:
    """The RSS feed of ``items``, in their order.

    An item's ``description`` is its HTML content, else its summary, as escaped text; its
    authors are ``dc:creator`` elements (RSS's own ``author`` wants an e-mail address), its
    image a ``media:content``. The feed links to itself (``atom:link rel="self"``) and to its
    ``alternates``."""
    # Prefixed names and namespaces declared by hand: ET.register_namespace's registry is
    # global, and Atom may be registered there as the default namespace.
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM})
    root.set("xmlns:dc", DUBLIN_CORE)
    if any(item.image for item in items):
        root.set("xmlns:media", MEDIA_RSS)
    channel = ET.SubElement(root, "channel")
    _text(channel, "title", info.title)
    _text(channel, "link", info.home_url)
    # Required: a feed without a description of its own is described by its title.
    _text(channel, "description", info.description or info.title)
    _link(channel, "self", info.feed_url, MIME_TYPE)
    for mime_type, url in info.alternates:
        _link(channel, "alternate", url, mime_type)
    if info.language:
        _text(channel, "language", info.language)
    if items:
        _text(channel, "lastBuildDate", rfc822(max(item.modified for item in items)))
    if info.author:
        _text(channel, "dc:creator", info.author)
    for item in items:
        element = ET.SubElement(channel, "item")
        _text(element, "title", item.title)
        _text(element, "link", item.url)
        _text(element, "guid", item.id).set("isPermaLink", "true")
        _text(element, "pubDate", rfc822(item.published))
        description = item.content_html or item.summary
        if description:
            _text(element, "description", description)
        for term in clean_terms(item.tags):
            _text(element, "category", term)
        for name in item.authors:
            _text(element, "dc:creator", name)
        if item.image:
            ET.SubElement(element, "media:content", url=clean_text(item.image), medium="image")
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = clean_text(text)
    return element


def _link(parent: ET.Element, rel: str, href: str, mime_type: str) -> None:
    ET.SubElement(parent, "atom:link", href=clean_text(href), rel=rel, type=clean_text(mime_type))
