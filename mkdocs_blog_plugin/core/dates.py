"""Dates from front matter: every kind PyYAML produces, normalised to aware datetimes."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo


class DateError(ValueError):
    """A front-matter value that is not a date."""


def to_datetime(value: object, tz: dt.tzinfo) -> dt.datetime:
    """Return ``value`` as a timezone-aware datetime.

    PyYAML gives an aware datetime for ``...Z``, a naive one for ``2025-01-15T10:00:00``, a
    ``date`` for ``2025-02-01`` and a string for quoted values; naive values are in ``tz``.
    """
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    if isinstance(value, str):
        return _parse_string(value.strip(), tz)
    raise DateError(f"expected a date such as 2025-02-01, got {type(value).__name__}")


_SPACE_BEFORE_OFFSET = re.compile(r"\s+(?=[+-]\d{2}:?\d{2}$)")


def _parse_string(text: str, tz: dt.tzinfo) -> dt.datetime:
    candidate = text
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    candidate = _SPACE_BEFORE_OFFSET.sub("", candidate)  # YAML allows "10:00:00 +02:00"
    try:
        parsed = dt.datetime.fromisoformat(candidate)
    except ValueError:
        raise DateError(
            "not an ISO 8601 date such as 2025-02-01 or 2025-02-01T09:00:00+01:00"
        ) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def zone(name: str) -> dt.tzinfo:
    """The tzinfo of an IANA name (validated by the config already)."""
    return dt.timezone.utc if name.upper() == "UTC" else ZoneInfo(name)


def format_date(moment: dt.datetime, pattern: str) -> str:
    """``strftime`` with ``%-d``/``%-m``/``%-H`` (no leading zero) working on every platform."""
    pattern = (
        pattern.replace("%-d", str(moment.day))
        .replace("%-m", str(moment.month))
        .replace("%-H", str(moment.hour))
    )
    return moment.strftime(pattern)
