"""Dates from front matter: every kind PyYAML produces, and the date strings other blog
generators accept, normalised to aware datetimes.

A string is read by the first of three parsers that takes it:

1. ISO 8601, by ``datetime.fromisoformat`` (also Jekyll's ``2019-06-02 09:30:00 +0200``);
2. RFC 2822 (``Fri, 08 Jul 2022 10:00:00 GMT``), by ``email.utils.parsedate_to_datetime``;
3. prose and slashed dates (``July 8, 2022``, ``8 Jul 2022 10:00``, ``2022/07/08``), by
   ``dateutil.parser``, refusing whatever it would have to guess: a part it would fill in
   from a default, a two-digit year, a day/month order, a zone name it does not know.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser


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


# Messages follow "front matter key 'pubDate' has value '...': ", so no capital, no period.
_NOT_A_DATE = "not a date such as 2025-02-01, 2025-02-01T09:00:00+01:00 or 1 February 2025"
_MONTHS = [names[-1] for names in dateutil_parser.parserinfo.MONTHS]  # January...
_WEEKDAYS = [names[-1] for names in dateutil_parser.parserinfo.WEEKDAYS]  # Monday...
_UTC_NAMES = frozenset({"UT", "UTC", "GMT", "Z"})


def _parse_string(text: str, tz: dt.tzinfo) -> dt.datetime:
    parsed = _iso(text) or _rfc2822(text) or _prose(text)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


# --- ISO 8601 -------------------------------------------------------------------------------

_SPACE_BEFORE_OFFSET = re.compile(r"\s+(?=[+-]\d{2}:?\d{2}$)", re.ASCII)
# fromisoformat takes any character between date and time ("2025-02-01+05:00" is 05:00 local):
# only T or a space separates them in ISO 8601 and YAML.
_ISO_DATE_THEN_TIME = re.compile(
    r"[0-9]{4}(?:-[0-9]{2}-[0-9]{2}|[0-9]{4}|-?W[0-9]{2}(?:-?[0-9])?)(?:[Tt ]|$)"
)
# A zone on a date alone: fromisoformat would take "+05:00" for the time (see above).
_ISO_DATE_WITH_ZONE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\s*(Z|z|[+-][0-9]{2}:?[0-9]{2})")


def _iso(text: str) -> dt.datetime | None:
    zoned_date = _ISO_DATE_WITH_ZONE.fullmatch(text)
    if zoned_date is not None:
        day, zone = zoned_date.groups()
        raise DateError(f"a time zone needs a time: write {day}, or {day}T00:00:00{zone}")
    candidate = text
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    candidate = _SPACE_BEFORE_OFFSET.sub("", candidate)  # YAML allows "10:00:00 +02:00"
    if not _ISO_DATE_THEN_TIME.match(candidate):
        return None
    try:
        return dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None


# --- RFC 2822 -------------------------------------------------------------------------------

_RFC2822 = re.compile(
    r"(?:[A-Za-z]{3},\s*)?[0-9]{1,2}\s+[A-Za-z]{3}\s+[0-9]{4}\s+"
    r"[0-9]{2}:[0-9]{2}(?::[0-9]{2})?\s+(?P<zone>[+-][0-9]{4}|[A-Za-z]+)"
)


def _rfc2822(text: str) -> dt.datetime | None:
    match = _RFC2822.fullmatch(text)
    if match is None:
        return None
    zone = match["zone"]
    if zone[0] not in "+-" and zone.upper() not in _UTC_NAMES:
        raise DateError(_unknown_zone(zone))  # RFC 2822's EST, PDT...: US-only, not guessed
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        raise DateError(_NOT_A_DATE) from None
    if parsed.tzinfo is None:  # "-0000": UTC, the writer's own zone unknown (RFC 5322 3.3)
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    _check_weekday(text, parsed.date())
    return parsed


# --- Prose and slashed dates, by dateutil ---------------------------------------------------


class _Refused(Exception):
    """Raised inside dateutil, which turns a ValueError into "Unknown string format"."""


class _ParserInfo(dateutil_parser.parserinfo):
    def __init__(self) -> None:
        # Not "on", "and" or "ad": "on July 8, 2022 and" has words left over, not a date.
        self.JUMP = [word for word in self.JUMP if word not in {"on", "and", "ad"}]
        super().__init__()

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        if year < 100 and not century_specified:
            raise _Refused("two-digit year: write the year with all four digits")
        return year


_INFO = _ParserInfo()
_PARSER = dateutil_parser.parser(_INFO)
# Two sets of defaults: a part dateutil fills in from them comes out different. Days 14 apart,
# so that "Tuesday" (the next Tuesday from the default) differs too.
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2004, 2, 15, 1))

_WORD = re.compile(r"[A-Za-z]+")
_NUMERIC_DATE = re.compile(r"(?<![0-9])([0-9]+)([-/.])([0-9]+)\2([0-9]+)(?![0-9])")
_COMPACT_DATE = re.compile(r"(?<![0-9])([0-9]{4})([0-9]{2})([0-9]{2})(?![0-9])")
_TIME = re.compile(r"(?<![0-9+-])[0-9]{1,2}:[0-9]{2}|[0-9]\s*[ap]\.?m\b", re.ASCII | re.I)
# dateutil reads "GMT+3" the POSIX way, as 3 hours behind GMT; most writers mean ahead.
_UTC_WITH_OFFSET = re.compile(
    r"(?<![A-Za-z])(?:UTC|GMT|UT|Z|z)\s*([+-])\s*([0-9]{1,2})(?::?([0-9]{2}))?(?![0-9])"
)


def _prose(text: str) -> dt.datetime:
    words = _WORD.findall(text)
    named_month = any(_INFO.month(word) is not None for word in words)
    numeric = None if named_month else _NUMERIC_DATE.search(text)
    if numeric is not None and len(numeric[1]) != 4:
        raise DateError(_order_hint(numeric[1], numeric[3], numeric[4]))
    posix = _UTC_WITH_OFFSET.search(text)
    if posix is not None:
        offset = f"{int(posix[2]):02d}:{posix[3] or '00'}"
        raise DateError(
            f"ambiguous zone '{posix[0]}' (tools differ on its sign): write the offset alone, "
            f"+{offset} if ahead of UTC or -{offset} if behind"
        )
    try:
        first, second = (
            _PARSER.parse(text, default=default, tzinfos=_zone) for default in _DEFAULTS
        )
    except _Refused as refused:
        raise DateError(str(refused)) from None
    except (ValueError, OverflowError, IndexError, TypeError):
        raise DateError(_NOT_A_DATE) from None
    pairs = (("year", first.year, second.year), ("month", first.month, second.month))
    missing = [part for part, a, b in (*pairs, ("day", first.day, second.day)) if a != b]
    if missing:
        parts = " and ".join(missing) if len(missing) < 3 else "year, month and day"
        raise DateError(f"no {parts}: write a whole date such as 2025-02-01")
    if first.hour == second.hour and not _TIME.search(text):  # "Jul 8 2022 2023" is 20:23
        raise DateError("unclear time of day: write it with a colon, such as 10:00 or 9:30 PM")
    if first.year < 1000:
        raise DateError(f"year {first.year}: write the year with all four digits")
    if not named_month and _numbers_as_written(text) != (first.year, first.month, first.day):
        raise DateError("numeric dates go year, month, day: write 2025-02-01 for 1 February 2025")
    _check_weekday(text, first.date())
    return first


def _numbers_as_written(text: str) -> tuple[int, int, int] | None:
    """Year, month and day of a numeric date in the order written: 2022/07/08, 20220708."""
    match = _NUMERIC_DATE.search(text)
    if match is not None:
        return int(match[1]), int(match[3]), int(match[4])
    match = _COMPACT_DATE.search(text)
    return None if match is None else (int(match[1]), int(match[2]), int(match[3]))


def _zone(name: str | None, offset: int | None) -> dt.tzinfo | None:
    """dateutil's ``tzinfos``: an offset, UTC, or no zone; never a guess from a name."""
    if name is not None and name.upper() not in _UTC_NAMES:
        if offset is None:
            raise _Refused(_unknown_zone(name))
        raise _Refused(f"time zone '{name}' next to an offset: write the offset alone")
    if offset is None:
        return None if name is None else dt.timezone.utc
    return dt.timezone(dt.timedelta(seconds=offset)) if offset else dt.timezone.utc


def _unknown_zone(name: str) -> str:
    return f"unknown time zone '{name}': write an offset such as +01:00 or -08:00, or UTC"


def _order_hint(first: str, second: str, last: str) -> str:
    """How to write a numeric date that does not start with its year."""
    if len(last) != 4:
        return "ambiguous numeric date: write the year first, with four digits, as in 2025-02-01"
    year = int(last)
    readings = []
    for month, day in sorted({(int(first), int(second)), (int(second), int(first))}):
        try:
            readings.append(dt.date(year, month, day))
        except (ValueError, OverflowError):
            continue
    hints = " or ".join(f"{d.isoformat()} for {d.day} {_MONTHS[d.month - 1]}" for d in readings)
    if len(readings) == 2:
        return f"ambiguous day and month order: write {hints}"
    if readings:
        return f"numeric dates go year, month, day: write {hints}"
    return _NOT_A_DATE


def _check_weekday(text: str, date: dt.date) -> None:
    for word in _WORD.findall(text):
        weekday = _INFO.weekday(word)
        if weekday is not None and weekday != date.weekday():
            raise DateError(
                f"wrong weekday: {date.day} {_MONTHS[date.month - 1]} {date.year} is a "
                f"{_WEEKDAYS[date.weekday()]}, not a {_WEEKDAYS[weekday]}"
            )


# --- Zones and display ----------------------------------------------------------------------


def zone(name: str) -> dt.tzinfo:
    """The tzinfo of an IANA name (validated by the config already)."""
    return dt.timezone.utc if name.upper() == "UTC" else ZoneInfo(name)


CLDR_NAMES = ("short", "medium", "long", "full")


def format_date(moment: dt.datetime, pattern: str, locale: str = "en") -> str:
    """A date as ``pattern`` shows it, in ``locale``'s language.

    ``pattern`` is a CLDR name (``long``: ``February 1, 2025``; with Babel, as Material formats
    dates), a CLDR pattern (``d MMMM y``, ``yyyy/MM/dd``), or a ``strftime`` pattern (it has a
    ``%``), where ``%-d``/``%-m``/``%-H`` (no leading zero) work on every platform.
    """
    if "%" not in pattern:
        return _cldr(moment, pattern, locale)
    cldr = strftime_as_cldr(pattern)
    if cldr is not None:
        # Month and day names in the site's language, as the CLDR pattern it reads as.
        return _cldr(moment, cldr, locale)
    pattern = (
        pattern.replace("%-d", str(moment.day))
        .replace("%-m", str(moment.month))
        .replace("%-H", str(moment.hour))
    )
    return moment.strftime(pattern)


# strftime's directives that have a CLDR field of the same meaning.
_STRFTIME_AS_CLDR = {
    "d": "dd",
    "-d": "d",
    "e": "d",
    "m": "MM",
    "-m": "M",
    "B": "MMMM",
    "b": "MMM",
    "h": "MMM",
    "Y": "yyyy",
    "y": "yy",
    "A": "EEEE",
    "a": "EEE",
    "H": "HH",
    "-H": "H",
    "I": "hh",
    "-I": "h",
    "M": "mm",
    "S": "ss",
    "p": "a",
    "j": "DDD",
    "Z": "z",
    "z": "xx",
}
_DIRECTIVE = re.compile(r"%(-?[A-Za-z%])")
_DAYS = frozenset({"d", "-d", "e", "j"})
_STANDALONE_MONTHS = {"B": "LLLL", "b": "LLL", "h": "LLL"}


@functools.lru_cache(maxsize=64)
def strftime_as_cldr(pattern: str) -> str | None:
    """The CLDR pattern of a ``strftime`` pattern (``%B %-d, %Y``: ``MMMM d, yyyy``), so that
    its names come out in the site's language; ``None`` when it has a directive CLDR has no
    field for (``%U``, ``%c``): ``strftime`` formats it then, in English."""
    out: list[str] = []
    at = 0
    # A month name without a day is the month standing alone: "январь 2025", not the
    # "января" of "5 января 2025" (CLDR's L, where languages have a form of their own).
    alone = not any(match.group(1) in _DAYS for match in _DIRECTIVE.finditer(pattern))
    for match in _DIRECTIVE.finditer(pattern):
        out.append(_quoted(pattern[at : match.start()]))
        code = match.group(1)
        if code == "%":
            out.append(_quoted("%"))
        elif alone and code in _STANDALONE_MONTHS:
            out.append(_STANDALONE_MONTHS[code])
        elif code in _STRFTIME_AS_CLDR:
            out.append(_STRFTIME_AS_CLDR[code])
        else:
            return None
        at = match.end()
    if "%" in pattern[at:]:
        return None  # a lone % at the end
    out.append(_quoted(pattern[at:]))
    return "".join(out)


def _quoted(text: str) -> str:
    """Literal text in a CLDR pattern: letters are quoted, a quote is doubled."""
    if not text:
        return ""
    if not any(char.isalpha() or char == "'" for char in text):
        return text
    return "'" + text.replace("'", "''") + "'"


@functools.lru_cache(maxsize=8192)  # the same dates are formatted for posts, URLs, archives
def _cldr(moment: dt.datetime, pattern: str, locale: str) -> str:
    # Babel is imported on first use: its locale data loads in a few milliseconds.
    from babel.dates import format_date as babel_date
    from babel.dates import format_datetime as babel_datetime

    tag = locale.replace("-", "_")
    if pattern in CLDR_NAMES:
        # The date alone, as Material's blog shows it: a time rarely matters for a post.
        return babel_date(moment.date(), format=pattern, locale=tag)
    return babel_datetime(moment, format=pattern, tzinfo=moment.tzinfo, locale=tag)


def check_date_format(pattern: str, locale: str = "en") -> str | None:
    """Why ``pattern`` cannot format dates, or ``None`` when it can."""
    try:
        format_date(dt.datetime(2025, 2, 1, 9, 30, tzinfo=dt.timezone.utc), pattern, locale)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        return f"{pattern!r} is not a date format ({error})"
    except Exception as error:  # Babel raises its own UnknownLocaleError, and others
        return f"{pattern!r} cannot format dates in {locale!r} ({error})"
    return None
