"""Paths of the blog's pages from URL formats (``{date}/{slug}``, ``category/{slug}``), and
the slugs Material's blog makes for them.

Paths here are ``docs_dir``-relative folders without a trailing slash (``blog/2024/01/31/x``);
the blog folder ``.`` is the site root.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping

_TAGS = re.compile(r"</?[^>]*>")
_NOT_IN_SLUG = re.compile(r"[^\w\- ]")


def material_slug(text: str, separator: str = "-") -> str:
    """A slug made as Material's blog makes one by default (``pymdownx.slugs.slugify(case=
    "lower")``): NFC, HTML tags removed, lower case, every character that is not a letter,
    digit, ``_``, ``-`` or space dropped, spaces turned into ``separator``.

    ``Café: ünïcode & Friends!`` is ``café-ünïcode--friends``: two spaces around a dropped
    ``&`` make two separators, as in Material, so old URLs stay the same.
    """
    slug = _TAGS.sub("", unicodedata.normalize("NFC", text)).strip().lower()
    return _NOT_IN_SLUG.sub("", slug).replace(" ", separator)


def blog_prefix(blog_dir: str) -> str:
    """What ``src_uri`` of every file in the blog starts with: ``blog/``, or ``""`` for a
    blog that is the whole site (``blog_dir: .``)."""
    return "" if blog_dir in (".", "") else blog_dir.rstrip("/") + "/"


def in_blog(blog_dir: str, *parts: str) -> str:
    """A path in the blog folder: ``in_blog("blog", "tags")`` is ``blog/tags``, and
    ``in_blog(".", "tags")`` is ``tags``."""
    inner = "/".join(part.strip("/") for part in parts if part.strip("/"))
    if blog_dir in (".", ""):
        return inner
    return f"{blog_dir}/{inner}" if inner else blog_dir


class UrlFormatError(ValueError):
    """A URL format, or a value put into it, that cannot make a path in the blog."""


def placeholders(url_format: str) -> set[str]:
    """The names a format string uses: ``{date}/{slug}`` uses ``date`` and ``slug``."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(url_format) if name is not None}
    except ValueError as error:
        raise UrlFormatError(f"{url_format!r} is not a URL format: {error}") from error


def check_url_format(url_format: str, allowed: tuple[str, ...]) -> str | None:
    """Why ``url_format`` cannot be used, or ``None``: only ``allowed`` placeholders, plain
    ``{name}`` ones, and a path that stays in the blog."""
    try:
        names = placeholders(url_format)
    except UrlFormatError as error:
        return str(error)
    unknown = sorted(names - set(allowed))
    if unknown:
        return (
            f"{url_format!r} uses {', '.join('{' + name + '}' for name in unknown)}; "
            f"it may use {', '.join('{' + name + '}' for name in allowed)}"
        )
    try:
        format_path(url_format, {name: "x" for name in allowed})
    except UrlFormatError as error:
        return str(error)
    return None


def format_path(url_format: str, values: Mapping[str, str]) -> str:
    """The folder ``url_format`` gives for ``values``, relative to the blog folder, without
    slashes at either end. Raises :class:`UrlFormatError` when it would be empty, absolute,
    leave the folder (``..``), or hold characters a path must not (``\\``, ``?``, ``#``,
    control characters)."""
    try:
        path = url_format.format_map(dict(values))
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise UrlFormatError(f"{url_format!r} cannot be filled in: {error}") from error
    # Empty segments collapse, as Material's posixpath.normpath collapses them: a post with no
    # category under "{date}/{categories}/{slug}" is at "2024/01/31/slug".
    parts = [part for part in path.strip().split("/") if part]
    path = "/".join(parts)
    if not path or any(part in (".", "..") or part != part.strip() for part in parts):
        raise UrlFormatError(f"{path or url_format!r} is not a path in the blog")
    if any(char in path for char in "\\?#%") or any(
        unicodedata.category(char)[0] == "C" or char in "\t\n\r" for char in path
    ):
        raise UrlFormatError(f"{path!r} holds a character a URL path must not: \\ ? # % or control")
    return path
