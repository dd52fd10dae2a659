"""What a claim is about: the index of the event it concerns, for the claims stage's
``about`` (``raqib.extract.claims``): the event whose words it shares, else one at its place
and day, else one it points back at ('the attack was staged', 'rejected the claims', 'denied
using chemical weapons')."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from functools import cache

from raqib.extract.claims_lexicon import FALSEHOOD, TYPE_WORDS
from raqib.extract.model import Analysis

_BACK = re.compile(r"\b(?:the|this|that|these|those|such)\s+(?:(?:deadly|alleged|suspected|"
                   r"chemical|gas|toxic|air|latest|reported)\s+)?(?:attacks?|strikes?|"
                   r"air\s?strikes?|raids?|bombings?|shelling|massacres?|incidents?|explosions?|"
                   r"blasts?|killings?|claims?|allegations?|accusations?|reports|shells|rockets|"
                   r"missiles|barrel\s+bombs|bodies|victims|dead|casualties|toll|figures?|"
                   r"(?:casualty|death)\s+(?:figures?|tolls?))\b|\b(?:any|all)\s+involvement\b|"
                   r"\bresponsibility\s+for\b|\b(?:it|this|that|them)\s+(?:as\s+)?(?:an?\s+)?"
                   + FALSEHOOD + r"\b", re.IGNORECASE)
"""A statement that points back at an event told before it ('Russia said the attack was
staged', v4; 'rejected the claims as fake news', v6): about the last event whose words end
before the claim. One that names no event this way but a word of an earlier event's type
('the opposition denied using chemical weapons') is about the last such event (v6). The
shells, rockets or missiles told before, the raids and strikes in the plural, and the bodies,
the victims, the dead, 'any involvement' and 'responsibility for' point back too ('the
shells were fired from areas controlled by HTS', 'denied any involvement', 'its teams
recovered the bodies': v8), and so does a pronoun named a falsehood ('called it a
fabrication': v20), and the toll or the figures told ('the casualty figures were
fabricated': v23)."""


_ACT = re.compile(r"\b(?:target(?:ed|ing)?|hit|struck|attack(?:ed|ing)|bomb(?:ed|ing)|"
                  r"shell(?:ed|ing)|fired\s+(?:at|on)|carried\s+out|raided)\b", re.IGNORECASE)
"""Words of an act a party tells of itself ('the junta said it had targeted fighters')."""


def about(doc: Analysis, start: int, end: int, told: Told, denier: str | None = None,
          speaker: str | None = None) -> int | None:
    """The event whose evidence the claim overlaps most, else one at the claim's place and
    date, else at its place or date, else the one it points back at (``told``), else, for a
    denial (``denier``: its claimant's actor), the last event told before it of which the
    denier is actor1 ('Armenia's defence ministry denied firing on Azerbaijani territory'
    after 'Azerbaijan accused Armenian forces of shelling Ganja': v19), else, for a claim
    whose words tell an act (``_ACT``) by ``speaker`` (its claimant's actor), the last event
    told before it of which the speaker is actor1 ('The junta said it had targeted fighters
    of the People's Defence Force' after its air strike on a village: v26)."""
    overlaps = [(min(end, e.evidence.end) - max(start, e.evidence.start), -i)
                for i, e in enumerate(doc.events) if e.evidence]
    best = max(overlaps, default=(0, 0))
    if best[0] > 0:
        return -best[1]
    places = {p.name for p in doc.places if start <= p.span.start and p.span.end <= end}
    dates = {d.value.isoformat() for d in doc.dates if start <= d.span.start and d.span.end <= end}
    for score in (2, 1):
        for i, event in enumerate(doc.events):
            hits = (bool(event.location) and event.location in places) + (event.event_date in dates)
            if hits >= score:
                return i
    if _BACK.search(doc.text, start, end):  # 'the attack was staged': the last one told (v4)
        return told.last_before(start)
    kinds = [kind for kind, words in _type_words().items() if words.search(doc.text, start, end)]
    if kinds:
        return told.last_before(start, kinds)  # 'denied using chemical weapons'
    if denier:
        return told.last_before(start, actor1=denier)
    if speaker and _ACT.search(doc.text, start, end):
        return told.last_before(start, actor1=speaker)
    return None


class Told:
    """A document's events by where their words end, for what a claim points back at."""

    def __init__(self, doc: Analysis) -> None:
        ends = sorted((e.evidence.end, i) for i, e in enumerate(doc.events) if e.evidence)
        self.ends = ends
        self.by_kind: dict[str, list[tuple[int, int]]] = {}
        self.by_actor1: dict[str, list[tuple[int, int]]] = {}
        for end, i in ends:
            self.by_kind.setdefault(doc.events[i].sub_event_type, []).append((end, i))
            self.by_actor1.setdefault(doc.events[i].actor1, []).append((end, i))

    def last_before(self, start: int, kinds: list[str] | None = None,
                    actor1: str | None = None) -> int | None:
        """The event told last before ``start`` (of one of ``kinds``, or with ``actor1``, if
        given)."""
        lists = [self.ends] if kinds is None else [self.by_kind.get(k, []) for k in kinds]
        if actor1 is not None:
            lists = [self.by_actor1.get(actor1, [])]
        found = [ends[k - 1] for ends in lists if (k := bisect_right(ends, (start, sys.maxsize)))]
        return max(found)[1] if found else None


@cache
def _type_words() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")", re.IGNORECASE)
            for kind, words in TYPE_WORDS.items()}
