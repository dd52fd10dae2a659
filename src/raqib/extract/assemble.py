"""Assembly: one ACLED-coded event per incident, from the cues and the mentions near them.

Each event takes its fields from the mentions inside the cue's sentence first, then from the
rest of the document (a short report often names the place and date once, in its first
sentence). Roles follow the ACLED codebook (``raqib.extract.roles``): the perpetrator is
actor1 and the victims or target actor2; protesters and rioters are actor1 of their own
events. Which places an event
may take is ``raqib.extract.event_places`` (v8: not those of a sentence about times long past).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from raqib.extract import actors as actor_stage
from raqib.extract import event_dates, numbers, place_countries, taxonomy
from raqib.extract.coded_tolls import CodedTolls
from raqib.extract.dead_before import day_of_dead_before, died_before
from raqib.extract.event_evidence import VICTIM_KINDS
from raqib.extract.event_incidents import best_cues
from raqib.extract.event_place_fields import (
    Near,
    place_detail,
    place_filed_from,
    place_inside,
    set_place,
)
from raqib.extract.event_places import Past, event_places
from raqib.extract.event_rereading import (
    civilians_clashed,
    deadly_arrest,
    one_sided,
    reread,
    unharmed_civilians,
)
from raqib.extract.event_sides import (
    ARMED_CLASH,
    ARRESTS,
    DISRUPTED,
    FRONT_FIRE,
    MOB_VIOLENCE,
    contraband,
    counter_protest,
    criminal_victim,
    crowd_act,
    crowd_clash,
    feud,
    front,
    gang_left_marks,
    own_device,
    police_opponent,
)
from raqib.extract.model import (
    ActorMention,
    Analysis,
    CountMention,
    DateMention,
    Event,
    EventCue,
    Options,
    Span,
    WeaponMention,
)
from raqib.extract.positions import ByStart
from raqib.extract.role_agents import agent
from raqib.extract.role_targets import acted_on
from raqib.extract.roles import (
    CIVILIANS,
    POLITICAL_MILITIA,
    PROTESTERS,
    RIOTERS,
    STATE,
    allies,
    associates,
    behind,
    group,
    groups,
    only_present,
    receivers_first,
    roles,
    stoppers,
    voices,
)
from raqib.extract.sentences import earlier_clauses

AGAINST_CIVILIANS = "Violence against civilians"
SPOKEN = frozenset(["Change to group/activity", "Agreement", "Headquarters or base established"])
"""Acts a party does by saying them ('the ELN announced a unilateral ceasefire'): its
speaker, a reporter of other events, is its actor1 when no other party is (v62)."""
LOOTING = "Looting/property destruction"
OTHER = "Other"
_FOUND = re.compile(r"\b(?:found dead|(?:bod(?:y|ies)|remains|corpses?|head)\b[^.;]{0,60}?\b(?:"
                    r"was|were)\s+(?:found|discovered|recovered|retrieved))\b", re.IGNORECASE)
"""A body found, not a killing seen: ACLED codes its day at time precision 2 (assembly v27)."""
UNNAMED = frozenset((AGAINST_CIVILIANS, "Explosions/Remote violence", "Battles",
                     LOOTING))
"""Event types (and one sub-event type) whose perpetrator, when the text names none, is
ACLED's 'Unidentified Armed Group (<country>)' ('clashes broke out in X', 'trucks were set on
fire by armed men'); crowds are their own actors."""
KNOWN_KIND = ("Air/drone strike", "Government regains territory",
              "Non-state actor overtakes territory")
"""Except where the kind of event says what kind of actor it was: an aircraft nobody names is
a state's, a government regains territory, a non-state group takes it."""
CROWDS = {"Protests": PROTESTERS, "Riots": RIOTERS}
"""Event types of a crowd, and the inter code of its people."""
HARMLESS = ("Peaceful protest", "Protest with intervention", "Agreement",
            "Non-violent transfer of territory")
"""Types that by the codebook's definitions kill nobody (a protest where people are killed is
excessive force against protesters): a death a protest's text tells is what it is about (v14),
the dead of an agreement were killed before it ('handed over the bodies of 12 fighters killed
in clashes', v50)."""
MASS_GRAVE = re.compile(r"\bmass\s+graves?\b|\bgraves?\s+(?:containing|holding|with)\s+"
                        r"(?:the\s+)?(?:remains|bodies|corpses)\b", re.IGNORECASE)
"""A mass grave found (the taxonomy's phrase 'mass-grave' makes it Other): its dead were killed
before, on days nobody knows, and are none of the finding's fatalities (v28)."""
TERRITORY = KNOWN_KIND[1:]
"""A place taken in a battle: by the state or its forces, by any other group (who took it)."""
TRANSFER = "Non-violent transfer of territory"
LATER_AGENT = 300
"""Characters after an event's words searched for a party said to have carried it out."""


@dataclass(frozen=True)
class _Found(Near):
    """What the document names, by position (its places, sentences and days: ``Near``)."""

    actors: ByStart[ActorMention]
    weapons: ByStart[WeaponMention]
    speakers: set[int]
    reporters: frozenset[int]
    """Speakers that tell only of others' acts (``voices``): no role."""
    allies: dict[int, int]
    """Parties that act with the party named before them (``allies``)."""
    counts: ByStart[CountMention]
    past: Past
    told: list[DateMention]
    """The days the text names as an event's ('Saturday's attack'; v19)."""
    tolls: CodedTolls
    """The figures the text says were coded, and its places' figures (v120, v123)."""

    def view(self, doc: Analysis, window: Span) -> Analysis:
        """The part of ``doc`` inside ``window`` (its sentences and counts; same text and
        offsets), so that an event's figures cost what its window holds, not the document."""
        return Analysis(
            id=doc.id, text=doc.text, reference_date=doc.reference_date,
            sentences=self.sentences.inside(window), counts=self.counts.inside(window),
        )


class Assemble:
    name = "extract.assemble.v124"

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Analysis) -> None:
        clauses = earlier_clauses(doc)
        past = Past.read(doc, clauses)
        cues = best_cues(doc, clauses, past.captioned)
        country = place_countries.document_country(doc) or ""
        actor_stage.localize(doc, country or None, self.options)  # "Civilians" -> "(Nigeria)"
        parties = [a for a in doc.actors if not actor_stage.is_claimant_only(a, self.options)
                   and not only_present(doc, a)]
        ordered = sorted(parties, key=lambda a: a.span.start)
        speakers, reporters = voices(doc, ordered)
        days = doc.days()
        found = _Found(
            ByStart(doc.places), ByStart(doc.sentences), ByStart(days), ByStart(parties),
            ByStart(doc.weapons), speakers, frozenset(reporters), allies(doc, ordered),
            ByStart(doc.counts), past, event_dates.told_days(doc, days, past.aside),
            CodedTolls(doc),
        )
        cues = [c for c in cues if not found.past.captioned(c.span)] or cues
        whole = _without(doc, clauses) if len(cues) == 1 else None
        windows = [c.span for c in cues]
        for cue in cues:
            doc.events.append(self._event(doc, cue, found, country, whole, windows))

    def _event(
        self, doc: Analysis, cue: EventCue, found: _Found, country: str,
        whole: Analysis | None, windows: list[Span]) -> Event:
        """The event of ``cue``; ``whole``: the document the counts are read in when it tells
        one event (less the earlier events its clauses tell), else None (the cue's own);
        ``windows``: the words of every event of the document."""
        cue = crowd_clash(cue, found.actors.inside(cue.span), any(
            c.kind == "killed" and c.low > 0 for c in found.counts.inside(cue.span)), doc.text)
        window = cue.span
        event = Event(
            event_type=cue.event_type, sub_event_type=cue.sub_event_type,
            disorder_type=cue.disorder_type, confidence=cue.score, evidence=window,
        )
        event.spans["sub_event_type"] = window
        keep = found.past.keeps(doc, window, found.dates.inside(window))
        set_place(event, event_places(found.places, window, country, keep), country)
        if cue.detail is not None:  # the headline's event told further on, with its day
            place_detail(event, found.places.inside(cue.detail))
        # a party that speaks about the event takes a role only when no other can; the agent
        # of a passive ('killed by X') in the event's first sentence comes first, but for a
        # weapon kept from its use, where it is the weapon's ('a drone launched by
        # militants'), last: the one that downed or defused it is actor1 (v30)
        opening = found.sentences.inside(window)[:1]
        limit = opening[0].span.end if opening else window.end
        owner = cue.sub_event_type == DISRUPTED
        near = sorted(found.actors.near(window), key=lambda a: (
            id(a) in found.speakers,
            owner == (a.span.start < limit and agent(doc, a))))
        self._actors(doc, event, cue, near, found)
        crowd_act(event, self.options)
        if country and event.country and event.country != country:
            for role in ("actor1", "actor2"):  # its crowd is of where it happened (v21)
                setattr(event, role, actor_stage.relocated(getattr(event, role), country,
                                                           event.country, self.options))
        if event.sub_event_type in TERRITORY and event.actor1:  # coded by who took it (v11)
            event.sub_event_type = TERRITORY[event.inter1 != STATE]
        days = (cue.detail and found.dates.inside(cue.detail)) or found.dates.near(
            window, keep=lambda d: not found.past.in_caption(d.span.start))  # not a photo's (v18)
        if event.event_type in CROWDS:  # not the day of the deaths it protests (v63)
            days = [d for d in days if not day_of_dead_before(doc.text, d.span.start)]
        event_dates.choose(event, days, doc, window, found.told)
        place_inside(event, doc, window, found, keep)
        place_filed_from(event, doc)
        if found.past.telling_earlier(window) and not found.dates.inside(window):
            # 'hours after the regime accused ...': the day near it is the later event's;
            # this one came before it, within days (events v14)
            event.time_precision = max(event.time_precision or 1, 2)
        if event.time_precision == 1 and _FOUND.search(doc.text, window.start, window.end):
            event.time_precision = 2  # a body found: dead that day or before (v27)
        self._casualties(event, whole or found.view(doc, window))
        deadly_arrest(event)
        unharmed_civilians(event)
        if told := found.tolls.toll(window.start, event.fatalities) or found.tolls.place(
                window.start, event):
            # the figure the note says was coded, once the counts have said who was harmed
            # ('killing 1 civilian ... Fatalities coded as 0': the civilians stay; v120), or
            # the one it gives the event's place ('8 fatalities recorded in Sheikh Zuweid,
            # 7 fatalities recorded in Rafah'; v123)
            event.fatalities, event.spans["fatalities"] = told
        self._weapon(event, found, window, windows)
        return event

    @staticmethod
    def _weapon(event: Event, found: _Found, window: Span, windows: list[Span]) -> None:
        """The event's weapon: one named near its words, not in another event's ('Separately,
        army warplanes bombed ...' after a town attacked: v60)."""
        weapons = found.weapons.near(window, keep=lambda m: not any(
            w is not window and w.start <= m.span.start < w.end for w in windows))
        if weapons:
            chosen = _means(weapons, event.sub_event_type)
            event.weapon = chosen.weapon
            event.spans["weapon"] = chosen.span

    def _actors(self, doc: Analysis, event: Event, cue: EventCue,
                actors: list[ActorMention], found: _Found) -> None:
        counts = [c for c in found.counts.near(cue.span) if c.kind in VICTIM_KINDS]
        if cue.sub_event_type == TRANSFER:
            actors = receivers_first(doc, actors)
        acted = acted_on(doc, actors, counts)
        cue = reread(event, cue, actors, acted)
        first, second = roles(cue, actors, found.reporters, found.allies, acted,
                              stoppers(doc, actors))
        if first is None and cue.sub_event_type in SPOKEN:  # 'the ELN announced a
            first = next((a for a in actors if id(a) in found.reporters  # ceasefire' (v62)
                          and a.inter not in (CIVILIANS, PROTESTERS, RIOTERS)), None)
        if (first is None or first.name.startswith("Unidentified")) and (
                cue.event_type not in CROWDS):  # told in the next sentences (v39, v76)
            later = [a for a in found.actors.inside(doc.span(cue.span.end,
                                                             cue.span.end + LATER_AGENT))
                     if id(a) not in found.reporters]
            first = behind(doc, later) or gang_left_marks(
                [*found.actors.inside(cue.span), *later], first) or first
        self._perpetrator(event, cue, actors, first)
        self._victims(event, cue, actors, second, counts)
        if cue.sub_event_type in FRONT_FIRE and event.country:
            front(doc, event, self.options)
        own_device(event, cue)
        one_sided(event, cue)
        civilians_clashed(event, cue, self.options)
        if event.country:
            contraband(event, cue, self.options)
            criminal_victim(doc, event, cue, LATER_AGENT, self.options)
            police_opponent(event, self.options)
        if "actor1" in event.spans:  # 'the Afghan government released prisoners' (v79)
            event.actor1 = actor_stage.governing(event.actor1, event.spans["actor1"].text,
                                                 event.sub_event_type)
        if cue.event_type in CROWDS:
            counter_protest(doc, event, cue, LATER_AGENT, self.options)
            return  # a crowd's associates are the groups it held (``_perpetrator``)
        if not event.assoc_actor_1 and first is not None and event.actor1 == first.name:
            event.assoc_actor_1 = associates(first, actors, found.allies)
        if not event.assoc_actor_2 and second is not None and event.actor2 == second.name:
            event.assoc_actor_2 = associates(second, actors, found.allies)

    def _perpetrator(self, event: Event, cue: EventCue, actors: list[ActorMention],
                     first: ActorMention | None) -> None:
        crowd = CROWDS.get(cue.event_type)
        if first is not None and crowd:
            event.assoc_actor_1 = groups(actors)
        if first is not None and crowd and first.inter in (CIVILIANS, PROTESTERS, RIOTERS) and (
                first.inter != crowd):
            # ACLED codes the people of a demonstration as Protesters, of a riot as Rioters
            first = actor_stage.recast(first, crowd, self.options)
        if first is not None:
            event.actor1, event.inter1 = first.name, first.inter
            event.spans["actor1"] = first.span
        elif event.country and crowd:  # 'police dispersed the crowd': the crowd, unnamed
            event.actor1 = actor_stage.unnamed(
                "Protesters" if crowd == PROTESTERS else "Rioters", event.country, self.options)
            event.inter1 = crowd
        elif event.country and not UNNAMED.isdisjoint((cue.event_type, cue.sub_event_type)) and (
                cue.sub_event_type not in KNOWN_KIND):
            # the codebook's actor for a perpetrator nobody names (no words: no span)
            event.actor1 = actor_stage.unnamed("Unidentified Armed Group", event.country,
                                               self.options)
            event.inter1 = POLITICAL_MILITIA

    def _victims(self, event: Event, cue: EventCue, actors: list[ActorMention],
                 second: ActorMention | None, counts: list[CountMention]) -> None:
        if second is None or second.inter == CIVILIANS or second.name.startswith("Unidentified"):
            second = feud(event, cue) or second  # 'killing four fighters': of the sides
        if second is not None and group(second) and second.inter == CIVILIANS:
            # who the civilians were (women, journalists) is ACLED's associated actor
            event.assoc_actor_2 = groups(actors)
            second = actor_stage.recast(second, CIVILIANS, self.options)
        if second is not None:
            event.actor2, event.inter2 = second.name, second.inter
            event.spans["actor2"] = second.span
        elif event.country and (cue.event_type == AGAINST_CIVILIANS
                                 or cue.sub_event_type in (MOB_VIOLENCE, LOOTING, ARRESTS)):
            # violence against civilians has civilians as its victims, named or not, and so
            # do a mob's (ACLED: rioters attacking people, a lynching), property looted or
            # destroyed (its owners; assembly v12) and arrests ('arrested a young man at a
            # checkpoint': the arrested, v49)
            event.actor2 = actor_stage.unnamed("Civilians", event.country, self.options)
            event.inter2 = CIVILIANS
        elif event.country and cue.sub_event_type == ARMED_CLASH and event.actor1 and (
                _civilians_only(counts)):
            # the only victims counted are civilians ('fired live bullets at two Palestinians.
            # Both Palestinians were injured'): the other side is theirs (v124), read then
            # as the attack on them it was when no word tells a fight (``one_sided``)
            event.actor2 = actor_stage.unnamed("Civilians", event.country, self.options)
            event.inter2 = CIVILIANS
        elif event.country and cue.sub_event_type == ARMED_CLASH and event.actor1:
            # a clash has two sides: the one nobody names is the codebook's unidentified
            # armed group ('a shoot-out broke out', 'militants clashed with the army'; v26)
            event.actor2 = actor_stage.unnamed("Unidentified Armed Group", event.country,
                                               self.options)
            event.inter2 = POLITICAL_MILITIA
        if event.inter2 == CIVILIANS:
            event.targets = "civilians"

    def _casualties(self, event: Event, doc: Analysis) -> None:
        # not the deaths it avenges (v80), nor those a crowd protests (v61) or the arrested
        # are suspected of (v64)
        crowd = event.event_type in CROWDS or event.sub_event_type == ARRESTS
        doc = replace(doc, counts=[c for c in doc.counts
                                   if not died_before(doc.text, c, crowd)])
        killed, killed_span = numbers.fatalities(doc)
        if event.sub_event_type in HARMLESS:
            killed, killed_span = 0, None  # the deaths told are what the crowd protests
        elif event.sub_event_type == OTHER and event.evidence and MASS_GRAVE.search(
                event.evidence.text):
            killed, killed_span = 0, None  # the dead of a grave found died before
        event.fatalities = killed
        if killed_span is not None:
            event.spans["fatalities"] = killed_span
        hurt, hurt_span = numbers.injured(doc)
        if hurt_span is not None:
            event.injured = hurt
            event.spans["injured"] = hurt_span


def _civilians_only(counts: list[CountMention]) -> bool:
    """Whether the killed or injured counted near an event's words are civilians alone."""
    harmed = [c for c in counts if c.kind in ("killed", "injured") and c.low > 0]
    return bool(harmed) and all(c.who == "civilians" for c in harmed)


def _without(doc: Analysis, clauses: list[tuple[int, int]]) -> Analysis:
    """``doc`` without the counts inside its clauses that tell an earlier event ('..., a day
    after 33 Turkish soldiers were killed in an air strike': those dead are that strike's;
    assemble v51)."""
    if not clauses:
        return doc
    return replace(doc, counts=[c for c in doc.counts if not any(
        start <= c.span.start < end for start, end in clauses)])


def create(options: Options) -> Assemble:
    return Assemble(options)


def _means(weapons: list[WeaponMention], sub_event_type: str) -> WeaponMention:
    """The weapon of an event: the first whose class the taxonomy's evidence ties to the
    event's type, else the first named (v6: "shells carrying toxic gases" is a chemical
    attack whose weapon is the chemical, not the shells that carried it)."""
    table = taxonomy.load().evidence.weapons
    for mention in weapons:
        if (table.get(mention.weapon.casefold()) or {}).get(sub_event_type, 0) > 0:
            return mention
    return weapons[0]

