"""The feed writers (Atom, RSS 2.0, JSON Feed 1.1) and the absolute links of their content."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import feedparser
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.feeds import (
    FeedInfo,
    FeedItem,
    absolute_links,
    atom,
    json_feed,
    rss,
    terms,
)
from mkdocs_blog_plugin.core.feeds.atom import ATOM
from mkdocs_blog_plugin.core.feeds.rss import DUBLIN_CORE, MEDIA_RSS

UTC = dt.timezone.utc
A = {"a": ATOM}
DC = {"dc": DUBLIN_CORE, "atom": ATOM, "media": MEDIA_RSS}
SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "jsonfeed-1.1.schema.json").read_text("utf-8")
)
WRITERS = {"atom": atom, "rss": rss, "json": json_feed}

INFO = FeedInfo(
    title="Site",
    feed_url="https://example.com/blog/feed.xml",
    home_url="https://example.com/blog/",
    description="News",
    language="pt-BR",
    author="Ada",
    alternates=(
        ("application/rss+xml", "https://example.com/blog/rss.xml"),
        ("application/feed+json", "https://example.com/blog/feed.json"),
    ),
)
BARE = FeedInfo(
    title="Site",
    feed_url="https://example.com/feed.xml",
    home_url="https://example.com/",
    description=None,
    language=None,
    author=None,
)


def item(**changes: Any) -> FeedItem:
    base = FeedItem(
        id="https://example.com/blog/hello/",
        url="https://example.com/blog/hello/",
        title="Hello",
        published=dt.datetime(2025, 3, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        updated=None,
        summary="A summary",
        content_html=None,
        authors=("Ada", "Bob"),
        tags=("news", "python"),
        image=None,
    )
    return dataclasses.replace(base, **changes)


def validate_json(text: str) -> dict[str, Any]:
    feed: dict[str, Any] = json.loads(text.encode("utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(feed)
    return feed


# --- the model -------------------------------------------------------------------------------


def test_terms_categories_first_each_once_case_insensitively() -> None:
    assert terms(["Python", "web"], ["python", "news", "Web", "news"]) == ("Python", "web", "news")


def test_naive_dates_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        item(published=dt.datetime(2025, 1, 1))
    with pytest.raises(ValueError, match="aware"):
        item(updated=dt.datetime(2025, 1, 1))


# --- Atom ------------------------------------------------------------------------------------


def test_atom_feed_and_entry() -> None:
    updated = dt.datetime(2025, 4, 1, tzinfo=UTC)
    root = ET.fromstring(
        atom(INFO, [item(updated=updated, content_html="<p>Hi &amp; bye</p>"), item(title="Old")])
    )
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "pt-BR"
    assert root.findtext("a:subtitle", namespaces=A) == "News"
    assert root.findtext("a:updated", namespaces=A) == "2025-04-01T00:00:00+00:00"
    links = [
        (link.get("rel"), link.get("type"), link.get("href")) for link in root.findall("a:link", A)
    ]
    assert links == [
        ("self", None, "https://example.com/blog/feed.xml"),
        ("alternate", None, "https://example.com/blog/"),
        ("alternate", "application/rss+xml", "https://example.com/blog/rss.xml"),
        ("alternate", "application/feed+json", "https://example.com/blog/feed.json"),
    ]
    entry = root.find("a:entry", A)
    assert entry is not None
    assert entry.findtext("a:published", namespaces=A) == "2025-03-01T10:30:00+02:00"
    assert entry.findtext("a:updated", namespaces=A) == "2025-04-01T00:00:00+00:00"
    assert entry.findtext("a:summary", namespaces=A) == "A summary"
    content = entry.find("a:content", A)
    assert content is not None and content.get("type") == "html"
    assert content.text == "<p>Hi &amp; bye</p>"
    assert [e.text for e in entry.findall("a:author/a:name", A)] == ["Ada", "Bob"]
    assert [c.get("term") for c in entry.findall("a:category", A)] == ["news", "python"]


def test_atom_bare() -> None:
    root = ET.fromstring(atom(BARE, [item(summary=None, authors=(), tags=())]))
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") is None
    for tag in ("subtitle", "author", "entry/a:summary", "entry/a:content", "entry/a:category"):
        assert root.find(f"a:{tag}", A) is None, tag
    entry = root.find("a:entry", A)
    assert entry is not None
    # An update earlier than the publication does not go back in time.
    assert entry.findtext("a:updated", namespaces=A) == "2025-03-01T10:30:00+02:00"


def test_atom_needs_an_item() -> None:
    with pytest.raises(ValueError, match="at least one item"):
        atom(BARE, [])


def test_writers_ignore_the_global_namespace_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    # What ET.register_namespace("", ATOM) does, as the Atom writer once did.
    monkeypatch.setitem(ET._namespace_map, ATOM, "")  # type: ignore[attr-defined]
    for writer in (atom, rss):
        parsed = feedparser.parse(writer(INFO, [item()]).encode("utf-8"))
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.feed.title == "Site"


# --- RSS -------------------------------------------------------------------------------------


def test_rss_channel_and_item() -> None:
    updated = dt.datetime(2025, 4, 1, tzinfo=UTC)
    root = ET.fromstring(
        rss(INFO, [item(updated=updated, image="https://example.com/i.png"), item(title="Old")])
    )
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Site"
    assert channel.findtext("link") == "https://example.com/blog/"
    assert channel.findtext("description") == "News"
    assert channel.findtext("language") == "pt-BR"
    assert channel.findtext("lastBuildDate") == "Tue, 01 Apr 2025 00:00:00 +0000"
    assert channel.findtext("dc:creator", namespaces=DC) == "Ada"
    links = [(link.get("rel"), link.get("href")) for link in channel.findall("atom:link", DC)]
    assert links == [
        ("self", "https://example.com/blog/feed.xml"),
        ("alternate", "https://example.com/blog/rss.xml"),
        ("alternate", "https://example.com/blog/feed.json"),
    ]
    element = channel.find("item")
    assert element is not None
    guid = element.find("guid")
    assert guid is not None and guid.get("isPermaLink") == "true"
    assert guid.text == "https://example.com/blog/hello/"
    assert element.findtext("link") == "https://example.com/blog/hello/"
    assert element.findtext("pubDate") == "Sat, 01 Mar 2025 10:30:00 +0200"
    assert element.findtext("description") == "A summary"
    assert [c.text for c in element.findall("category")] == ["news", "python"]
    assert [c.text for c in element.findall("dc:creator", DC)] == ["Ada", "Bob"]
    media = element.find("media:content", DC)
    assert media is not None and media.get("url") == "https://example.com/i.png"


def test_rss_description_is_the_html_content_when_there_is_one() -> None:
    html = '<p>See <a href="https://example.com/x">x</a> &amp; <b>y</b></p>'
    text = rss(BARE, [item(content_html=html)])
    assert "&lt;p&gt;See" in text
    element = ET.fromstring(text).find("channel/item")
    assert element is not None
    assert element.findtext("description") == html
    parsed = feedparser.parse(text.encode("utf-8"))
    assert 'href="https://example.com/x"' in parsed.entries[0].summary


def test_rss_bare_and_empty() -> None:
    root = ET.fromstring(rss(BARE, []))
    channel = root.find("channel")
    assert channel is not None
    # RSS requires a description: the title stands in.
    assert channel.findtext("description") == "Site"
    for tag in ("language", "lastBuildDate", "dc:creator", "item"):
        assert channel.find(tag, DC) is None, tag
    element = ET.fromstring(rss(BARE, [item(summary=None)])).find("channel/item")
    assert element is not None and element.find("description") is None


# --- JSON Feed -------------------------------------------------------------------------------


def test_json_feed() -> None:
    updated = dt.datetime(2025, 4, 1, tzinfo=UTC)
    feed = validate_json(
        json_feed(INFO, [item(updated=updated, content_html="<p>Hi</p>", image="https://e.com/i")])
    )
    assert {key: value for key, value in feed.items() if key != "items"} == {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Site",
        "home_page_url": "https://example.com/blog/",
        "feed_url": "https://example.com/blog/feed.xml",
        "description": "News",
        "language": "pt-BR",
        "authors": [{"name": "Ada"}],
    }
    assert feed["items"] == [
        {
            "id": "https://example.com/blog/hello/",
            "url": "https://example.com/blog/hello/",
            "title": "Hello",
            "content_html": "<p>Hi</p>",
            "summary": "A summary",
            "image": "https://e.com/i",
            "date_published": "2025-03-01T10:30:00+02:00",
            "date_modified": "2025-04-01T00:00:00+00:00",
            "authors": [{"name": "Ada"}, {"name": "Bob"}],
            "tags": ["news", "python"],
        }
    ]


@pytest.mark.parametrize(
    ("changes", "content"),
    [
        ({}, {"content_text": "A summary", "summary": "A summary"}),
        ({"summary": None}, {"content_text": ""}),
        ({"content_html": "<p>x</p>", "summary": None}, {"content_html": "<p>x</p>"}),
    ],
)
def test_json_feed_content(changes: dict[str, Any], content: dict[str, str]) -> None:
    feed = validate_json(json_feed(BARE, [item(authors=(), tags=(), **changes)]))
    assert set(feed) == {"version", "title", "home_page_url", "feed_url", "items"}
    (entry,) = feed["items"]
    assert {key: entry[key] for key in entry if key in {*content, "summary"}} == content
    assert {"authors", "tags", "image", "date_modified"}.isdisjoint(entry)


def test_json_feed_empty() -> None:
    assert validate_json(json_feed(BARE, []))["items"] == []


def test_the_schema_refuses_what_the_spec_refuses() -> None:
    good = validate_json(json_feed(BARE, [item()]))
    for bad in (
        {key: value for key, value in good.items() if key != "title"},
        {**good, "version": "https://jsonfeed.org/version/1"},
        {**good, "authors": []},
        {**good, "author_name": "x"},
        {**good, "items": [{"id": "x", "title": "no content"}]},
        {**good, "items": [{"content_text": "no id"}]},
        {**good, "items": [{"id": 1, "content_text": ""}]},
        {**good, "items": [{"id": "x", "content_text": "", "tags": "a"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(SCHEMA).validate(bad)
    jsonschema.Draft202012Validator(SCHEMA).validate({**good, "_extension": {"any": 1}})


# --- dates -----------------------------------------------------------------------------------


def test_offsets_of_seconds_are_written_in_utc() -> None:
    # Local mean time: Europe/Paris was +00:09:21 before 1911.
    lmt = dt.timezone(dt.timedelta(minutes=9, seconds=21))
    published = dt.datetime(1900, 1, 1, 0, 9, 21, tzinfo=lmt)
    entry = ET.fromstring(atom(BARE, [item(published=published)])).find("a:entry", A)
    assert entry is not None
    assert entry.findtext("a:published", namespaces=A) == "1900-01-01T00:00:00+00:00"
    assert "<pubDate>Mon, 01 Jan 1900 00:00:00 +0000</pubDate>" in rss(
        BARE, [item(published=published)]
    )


_OFFSETS = st.timedeltas(
    min_value=-dt.timedelta(hours=23, minutes=59), max_value=dt.timedelta(hours=23, minutes=59)
)
_DATES = st.builds(
    lambda naive, offset: naive.replace(tzinfo=dt.timezone(offset)),
    st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2200, 1, 1)),
    _OFFSETS,
)


@given(_DATES, st.none() | _DATES)
def test_dates_round_trip(published: dt.datetime, updated: dt.datetime | None) -> None:
    entry_ = item(published=published, updated=updated)
    modified = max(published, updated) if updated else published

    parsed = feedparser.parse(atom(BARE, [entry_]).encode("utf-8")).entries[0]
    assert tuple(parsed.published_parsed)[:6] == published.utctimetuple()[:6]
    assert tuple(parsed.updated_parsed)[:6] == modified.utctimetuple()[:6]
    entry = ET.fromstring(atom(BARE, [entry_])).find("a:entry", A)
    assert entry is not None
    assert dt.datetime.fromisoformat(entry.findtext("a:published", "", A)) == published

    text = rss(BARE, [entry_])
    parsed = feedparser.parse(text.encode("utf-8")).entries[0]
    assert tuple(parsed.published_parsed)[:6] == published.utctimetuple()[:6]
    pub_date = ET.fromstring(text).findtext("channel/item/pubDate", "")
    # RFC 822 has no fractions of a second: they are dropped.
    assert dt.timedelta(0) <= published - parsedate_to_datetime(pub_date) < dt.timedelta(seconds=1)

    (json_entry,) = validate_json(json_feed(BARE, [entry_]))["items"]
    assert dt.datetime.fromisoformat(json_entry["date_published"]) == published
    if updated is None:
        assert "date_modified" not in json_entry
    else:
        assert dt.datetime.fromisoformat(json_entry["date_modified"]) == modified


# --- hostile text ----------------------------------------------------------------------------

# The characters of XML 1.0 (its "Char" production): what the feeds keep.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_C1 = re.compile("[\x80-\x9f]")
_FRAGMENTS = [
    "]]>",
    "<![CDATA[",
    "</script>",
    "<script>alert(1)</script>",
    "&",
    "&amp;",
    "&#0;",
    "<b>",
    '"',
    "'",
    "😀",
    "\ud800",
    "\udfff",
    "\x00",
    "\x0b",
    "\x1f",
    "\x7f",
    "\ufffe",
    "\uffff",
    "\r\n",
    "\r",
    "\t",
    " ",
]
_HOSTILE = st.lists(
    st.sampled_from(_FRAGMENTS)
    # Any character; surrogates and controls are rare in st.characters() alone.
    | st.text(
        st.characters(exclude_categories=()) | st.characters(categories=["Cs", "Cc"]), max_size=4
    ),
    max_size=6,
).map("".join)


def kept(text: str) -> str:
    return _NOT_XML.sub("", text)


def xml_text(text: str) -> str:
    """What an XML parser reads back from ``text`` as character data: line ends normalized."""
    return kept(text).replace("\r\n", "\n").replace("\r", "\n")


def kept_terms(names: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(term for term in map(kept, names) if term))


@given(
    title=_HOSTILE,
    summary=_HOSTILE,
    author=_HOSTILE,
    tags=st.lists(_HOSTILE, max_size=4).map(tuple),
    authors=st.lists(_HOSTILE, max_size=3).map(tuple),
    html=st.none() | _HOSTILE,
)
def test_hostile_text_through_every_writer(
    title: str,
    summary: str,
    author: str,
    tags: tuple[str, ...],
    authors: tuple[str, ...],
    html: str | None,
) -> None:
    info = dataclasses.replace(INFO, title=title, description=summary, author=author)
    entry_ = item(
        title=title, summary=summary, authors=authors, tags=tags, content_html=html or None
    )
    outputs = {name: writer(info, [entry_]) for name, writer in WRITERS.items()}
    for output in outputs.values():
        output.encode("utf-8")  # no lone surrogate

    # Atom: feedparser reads it strictly, and an Atom text construct is text.
    parsed = feedparser.parse(outputs["atom"].encode("utf-8"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.link == INFO.home_url
    (parsed_entry,) = parsed.entries
    # feedparser reads C1 characters as windows-1252 ("\x80" is "€") and repairs what looks
    # like mojibake ("Â¡" is "¡"): the exact text is checked with ElementTree below.
    if title.isascii():
        assert parsed_entry.title == xml_text(title).strip()
    assert parsed_entry.link == entry_.url
    assert parsed_entry.id == entry_.id
    root = ET.fromstring(outputs["atom"].encode("utf-8"))
    assert root.findtext("a:title", namespaces=A) == xml_text(title)
    entry = root.find("a:entry", A)
    assert entry is not None
    assert entry.findtext("a:title", namespaces=A) == xml_text(title)
    assert [c.get("term") for c in entry.findall("a:category", A)] == kept_terms(tags)
    assert [n.text or "" for n in entry.findall("a:author/a:name", A)] == [
        xml_text(name) for name in authors
    ]
    if kept(summary):
        assert entry.findtext("a:summary", namespaces=A) == xml_text(summary)
    if html and kept(html):
        assert entry.findtext("a:content", namespaces=A) == xml_text(html)

    # RSS: feedparser reads it strictly too, but guesses whether RSS text is HTML, so the text
    # is compared as an XML parser reads it.
    parsed = feedparser.parse(outputs["rss"].encode("utf-8"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.link == INFO.home_url
    (parsed_entry,) = parsed.entries
    assert parsed_entry.link == entry_.url
    assert parsed_entry.id == entry_.id
    channel = ET.fromstring(outputs["rss"].encode("utf-8")).find("channel")
    assert channel is not None
    assert channel.findtext("title") == xml_text(title)
    element = channel.find("item")
    assert element is not None
    assert element.findtext("title") == xml_text(title)
    description = html or summary
    if kept(description):
        assert element.findtext("description") == xml_text(description)
    assert [c.text for c in element.findall("category")] == list(map(xml_text, kept_terms(tags)))
    assert [c.text or "" for c in element.findall("dc:creator", DC)] == [
        xml_text(name) for name in authors
    ]

    # JSON Feed: valid against the schema, and the text as the XML feeds keep it.
    feed = validate_json(outputs["json"])
    assert feed["title"] == kept(title)
    (json_entry,) = feed["items"]
    assert json_entry["title"] == kept(title)
    assert json_entry.get("tags", []) == kept_terms(tags)
    assert [a["name"] for a in json_entry.get("authors", [])] == [kept(a) for a in authors]
    if html:
        assert json_entry["content_html"] == kept(html)
    else:
        assert json_entry["content_text"] == kept(summary)


# --- absolute_links --------------------------------------------------------------------------

BASE = "https://example.com/blog/2025/hello/"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="other/">x</a>', '<a href="https://example.com/blog/2025/hello/other/">x</a>'),
        ('<a href="../../x.html">x</a>', '<a href="https://example.com/blog/x.html">x</a>'),
        ('<a href="../../../../../x">x</a>', '<a href="https://example.com/x">x</a>'),
        ('<a href="/root">x</a>', '<a href="https://example.com/root">x</a>'),
        ('<a href="//cdn.example.org/a">x</a>', '<a href="https://cdn.example.org/a">x</a>'),
        ('<a href="#part">x</a>', f'<a href="{BASE}#part">x</a>'),
        ('<a href="?page=2">x</a>', f'<a href="{BASE}?page=2">x</a>'),
        ('<a href="a.html?x=1&amp;y=2#f">', f'<a href="{BASE}a.html?x=1&amp;y=2#f">'),
        ("<img src='i.png' alt=\"i.png\">", f"<img src='{BASE}i.png' alt=\"i.png\">"),
        ("<img src=i.png>", f"<img src={BASE}i.png>"),
        ('<a HREF=" x.html ">', f'<a HREF=" {BASE}x.html ">'),
        ('<video poster="p.jpg"></video>', f'<video poster="{BASE}p.jpg"></video>'),
        (
            '<img srcset="a.png 1x, ../b.png 2x,/c.png 480w">',
            f'<img srcset="{BASE}a.png 1x, https://example.com/blog/2025/b.png 2x,'
            'https://example.com/c.png 480w">',
        ),
        ('<source srcset="a.png, b.png">', f'<source srcset="{BASE}a.png, {BASE}b.png">'),
        # As HTML reads it, one URL: a comma ends a URL only before a space.
        ('<source srcset="a.png,b.png">', f'<source srcset="{BASE}a.png,b.png">'),
        # Left alone: URLs with a scheme, empty values, other attributes.
        ('<a href="https://other.org/x">', '<a href="https://other.org/x">'),
        ('<a href="mailto:ada@example.com">', '<a href="mailto:ada@example.com">'),
        ('<img src="data:image/png;base64,AAAA">', '<img src="data:image/png;base64,AAAA">'),
        (
            '<a href="&#109;&#97;ilto:ada@example.com">',
            '<a href="&#109;&#97;ilto:ada@example.com">',
        ),
        ('<a href="">', '<a href="">'),
        ("<a href>", "<a href>"),
        ('<a title="x.html" data-src="y.png">', '<a title="x.html" data-src="y.png">'),
        # Left alone: text, comments, raw text elements.
        ("href=x.html <b>src=y</b>", "href=x.html <b>src=y</b>"),
        ('<!-- <a href="x.html"> -->', '<!-- <a href="x.html"> -->'),
        (
            '<script>var a = "<img src=x.png>";</script><img src="y.png">',
            f'<script>var a = "<img src=x.png>";</script><img src="{BASE}y.png">',
        ),
        ('<code>&lt;a href="x"&gt;</code>', '<code>&lt;a href="x"&gt;</code>'),
        # A quoted ">" does not end the tag.
        ('<a title="a>b" href="x">', f'<a title="a>b" href="{BASE}x">'),
    ],
)
def test_absolute_links(html: str, expected: str) -> None:
    assert absolute_links(html, BASE) == expected


def test_absolute_links_against_a_file_url() -> None:
    assert absolute_links('<a href="b.html#c">', "https://e.com/a/post.html") == (
        '<a href="https://e.com/a/b.html#c">'
    )
    assert absolute_links('<a href="#c">', "https://e.com/a/post.html") == (
        '<a href="https://e.com/a/post.html#c">'
    )
