"""The post model: front matter read, validated and normalised once per post."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from mkdocs_blog_plugin.core.dates import DateError, to_datetime
from mkdocs_blog_plugin.core.headings import plain_heading_text, title_heading
from mkdocs_blog_plugin.core.slugs import name_key
from mkdocs_blog_plugin.core.visibility import not_public

_YAML = YAMLHandler()


class FrontMatterError(ValueError):
    """Front matter that cannot be read. The post must not be published."""


@dataclass(frozen=True)
class Post:
    """One post, as its front matter describes it."""

    path: str
    """Source path relative to ``docs_dir`` (``blog/2025/leverage.md``); named in messages."""
    title: str
    description: str | None
    published: dt.datetime | None
    updated: dt.datetime | None
    category: str | None
    tags: tuple[str, ...]
    hidden_by: str | None
    """Why the post is a draft (``draft: true``, ``published: false``, ...); ``None`` if it is
    public. See :mod:`mkdocs_blog_plugin.core.visibility`."""
    ads: bool | None
    """``None`` when the front matter does not say, so the site-wide default applies."""
    meta: Mapping[str, Any] = field(repr=False, compare=False)
    """The whole front matter, as MkDocs would have given it to themes as ``page.meta``."""

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
    heading_text: Callable[[str], str | None] = plain_heading_text
    """The text of a title heading from its Markdown source (``# Using `x` *fast*``), as a
    reader sees it; the MkDocs side renders it with the site's Markdown."""


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], str]:
    """Return the front matter mapping and the Markdown body of ``text``.

    Unlike MkDocs, which quietly keeps broken front matter as page text, this raises
    :class:`FrontMatterError` naming the file and the line of the error.
    """
    if not _YAML.detect(text):
        return {}, text
    try:
        raw, body = _YAML.split(text)
    except ValueError:
        raise FrontMatterError(
            f"{path}: the front matter opened by '---' on line 1 is never closed"
        ) from None
    try:
        data = _YAML.load(raw)
    except yaml.YAMLError as error:
        raise FrontMatterError(
            f"{path}: front matter is not valid YAML: {_yaml_where(error)}"
        ) from None
    if data is None:
        return {}, body
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"{path}: front matter must be a mapping of keys to values, got {type(data).__name__}"
        )
    return data, body


def _yaml_where(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return str(problem)
    # The mark counts from 0 within the front matter, which keeps the newline of the '---'
    # line: its line number plus one is the file's line.
    return f"{problem} (line {mark.line + 1} of the file, column {mark.column + 1})"


def read_post(path: str, text: str, options: ReadOptions) -> ParsedPost:
    """Read one post. Raises :class:`FrontMatterError` if its front matter is unreadable."""
    meta, body = split_front_matter(path, text)
    problems: list[str] = []
    reader = _FieldReader(path, meta, problems, options.timezone)

    published = reader.date("pubDate", "date", part="created")
    updated = reader.date("updatedDate", "date", part="updated")
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
        title=reader.text("title") or _title_from_body(body, options) or _title_from_path(path),
        description=reader.text("description"),
        published=published,
        updated=updated,
        category=reader.category(),
        tags=reader.tags(),
        hidden_by=hidden_by,
        ads=reader.ads(),
        meta=meta,
    )
    return ParsedPost(post=post, body=body, problems=problems)


class _FieldReader:
    """Reads typed fields from front matter, recording a problem for each bad value."""

    def __init__(self, path: str, meta: dict[str, Any], problems: list[str], tz: dt.tzinfo) -> None:
        self.path = path
        self.meta = meta
        self.problems = problems
        self.tz = tz

    def problem(self, key: str, value: object, what: str) -> None:
        self.problems.append(f"{self.path}: front matter key '{key}' has value {value!r}: {what}")

    def text(self, key: str) -> str | None:
        value = self.meta.get(key)
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip() or None
        self.problem(key, value, "expected text; ignored")
        return None

    def date(self, key: str, alias: str, *, part: str) -> dt.datetime | None:
        if key in self.meta:
            used, value = key, self.meta[key]
        elif alias in self.meta:
            used, value = alias, self.meta[alias]
            if isinstance(value, dict):  # Material: date: {created: ..., updated: ...}
                used, value = f"{alias}.{part}", value.get(part)
            elif part != "created":
                return None
        else:
            return None
        if value is None:
            return None
        try:
            return to_datetime(value, self.tz)
        except DateError as error:
            self.problem(used, value, f"{error}; the post is treated as undated")
            return None

    def ads(self) -> bool | None:
        value = self.meta.get("ads")
        if value is None or isinstance(value, bool):
            return value
        self.problem("ads", value, "expected true or false; the post gets no ads")
        return False

    def category(self) -> str | None:
        if "category" in self.meta:
            return self._name("category", self.meta["category"])
        value = self.meta.get("categories")
        if value is None:
            return None
        if isinstance(value, list):
            names = [name for item in value if (name := self._name("categories", item))]
            return names[0] if names else None
        return self._name("categories", value)

    def tags(self) -> tuple[str, ...]:
        value = self.meta.get("tags")
        if value is None:
            return ()
        if isinstance(value, str):
            items: list[Any] = value.split(",")
        elif isinstance(value, list):
            items = value
        else:
            self.problem("tags", value, "expected a list of tags; ignored")
            return ()
        names: dict[str, str] = {}
        for item in items:
            name = self._name("tags", item)
            if name:
                names.setdefault(name_key(name), name)
        return tuple(names.values())

    def _name(self, key: str, value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return " ".join(str(value).split()) or None
        self.problem(key, value, "expected a name; ignored")
        return None


def _title_from_body(body: str, options: ReadOptions) -> str | None:
    """The text of the post's first level-1 heading, as a reader sees it."""
    source = title_heading(body)
    return options.heading_text(source) if source is not None else None


def _title_from_path(path: str) -> str:
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    title = stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
