"""Relative dates of the dates stage ("yesterday", "two days ago", "last week", "at the
weekend", "last month", "on the 9th", "on Saturday"), each resolved against the reference
date and given ACLED's time precision; ``raqib.extract.dates.Dates`` holds the patterns that
call them and the lexicon tables they read (``words``, ``numbers``)."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

Found = tuple[int, int, date, int, bool]
"""(start, end, value, precision, relative)."""


@dataclass
class Context:
    ref: date | None
    """The reference date: relative expressions need it."""
    anchor: date | None
    """Where year-less dates take their year: the reference date, else a full date in the text."""


_PLURAL = re.compile(r"\b(?:on|every|most|all|some|many|few|other|alternate)\s+$", re.IGNORECASE)
"""Words before a weekday's plural ("on Saturdays", "most Fridays"): days of habit, not a
date."""


def word_key(text: str) -> str:
    return " ".join(text.lower().rstrip(".").split())


def mid_month(year: int, month: int, ref: date | None) -> date:
    """The 15th, or the middle of the days already past in the reference date's month."""
    if ref is not None and (year, month) == (ref.year, ref.month):
        return date(year, month, (1 + ref.day) // 2)
    return date(year, month, 15)


class RelativeDates:
    """The handlers of the relative patterns; ``None`` without a reference date."""

    words: dict[str, dict[str, str]]
    """calendar.tsv: kind -> phrase key -> value."""
    numbers: dict[str, int]
    """numbers.tsv: number word -> value."""

    def _relative_day(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        if ref is None:
            return None
        offset = int(self.words["day"][word_key(match["w"])])
        return match.start(), match.end(), ref + timedelta(days=offset), 1, True

    def _ago(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        if ref is None:
            return None
        text = word_key(match["n"])
        few = text in ("a few", "few", "several")
        count = 3 if few else int(text) if text.isdigit() else self.numbers.get(text, 0)
        unit = self.words["unit"][word_key(match["u"])]
        if unit == "day":
            value, precision = ref - timedelta(days=count), 2 if few else 1
        elif unit == "week":
            value, precision = ref - timedelta(days=7 * count), 2
        else:
            year, month = divmod(ref.year * 12 + ref.month - 1 - count, 12)
            value, precision = mid_month(year, month + 1, ref), 3
        return match.start(), match.end(), value, precision, True

    def _week(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        if ref is None:
            return None
        offset = int(self.words["week"][word_key(match["w"])])
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset)
        middle = monday + (ref - monday) / 2 if offset == 0 else monday + timedelta(days=3)
        return match.start(), match.end(), middle, 2, True

    def _weekend(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        if ref is None:
            return None
        saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
        if int(self.words["weekend"][word_key(match["w"])]) < 0 and ref.weekday() >= 5:
            saturday -= timedelta(days=7)
        return match.start(), match.end(), saturday, 2, True

    def _month_relative(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        if ref is None:
            return None
        offset = int(self.words["monthrel"][word_key(match["w"])])
        year, month = divmod(ref.year * 12 + ref.month - 1 + offset, 12)
        return match.start(), match.end(), mid_month(year, month + 1, ref), 3, True

    def _ordinal_day(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        if ref is None or not re.search(r"\d(?:st|nd|rd|th)$", match["t"], re.IGNORECASE):
            return None
        day = int(match["d"])
        year, month = ref.year, ref.month
        if day > ref.day:
            year, month = divmod(ref.year * 12 + ref.month - 2, 12)
            month += 1
        if day > monthrange(year, month)[1]:
            return None
        return match.start("t"), match.end(), date(year, month, day), 1, True

    def _weekday(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        text, modifier = match["wd"], word_key(match["pre"] or "")
        if ref is None or (text[0].isascii() and text[0].islower()):
            return None
        if modifier in self.words["skip"] or (match["s"] and _PLURAL.search(
                match.string, 0, match.start())):
            return None
        back = (ref.weekday() - int(self.words["weekday"][word_key(text)])) % 7
        if back == 0 and modifier in self.words["last"]:
            back = 7
        return match.start(), match.end(), ref - timedelta(days=back), 1, True
