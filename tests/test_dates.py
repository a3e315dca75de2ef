"""Dates: the four kinds PyYAML produces, normalised, sorted together."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from mkdocs_blog_plugin.core.dates import DateError, format_date, to_datetime, zone

UTC = dt.timezone.utc
BERLIN = zone("Europe/Berlin")


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
