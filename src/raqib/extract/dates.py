"""Dates: explicit and relative, resolved against the reference date, with ACLED precision.

The stage runs a short list of regular expressions, most specific first (ISO dates, numeric
dates, ranges, "9 May 2020", "May 9, 2020", "May 2020", "yesterday", "two days ago", "last
week", "in May", "on the 9th", "on Saturday"); a later pattern never takes words an earlier one
took (the relative ones are resolved in ``raqib.extract.relative_dates``). Words come from
``resources/lexicon/calendar.tsv`` (English and Arabic month and weekday
names, French month names, relative phrases) and ``numbers.tsv`` (number words);
Arabic-Indic digits are digits.

ACLED time precision: 1 the day is known; 2 a range of days or a week (coded as its first
day, or the middle of the week); 3 only the month (coded as the 15th, or the middle of the
days already past when it is the reference date's own month). Year-less dates take the
reference date's year, or the year before when that would put them after the reference date.
Without a reference date, relative expressions are skipped and year-less dates take their
year from a full date in the same text, if there is one. A date after words that make it
the limit of a period ("since 17 September", "by 10 October") has the role ``bound`` (v2): it
is kept for the other stages, but no event takes it as its date. Relative dates count from
the text's own dateline ("Published April 8 2017" near its start) when it has one (v2).
A month with its day and year run together, as scraped pages print datelines ("Last updated
at Apr 152017"), is a date (v3). French month names, which French writes in lower case ("le
28 novembre 2018", "1er octobre"), are months; English ones still need their capital (v5).
"In May 20 people ..." is a month and a count, unless the text names that month and day again
where they can only be a date ("in April 15 Terrorist Attack" in a headline, "on April 15" in
the text) (v6).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import date

from raqib.extract.lexicon import read_lexicon
from raqib.extract.model import Analysis, DateMention, Options
from raqib.extract.relative_dates import Context, Found, RelativeDates, mid_month, word_key

_ORD = r"(?:st|nd|rd|th|er)?"
_FUNCTION_WORDS = (r"(?:and|or|in|at|on|of|to|for|from|with|by|as|the|a|an|is|are|was|were|"
                   r"when|until|till|through|between|during|after|before)")
"""Words that follow a weekday's plural ("on Fridays and Saturdays in the town"), never its
possessive ("Saturdays attacks")."""
_SEP = r"\s*(?P<sep>-|–|—|to|and|until|till)\s*"
_BIRTH_WINDOW = 16
_ROLE_WINDOW = 40
_DATELINE_WITHIN = 400
EITHER_DAYS = 7
"""How near the reference date one reading of an all-numeric date whose day and month could
be either must lie to be taken (v8)."""
ROLES = ("bound",)
"""Kinds of calendar.tsv words before a date that say it is not the day of an event."""

def _alternation(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


class Dates(RelativeDates):
    name = "extract.dates.v14"

    def __init__(self, calendar_rows: list[list[str]], number_rows: list[list[str]]) -> None:
        self.words = {}
        for kind, phrase, value in calendar_rows:
            self.words.setdefault(kind, {})[phrase.lower()] = value
        lower = self.words.pop("lowermonth", {})
        self.lower_months = frozenset(lower)
        self.words["month"].update(lower)
        self.numbers = {r[0]: int(r[2]) for r in number_rows if r[1] in ("unit", "teen", "ten")}
        self.numbers.update({"a": 1, "an": 1})
        alt = {kind: _alternation(list(table)) for kind, table in self.words.items()}
        self._birth = re.compile(rf"\b(?:{alt['nobirth']})\W*$", re.IGNORECASE)
        self._hedge = re.compile(rf"\b(?:{alt['approx']})\s+$", re.IGNORECASE)
        self._tag = re.compile(rf"\s*\((?:{alt['tag']})\)", re.IGNORECASE)
        # words of each kind right before a date ("since 17 September", "Published 8 April")
        self._before = {kind: re.compile(rf"(?<!\w)(?:{alt[kind]})\W*(?:the\s+)?$",
                                         re.IGNORECASE) for kind in (*ROLES, "dateline")}
        self._dateline_anywhere = re.compile(rf"(?<!\w)(?:{alt['dateline']})(?!\w)",
                                             re.IGNORECASE)
        self._patterns = [
            (re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in self._rules(alt)
        ]
        m, day = alt["month"], rf"(?P<d>\d{{1,2}}){_ORD}"
        self._month_days = re.compile(  # "April 15", "15 April", "the 15th of April"
            rf"\b(?:(?P<m>{m})\.?\s+{day}|(?P<d2>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<m2>{m}))\b",
            re.IGNORECASE)

    def _rules(
        self, alt: dict[str, str]
    ) -> list[tuple[str, Callable[[re.Match[str], Context], Found | None]]]:
        """The patterns, most specific first, each with the handler that resolves its match."""
        m, wd = alt["month"], alt["weekday"]
        day, year = rf"(?P<d>\d{{1,2}}){_ORD}", r"(?P<y>\d{4})"
        pre = rf"(?:(?P<wd>{wd})(?:\s+(?:{alt['daypart']}))?\.?,?\s+(?:the\s+)?)?"
        number = _alternation([*self.numbers, "a few", "few", "several"])
        return [
            (r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d\d?)-(?P<d>\d\d?)(?![\d-])", self._iso),
            (r"(?<![\d/.-])(?P<a>\d\d?)(?P<sep>[/.-])(?P<b>\d\d?)(?P=sep)(?P<y>\d{4})(?![\d/-])",
             self._numeric),
            (
                rf"\b(?:(?P<btw>between)\s+(?:the\s+)?)?(?P<d1>\d{{1,2}}){_ORD}"
                rf"(?:\s+(?P<m1>{m})\.?)?(?:,?\s+(?P<y1>\d{{4}}))?{_SEP}(?:the\s+)?"
                rf"(?P<d2>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<m2>{m})\b\.?(?:,?\s+(?P<y2>\d{{4}})\b)?",
                self._range,
            ),
            (
                rf"\b(?:(?P<btw>between)\s+)?(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}}){_ORD}{_SEP}"
                rf"(?:(?P<m2>{m})\.?\s+)?(?P<d2>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<y2>\d{{4}})\b)?",
                self._range,
            ),
            (
                rf"\b{pre}{day}(?:\s+of)?\s+(?P<m>{m})\b\.?(?:\s*/\s*(?:{m})\b)?"
                rf"(?:,?\s+{year}\b)?",
                self._day_month,
            ),
            (rf"\b{pre}(?P<m>{m})\.?\s+{day}\b(?:,?\s+{year}\b)?", self._day_month),
            # "the first of May", "the twenty-first of April 2019" (v10)
            (rf"\b{pre}the\s+(?P<o>{alt['ordinal']})\s+of\s+(?P<m>{m})\b\.?(?:,?\s+{year}\b)?",
             self._ordinal_month),
            # a scraped page's dateline with day and year run together ("Apr 152017")
            (rf"\b{pre}(?P<m>{m})\.?\s+(?P<d>\d{{1,2}})(?P<y>(?:19|20)\d\d)\b", self._day_month),
            (
                rf"\b(?:(?:{alt['part']})[\s-]+)?(?P<m>{m})\b\.?,?\s+(?:of\s+)?{year}\b",
                self._month_year,
            ),
            (rf"\b(?P<w>{alt['day']})\b", self._relative_day),
            (rf"\b(?P<n>\d{{1,2}}|{number})\s+(?P<u>{alt['unit']})\s+ago\b", self._ago),
            (rf"\b(?P<w>{alt['week']})\b", self._week),
            (rf"\b(?P<w>{alt['weekend']})\b", self._weekend),
            (rf"\b(?P<w>{alt['monthrel']})\b", self._month_relative),
            (rf"\b(?:{alt['in']}|{alt['part']})[\s-]+(?P<m>{m})\b", self._month_only),
            (rf"\bon\s+(?P<t>the\s+{day})(?!\w)", self._ordinal_day),
            # "Saturdays attacks": a weekday's possessive as scraped text prints it, without
            # its apostrophe (v9); a plural ("on Saturdays") is no day (``_weekday``)
            (rf"\b(?:(?P<pre>{alt['last']}|{alt['skip']})\s+)?(?P<wd>{wd})"
             rf"(?:(?P<s>s)(?=\s+(?-i:[a-z]))(?!\s+{_FUNCTION_WORDS}\b))?\b", self._weekday),
        ]

    def __call__(self, doc: Analysis) -> None:
        dateline = self._dateline(doc.text, doc.reference_date)
        if dateline is not None:
            start, end, doc.published = dateline
            doc.dateline = doc.span(start, end)
        ref = doc.published or doc.reference_date
        for start, end, value, precision, relative in self.find(doc.text, ref):
            doc.dates.append(DateMention(doc.span(start, end), value, precision, relative,
                                         self._role(doc.text, start)))

    def _role(self, text: str, start: int) -> str:
        """'bound' when the words before the date give it that role, else ''."""
        return next((role for role in ROLES if self._preceded(text, start, role)), "")

    def _preceded(self, text: str, start: int, kind: str) -> bool:
        """Whether words of ``kind`` (calendar.tsv) stand right before ``start``."""
        return self._before[kind].search(text, max(0, start - _ROLE_WINDOW), start) is not None

    def _dateline(self, text: str, ref: date | None = None) -> tuple[int, int, date] | None:
        """Where the text says it was published, and the day ("Published 8 April 2017" near
        its start, or a day with its year opening a line there, text after it: "Title / 26
        Oct 2016 Air strikes ..."): what its "Saturday" and "yesterday" count from. A wire
        dateline's day between its place and its agency or dash ('ALEPPO, Syria, Nov. 20,
        2016 (AP) —'), its year, when it gives none, the reference date's ('BEIRUT, March 3
        (Reuters) -', ``ref``) (v12)."""
        head = text[:_DATELINE_WITHIN]
        worded = self._dateline_anywhere.search(head) is not None
        wire = _WIRE_PLACE.search(head) is not None
        if not worded and not wire and not _LINE_OPENS_WITH_DATE.search(head):  # most texts
            return None
        for start, end, value, precision, relative in self.find(head, None):
            if precision != 1 or relative:
                continue
            if worded and self._preceded(head, start, "dateline"):
                return start, end, value
            if _LINE_START.search(head, 0, start) and head[end:end + 2].strip(" \t,.-–—"):
                return start, end, value
            if wire and _wire_day(head, start, end):
                return start, end, value  # 'ALEPPO, Syria, Nov. 20, 2016 (AP) —' (v12)
        if wire and ref is not None:  # 'BEIRUT, March 3 (Reuters) -': the year is the ref's
            for start, end, value, precision, _ in self.find(head, ref):
                if precision == 1 and _wire_day(head, start, end):
                    return start, end, value
        return None

    def find(self, text: str, ref: date | None) -> list[Found]:
        """Every date in ``text``: (start, end, value, precision, relative), in order."""
        ctx = Context(ref, ref or self._first_full_date(text))
        taken = _Taken()
        found: list[Found] = []
        for pattern, handler in self._patterns:
            for match in pattern.finditer(text):
                if taken.overlaps(match.start(), match.end()):
                    continue
                if self._birth.search(text[max(0, match.start() - _BIRTH_WINDOW) : match.start()]):
                    continue
                result = handler(match, ctx)
                if result is not None:
                    taken.add(match.start(), match.end())
                    found.append(self._hedged(text, _trim(text, result)))
        return sorted(found)

    def _hedged(self, text: str, found: Found) -> Found:
        """'Around 9 May': the hedge joins the span and the day becomes precision 2; a tag
        after it ('(month of)', '(week of)') sets the precision it says (v11)."""
        start, end, value, precision, relative = found
        hedge = self._hedge.search(text, max(0, start - 24), start) if precision == 1 else None
        if hedge:
            start, precision = hedge.start(), 2
        tag = self._tag.match(text, end)
        if tag:
            word = " ".join(tag.group().strip(" ()").lower().split())
            precision = max(precision, int(self.words["tag"][word]))
        return (start, end, value, precision, relative)

    def _first_full_date(self, text: str) -> date | None:
        """The first date with a year in ``text`` (the anchor when there is no reference)."""
        ctx = Context(None, None)
        first: tuple[int, date] | None = None
        for pattern, handler in self._patterns[:6]:
            for match in pattern.finditer(text):
                result = handler(match, ctx)
                if result is not None and (first is None or result[0] < first[0]):
                    first = (result[0], result[2])
                    break
        return first[1] if first else None

    # -- helpers ---------------------------------------------------------------------------

    def _month(self, text: str | None) -> int | None:
        if not text or (text[0].isascii() and text[0].islower()
                        and word_key(text) not in self.lower_months):
            return None
        value = self.words["month"].get(word_key(text))
        return int(value) if value else None

    def _full(
        self, ctx: Context, y: str | None, m: int | None, d: str | int
    ) -> tuple[date, bool] | None:
        """The date, and whether its year came from the reference (None if invalid): a
        year-less day is the last such day up to the reference date, or, with none, the one
        nearest the first full date the text writes ('On 5 May 2016, ... On May 7, his
        lawyers filed a complaint' is 7 May 2016, not 2015: v13)."""
        if m is None:
            return None
        try:
            if y:
                return date(int(y), m, int(d)), False
            anchor = ctx.anchor
            if anchor is None:
                return None
            if ctx.ref is None:  # a day the text writes: the year that puts it nearest (v13)
                near = [date(anchor.year + k, m, int(d)) for k in (0, -1, 1)]
                return min(near, key=lambda day: abs((day - anchor).days)), True
            value = date(anchor.year, m, int(d))
            return (value if value <= anchor else date(anchor.year - 1, m, int(d))), True
        except ValueError:
            return None

    # -- handlers: each returns (start, end, value, precision, relative) or None -------------

    def _iso(self, match: re.Match[str], ctx: Context) -> Found | None:
        full = self._full(ctx, match["y"], int(match["m"]), match["d"])
        return (match.start(), match.end(), full[0], 1, False) if full else None

    def _numeric(self, match: re.Match[str], ctx: Context) -> Found | None:
        a, b = int(match["a"]), int(match["b"])
        if a != b and a <= 12 and b <= 12:
            return self._either(match, ctx, a, b)
        day, month = (a, b) if a > 12 or a == b else (b, a)
        full = self._full(ctx, match["y"], month, day)
        return (match.start(), match.end(), full[0], 1, False) if full else None

    def _either(self, match: re.Match[str], ctx: Context, a: int, b: int) -> Found | None:
        """'03-11-2014', day or month first: the one reading within ``EITHER_DAYS`` of the
        reference date, when only one is (v8); none without a reference date."""
        if ctx.ref is None:
            return None
        readings = [full[0] for day, month in ((a, b), (b, a))
                    if (full := self._full(ctx, match["y"], month, day))
                    and abs((full[0] - ctx.ref).days) <= EITHER_DAYS]
        return (match.start(), match.end(), readings[0], 1, False) if len(readings) == 1 else None

    def _range(self, match: re.Match[str], ctx: Context) -> Found | None:
        if match["sep"].lower() == "and" and not match["btw"]:
            return None
        month = self._month(match["m1"]) or self._month(match["m2"])
        year = match.groupdict().get("y1") or match["y2"]
        full = self._full(ctx, year, month, match["d1"])
        last = self._full(ctx, match["y2"], self._month(match["m2"]) or month, match["d2"])
        if not full or not last or not 0 < (last[0] - full[0]).days < 31:
            return None
        return match.start(), match.end(), full[0], 2, full[1]

    def _day_month(self, match: re.Match[str], ctx: Context) -> Found | None:
        if not match["y"] and not match["wd"] and match.start("m") < match.start("d"):
            before = match.string[max(0, match.start() - 3) : match.start()].lower()
            if (before == "in " and match.group().endswith(match["d"])
                    and not self._told_elsewhere(match)):
                return None  # "in May 20 people were killed": a month and a count
        return self._on_day(match, ctx, match["d"])

    def _ordinal_month(self, match: re.Match[str], ctx: Context) -> Found | None:
        return self._on_day(match, ctx, self.words["ordinal"][word_key(match["o"])])

    def _on_day(self, match: re.Match[str], ctx: Context, day: str) -> Found | None:
        """The day of ``match``'s month (and year, else the reference's), checked against
        the weekday named with it (a weekday in lower case is no weekday: no date)."""
        if match["wd"] and match["wd"][0].islower():
            return None
        full = self._full(ctx, match["y"], self._month(match["m"]), day)
        if full and full[1] and match["wd"]:
            full = self._weekday_year(match, full)
        return (match.start(), match.end(), full[0], 1, full[1]) if full else None

    def _told_elsewhere(self, match: re.Match[str]) -> bool:
        """Whether the text names the month and day of ``match`` again where they can only be
        a date ("in April 15 Terrorist Attack" of a headline, "on April 15" in its text)."""
        month, day = self._month(match["m"]), int(match["d"])
        for other in self._month_days.finditer(match.string):
            if other.start() == match.start() or match.string[
                    max(0, other.start() - 3):other.start()].lower() == "in ":
                continue
            d, m = (other["d"], other["m"]) if other["m"] else (other["d2"], other["m2"])
            if int(d) == day and self._month(m) == month:
                return True
        return False

    def _weekday_year(self, match: re.Match[str], full: tuple[date, bool]) -> tuple[date, bool]:
        """A year-less date named with its weekday ("Sunday, 25 November") whose reference
        year puts it on another weekday takes the year of the text's first full date when that
        year fits the weekday (a statement of 2018 read in 2026); else it stays as it was."""
        want = int(self.words["weekday"][word_key(match["wd"])])
        if full[0].weekday() == want:
            return full
        written = self._first_full_date(match.string)
        if written is None:
            return full
        try:
            value = full[0].replace(year=written.year)
        except ValueError:  # 29 February
            return full
        return (value, True) if value.weekday() == want else full

    def _month_year(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        month = self._month(match["m"])
        if month is None:
            return None
        return match.start(), match.end(), mid_month(int(match["y"]), month, ref), 3, False

    def _month_only(self, match: re.Match[str], ctx: Context) -> Found | None:
        ref = ctx.ref
        month = self._month(match["m"])
        if month is None or ref is None:
            return None
        year = ref.year if month <= ref.month else ref.year - 1
        return match.start("m"), match.end(), mid_month(year, month, ref), 3, True


DATE_START = (r"(?:\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
              r"Oct|Nov|Dec)[a-z]*\b)")
"""Where an English date may start: a digit, or a weekday's or a month's name (a cheap test
before the full reading)."""
_LINE_OPENS_WITH_DATE = re.compile(rf"(?:^|\n)[ \t]*{DATE_START}")
"""A line that may open with a date (what ``Dates._dateline`` then reads in full)."""
_WIRE_PLACE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*"
                         r"(?:[ \t]*,[ \t]*(?:[A-Z][\w'’.-]*[ \t]+){0,2}[A-Z][\w'’.-]*)?"
                         r"[ \t]*,[ \t]*(?=[A-Z][a-z]{2,8}\.?[ \t]+\d|\d|\Z)")
"""A wire dateline's place before its date ('ALEPPO, Syria, ' of 'ALEPPO, Syria, Nov. 20,
2016 (AP) —'; searched up to a date's start, or ahead of one)."""
_AGENCY_OR_DASH = re.compile(r"[ \t]*(?:\([^()\n]{2,30}\))?[ \t]*[-–—]")
"""After a wire dateline's date: its agency in brackets, and its dash."""
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][a-z]{2,8}\.?,?[ \t]+)?\Z")
"""Between the start of a line and the end of the searched text, nothing but spaces and one
capitalised word ("Wed 05 Apr 2017", "Beirut 26 Oct 2016")."""


def _wire_day(head: str, start: int, end: int) -> bool:
    """The date at ``start:end`` stands between a wire dateline's place and its agency or
    dash (v12)."""
    return bool(_WIRE_PLACE.search(head, 0, start) and _AGENCY_OR_DASH.match(head, end))


def _trim(text: str, found: Found) -> Found:
    """Drop a sentence's full stop after a full month name ("... on 3 May.")."""
    start, end, value, precision, relative = found
    if text[end - 1] == "." and len(text[start : end - 1].split()[-1]) > 4:
        end -= 1
    return start, end, value, precision, relative


class _Taken:
    """Disjoint character ranges already read as dates, sorted: whether a new one overlaps
    any is a binary search, not a scan (a long text holds thousands of dates)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect_left(self.starts, end)  # the ranges that start before ``end``
        return at > 0 and self.ends[at - 1] > start

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def create(options: Options) -> Dates:
    return Dates(read_lexicon("calendar.tsv"), read_lexicon("numbers.tsv"))
