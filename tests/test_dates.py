"""Dates: the four kinds PyYAML produces, normalised, sorted together; the date strings other
blog generators accept (ISO 8601, RFC 2822, prose), and the ones that would need a guess."""

from __future__ import annotations

import datetime as dt
import email.utils
import warnings
from collections.abc import Callable

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.dates import DateError, format_date, to_datetime, zone
from mkdocs_blog_plugin.core.post import ReadOptions, read_post
from tests.sitebuild import post as post_source

UTC = dt.timezone.utc
BERLIN = zone("Europe/Berlin")
PARIS = zone("Europe/Paris")


def offset(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


@pytest.mark.parametrize(
    ("yaml_value", "tz", "expected"),
    [
        ("2025-02-01T00:00:00Z", UTC, dt.datetime(2025, 2, 1, tzinfo=UTC)),
        ("2025-01-15T10:00:00", UTC, dt.datetime(2025, 1, 15, 10, tzinfo=UTC)),
        ("2025-01-15T10:00:00", BERLIN, dt.datetime(2025, 1, 15, 9, tzinfo=UTC)),
        ("2025-02-01", UTC, dt.datetime(2025, 2, 1, tzinfo=UTC)),
        ("2025-02-01", BERLIN, dt.datetime(2025, 1, 31, 23, tzinfo=UTC)),
        ('"2025-03-01T09:00:00+05:30"', UTC, dt.datetime(2025, 3, 1, 3, 30, tzinfo=UTC)),
        ('"2025-03-01T09:00:00Z"', UTC, dt.datetime(2025, 3, 1, 9, tzinfo=UTC)),
        ('"2025-03-01"', UTC, dt.datetime(2025, 3, 1, tzinfo=UTC)),
        ('"2025-03-01 09:00:00 +02:00"', UTC, dt.datetime(2025, 3, 1, 7, tzinfo=UTC)),
        ("2025-03-01 09:00:00 +02:00", UTC, dt.datetime(2025, 3, 1, 7, tzinfo=UTC)),
    ],
)
def test_every_yaml_kind_becomes_an_aware_datetime(
    yaml_value: str, tz: dt.tzinfo, expected: dt.datetime
) -> None:
    value = yaml.safe_load(f"d: {yaml_value}")["d"]
    result = to_datetime(value, tz)
    assert result.tzinfo is not None
    assert result == expected


def test_mixed_kinds_sort_together() -> None:
    values = yaml.safe_load(
        "[2025-02-01T00:00:00Z, 2025-01-15T10:00:00, 2025-02-02, '2025-03-01T09:00:00+05:30']"
    )
    kinds = {type(v) for v in values}
    assert kinds == {dt.datetime, dt.date, str}
    ordered = sorted(to_datetime(v, UTC) for v in values)
    assert [d.date().isoformat() for d in ordered] == [
        "2025-01-15",
        "2025-02-01",
        "2025-02-02",
        "2025-03-01",
    ]


@pytest.mark.parametrize(
    "value", ["yesterday", "2025-13-01", "01/02/2025", "", 20250101, [1], None]
)
def test_unparseable_values_raise(value: object) -> None:
    with pytest.raises(DateError):
        to_datetime(value, UTC)


# --- Strings, as other generators write them ------------------------------------------------

JULY_8 = dt.datetime(2022, 7, 8, tzinfo=PARIS)
AT_10 = dt.datetime(2022, 7, 8, 10, tzinfo=PARIS)

# Read with tz=Europe/Paris: a naive result is in Paris, a zone in the text wins.
ACCEPTED = [
    # ISO 8601, every form datetime.fromisoformat takes
    ("2022-07-08", JULY_8),
    ("20220708", JULY_8),
    ("2022-W27-5", JULY_8),
    ("2022-07-08T10:00", AT_10),
    ("2022-07-08 10:00", AT_10),
    ("2022-07-08T10", AT_10),
    ("20220708T1000", AT_10),
    ("2022-07-08T10:00:00.250", AT_10.replace(microsecond=250000)),
    ("2022-07-08T10:00:00.123456", AT_10.replace(microsecond=123456)),
    ("2022-07-08T10:00:00Z", dt.datetime(2022, 7, 8, 10, tzinfo=UTC)),
    ("2022-07-08t10:00:00z", dt.datetime(2022, 7, 8, 10, tzinfo=UTC)),
    ("2022-07-08T10:00:00+01:00", dt.datetime(2022, 7, 8, 10, tzinfo=offset(1))),
    ("2022-07-08T10:00:00+0100", dt.datetime(2022, 7, 8, 10, tzinfo=offset(1))),
    ("2022-07-08T10:00:00.5-05:30", dt.datetime(2022, 7, 8, 10, 0, 0, 500000, offset(-5, -30))),
    # Jekyll: a space before the offset
    ("2019-06-02 09:30:00 +0200", dt.datetime(2019, 6, 2, 9, 30, tzinfo=offset(2))),
    ("2019-06-02 09:30:00 +02:00", dt.datetime(2019, 6, 2, 9, 30, tzinfo=offset(2))),
    ("2019-06-02 09:30:00 -0700", dt.datetime(2019, 6, 2, 9, 30, tzinfo=offset(-7))),
    # RFC 2822 (RSS, email)
    ("Fri, 08 Jul 2022 10:00:00 GMT", dt.datetime(2022, 7, 8, 10, tzinfo=UTC)),
    ("Fri, 08 Jul 2022 10:00:00 UT", dt.datetime(2022, 7, 8, 10, tzinfo=UTC)),
    ("Fri, 08 Jul 2022 10:00:00 +0200", dt.datetime(2022, 7, 8, 10, tzinfo=offset(2))),
    ("Fri, 8 Jul 2022 10:00 -0430", dt.datetime(2022, 7, 8, 10, tzinfo=offset(-4, -30))),
    ("08 Jul 2022 10:00:00 +0200", dt.datetime(2022, 7, 8, 10, tzinfo=offset(2))),
    ("Fri, 08 Jul 2022 10:00:00 -0000", dt.datetime(2022, 7, 8, 10, tzinfo=UTC)),
    ("fri, 08 jul 2022 10:00:00 gmt", dt.datetime(2022, 7, 8, 10, tzinfo=UTC)),
    ("Fri, 08 Jul 2022 10:00:00", AT_10),  # no zone: in tz
    ("Fri 08 Jul 2022 10:00:00 GMT", dt.datetime(2022, 7, 8, 10, tzinfo=UTC)),
    # Astro starters and prose
    ("Jul 08 2022", JULY_8),
    ("Jul 8 2022", JULY_8),
    ("July 8, 2022", JULY_8),
    ("July 8 2022", JULY_8),
    ("8 July 2022", JULY_8),
    ("08 Jul 2022", JULY_8),
    ("8-Jul-2022", JULY_8),
    ("Jul-08-2022", JULY_8),
    ("2022 Jul 8", JULY_8),
    ("JULY 8 2022", JULY_8),
    ("July 8th, 2022", JULY_8),
    ("8th of July 2022", JULY_8),
    ("Friday, July 8, 2022", JULY_8),
    ("Sept 8 2022", JULY_8.replace(month=9)),
    ("Feb 29 2024", dt.datetime(2024, 2, 29, tzinfo=PARIS)),
    ("Jul 8 2022 10:00", AT_10),
    ("Jul 8 2022 10:00:30", AT_10.replace(second=30)),
    ("July 8, 2022 at 10:30 PM", dt.datetime(2022, 7, 8, 22, 30, tzinfo=PARIS)),
    ("July 8, 2022 10:30 a.m.", dt.datetime(2022, 7, 8, 10, 30, tzinfo=PARIS)),
    ("Jul 8 2022 10 PM", dt.datetime(2022, 7, 8, 22, tzinfo=PARIS)),
    ("Jul 8, 2022 10:00 UTC", dt.datetime(2022, 7, 8, 10, tzinfo=UTC)),
    ("Jul 8, 2022 10:00 +02:00", dt.datetime(2022, 7, 8, 10, tzinfo=offset(2))),
    ("Jul 8, 2022 10:00 -0800", dt.datetime(2022, 7, 8, 10, tzinfo=offset(-8))),
    # Numeric, year first
    ("2022/07/08", JULY_8),
    ("2022.07.08", JULY_8),
    ("2022/7/8", JULY_8),
    ("2022-7-8", JULY_8),
    ("2022/07/08 10:00", AT_10),
    ("2022.07.08 10:00 +0200", dt.datetime(2022, 7, 8, 10, tzinfo=offset(2))),
    # Surrounding white space
    ("  July 8, 2022\n", JULY_8),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED, ids=[text for text, _ in ACCEPTED])
def test_accepted_strings(text: str, expected: dt.datetime) -> None:
    result = to_datetime(text, PARIS)
    assert result == expected
    assert result.utcoffset() == expected.utcoffset()


ORDER = "ambiguous day and month order: write 2022-01-02 for 2 January or 2022-02-01 for 1 February"
YEAR_FIRST = "numeric dates go year, month, day: write"
NOT_A_DATE = "not a date such as 2025-02-01, 2025-02-01T09:00:00+01:00 or 1 February 2025"

# (text, a part of the message: the how-to-write hint where there is one)
REFUSED = [
    # Day and month order: refused whenever the year is not first, even if one number is > 12
    ("01/02/2022", ORDER),
    ("1.2.2022", ORDER),
    ("1-2-2022", ORDER),
    ("01/02/2022 10:00", ORDER),
    ("13/02/2022", f"{YEAR_FIRST} 2022-02-13 for 13 February"),
    ("02/13/2022", f"{YEAR_FIRST} 2022-02-13 for 13 February"),
    ("01/01/2022", f"{YEAR_FIRST} 2022-01-01 for 1 January"),
    ("02-01-22", "ambiguous numeric date: write the year first, with four digits"),
    ("22/07/08", "ambiguous numeric date: write the year first, with four digits"),
    ("1 2 2022", f"{YEAR_FIRST} 2025-02-01 for 1 February 2025"),
    ("31/31/2022", NOT_A_DATE),
    # Impossible dates
    ("2022/13/02", NOT_A_DATE),
    ("2022/02/30", NOT_A_DATE),
    ("Feb 29 2023", NOT_A_DATE),
    ("2025-13-01", NOT_A_DATE),
    # A part dateutil would take from a default
    ("July 2022", "no day: write a whole date such as 2025-02-01"),
    ("2022", "no month and day: write a whole date"),
    ("July 8", "no year: write a whole date"),
    ("Feb 29", "no year: write a whole date"),
    ("Tuesday", "no year, month and day: write a whole date"),
    ("Tuesday July 2022", "no day: write a whole date"),
    ("10:00", "no year, month and day: write a whole date"),
    # Two- and three-digit years
    ("Jul 8 22", "two-digit year: write the year with all four digits"),
    ("8 July 22", "two-digit year"),
    ("July 8, 22", "two-digit year"),
    ("Fri, 08 Jul 22 10:00:00 GMT", "two-digit year"),
    ("Jul 8 202", "year 202: write the year with all four digits"),
    # Words and numbers that are not a date, or left over
    ("yesterday", NOT_A_DATE),
    ("soon", NOT_A_DATE),
    ("next tuesday", NOT_A_DATE),
    ("today", NOT_A_DATE),
    ("TBD", NOT_A_DATE),
    ("on July 8, 2022", NOT_A_DATE),
    ("July 8, 2022 and", NOT_A_DATE),
    ("July 8 2022 AD", NOT_A_DATE),
    ("July 8 2022 posted by me", NOT_A_DATE),
    ("Jul Aug 8 2022", NOT_A_DATE),
    ("2022-07-08 10:00:00 +02:00 extra", NOT_A_DATE),
    ("2022-07-08 Europe/Paris", NOT_A_DATE),
    ("2022-07-08x10:00", NOT_A_DATE),
    ("Jul 8 2022 10", "unclear time of day: write it with a colon, such as 10:00 or 9:30 PM"),
    ("Jul 8 2022 2023", "unclear time of day"),
    ("Jul 8 2022 10:00 2023", NOT_A_DATE),
    # Zones: names dateutil does not know are not guessed, nor is the sign of "GMT+3"
    ("Jul 8 2022 10:00 PST", "unknown time zone 'PST': write an offset such as +01:00"),
    ("Jul 8 2022 10:00 CET", "unknown time zone 'CET'"),
    ("2022-07-08T10:00:00 EST", "unknown time zone 'EST'"),
    ("Fri, 08 Jul 2022 10:00:00 PST", "unknown time zone 'PST'"),
    ("Fri, 08 Jul 2022 10:00:00 EDT", "unknown time zone 'EDT'"),
    ("Jul 8 2022 10:00 GMT+3", "ambiguous zone 'GMT+3'"),
    ("Jul 8 2022 10:00 UTC+02:00", "+02:00 if ahead of UTC or -02:00 if behind"),
    ("Jul 8 2022 10:00 BRST+3", "time zone 'BRST' next to an offset: write the offset alone"),
    ("Jul 8 2022 10:00 -0300 (BRST)", "time zone 'BRST' next to an offset"),
    ("Jul 8 2022 10:00 +9999", NOT_A_DATE),
    ("2025-02-01Z", "a time zone needs a time: write 2025-02-01, or 2025-02-01T00:00:00Z"),
    ("2025-02-01+05:00", "write 2025-02-01, or 2025-02-01T00:00:00+05:00"),
    # A weekday that is not the date's
    ("Mon, 08 Jul 2022 10:00:00 GMT", "wrong weekday: 8 July 2022 is a Friday, not a Monday"),
    ("Monday, July 8, 2022", "wrong weekday: 8 July 2022 is a Friday, not a Monday"),
    ("", NOT_A_DATE),
    ("   ", NOT_A_DATE),
]


@pytest.mark.parametrize(("text", "hint"), REFUSED, ids=[text for text, _ in REFUSED])
def test_refused_strings(text: str, hint: str) -> None:
    with pytest.raises(DateError) as refused:
        to_datetime(text, PARIS)
    message = str(refused.value)
    assert hint in message
    # Shown after "front matter key 'pubDate' has value '...': ", before "; the post is ..."
    assert message[0].islower() or message[0].isdigit() or message.startswith("'")
    assert not message.endswith("."), message
    assert ";" not in message


def test_a_refusal_reads_well_in_the_post_warning() -> None:
    options = ReadOptions(timezone=UTC, now=dt.datetime(2026, 1, 1, tzinfo=UTC))
    source = post_source({"title": "t", "pubDate": "01/02/2022"}, "Text.\n")
    parsed = read_post("blog/p.md", source, options)
    assert parsed.post.published is None
    assert parsed.problems == [
        f"blog/p.md: front matter key 'pubDate' has value '01/02/2022': {ORDER}; "
        "the post is treated as undated"
    ]


def test_an_unknown_zone_leaks_no_warning() -> None:
    """dateutil warns (UnknownTimezoneWarning) and returns a naive time for a zone it does not
    know; here it is refused, and nothing is warned."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for text in ("Jul 8 2022 10:00 PST", "2022-07-08 10:00 XYZ", "Jul 8 2022 10:00 CEST"):
            with pytest.raises(DateError, match="unknown time zone"):
                to_datetime(text, UTC)
    assert caught == []


# --- Round trips: any moment, written in each accepted style, reads back as itself ----------

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August"]
MONTH_NAMES += ["September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Fixed offsets in whole minutes (all any style can write), and UTC itself.
OFFSETS: st.SearchStrategy[dt.tzinfo] = st.just(UTC) | st.integers(
    -(23 * 60 + 59), 23 * 60 + 59
).map(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)))
FIRST, LAST = dt.datetime(1900, 1, 1), dt.datetime(2100, 12, 31, 23, 59, 59)
NAIVE = st.datetimes(FIRST, LAST).map(lambda moment: moment.replace(microsecond=0, fold=0))
AWARE = st.datetimes(FIRST, LAST, timezones=OFFSETS).map(lambda m: m.replace(microsecond=0))


def _zone_suffix(moment: dt.datetime) -> str:
    return "" if moment.tzinfo is None else moment.strftime(" %z")


def _rfc2822(moment: dt.datetime) -> str:
    written = email.utils.format_datetime(moment)
    return written.removesuffix(" -0000") if moment.tzinfo is None else written


def _prose_time(moment: dt.datetime) -> str:
    month = MONTH_NAMES[moment.month - 1]
    return f"{month} {moment.day}, {moment.year} {moment:%H:%M}{_zone_suffix(moment)}"


def _astro_time(moment: dt.datetime) -> str:
    return f"{MONTH_NAMES[moment.month - 1][:3]} {moment:%d %Y %H:%M}{_zone_suffix(moment)}"


# style -> (how to write a moment, the precision it keeps; GMT styles write aware ones in UTC)
DATETIME_STYLES: dict[str, tuple[Callable[[dt.datetime], str], str]] = {
    "ISO date-time with offset": (dt.datetime.isoformat, "second"),
    "ISO with Z": (lambda m: m.isoformat().replace("+00:00", "Z"), "second"),
    "ISO with space, Jekyll offset": (
        lambda m: m.strftime("%Y-%m-%d %H:%M:%S") + _zone_suffix(m),
        "second",
    ),
    "RFC 2822": (_rfc2822, "second"),
    "RFC 2822 GMT": (
        lambda m: email.utils.format_datetime(m, usegmt=True) if m.tzinfo else _rfc2822(m),
        "second",
    ),
    "Month D, YYYY HH:MM": (_prose_time, "minute"),
    "Mon DD YYYY HH:MM": (_astro_time, "minute"),
}


@given(
    moment=NAIVE | AWARE,
    style=st.sampled_from(sorted(DATETIME_STYLES)),
)
def test_any_datetime_in_any_style_reads_back(moment: dt.datetime, style: str) -> None:
    write, precision = DATETIME_STYLES[style]
    if precision == "minute":
        moment = moment.replace(second=0)
    if "GMT" in style and moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    text = write(moment)
    expected = moment if moment.tzinfo is not None else moment.replace(tzinfo=PARIS)
    result = to_datetime(text, PARIS)
    assert result == expected, text
    assert result.utcoffset() == expected.utcoffset(), text


DATE_STYLES: dict[str, Callable[[dt.date], str]] = {
    "ISO date": dt.date.isoformat,
    "Mon DD YYYY": lambda d: f"{MONTH_NAMES[d.month - 1][:3]} {d:%d %Y}",
    "Month D, YYYY": lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    "D Month YYYY": lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    "Weekday, Month D, YYYY": lambda d: (
        f"{WEEKDAYS[d.weekday()]}, {MONTH_NAMES[d.month - 1]} {d.day}, {d.year}"
    ),
    "YYYY/MM/DD": lambda d: f"{d:%Y/%m/%d}",
    "YYYY.MM.DD": lambda d: f"{d:%Y.%m.%d}",
}


@given(
    day=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    style=st.sampled_from(sorted(DATE_STYLES)),
)
def test_any_date_in_any_style_reads_back(day: dt.date, style: str) -> None:
    text = DATE_STYLES[style](day)
    assert to_datetime(text, PARIS) == dt.datetime(day.year, day.month, day.day, tzinfo=PARIS)


# --- Whatever the text: an aware datetime or a DateError, never a guessed year ---------------

WORDS = st.sampled_from(
    [
        *["Jul", "July", "Sept", "Fri", "Friday", "Monday", "of", "at", "on", "the", "th"],
        *["T", "Z", "GMT", "UTC", "PST", "PM", "am", "a.m.", "+3", "-3", "+0200", "-05:00"],
        *["0", "1", "8", "08", "12", "13", "22", "31", "99", "202", "2022", "20220708"],
        *["10:00", "10:00:00", "9:30", "2022-07-08", "2022/07/08", "01/02/2022", "1.2.2022"],
        *["2022-W27-5", "(", ")", ",", "-", "/", ".", ":"],
    ]
)
NEAR_DATES = st.lists(WORDS, max_size=7).flatmap(
    lambda words: st.sampled_from([" ", "", ", "]).map(lambda sep: sep.join(words))
)


@given(text=NEAR_DATES | st.text(max_size=30))
def test_any_text_is_a_date_or_refused(text: str) -> None:
    try:
        result = to_datetime(text, PARIS)
    except DateError as refused:
        assert str(refused) and not str(refused).endswith(".")
    else:
        assert result.tzinfo is not None
        assert f"{result.year:04d}" in text  # the year is written out, never completed


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("%B %-d, %Y", "February 1, 2025"),
        ("%d %B %Y", "01 February 2025"),
        ("%Y-%m-%d", "2025-02-01"),
    ],
)
def test_format_date(pattern: str, expected: str) -> None:
    assert format_date(dt.datetime(2025, 2, 1, tzinfo=UTC), pattern) == expected
