"""Dates in documents: whole-line dates in page headers and timestamps in metadata.

A line counts as a date only if it is nothing but a date (an optional label such as
"Posted on:", a weekday, day, month, year, an optional time and zone). Numeric dates are
accepted in ISO order (2018-11-26) or when the day is unambiguous (26/11/2018); "03/04/2018"
is rejected rather than guessed. Without a stated zone the result is naive: "local time of
the source".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as date_parser

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
]
_ZONES: dict[str, int] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "cet": 3600,
    "cest": 7200,
    "eet": 7200,
    "eest": 10800,
}
_FILLER = {"at", "on", "of", "the", "am", "pm", "a", "p", "m", "st", "nd", "rd", "th", "t"}
_ALLOWED_WORDS = set(_MONTHS) | set(_WEEKDAYS) | set(_ZONES) | _FILLER
_LABEL = re.compile(
    r"^(?:posted|published|updated|released|issued|date|dated)(?:\s+on)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ISO_DAY = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d")
_NUMERIC_DAY = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](?:19|20)\d\d\b")
_SECONDS = re.compile(r"\b\d{1,2}:\d\d:\d\d")
_MINUTES = re.compile(r"\b\d{1,2}:\d\d\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_DEFAULTS = (datetime(1901, 1, 1), datetime(1902, 2, 2))
MAX_DATE_LINE = 64


@dataclass(frozen=True)
class DateMatch:
    """A date found in a line, with the precision the line stated."""

    value: datetime
    precision: str
    """'day', 'minute' or 'second'."""


def _precision(text: str) -> str:
    if _SECONDS.search(text):
        return "second"
    if _MINUTES.search(text):
        return "minute"
    return "day"


def _only_date_words(text: str) -> bool:
    return all(word.lower() in _ALLOWED_WORDS for word in _WORD.findall(text))


def _day_first(text: str) -> bool | None:
    """True/False for a numeric d/m/y date whose order is clear, None if it is ambiguous."""
    match = _NUMERIC_DAY.search(text)
    if match is None:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 >= second:
        return True
    if second > 12 >= first:
        return False
    return None


def _parse_strict(text: str, day_first: bool) -> datetime | None:
    """dateutil, accepted only if the text itself gave year, month and day."""
    tzinfos = {name.upper(): offset for name, offset in _ZONES.items()}
    try:
        first, second = (
            date_parser.parse(text, default=default, dayfirst=day_first, tzinfos=tzinfos)
            for default in _DEFAULTS
        )
    except (ValueError, OverflowError, TypeError):
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None
    return first


def parse_date_line(line: str) -> DateMatch | None:
    """The date a line states, if the line is only a date (with optional time), else None."""
    text = _LABEL.sub("", " ".join(line.split()))
    if not 6 <= len(text) <= MAX_DATE_LINE or not _YEAR.search(text):
        return None
    if not _only_date_words(text):
        return None
    has_month_name = any(word.lower() in _MONTHS for word in _WORD.findall(text))
    if not has_month_name and not _ISO_DAY.search(text) and not _NUMERIC_DAY.search(text):
        return None
    day_first = False if _ISO_DAY.search(text) else _day_first(text)
    if day_first is None:
        return None
    value = _parse_strict(text, day_first)
    if value is None or not 1900 <= value.year <= 2100:
        return None
    return DateMatch(value, _precision(text))


def parse_timestamp(value: str | None) -> datetime | None:
    """A timestamp from metadata (ISO 8601, RFC 2822, or a plain date), keeping its offset."""
    if not value or not value.strip():
        return None
    text = value.strip()
    result: datetime | None = None
    try:
        result = datetime.fromisoformat(text)
    except ValueError:
        try:
            result = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            match = parse_date_line(text)
            result = match.value if match else None
    if result is None or not 1900 <= result.year <= 2100:
        return None
    return result
