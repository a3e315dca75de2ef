"""Whether a page's front matter (or its place) says it is not public, in any generator's words.

Every key that a supported generator reads as "keep this off the site" hides the page here too,
and a value that cannot be read for sure hides it as well: publishing a draft cannot be undone,
leaving a page out can. Keys are matched without regard to case, as Hugo reads them, so that
``Draft: true`` hides a page even though Jekyll and Astro would only read ``draft``.

========================  =============================================  =====================
key or place              hides the page when                            whose
========================  =============================================  =====================
``draft``                 ``true``, or anything but ``true``/``false``   Astro, Hugo, Material
``published``             ``false``, or neither a boolean nor a date     Jekyll
``status``                ``draft``, ``private``, ``pending``, ...       WordPress exports
``build.render``          ``never``, ``link`` or ``false``               Hugo
``_build.render``         the same                                       Hugo (before 0.123)
``headless``              ``true``                                       Hugo
``expiryDate``            the date has passed                            Hugo
``publishDate``           the date is still to come                      Hugo
a ``_drafts`` folder      the page is anywhere below one                 Jekyll
========================  =============================================  =====================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs_blog_plugin.core.dates import DateError, to_datetime

DRAFTS_FOLDER = "_drafts"
"""Jekyll keeps unpublished posts in this folder."""

HIDDEN_STATUSES = frozenset({"draft", "private", "pending", "future", "trash", "auto-draft"})
"""Values of ``status`` (as WordPress exports write it) that mean the post is not public."""

_NOT_RENDERED = frozenset({"never", "link"})
"""Hugo's ``build.render`` values for a page that gets no page of its own."""


@dataclass
class Visibility:
    """Why a page is not public (``None``: nothing says so), and what could not be read."""

    hidden_by: str | None = None
    """The first reason found, as the author wrote it: ``published: false``."""
    problems: list[str] = field(default_factory=list)

    def hide(self, reason: str) -> None:
        if self.hidden_by is None:
            self.hidden_by = reason


def not_public(
    path: str, meta: Mapping[str, Any], *, now: dt.datetime, timezone: dt.tzinfo
) -> Visibility:
    """Read every key of ``meta`` that can keep a page off the site, and its place ``path``.

    ``path`` is the page's source path relative to ``docs_dir``; a folder named ``_drafts`` in
    it hides the page. Problems name the file, the key and the value.
    """
    result = Visibility()
    for key, value in meta.items():
        check = _CHECKS.get(str(key).casefold())
        if check is not None:
            check(_Key(path, str(key), value, result, now, timezone))
    if DRAFTS_FOLDER in path.split("/")[:-1]:
        result.hide(f"in a {DRAFTS_FOLDER}/ folder")
    return result


@dataclass
class _Key:
    path: str
    key: str
    value: Any
    result: Visibility
    now: dt.datetime
    timezone: dt.tzinfo

    def unreadable(self, expected: str) -> None:
        self.result.problems.append(
            f"{self.path}: front matter key '{self.key}' has value {self.value!r}: expected "
            f"{expected}; the page is treated as a draft and not published"
        )
        self.result.hide(f"{self.key}: {self.value!r}")

    def date(self) -> dt.datetime | None:
        try:
            return to_datetime(self.value, self.timezone)
        except DateError:
            self.unreadable("a date such as 2025-02-01")
            return None


def _draft(key: _Key) -> None:
    if key.value is True:
        key.result.hide(f"{key.key}: true")
    elif key.value is not False:
        key.unreadable("true or false")


def _published(key: _Key) -> None:
    value = key.value
    if value is False:
        key.result.hide(f"{key.key}: false")
    elif value is None or value is True or isinstance(value, dt.date):
        return  # Jekyll publishes it; a date (Hugo's alias of publishDate) is a date.
    elif isinstance(value, str):
        try:
            to_datetime(value, key.timezone)
        except DateError:
            key.unreadable("true, false or a date")
    else:
        key.unreadable("true, false or a date")


def _status(key: _Key) -> None:
    if isinstance(key.value, str) and key.value.strip().casefold() in HIDDEN_STATUSES:
        key.result.hide(f"{key.key}: {key.value.strip()}")


def _build(key: _Key) -> None:
    if not isinstance(key.value, Mapping):
        return
    for name, render in key.value.items():
        if str(name).casefold() != "render":
            continue
        if render is False or (isinstance(render, str) and render.casefold() in _NOT_RENDERED):
            key.result.hide(f"{key.key}.{name}: {render}")
        elif not (render is True or (isinstance(render, str) and render.casefold() == "always")):
            key.unreadable(f"'{name}' of always, never or link")


def _headless(key: _Key) -> None:
    if key.value is True:
        key.result.hide(f"{key.key}: true")
    elif key.value is not False and key.value is not None:
        key.unreadable("true or false")


def _expiry(key: _Key) -> None:
    if key.value is None:
        return
    moment = key.date()
    if moment is not None and moment <= key.now:
        key.result.hide(f"{key.key}: {moment.date().isoformat()} has passed")


def _publish_date(key: _Key) -> None:
    if key.value is None:
        return
    moment = key.date()
    if moment is not None and moment > key.now:
        key.result.hide(f"{key.key}: {moment.date().isoformat()} is still to come")


_CHECKS: dict[str, Callable[[_Key], None]] = {
    "draft": _draft,
    "published": _published,
    "status": _status,
    "build": _build,
    "_build": _build,
    "headless": _headless,
    "expirydate": _expiry,
    "unpublishdate": _expiry,  # Hugo's other name for expiryDate
    "publishdate": _publish_date,
}
