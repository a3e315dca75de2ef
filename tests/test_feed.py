"""The Atom feed: the pure builder, and the file a real build writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.feed import ATOM, atom_feed
from mkdocs_blog_plugin.core.post import Post, ReadOptions, read_post
from tests.sitebuild import build_site, post

NS = {"a": ATOM}
UTC = dt.timezone.utc
OPTIONS = ReadOptions(timezone=UTC, now=dt.datetime(2026, 1, 1, tzinfo=UTC))


def make(title: str, date: str | None, **extra: object) -> Post:
    front: dict[str, object] = {"title": title, **extra}
    if date:
        front["pubDate"] = date
    return read_post(f"blog/{len(title)}.md", post(front), OPTIONS).post


def feed_of(posts: list[Post], limit: int = 20) -> ET.Element:
    xml = atom_feed(
        posts,
        title="Site",
        feed_url="https://example.com/blog/feed.xml",
        site_url="https://example.com/blog/",
        url_of=lambda p: f"https://example.com/{p.path}",
        limit=limit,
    )
    assert xml is not None
    return ET.fromstring(xml)


def test_entries_newest_first_without_drafts_or_undated() -> None:
    posts = [
        make("New", "2025-03-01", tags=["a"], category="c", description="Desc"),
        make("Draft", "2025-02-01", draft=True),
        make("Old", "2025-01-01", updatedDate="2025-04-01"),
        make("Undated", None),
    ]
    root = feed_of(posts)
    titles = [e.findtext("a:title", namespaces=NS) for e in root.findall("a:entry", NS)]
    assert titles == ["New", "Old"]
    first = root.find("a:entry", NS)
    assert first is not None
    assert first.findtext("a:summary", namespaces=NS) == "Desc"
    assert [c.get("term") for c in first.findall("a:category", NS)] == ["c", "a"]
    assert root.findtext("a:updated", namespaces=NS) == "2025-04-01T00:00:00+00:00"


def test_limit_and_empty() -> None:
    posts = [make(f"P{i}", f"2025-01-{i:02}") for i in range(1, 10)]
    assert len(feed_of(posts, limit=3).findall("a:entry", NS)) == 3
    assert atom_feed([], title="t", feed_url="u", site_url="s", url_of=str) is None


@given(st.text(max_size=60))
def test_any_title_gives_well_formed_xml(title: str) -> None:
    root = feed_of([make(title or "x", "2025-01-01", description=title or None)])
    assert root.find("a:entry", NS) is not None


# The characters of XML 1.0 (its "Char" production).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_any_tag_or_category_gives_well_formed_xml(tag: str, category: str) -> None:
    post_ = dataclasses.replace(make("x", "2025-01-01"), tags=(tag,), categories=(category,))
    entry = feed_of([post_]).find("a:entry", NS)
    assert entry is not None
    terms = [element.get("term") for element in entry.findall("a:category", NS)]
    expected = [_NOT_XML.sub("", name) for name in (category, tag)]
    assert terms == list(dict.fromkeys(term for term in expected if term))


def test_lone_surrogates_are_dropped_so_the_feed_encodes() -> None:
    # PyYAML without libyaml reads "\ud800" in a quoted title as a lone surrogate.
    post_ = dataclasses.replace(make("x", "2025-01-01"), title="a\ud800b", description="c\udfffd")
    xml = atom_feed(
        [post_], title="Site", feed_url="u", site_url="s", url_of=lambda p: "https://e.com/"
    )
    assert xml is not None
    entry = ET.fromstring(xml.encode("utf-8")).find("a:entry", NS)
    assert entry is not None
    assert entry.findtext("a:title", namespaces=NS) == "ab"
    assert entry.findtext("a:summary", namespaces=NS) == "cd"


def test_build_writes_the_feed_and_links_it(tmp_path: Path) -> None:
    site = build_site(tmp_path, config={"site_author": "Ada"})
    root = ET.fromstring((site.site_dir / "feed.xml").read_bytes())
    links = [e.find("a:link", NS).get("href") for e in root.findall("a:entry", NS)]  # type: ignore[union-attr]
    assert links[0] == "https://example.com/sub/path/blog/quoted/"
    assert len(links) == 5
    assert root.findtext("a:author/a:name", namespaces=NS) == "Ada"
    link = site.soup("blog/2025/leverage/").select_one('link[type="application/atom+xml"]')
    assert link is not None and site.resolve("blog/2025/leverage/", str(link["href"])) == (
        "feed.xml"
    )
    assert site.soup("").select_one('link[type="application/atom+xml"]') is None


@pytest.mark.parametrize(
    ("config", "feed"),
    [
        ({"site_url": None}, {}),
        ({}, {"enabled": False}),
    ],
)
def test_no_feed(tmp_path: Path, config: dict[str, object], feed: dict[str, object]) -> None:
    site = build_site(tmp_path, config=config, plugin={"feed": feed})
    assert not (site.site_dir / "feed.xml").exists()
    assert site.soup("blog/").select_one('link[type="application/atom+xml"]') is None


def test_feed_options(tmp_path: Path) -> None:
    site = build_site(tmp_path, plugin={"feed": {"path": "atom.xml", "limit": 2, "title": "News"}})
    root = ET.fromstring((site.site_dir / "atom.xml").read_bytes())
    assert root.findtext("a:title", namespaces=NS) == "News"
    assert len(root.findall("a:entry", NS)) == 2
