"""Which front-matter keys give each field of a post: ours, and those of other generators.

Posts written for Astro, Jekyll, Hugo or Material's blog are read as they are, with no
configuration. For each field the keys are tried in order and the first one present with a
value wins (an empty value, ``image: ''``, counts as absent). The ``keys`` option puts a site's
own keys first. Keys are found as written, else in any case (Hugo's ``Title``, MultiMarkdown's
``title``).

==============  ==============================================================================
field           keys, in order
==============  ==============================================================================
``pubDate``     ``pubDate``, ``date`` (or Material's ``date.created``), ``published`` (when it
                is a date: ``published: false`` makes a draft), ``pubDatetime``, ``created``,
                ``publishDate`` (Hugo's, which also hides the post until then)
``updatedDate`` ``updatedDate``, Material's ``date.updated``, ``updated``, ``lastmod``,
                ``modDatetime``, ``last_modified_at``
``description`` ``description``, ``summary``, ``excerpt`` (when it is text)
``category``    ``category`` and ``categories`` together (a list, or Jekyll's names separated by
                spaces)
``tags``        ``tags`` (a list, or names separated by commas, else by spaces as Jekyll)
``image``       ``heroImage``, ``image``, ``cover``, ``ogImage``, ``images`` (the first); a
                path or URL, or ``{src, alt}`` (also ``image``, ``url`` or ``path`` for src)
``authors``     ``authors`` and ``author`` together (a name or id, or a list of them)
==============  ==============================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from mkdocs_blog_plugin.core.dates import DateError, to_datetime
from mkdocs_blog_plugin.core.slugs import name_key

FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "pubDate": ("pubDate", "date", "published", "pubDatetime", "created", "publishDate"),
    "updatedDate": ("updatedDate", "date", "updated", "lastmod", "modDatetime", "last_modified_at"),
    "description": ("description", "summary", "excerpt"),
    "category": ("category", "categories"),
    "tags": ("tags",),
    "image": ("heroImage", "image", "cover", "ogImage", "images"),
    "authors": ("authors", "author"),
}
"""Each field's keys, in the order they are tried. ``date`` is Material's, for both dates."""

_IMAGE_SRC_KEYS = ("src", "image", "url", "path")  # path: jekyll-seo-tag


@dataclass(frozen=True)
class Image:
    """A post's hero image as its front matter gives it: not yet resolved to a file."""

    src: str
    """A path (relative to the post, or to ``docs_dir`` with a leading ``/``) or an http(s)
    URL."""
    alt: str | None


def is_safe_url(value: str) -> bool:
    """A URL that may be put in a page: relative, or http(s). Not ``javascript:``, ``data:``,
    or a scheme-relative ``//host`` (which takes the page's scheme, whatever it is)."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    if parts.scheme:
        return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    # Browsers read a backslash as "/": "\\evil.example/x" and "/\\evil" would be "//host".
    return not value.startswith("//") and not any(ord(char) < 32 or char == "\\" for char in value)


class FieldReader:
    """Reads a post's fields from its front matter, recording a problem for each bad value."""

    def __init__(
        self,
        path: str,
        meta: Mapping[str, Any],
        problems: list[str],
        tz: dt.tzinfo,
        keys: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.path = path
        self.meta = meta
        self.problems = problems
        self.tz = tz
        self.keys = {
            field: tuple(dict.fromkeys([*(keys or {}).get(field, ()), *defaults]))
            for field, defaults in FIELD_KEYS.items()
        }
        # Hugo reads keys in any case (`Title`, `Date`), and MultiMarkdown's are lower case: a
        # key is found as written, else in another case.
        self._folded: dict[str, str] = {}
        for written in meta:
            self._folded.setdefault(str(written).casefold(), written)

    def problem(self, key: str, value: object, what: str) -> None:
        self.problems.append(f"{self.path}: front matter key '{key}' has value {value!r}: {what}")

    def _present(self, field: str) -> list[tuple[str, str, Any]]:
        """The field's keys that have a value, in order: ``(key, as written, value)``."""
        found = []
        for key in self.keys[field]:
            written = key if key in self.meta else self._folded.get(key.casefold())
            if written is not None and not _empty(self.meta[written]):
                found.append((key, written, self.meta[written]))
        return found

    def has_date(self) -> bool:
        """Whether a publication-date key holds something other than a boolean."""
        return any(
            not isinstance(value, bool) for _key, _written, value in self._present("pubDate")
        )

    def text(self, key: str) -> str | None:
        value = self.meta.get(key)
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip() or None
        self.problem(key, value, "expected text; ignored")
        return None

    def title(self) -> str | None:
        written = "title" if "title" in self.meta else self._folded.get("title")
        return self.text(written) if written is not None else None

    def description(self) -> str | None:
        for key, written, value in self._present("description"):
            if key == "excerpt" and not isinstance(value, str):
                continue  # Jekyll may hold something else there
            return self.text(written)
        return None

    def published(self) -> dt.datetime | None:
        return self._date("pubDate", part="created")

    def updated(self) -> dt.datetime | None:
        return self._date("updatedDate", part="updated")

    def _date(self, field: str, *, part: str) -> dt.datetime | None:
        for key, used, value in self._present(field):
            if key == "date" and isinstance(value, Mapping):  # Material: date: {created, ...}
                used, value = f"{used}.{part}", value.get(part)
                if _empty(value):
                    continue
            elif key == "date" and part != "created":
                continue  # a plain `date` is the publication date
            elif key == "published" and isinstance(value, bool):
                continue  # published: false is a draft (see visibility), not a date
            try:
                return to_datetime(value, self.tz)
            except DateError as error:
                what = "the post is treated as undated" if part == "created" else "ignored"
                self.problem(used, value, f"{error}; {what}")
                return None
        return None

    def ads(self) -> bool | None:
        value = self.meta.get("ads")
        if value is None or isinstance(value, bool):
            return value
        self.problem("ads", value, "expected true or false; the post gets no ads")
        return False

    def flag(self, key: str, *, default: bool = False) -> bool:
        """A true/false key (``pin``, ``related``), in any case; anything else is a problem,
        and ``default``."""
        written = key if key in self.meta else self._folded.get(key.casefold())
        value = self.meta.get(written) if written is not None else None
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        self.problem(written or key, value, f"expected true or false; taken as {default}")
        return default

    def readtime(self) -> int | None:
        """Minutes of reading the author gives (``readtime: 15``, Material's key)."""
        value = self.meta.get("readtime")
        if value is None or (value == 0 and not isinstance(value, bool)):
            return None  # Material reads 0 as "count it"
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        self.problem("readtime", value, "expected a whole number of minutes; it is counted")
        return None

    def categories(self) -> tuple[str, ...]:
        names: list[str] = []
        for key, written, value in self._present("category"):
            if key == "categories" and isinstance(value, str):
                names += value.split()  # Jekyll: `categories: jekyll update` is two
            elif isinstance(value, list):
                names += [name for item in value if (name := self._name(written, item))]
            elif name := self._name(written, value):
                names.append(name)
        return _unique(names)

    def tags(self) -> tuple[str, ...]:
        names: list[str] = []
        for _key, written, value in self._present("tags"):
            if isinstance(value, str):
                # Names separated by commas; without a comma, by spaces, as Jekyll reads them.
                items: list[Any] = value.split(",") if "," in value else value.split()
            elif isinstance(value, list):
                items = value
            else:
                self.problem(written, value, "expected a list of tags; ignored")
                continue
            names += [name for item in items if (name := self._name(written, item))]
        return _unique(names)

    def authors(self) -> tuple[str, ...]:
        names: list[str] = []
        for _key, written, value in self._present("authors"):
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, Mapping):  # Hugo themes: author: {name: ...}
                    item = item.get("name")
                if name := self._name(written, item):
                    names.append(name)
        return _unique(names)

    def image(self) -> Image | None:
        for key, written, value in self._present("image"):
            if key == "images" and isinstance(value, list):
                value = value[0]
                if _empty(value):
                    continue
            src, alt = value, None
            if isinstance(value, Mapping):
                src = next((value[k] for k in _IMAGE_SRC_KEYS if not _empty(value.get(k))), None)
                alt = value.get("alt")
            if not isinstance(src, str) or (alt is not None and not isinstance(alt, str)):
                self.problem(written, value, "expected a path or URL, or {src, alt}; no image")
                return None
            if not is_safe_url(src.strip()):
                self.problem(written, value, "only a relative path or an http(s) URL; no image")
                return None
            return Image(src=src.strip(), alt=alt.strip() if alt else None)
        return None

    def _name(self, key: str, value: object) -> str | None:
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return " ".join(str(value).split()) or None
        self.problem(key, value, "expected a name; ignored")
        return None


def _empty(value: object) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, (list, dict)) and not value)


def _unique(names: list[str]) -> tuple[str, ...]:
    """Names that differ only in case or spacing count once: the first spelling stays."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name_key(name), name)
    return tuple(seen.values())
