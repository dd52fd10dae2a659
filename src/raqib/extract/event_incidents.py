"""Incidents in one text: a document's event cues grouped into one cue per incident.

``best_cues(doc)`` is what the assembly stage reads: the events stage
(``raqib.extract.events``) leaves one or more cues per sentence in ``doc.cues``; here cues of
adjacent sentences that tell one incident merge, retellings drop out, and the lead incident
goes first. Split from ``raqib.extract.events`` (which it served since v2) in v8.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import timedelta

from raqib.extract import casualties, taxonomy
from raqib.extract.event_evidence import VICTIM_KINDS
from raqib.extract.model import ActorMention, Analysis, DateMention, EventCue, PlaceMention, Span
from raqib.extract.place_names import name_key
from raqib.extract.place_ranking import within
from raqib.extract.positions import ByStart
from raqib.extract.sentences import act_clauses, earlier_clauses, sentence_spans


@dataclass
class _Incident:
    cue: EventCue
    first: int
    last: int
    """Indices of the first and last sentence the incident's cues came from."""


PROTESTS = "Protests"
BEFELL = ("arrested", "killed", "injured")
"""What a protest's next sentence counts when it tells what befell the crowd (v111)."""
LEAD_MIN_SCORE = 0.5
FOLLOW_ON = 2
"""How many sentences after an incident that report nothing of their own may finish it
(``_finished_after``)."""
DETAIL_DAYS = 7
"""How many days before the text's own date the body may put its headline's event
(``extract.assemble.v5``)."""


def best_cues(doc: Analysis, clauses: list[tuple[int, int]] | None = None,
              captioned: Callable[[Span], bool] | None = None) -> list[EventCue]:
    """One cue per incident the document reports: the lead first, then most likely first.

    The lead is the earliest incident whose score reaches ``LEAD_MIN_SCORE``: reports put
    their main event in the headline and first sentences, and follow with background
    (earlier attacks, other places) that can score as high. Any other incident below that
    score that names no day of its own is left out (v6): a weak reading that nothing places
    in time is most often a reaction, a provision or a table heading, not a second event; so
    is one whose words lie inside a stronger incident's, whose day its day is (v41: the
    runner-up type of a sentence read as a clash is no second event).

    Cues of adjacent sentences merge into one incident when they have the same sub-event
    type or when the taxonomy's precedence or combination rules resolve the two types into
    one (a protest in one sentence and its dispersal in the next; an abduction and then the
    captive's killing), the later confident (``merge_score``) by its own words or with the
    document's lean, the earlier at least likely (``secondary_score``; v100: "students staged
    a sit-in ... The police dispersed them." made the sit-in, leaned away from a peaceful
    protest by the next sentence's words, an event of its own beside its dispersal). The
    merged cue spans the sentences, takes the resolved type and the higher score. Adjacent
    means next to each other in the text: a sentence that reports no event between two cues
    keeps them apart (v2 counted only the sentences with cues, and
    merged a headline's denial of a chemical attack with an air strike told two sentences
    later), except up to ``FOLLOW_ON`` of them between a protest and the next cue, of a
    protest too (v148: "... workers marched on the streets of the city. The group demands
    job security. Police dispersed the group and arrested 5 people." had been a peaceful
    protest and, apart, its dispersal). Another party's act after a sentence's own (events
    v37's second clause) that names a place the first clause does not name stays apart
    (v150: "Air strikes killed 12 civilians, while rebels shelled Aleppo" had been one air
    strike by the rebels at Aleppo). A clause that dates its sentence by an earlier event
    (", hours after a chemical attack in Khan Sheikhun", read as a cue of its own since
    events v14) is an incident apart: nothing merges with it; ``clauses``: those clauses as
    ``sentences.earlier_clauses`` finds them, when the caller has them already.
    ``captioned``: whether words lie in a photograph's caption
    (``event_places.Past.captioned``), which never tells the lead's day.
    """
    if not doc.cues:
        return []
    tax = taxonomy.load()
    threshold = tax.evidence.merge_score
    where = _Where(ByStart(doc.days()), ByStart(doc.places), ByStart(doc.actors))
    spans = sentence_spans(doc)
    starts = [start for start, _ in spans]
    apart = {start for start, _ in (earlier_clauses(doc) if clauses is None else clauses)}
    acts = _second_acts(doc, spans, starts)
    incidents: list[_Incident] = []
    for cue in sorted(doc.cues, key=lambda c: (c.span.start, -c.score)):
        index = bisect_right(starts, cue.span.start) - 1  # the cue's sentence
        if cue.span.start in apart or not _merge_into(
                incidents, cue, index, doc, tax, threshold, where, apart, acts):
            incidents.append(_Incident(cue, index, index))
    incidents = _without_retellings(incidents, where, doc, tax)
    _finished_after(incidents, spans, doc, tax)
    incidents.sort(key=lambda inc: (-inc.cue.score, inc.first))
    confident = [inc for inc in incidents if inc.cue.score >= LEAD_MIN_SCORE]
    if confident:  # the document's lead event goes first (news tells the main event first)
        lead = min(confident, key=lambda inc: (inc.first, inc.cue.span.start))
        incidents.remove(lead)
        _with_detail(lead, incidents, where, doc, captioned or (lambda _: False))
        incidents.insert(0, lead)
    kept: list[EventCue] = []
    for n, inc in enumerate(incidents):
        span = inc.cue.span
        if n == 0 or inc.cue.score >= LEAD_MIN_SCORE or (where.dates.inside(span) and not any(
                k.span.start <= span.start and span.end <= k.span.end for k in kept)):
            kept.append(inc.cue)
    return kept


def _finished_after(incidents: list[_Incident], spans: list[tuple[int, int]], doc: Analysis,
                    tax: taxonomy.Taxonomy) -> None:
    """Each incident's type as the sentences after it that report nothing of their own finish
    it (v100): the taxonomy's one-type combinations with phrases (``when``) read up to
    ``FOLLOW_ON`` of them ("15 people demonstrated ..., demanding to be released. Police
    intervened.": a protest with intervention, `stopped-protest`), and the sentences the
    incident spans itself (v118: "... protested ... Troops opened fire on them and six
    people were wounded.": the second sentence, a weak armed clash folded into the protest,
    had been left unread)."""
    firsts = sorted(inc.first for inc in incidents)
    for inc in incidents:
        stop = min(next((f for f in firsts if f > inc.last), len(spans)),
                   inc.last + 1 + FOLLOW_ON)
        end = max(spans[max(stop, inc.last + 1) - 1][1], inc.cue.span.end)
        label = inc.cue.sub_event_type
        resolved = tax.apply_precedence({label: inc.cue.score},
                                        doc.text[inc.cue.span.start : end])
        if label not in resolved and len(resolved) == 1:
            (new,) = resolved
            inc.cue = replace(inc.cue, **tax.typed(new))


def _with_detail(lead: _Incident, others: list[_Incident], where: _Where,
                 doc: Analysis, captioned: Callable[[Span], bool]) -> None:
    """The lead told again further on with its day (``extract.assemble.v5``).

    A lead that names no day but the text's own ('Turkey says tests on Syria attack victims
    point to sarin', under the page's date) and a later sentence of the same sub-event type,
    confident by its own words, that names a day in the ``DETAIL_DAYS`` before that date at
    a finer place than each of the lead's ('86 people were killed early on Tuesday in Khan
    Sheikhoun') tell one incident: the later one becomes the lead's ``detail`` (its day and
    place) and leaves ``others``. A lead naming the same town is the day's own news ('fresh
    strikes hit Aleppo' above 'on Sunday, strikes on Aleppo killed ...'), not a follow-up;
    but a town of the lead that shares its name with the province the later sentence names
    stood for that province (assembly v104: 'Idlib bombing deadliest school attack' above
    '... in Idlib province on Wednesday'). A photograph's caption (``captioned``) tells no
    lead's day: its picture is often of an earlier strike (v104)."""
    today = doc.published or doc.reference_date
    if today is None or not all(doc.is_dateline(d) for d in where.dates.inside(lead.cue.span)):
        return  # the lead's words name a day of their own: that day's news (assembly v16)
    mine = where.places.inside(lead.cue.span)
    for other in sorted(others, key=lambda inc: inc.first):
        if (other.first <= lead.last or other.cue.sub_event_type != lead.cue.sub_event_type
                or other.cue.own_score < LEAD_MIN_SCORE or captioned(other.cue.span)):
            continue
        days = where.dates.inside(other.cue.span)
        if (days and days[0].precision == 1
                and today - timedelta(days=DETAIL_DAYS) <= days[0].value < today
                and _fits(mine, where.places.inside(other.cue.span))):
            lead.cue = replace(lead.cue, detail=other.cue.span,
                               score=max(lead.cue.score, other.cue.score))
            others.remove(other)
            return


def _fits(lead: list[PlaceMention], later: list[PlaceMention]) -> bool:
    """The later sentence names a place, and each of the lead's places holds one of them."""
    return bool(later) and all(any(_holds(p, q) for q in later) for p in lead)


def _holds(outer: PlaceMention, inner: PlaceMention) -> bool:
    """``outer`` is the country of ``inner`` or a province that holds it, or a town that
    shares its name with ``inner``, the province that holds it ('Idlib bombing ...' over
    '... in Idlib province on Wednesday': the name stood for the province)."""
    if outer.name == outer.country:
        return inner.country == outer.country and inner.name != outer.name
    if outer.geo_precision < 3:
        return (inner.geo_precision == 3 and inner.admin1 == outer.admin1
                and name_key(inner.span.text) == name_key(outer.span.text))
    return bool(outer.admin1) and within(outer, inner)


def _without_retellings(incidents: list[_Incident], where: _Where, doc: Analysis,
                        tax: taxonomy.Taxonomy) -> list[_Incident]:
    """A later incident of the same sub-event type that names no day, place or actor the
    earlier one does not name, when the earlier one names its day or place, is that incident
    told again ('the barrel bombs destroyed two houses' in a later paragraph): it is
    dropped, and the earlier one keeps the higher score. An incident of any type that names
    no day, place or actor at all, in the sentence right after one that names its day or
    place, says more of that one ('Circumstances of his death are unknown.') and is dropped
    too (v5); when the codebook's rules resolve its type and the incident's to its type
    ('They burnt tyres.' after a blockade), the incident takes that type (v8). So is one that
    names no day or place and counts the dead or wounded, whoever it names ('Two soldiers
    were killed.'): the incident's toll, its words then part of the incident, whose type
    changes as for any sentence that says more (v24)."""
    kept: list[_Incident] = []
    by_type: dict[str, list[_Incident]] = {}
    for incident in incidents:
        cue = incident.cue
        same = next((k for k in by_type.get(cue.sub_event_type, ())
                     if k.cue.sub_event_type == cue.sub_event_type
                     and _retells(where, k.cue.span, cue.span)), None)
        follows = same is None and bool(kept) and kept[-1].last == incident.first - 1
        toll = follows and _toll_only(where, doc, cue.span)
        if follows and (toll or (not any(where.named(cue.span))
                                 and _retells(where, kept[-1].cue.span, cue.span))):
            told = kept[-1].cue.sub_event_type
            kept[-1].cue = _said_more(kept[-1].cue, cue, doc, tax)
            if toll:  # its dead and wounded are the incident's (v24)
                kept[-1].cue = replace(kept[-1].cue, span=doc.span(
                    kept[-1].cue.span.start, max(kept[-1].cue.span.end, cue.span.end)))
                kept[-1].last = incident.last
            if kept[-1].cue.sub_event_type != told:  # retyped: list it under its new type
                new = kept[-1].cue.sub_event_type
                by_type[new] = [k for k in kept if k.cue.sub_event_type == new]
            continue  # names nothing: says more of the incident just told
        if same is None:
            kept.append(incident)
            by_type.setdefault(cue.sub_event_type, []).append(incident)
        elif cue.score > same.cue.score:
            same.cue = replace(same.cue, score=cue.score, own=max(same.cue.own_score,
                                                                   cue.own_score))
    return kept


def _toll_only(where: _Where, doc: Analysis, span: Span) -> bool:
    """The span counts people killed or injured and names no day or place: after an
    incident, it tells that incident's toll ('Two soldiers were reportedly killed and five
    others injured.', 'The explosion killed one soldier.'), whoever it names as victims; a
    toll that rose may name the day it rose (v40)."""
    days, places, _ = where.named(span)
    if days and casualties.toll_updated(span.text):  # the day it rose is the telling's (v40)
        days = set()
    return not days and not places and _counts(doc, span, VICTIM_KINDS)


def _counts(doc: Analysis, span: Span, kinds: Collection[str]) -> bool:
    """The span counts people of one of ``kinds`` (killed, injured, arrested ...)."""
    return any(c.kind in kinds and c.low > 0 and span.start <= c.span.start
               and c.span.end <= span.end for c in doc.counts)


def _said_more(held: EventCue, cue: EventCue, doc: Analysis, tax: taxonomy.Taxonomy
               ) -> EventCue:
    """``held``, with the type of ``cue`` (the sentence right after it that names nothing)
    when the precedence and combination rules resolve the two types to ``cue``'s."""
    if held.sub_event_type == cue.sub_event_type:
        return held
    pair = {held.sub_event_type: held.score, cue.sub_event_type: cue.score}
    resolved = tax.apply_precedence(pair, doc.text[held.span.start:cue.span.end])
    if list(resolved) != [cue.sub_event_type]:
        return held
    return replace(held, sub_event_type=cue.sub_event_type, event_type=cue.event_type,
                   disorder_type=cue.disorder_type)


ANOTHER = re.compile(r"\s*(?:separately|elsewhere|in\s+(?:a\s+separate|another|an\s+unrelated)\s+"
                     r"(?:incident|attack|development|event)|in\s+other\s+news)\b", re.I)
"""A sentence's opening that announces another incident ('Separately, insurgents fired
rockets at Hama'): its cue merges with none before it (assemble v38)."""


def _merge_into(
    incidents: list[_Incident],
    cue: EventCue,
    index: int,
    doc: Analysis,
    tax: taxonomy.Taxonomy,
    threshold: float,
    where: _Where,
    apart: set[int],
    acts: set[int],
) -> bool:
    if ANOTHER.match(cue.span.text):
        return False  # 'Separately, ...' (v38)
    for number, incident in enumerate(reversed(incidents)):
        if incident.last < index - 1 and not (
                number == 0 and incident.last >= index - 1 - FOLLOW_ON
                and incident.cue.event_type == cue.event_type == PROTESTS):
            break  # a protest and what befell it, words between (events v148)
        if incident.first == index and incident.cue.span == cue.span:
            continue  # two readings of one sentence are two incidents
        if incident.cue.span.start in apart:
            continue  # the earlier event a clause tells (events v14) stands apart
        held = incident.cue
        # each sentence reports its type confidently, by its own words or with the lean; a
        # protest's next sentence that counts the people it befell (arrested, hurt) need
        # only be likely (v111)
        later = tax.evidence.secondary_score if (
            held.event_type == cue.event_type == PROTESTS and _counts(doc, cue.span, BEFELL)
        ) else threshold
        if held.sub_event_type != cue.sub_event_type and (
                _sure(cue) < later or _sure(held) < tax.evidence.secondary_score):
            continue
        if _apart(where, held.span, cue.span) or (cue.span.start in acts and (
                incident.last == index and _elsewhere(where, held.span, cue.span))):
            continue  # another party's act in the same sentence, somewhere else (v150)
        pair = {held.sub_event_type: held.score}
        pair[cue.sub_event_type] = max(cue.score, pair.get(cue.sub_event_type, 0.0))
        start, end = min(held.span.start, cue.span.start), max(held.span.end, cue.span.end)
        merged = tax.apply_precedence(pair, doc.text[start:end])
        if len(merged) != 1:
            continue
        (label, score), = merged.items()
        winner = held if label == held.sub_event_type else cue
        incident.cue = EventCue(
            span=doc.span(start, end),
            sub_event_type=label,
            event_type=tax.event_type(label),
            disorder_type=winner.disorder_type
            if label == winner.sub_event_type
            else tax.disorder_type(label),
            score=score,
            own=max(held.own_score, cue.own_score),
        )
        incident.last = max(incident.last, index)
        return True
    return False


def _second_acts(doc: Analysis, spans: list[tuple[int, int]], starts: list[int]) -> set[int]:
    """Where the clauses start that tell another party's act after a sentence's own
    (``sentences.act_clauses``: ', while rebels shelled Aleppo'), in the sentences that hold
    more than one cue."""
    counted: dict[int, int] = {}
    for cue in doc.cues:
        index = bisect_right(starts, cue.span.start) - 1
        counted[index] = counted.get(index, 0) + 1
    parties = sorted(a.span.start for a in doc.actors)
    return {begin for index, n in counted.items() if n > 1 and index >= 0
            for _, begin in act_clauses(doc.text, *spans[index], parties)}


def _elsewhere(where: _Where, first: Span, second: Span) -> bool:
    """The second span names a place and the first none of its places."""
    there = where.named(second)[1]
    return bool(there) and not there & where.named(first)[1]


def _sure(cue: EventCue) -> float:
    return max(cue.score, cue.own_score)


@dataclass(frozen=True)
class _Where:
    """A document's dates, places and actors by position."""

    dates: ByStart[DateMention]
    places: ByStart[PlaceMention]
    actors: ByStart[ActorMention]
    _named: dict[tuple[int, int], tuple[set, set, set]] = field(default_factory=dict)

    def named(self, span: Span) -> tuple[set, set, set]:
        """The days, the places and the actors ``span`` names (each span read once: a long
        text compares every incident with those kept before it)."""
        key = (span.start, span.end)
        if key not in self._named:
            self._named[key] = ({m.value for m in self.dates.inside(span)},
                                {m.name for m in self.places.inside(span)},
                                {m.name for m in self.actors.inside(span)})
        return self._named[key]


def _retells(where: _Where, first: Span, later: Span) -> bool:
    """The first span names a day or a place, and every day, place and actor the later span
    names, the first names too."""
    one, two = where.named(first), where.named(later)
    return bool(one[0] or one[1]) and all(b <= a for a, b in zip(one, two, strict=True))


def _apart(where: _Where, first: Span, second: Span) -> bool:
    """Two sentences that name different days, or different places, tell of different
    incidents (ACLED codes one event per day and location), whatever their types."""
    one, two = where.named(first), where.named(second)
    return any(a and b and not a & b for a, b in zip(one[:2], two[:2], strict=True))
