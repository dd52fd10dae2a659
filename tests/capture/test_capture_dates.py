"""Whole-line dates and metadata timestamps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from raqib.capture.dates import parse_date_line, parse_timestamp


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Monday, 26 November 2018 15:07", datetime(2018, 11, 26, 15, 7)),
        ("November 26, 2018", datetime(2018, 11, 26)),
        ("26 Nov 2018", datetime(2018, 11, 26)),
        ("2018-11-26", datetime(2018, 11, 26)),
        ("26/11/2018", datetime(2018, 11, 26)),
        ("11/26/2018", datetime(2018, 11, 26)),
        ("Published: 26 November 2018", datetime(2018, 11, 26)),
    ],
)
def test_date_lines(line: str, expected: datetime) -> None:
    match = parse_date_line(line)
    assert match is not None
    assert match.value == expected


@pytest.mark.parametrize(
    "line",
    [
        "03/04/2018",  # day and month ambiguous: not guessed
        "May 2018",
        "26 November",
        "In November 2018 we saw attacks on the market",
        "Press release",
        "Syrian Coalition",
        "2018",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_precision() -> None:
    assert parse_date_line("2018-11-26 15:07:33").precision == "second"
    assert parse_date_line("26 November 2018 3 pm").precision == "minute"
    assert parse_date_line("26 November 2018").precision == "day"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "2018-11-27T15:40:00+02:00",
            datetime(2018, 11, 27, 15, 40, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2018-11-26T09:00:00Z", datetime(2018, 11, 26, 9, 0, tzinfo=UTC)),
        (
            "Mon, 26 Nov 2018 15:07:00 +0300",
            datetime(2018, 11, 26, 15, 7, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("2018-11-26", datetime(2018, 11, 26)),
        ("26 November 2018", datetime(2018, 11, 26)),
    ],
)
def test_timestamps(value: str, expected: datetime) -> None:
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize("value", [None, "", "soon", "0001-01-01", "9999-12-31T00:00:00"])
def test_bad_timestamps(value: str | None) -> None:
    assert parse_timestamp(value) is None
