"""What every feed format is written from: the feed (:class:`FeedInfo`) and its items
(:class:`FeedItem`), and the text and date rules the writers share."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import format_datetime


@dataclass(frozen=True)
class FeedItem:
    """One post, as a feed shows it. Dates must be aware."""

    id: str
    """The absolute URL of the post, which is also its permalink."""
    url: str
    title: str
    published: dt.datetime
    updated: dt.datetime | None
    summary: str | None
    """Plain text: the post's description."""
    content_html: str | None
    """HTML whose links are already absolute (see :func:`~.links.absolute_links`)."""
    authors: tuple[str, ...]
    """Names."""
    tags: tuple[str, ...]
    """Categories first, then tags, each once (see :func:`terms`)."""
    image: str | None
    """An absolute URL."""

    def __post_init__(self) -> None:
        for date in (self.published, self.updated):
            if date is not None and date.utcoffset() is None:
                raise ValueError(f"a feed item's dates must be aware, not {date!r}")

    @property
    def modified(self) -> dt.datetime:
        """When the item last changed: its update, or its publication if that is later."""
        return max(self.published, self.updated) if self.updated else self.published


@dataclass(frozen=True)
class FeedInfo:
    """The feed itself."""

    title: str
    feed_url: str
    """The absolute URL of this feed file."""
    home_url: str
    """The absolute URL of the listing the feed mirrors: the blog's index, or a tag's page."""
    description: str | None
    language: str | None
    """A language tag: ``en``, ``pt-BR``."""
    author: str | None
    alternates: tuple[tuple[str, str], ...] = ()
    """``(mime type, absolute URL)`` of this same feed in the other formats."""


def terms(categories: Iterable[str], tags: Iterable[str]) -> tuple[str, ...]:
    """A post's categories, then its tags, each once: a tag that repeats an earlier term but
    for case (``Python`` after the category ``python``) is left out."""
    seen: dict[str, str] = {}
    for name in (*categories, *tags):
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def clean_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry, even escaped: most control
    characters, U+FFFE and U+FFFF, and lone surrogates (which PyYAML without libyaml reads from
    ``"\\ud800"``, and UTF-8 cannot encode). Every writer uses it, so the formats agree."""
    return _NOT_XML.sub("", text)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_terms(names: Iterable[str]) -> list[str]:
    """``names`` cleaned, each once (exactly), leaving out those made only of characters
    :func:`clean_text` removes."""
    return [term for term in dict.fromkeys(clean_text(name) for name in names) if term]


def rfc3339(date: dt.datetime) -> str:
    """``2025-01-02T03:04:05+01:00``; in UTC when the offset is not whole minutes (a zone's
    local mean time, before 1900), which RFC 3339 cannot write."""
    return _whole_minutes(date).isoformat()


def rfc822(date: dt.datetime) -> str:
    """``Thu, 02 Jan 2025 03:04:05 +0100``, as RSS wants its dates."""
    return format_datetime(_whole_minutes(date).replace(microsecond=0))


def _whole_minutes(date: dt.datetime) -> dt.datetime:
    offset = date.utcoffset()
    if offset is not None and offset % dt.timedelta(minutes=1):
        return date.astimezone(dt.timezone.utc)
    return date
