"""An event's place fields: the place its words name, made more precise by a town named after
them or by the detail of a headline's event. Split from ``raqib.extract.assemble`` (its v93);
which places an event may take at all is ``raqib.extract.event_places``."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from raqib.extract import places
from raqib.extract.event_incidents import ANOTHER
from raqib.extract.event_places import country_only
from raqib.extract.gazetteer import name_key
from raqib.extract.model import (
    Analysis,
    DateMention,
    Event,
    PlaceMention,
    Sentence,
    Span,
)
from raqib.extract.place_countries import capital
from raqib.extract.positions import ByStart

__all__ = ["LATER_PLACE", "Near", "place_detail", "place_filed_from", "place_inside",
           "set_place"]

LATER_PLACE = 300
"""Characters after an event's words searched for a town of the region they name (v81)."""


@dataclass(frozen=True)
class Near:
    """The document's places, sentences and days, by position."""

    places: ByStart[PlaceMention]
    sentences: ByStart[Sentence]
    dates: ByStart[DateMention]

    def sentence_at(self, offset: int) -> Span | None:
        """The span of the sentence that holds ``offset`` (None: before the first)."""
        at = bisect_right(self.sentences.starts, offset) - 1
        return self.sentences.items[at].span if at >= 0 else None

    def told_apart(self, offset: int) -> bool:
        """Whether the sentence at ``offset`` announces another incident ('In a separate
        incident on Sunday, bandits abducted 15 travellers on the Gusau-Funtua road': its town
        is no detail of the attack in Zamfara state before it; assemble v93)."""
        sentence = self.sentence_at(offset)
        return sentence is not None and bool(ANOTHER.match(sentence.text))

    def another_day(self, offset: int, day: date | None) -> bool:
        """Whether the sentence at ``offset`` names, by the calendar, a time that ``day`` is
        not in: another day, another week, another month by its precision ('In November'
        after 29 October; a day named relative to the text's date, 'on Wednesday', is not
        compared) (v81)."""
        sentence = self.sentence_at(offset)
        if sentence is None or day is None:
            return False
        return any(not (d.relative and d.precision == 1) and not (
            d.value == day if d.precision == 1 else abs((d.value - day).days) <= 7
            if d.precision == 2 else (d.value.year, d.value.month) == (day.year, day.month))
            for d in self.dates.inside(sentence))


def set_place(event: Event, found: list[PlaceMention], country: str) -> None:
    """``event``'s place: the best ranked of ``found`` (none: the document's ``country``)."""
    event.country = country
    if not found:
        return
    place = max(found, key=places.rank)
    if country_only(place):
        # a country named beside a town or region of it holds them: ACLED codes the most
        # precise place ('in Zap (Amadiya) region of Dahuk, Northern Iraq') (v20)
        held = [p for p in found if p.country == place.country and not country_only(p)]
        place = max(held, key=places.rank) if held else place
    event.location, event.country = place.name, place.country or country
    event.admin1, event.admin2, event.admin3 = (
        place.admin1 or "", place.admin2 or "", place.admin3 or "",
    )
    event.latitude, event.longitude = place.latitude, place.longitude
    event.geo_precision = place.geo_precision
    event.spans["location"] = place.span


def place_inside(event: Event, doc: Analysis, window: Span, near: Near,
                 keep: Callable[[PlaceMention], bool]) -> None:
    """A region the event's words name gives way to a town of it that the next words name
    ('killed seven militants in the province of Bouira ... the soldiers killed the seven on
    Wednesday in Lakhdaria'): ACLED codes the most precise place (v81). Not a town of a
    sentence that names another day ('In November the Observatory recorded shelling of ...
    Khan Shaykhun' after a shelling of 29 October), nor the region's capital named by the
    region's own words, which is no detail."""
    if event.geo_precision != 3 or not event.admin1 or event.location == event.country:
        return
    named = name_key(event.spans["location"].text)
    day = date.fromisoformat(event.event_date) if event.event_date else None
    later = near.places.inside(doc.span(window.end, min(len(doc.text),
                                                        window.end + LATER_PLACE)))
    towns = [p for p in later if p.geo_precision < 3 and p.country == event.country
             and p.admin1 == event.admin1 and not country_only(p) and keep(p)
             and name_key(p.span.text) != named
             and not near.another_day(p.span.start, day)
             and not near.told_apart(p.span.start)]
    if towns:
        set_place(event, [max(towns, key=places.rank)], event.country)


def place_filed_from(event: Event, doc: Analysis) -> None:
    """An event whose words and text name no place of it happened where the report was filed
    from, when that is in the event's country ('PESHAWAR - A suicide bomber blew himself up
    inside a mosque ...'; not 'BEIRUT - Syrian troops shelled ...'); from a capital, where
    bureaux report on the whole country, only when the text speaks of the capital ('KABUL -
    A car bomb exploded ... in the west of the capital'; not 'ISLAMABAD - Militants attacked
    a checkpoint in the tribal district of North Waziristan') (assemble v99)."""
    filed = [p for p in doc.filed_from if not country_only(p)] or doc.filed_from
    if event.location or not filed or event.country not in ("", filed[0].country):
        return
    if not country_only(filed[0]) and capital(filed[0]) and not _speaks_of_capital(doc.text):
        filed = [p for p in doc.filed_from if country_only(p)]
    set_place(event, filed[:1], event.country)


_IN_CAPITAL = re.compile(r"\bthe\s+(?:\w+\s+)?(?:capital|city)\b|"
                         r"\b(?:parliament|presidential\s+palace)\b", re.I)
"""Words that place an event in the city a report was filed from ('in the west of the
capital', 'outside parliament')."""


@lru_cache(maxsize=4)
def _speaks_of_capital(text: str) -> bool:
    """Whether ``text`` has ``_IN_CAPITAL``'s words: searched once per text, not per event
    (a string's hash is kept, so a long text costs its search once)."""
    return _IN_CAPITAL.search(text) is not None


def place_detail(event: Event, found: list[PlaceMention]) -> None:
    """The detail's place, when it is at least as precise as the headline's."""
    if found and (not event.location or event.location == event.country
                  or event.geo_precision is None
                  or max(found, key=places.rank).geo_precision <= event.geo_precision):
        set_place(event, found, event.country)
