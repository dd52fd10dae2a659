"""Where an event of a text happened: which of the text's places an event window may take
(``raqib.extract.assemble``). Split from the assembly stage in its v8, which added the
sentences about times long past that an event does not borrow a place from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from raqib.extract.model import Analysis, DateMention, PlaceMention, Span
from raqib.extract.positions import ByStart

BACKGROUND_DAYS = 30
"""A sentence that names a day more than this many days before an event's own day, or an
earlier year, tells background ('the rebels had used the same chemical weapons in Aleppo last
year'): the event does not borrow its places (v8)."""


@dataclass(frozen=True)
class Past:
    """The earliest day and the earliest year ('in 2013', 'last year') each sentence names,
    by the sentence's first offset (v8)."""

    days: dict[int, date]
    years: dict[int, int]
    starts: tuple[int, ...]
    """The first offsets of all the text's sentences, in order."""
    earlier: tuple[tuple[int, int], ...] = ()
    """The clauses that tell an earlier event to date their sentence's own ('..., hours
    after a chemical attack in Khan Sheikhun'), as (start, end), in order (v8)."""
    captions: tuple[tuple[int, int], ...] = ()
    """A photograph's caption and its credit ('People inspect the damage ... in Ariha August
    3 2015 (Reuters Photo)'), as (start, end): it tells of the picture, not the news, and
    an event outside it takes no place nor day from it (assemble v18)."""

    def telling_earlier(self, window: Span) -> bool:
        """``window`` is a clause that dates its sentence by an earlier event."""
        return any(start == window.start for start, _ in self.earlier)

    def in_caption(self, offset: int) -> bool:
        """The words at ``offset`` are a photograph's caption or its credit."""
        return _within(self.captions, offset)

    def aside(self, offset: int) -> bool:
        """The words at ``offset`` are a caption's or a clause's that tells an earlier
        event: not the news's own."""
        return self.in_caption(offset) or _within(self.earlier, offset)

    def captioned(self, window: Span) -> bool:
        """``window`` lies wholly inside a caption: an event told only there is the
        picture's, not the news's."""
        return any(start <= window.start and window.end <= end for start, end in self.captions)

    @classmethod
    def read(cls, doc: Analysis, clauses: list[tuple[int, int]]) -> Past:
        """``clauses``: the text's clauses that tell an earlier event
        (``sentences.earlier_clauses``)."""
        starts = sorted(s.span.start for s in doc.sentences)

        def sentence(offset: int) -> int | None:
            at = bisect_right(starts, offset) - 1
            return starts[at] if at >= 0 else None

        days: dict[int, date] = {}
        for mention in doc.days():
            key = sentence(mention.span.start)
            if key is not None and (key not in days or mention.value < days[key]):
                days[key] = mention.value
        today = doc.published or doc.reference_date
        years: dict[int, int] = {}
        for found in _YEARS_PAST.finditer(doc.text):
            key = sentence(found.start())
            year = int(found["year"]) if found["year"] else today.year - 1 if today else None
            if key is not None and year is not None and year < years.get(key, 10_000):
                years[key] = year
        return cls(days, years, tuple(starts), tuple(clauses), _captions(doc.text, starts))

    def keeps(self, doc: Analysis, window: Span, days: list[DateMention]
              ) -> Callable[[PlaceMention], bool]:
        """Whether a place near ``window`` may be its event's: inside it, or outside a clause
        that tells an earlier event and in a sentence that tells no time long before the
        event's day (the first of ``days``, the days the window names, else the text's
        dateline or reference date), nor long after it (assemble v101: a background event
        'in May' took the place of the lead's attack 'on Sunday' in August)."""
        anchor = days[0].value if days else doc.published or doc.reference_date
        starts = self.starts

        def keep(place: PlaceMention) -> bool:
            if window.start <= place.span.start < window.end:
                return True
            if _within(self.earlier, place.span.start) or self.in_caption(place.span.start):
                return False
            at = bisect_right(starts, place.span.start) - 1
            if at < 0:
                return True
            day, year = self.days.get(starts[at]), self.years.get(starts[at])
            return anchor is None or not (
                (day is not None and abs((anchor - day).days) > BACKGROUND_DAYS)
                or (year is not None and year < anchor.year))

        return keep


def _within(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


_CREDIT = re.compile(
    r"\((?:[^()\n]{0,40}\b(?:Photos?|Agencies|AFP|Reuters|AP|Getty\s+Images|EPA|Anadolu)\b"
    r"[^()\n]{0,20}|With\s+(?:Reuters|AFP|AP))\)")
"""A credit in parentheses that scraped pages run into the text after a photograph's
caption or a wire's line: '(AFP Photo)', '(TRT World and Agencies)', '(With Reuters)'."""


def _captions(text: str, starts: list[int]) -> tuple[tuple[int, int], ...]:
    """Each credit with the words before it back to the start of their sentence."""
    found = []
    for credit in _CREDIT.finditer(text):
        end = credit.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        at = bisect_right(starts, max(0, end - 1)) - 1
        found.append((starts[at] if at >= 0 else 0, credit.end()))
    return tuple(found)


_YEARS_PAST = re.compile(
    r"\b(?:(?:last|previous|past)\s+(?:year|years|decade)|(?:\d+|two|three|four|five|six|"
    r"several|many)\s+years\s+ago|(?:in|since|during)\s+(?:early\s+|late\s+|mid-)?"
    r"(?P<year>(?:19|20)\d\d))\b", re.I)
"""Words that put a sentence years back: 'last year', 'three years ago', 'in 2013'."""


def country_only(place: PlaceMention) -> bool:
    return place.name == place.country


def event_places(places: ByStart[PlaceMention], window: Span, country: str = "",
                  keep: Callable[[PlaceMention], bool] = lambda _: True) -> list[PlaceMention]:
    """The places an event may take: those inside its window, else those near it. A country
    alone inside the window ('the opposing sides in Syria said ...') gives way to a town or
    region of that country near it, as ACLED codes an event to the most precise place the
    report gives. When the window names the text's own ``country``, its towns and regions
    abroad are where others speak from ('strikes in Syria ... the defence ministry in Moscow
    said'), not where the event happened (v7). A place near the window is taken only when
    ``keep`` keeps it: not from a sentence about times long past (v8)."""
    inside = whole = places.inside(window)
    if country and any(country_only(p) and p.country == country for p in inside):
        inside = [p for p in inside if p.country == country or country_only(p)]
    if inside and all(country_only(p) for p in inside):
        countries = {p.country for p in inside}
        nearby = [p for p in places.around(window)
                  if not country_only(p) and p.country in countries and keep(p)]
        return nearby or inside
    # every place inside the window, abroad too: the v7 filter serves the country-only case
    return whole or places.near(window, keep=keep)
