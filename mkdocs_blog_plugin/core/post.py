"""The post model: front matter read, validated and normalised once per post."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mkdocs_blog_plugin.core.fields import FieldReader, Image
from mkdocs_blog_plugin.core.front_matter import FrontMatterError, split_front_matter
from mkdocs_blog_plugin.core.headings import plain_heading_text, title_heading
from mkdocs_blog_plugin.core.meta_files import merge
from mkdocs_blog_plugin.core.visibility import not_public

__all__ = [
    "FrontMatterError",
    "ParsedPost",
    "Post",
    "ReadOptions",
    "read_post",
    "split_front_matter",
]


@dataclass(frozen=True)
class Post:
    """One post, as its front matter describes it."""

    path: str
    """Source path relative to ``docs_dir`` (``blog/2025/leverage.md``); named in messages."""
    title: str
    description: str | None
    published: dt.datetime | None
    updated: dt.datetime | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    """Names, or ids of ``.authors.yml``, as the front matter gives them."""
    image: Image | None
    """The hero image, as the front matter gives it."""
    hidden_by: str | None
    """Why the post is a draft (``draft: true``, ``published: false``, ...); ``None`` if it is
    public. See :mod:`mkdocs_blog_plugin.core.visibility`."""
    ads: bool | None
    """``None`` when the front matter does not say, so the site-wide default applies."""
    meta: Mapping[str, Any] = field(repr=False, compare=False)
    """The whole front matter, as MkDocs would have given it to themes as ``page.meta``."""
    pinned: bool = False
    """``pin: true``: listed first, as in Material's blog."""
    readtime: int | None = None
    """Minutes of reading the front matter gives; else they are counted from the text."""
    related: bool = True
    """``related: false``: no related posts under this one."""

    @property
    def category(self) -> str | None:
        """The first category, for templates and feeds that show one."""
        return self.categories[0] if self.categories else None

    @property
    def draft(self) -> bool:
        """Not to be published: only ``mkdocs serve`` may show it."""
        return self.hidden_by is not None

    @property
    def sort_key(self) -> tuple[float, str, str]:
        """Newest first, ties broken by title then path; undated posts last."""
        stamp = self.published.timestamp() if self.published else float("inf")
        return (-stamp if self.published else stamp, self.title.casefold(), self.path)


@dataclass
class ParsedPost:
    """A post, its Markdown body without front matter, and what was wrong with its input."""

    post: Post
    body: str
    problems: list[str]


@dataclass(frozen=True)
class ReadOptions:
    """What reading a post depends on, beyond its text."""

    timezone: dt.tzinfo
    now: dt.datetime
    future_posts_as_drafts: bool = False
    keys: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """The site's own keys for each field, tried before the default ones (``keys`` option)."""
    heading_text: Callable[[str], str | None] = plain_heading_text
    """The text of a title heading from its Markdown source (``# Using `x` *fast*``), as a
    reader sees it; the MkDocs side renders it with the site's Markdown."""


def read_post(
    path: str, text: str, options: ReadOptions, defaults: Mapping[str, Any] | None = None
) -> ParsedPost:
    """Read one post. Raises :class:`FrontMatterError` if its front matter is unreadable.

    ``defaults`` are keys the post's folder gives it (``.meta.yml``), under its own.
    """
    meta, body = split_front_matter(path, text)
    if defaults:
        meta = merge(defaults, meta)
    problems: list[str] = []
    reader = FieldReader(path, meta, problems, options.timezone, options.keys)

    published = reader.published()
    if published is None and not reader.has_date():
        published = _date_from_file_name(path, options.timezone)
    updated = reader.updated()
    visibility = not_public(path, meta, now=options.now, timezone=options.timezone)
    problems.extend(visibility.problems)
    hidden_by = visibility.hidden_by
    if (
        hidden_by is None
        and options.future_posts_as_drafts
        and not any(str(key).casefold() == "draft" for key in meta)
        and published is not None
        and published > options.now
    ):
        hidden_by = "dated in the future (future_posts_as_drafts)"

    post = Post(
        path=path,
        title=reader.title() or _title_from_body(body, options) or _title_from_path(path),
        description=reader.description(),
        published=published,
        updated=updated,
        categories=reader.categories(),
        tags=reader.tags(),
        authors=reader.authors(),
        image=reader.image(),
        hidden_by=hidden_by,
        ads=reader.ads(),
        pinned=reader.flag("pin"),
        readtime=reader.readtime(),
        related=reader.flag("related", default=True),
        meta=meta,
    )
    return ParsedPost(post=post, body=body, problems=problems)


def _title_from_body(body: str, options: ReadOptions) -> str | None:
    """The text of the post's first level-1 heading, as a reader sees it."""
    source = title_heading(body)
    return options.heading_text(source) if source is not None else None


_DATED_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})-")


def _date_from_file_name(path: str, tz: dt.tzinfo) -> dt.datetime | None:
    """Jekyll's ``_posts/2019-06-02-welcome.md``: the date in the file name, when no key has one."""
    match = _DATED_NAME.match(path.rsplit("/", 1)[-1])
    if match is None:
        return None
    try:
        year, month, day = (int(part) for part in match.groups())
        return dt.datetime(year, month, day, tzinfo=tz)
    except ValueError:
        return None


def _title_from_path(path: str) -> str:
    parts = path.split("/")
    stem = _DATED_NAME.sub("", parts[-1].rsplit(".", 1)[0], count=1)  # Jekyll's date prefix
    if stem.lower() in ("index", "readme") and len(parts) > 1:
        stem = parts[-2]  # a folder post is named after its folder
    title = stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
