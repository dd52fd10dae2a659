"""When an event of a text happened: which of the text's days an event window takes
(``raqib.extract.assemble``). Split from the assembly stage in its v19, which added the day a
text names as an event's ('Saturday's attack') for an event whose own words name none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

from raqib.extract.claims_lexicon import source_verbs
from raqib.extract.model import Analysis, DateMention, Event, Span

TOLD_DAYS = 7
"""How many days before the day an event would otherwise take ('Saturday's attack' under a
Tuesday's dateline) a day named as an event's may lie (v19): a weekday is within the week
before the page; an older day named so is another event's ('the August 21 2013 attack' in a
report of 2017)."""


@cache
def _telling_day() -> re.Pattern[str]:
    """Words that end on the day of a telling, not of the event told: 'the ambassador said
    on', 'told the Security Council on', 'said in a statement on', 'announced late on'; the
    words between the verb and the day name whom it was told to or how (capitalised names,
    articles, 'reporters', 'a statement'), so 'said the attack happened on' is no telling."""
    hearer = (r"(?:the|a|an|in|at|to|reporters|journalists|press|news|conference|briefing|"
              r"statement|interview|released|issued|published|posted|(?-i:[A-Z])[\w'’-]*)")
    return re.compile(
        rf"\b(?:{source_verbs()})(?:[^\S\n]+{hearer}){{0,5}}?[^\S\n]+"
        r"(?:(?:late|early)[^\S\n]+)?(?:on[^\S\n]+)?$", re.IGNORECASE)


_AN_EVENTS = re.compile(
    r"[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?(?:attacks?|bombings?|blasts?|explosions?|"
    r"(?:air[^\S\n]?)?strikes?|airstrikes?|raids?|massacres?|shelling|bombardment|assaults?|"
    r"ambush|killings?)\b", re.IGNORECASE)
"""After a day's own ('Saturday's', 'Tuesdays'; or after 'the'), the words that make it an
event's: 'Saturday's attack', 'Tuesdays deadly bombing', 'the April 4 chemical attack'; not
a day that only dates a sentence ('on Tuesday killing ten', 'on Monday in an attack')."""
_OWN = re.compile(r"['’]s\b", re.IGNORECASE)
_OWN_WITHIN = re.compile(r"(?:['’]s|days)$", re.IGNORECASE)
"""A weekday's own as the dates stage reads it: 'Saturdays' (a page that lost its
apostrophes), "Saturday's"."""
_THE = re.compile(r"\bthe[^\S\n]+$", re.IGNORECASE)
_AFTER_ANOTHER = re.compile(
    r"\b(?:after|following|since|before|until|ahead\s+of|prior\s+to|like|as\s+in)"
    r"[^\S\n]+(?:the[^\S\n]+)?$", re.IGNORECASE)
"""Before the day: the event it names is another, earlier or later ('two days after
Tuesday's attack')."""
_NEWS = re.compile(r"\b(?:hits?|kills?|targets?|rocks?|pounds?|slams?|leaves)\b", re.IGNORECASE)
"""Words that report an act in the present, as a headline does the day's news."""


def told_days(doc: Analysis, days: list[DateMention],
              skip: Callable[[int], bool]) -> list[DateMention]:
    """The days ``doc`` names as an event's ('Saturday's attack'), to the day, in text
    order, but the dateline ('April 18 2017 Bus bombing ...' is the page's) and those
    ``skip`` skips by their offset (a caption's, a clause's that tells an
    earlier event) or that name another event than the text's ('after Tuesday's attack')."""
    text = doc.text
    return [
        d for d in days
        if d.precision == 1 and not doc.is_dateline(d) and not skip(d.span.start)
        and _names_event(text, d.span)
        and not _AFTER_ANOTHER.search(text, max(0, d.span.start - 30), d.span.start)
    ]


def _names_event(text: str, span: Span) -> bool:
    after = _OWN.match(text, span.end)
    end = after.end() if after else span.end
    own = after or _OWN_WITHIN.search(span.text)
    return bool((own or _THE.search(text, max(0, span.start - 8), span.start))
                and _AN_EVENTS.match(text, end, end + 60))


def _of_telling(doc: Analysis, day: DateMention) -> bool:
    """Whether ``day`` is the day of a telling ('the army said on Monday'): ``_telling_day``
    over the words before it."""
    return bool(_telling_day().search(doc.text, max(0, day.span.start - 60), day.span.start))


def choose(event: Event, found: list[DateMention], doc: Analysis, window: Span,
           told: list[DateMention]) -> None:
    """Date ``event`` by the first of ``found`` (the days in or near its ``window``), with
    the rules of the assembly's versions below; ``told``: the text's days named as an
    event's (``told_days``)."""
    if found and doc.is_dateline(found[0]):
        # the page's dateline run into the event's words gives way to a day they name
        # (v17: 'Published February 23 2015 A suicide bomber killed four people ... on
        # Sunday' is dated by the Sunday), unless it is the day of a telling ('... was
        # used in the attack, the ambassador said on Wednesday': the attack is older)
        named = [d for d in found[1:]
                 if window.start <= d.span.start < window.end and not _of_telling(doc, d)]
        found = named or _told(told, found[0].value, window) or found
    elif not found and doc.reference_date is not None:
        # no day of its own near it: a day the text names as an event's dates it (v19:
        # a headline 'Bus bombing marks end of evacuation deal' over '... in the hours leading
        # up to Saturday's attack'), else the report's own date, to the month
        found = _told(told, doc.reference_date, window)
        if not found:
            event.event_date, event.time_precision = doc.reference_date.isoformat(), 3
            return
    if found:
        # a month the words open with gives way to a day they name (v15: 'In November 2018
        # the zone agreed in Sochi on 17 September 2018 ...' is dated by the day); a week's
        # 'around 5 May (as reported)' does not: a day after it is often an earlier event's;
        # nor does the day of a telling ('earlier this month, ..., the army said on Monday':
        # assembly v70)
        days = [d for d in found if d.precision == 1 and not _of_telling(doc, d)] if (
            found[0].precision == 3) else []
        chosen = days[0] if days else found[0]
        event.event_date = chosen.value.isoformat()
        event.time_precision = chosen.precision
        event.spans["event_date"] = chosen.span


def _told(told: list[DateMention], anchor: date, window: Span) -> list[DateMention]:
    """The first of ``told`` in the week up to ``anchor`` (the day the event would take
    otherwise), as a list; the window's own words come first. Nothing for words that report
    their act in the present ('Blast hits Aleppo'): the day's news, not an earlier attack
    told again."""
    if _NEWS.search(window.text):
        return []
    near = [d for d in told if 0 <= (anchor - d.value).days <= TOLD_DAYS]
    inside = [d for d in near if window.start <= d.span.start < window.end]
    return (inside or near)[:1]
