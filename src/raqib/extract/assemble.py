"""Assembly: one ACLED-coded event per incident, from the cues and the mentions near them.

Each event takes its fields from the mentions inside the cue's sentence first, then from the
rest of the document (a short report often names the place and date once, in its first
sentence). Roles follow the ACLED codebook: the perpetrator is actor1 and the victims or
target actor2; protesters and rioters are actor1 of their own events. Which places an event
may take is ``raqib.extract.event_places`` (v8: not those of a sentence about times long past).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from raqib.extract import actors as actor_stage
from raqib.extract import event_dates, numbers, places, taxonomy
from raqib.extract.claims_lexicon import source_verbs
from raqib.extract.event_incidents import best_cues
from raqib.extract.event_places import Past, country_only, event_places
from raqib.extract.events import VICTIM_KINDS
from raqib.extract.model import (
    ActorMention,
    Analysis,
    CountMention,
    DateMention,
    Event,
    EventCue,
    Options,
    PlaceMention,
    Sentence,
    Span,
    WeaponMention,
)
from raqib.extract.positions import ByStart
from raqib.extract.sentences import earlier_clauses

CIVILIANS, PROTESTERS, RIOTERS, POLITICAL_MILITIA, STATE = 7, 6, 5, 3, 1
AGAINST_CIVILIANS, MOB_VIOLENCE = "Violence against civilians", "Mob violence"
LOOTING = "Looting/property destruction"
UNNAMED = frozenset((AGAINST_CIVILIANS, "Explosions/Remote violence", "Battles",
                     LOOTING))
"""Event types (and one sub-event type) whose perpetrator, when the text names none, is
ACLED's 'Unidentified Armed Group (<country>)' ('clashes broke out in X', 'trucks were set on
fire by armed men'); crowds are their own actors."""
KNOWN_KIND = ("Air/drone strike", "Government regains territory",
              "Non-state actor overtakes territory")
"""Except where the kind of event says what kind of actor it was: an aircraft nobody names is
a state's, a government regains territory, a non-state group takes it."""
HARMLESS = ("Peaceful protest", "Protest with intervention")
"""Types that by the codebook's definitions kill nobody (a protest where people are killed is
excessive force against protesters): a death a protest's text tells is what it is about (v14)."""
TERRITORY = KNOWN_KIND[1:]
"""A place taken in a battle: by the state or its forces, by any other group (who took it)."""


@cache
def _speaks() -> re.Pattern[str]:
    """An actor followed, in its sentence, by a reporting verb (``source_verbs``) speaks
    about the event ('the ministry's spokesman said'); not a passive ('air raids were
    reported', 'civilians accused of spying', 'backed by alleged mercenaries') nor a noun
    ('no reports')."""
    return re.compile(
        r"[^\w.;:!?]*(?:(?!(?:is|are|was|were|be|been|being|no|the|a|an|by)\b)[\w'’-]+"
        rf"[^\S\n]+){{0,3}}?(?:{source_verbs()})\b(?!\s+(?:of|by)\b)",
        re.IGNORECASE)


_JOINED = re.compile(r"\s*(?:(?:media|officials|authorities|sources|ministry|television|TV|"
                     r"agency)\s+)?(?:,|\band\b)\s*(?:the\s+)?$", re.IGNORECASE)
"""Between two actors that speak together: 'Syrian media and the Russian ministry said'."""
_SELF_AGENT = re.compile(
    r"\s+(?:(?:in\s+a\s+statement\s+)?(?:that\s+)?(?:it|they|we)\s+(?:(?:had|has|have)\s+)?"
    r"|to\s+have\s+)([a-z]+)|\s+(responsibility)\b", re.IGNORECASE)
"""Right after the verb, the speaker's own violent act ('said it killed five militants',
'claimed to have ambushed a convoy', 'claimed responsibility'): it is a party."""
_ACCORDING = re.compile(r"\baccording\s+to\s+[^,.;:!?]*$", re.IGNORECASE)
"""Before a party, in its clause: the party is whom the account is told by."""
_ALLIED = re.compile(r"\s*(?:,|and|,\s*and|backed by|supported by|with the support of|along "
                     r"with|together with)\s*(?:the\s+)?(?:[\"“][\w\s]*[\"”]\s*)?", re.IGNORECASE)
_OPPOSING = re.compile(r"[^.;]{0,40}?\b(?:clash(?:ed|es)?|exchanged|exchange|fought|fighting|"
                       r"battled|engaged each other|firefight|gunfight|gun battle|shoot-?out)\b",
                       re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|among)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$")
_SELF = re.compile(r"\b(?:its|their|our|us|them)\b", re.IGNORECASE)
"""Later in the sentence, the speaker as the one acted on ('said rebels attacked its post')."""
_AGENT_BEFORE = re.compile(
    r"\b([a-z]+)\s+by\s+(?:(?:the|a|an|suspected|alleged|presumed|unidentified|unknown)\s+)"
    r"{0,2}$", re.IGNORECASE)
_AGENT_AFTER = re.compile(r"[-‐](?:planted|laid|placed|fired|launched)\b", re.IGNORECASE)
_VIOLENT = frozenset([
    "killed", "shot", "hit", "struck", "attacked", "targeted", "wounded", "injured", "hurt",
    "ambushed", "abducted", "kidnapped", "shelled", "bombed", "bombarded", "executed",
    "beheaded", "stabbed", "beaten", "slain", "murdered", "assassinated", "massacred",
    "tortured", "raped", "assaulted", "lynched", "detained", "arrested", "captured", "seized",
    "raided", "stormed", "looted", "burned", "burnt", "torched", "destroyed", "damaged",
    "blown", "planted", "launched", "perpetrated", "committed", "fired", "overrun", "gunned",
    "attack", "attacks", "assault", "assaults", "offensive", "incursion", "raid", "raids",
    "ambush",
])
_OWN_ACTS = _VIOLENT | {
    "carried", "conducted", "downed", "neutralised", "neutralized", "eliminated", "repelled",
    "repulsed", "clashed", "fought", "engaged", "intercepted", "retaliated", "responded",
    "ambushed", "dismantled", "thwarted", "foiled", "freed", "liberated", "took",
}
_REPELLED_BEFORE = re.compile(
    r"\b(?:repelled|repulsed|thwarted|foiled|fended off|pushed back|repelling|repulsing|"
    r"thwarting|foiling)\s+(?:an?|the)?\s*$", re.IGNORECASE)
_ATTACK_AFTER = re.compile(r"\s+(?:attacks?|assaults?|offensive|incursion|advance)\b",
                           re.IGNORECASE)
"""'killed by Taliban militants', 'hit by a Taliban-planted IED', 'an attack by X',
'repelled a Taliban attack': the agent of a violent passive or of an attack is who acted,
whatever the order of the words; 'backed by', 'held by' or 'reported by' name no agent."""



def _group(actor: ActorMention) -> bool:
    """An identity group of people ('Journalists (Pakistan)', 'Labour Group (India)'): in a
    crowd it says who the crowd were (ACLED's associated actor), it is not a side."""
    return actor.side == "group"


def _groups(actors: list[ActorMention]) -> str:
    """ACLED's associated actor of a crowd or of civilians attacked: the groups the people
    were, '; '-joined."""
    return "; ".join(dict.fromkeys(a.name for a in actors
                                   if _group(a) and a.inter == CIVILIANS))


def _voices(doc: Analysis, parties: list[ActorMention]) -> tuple[set[int], set[int]]:
    """(the parties that speak about an event, the speakers among them that are no party to
    it at all), by ``id``. A party followed by a reporting verb speaks ('the ministry said'),
    and so does one joined to a speaker ('state media and the Russian ministry said'); one
    that goes on to tell of its own act ('said it killed', 'said its post was shelled') may
    still be a party, one that tells only of others' acts ('said shells hit the district',
    'accused armed groups of firing') is not: it is the source of the account, not in it.
    So is a party named after 'according to' in its clause ('according to SANA and the
    Russian defence ministry, shells fell')."""
    verbs = [_speaks().match(doc.text, a.span.end, a.span.end + 60) for a in parties]
    for i in range(len(parties) - 2, -1, -1):  # a speaker lends its verb to those before it
        between = doc.text[parties[i].span.end : parties[i + 1].span.start]
        if verbs[i] is None and verbs[i + 1] is not None and _JOINED.match(between):
            verbs[i] = verbs[i + 1]
    speakers, reporters = set(), set()
    for actor, verb in zip(parties, verbs, strict=True):
        own = _SELF_AGENT.match(doc.text, verb.end()) if verb else None
        if own and (own.group(2) or own.group(1).casefold() in _OWN_ACTS):
            continue
        if verb is not None:
            said = verb.end()
        elif _ACCORDING.search(doc.text, max(0, actor.span.start - 120), actor.span.start):
            said = actor.span.end
        else:
            continue
        speakers.add(id(actor))
        if not _SELF.search(doc.text, said, _sentence_end(doc.text, said)):
            reporters.add(id(actor))
    return speakers, reporters


def _sentence_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    return min(ends, default=len(text))


def _agent(doc: Analysis, actor: ActorMention) -> bool:
    """Whether the actor is named as the agent of a passive ('shot dead by X'), of an
    attack ('an attack by X', 'repelled an X attack') or of a device it planted ('an
    X-planted IED')."""
    if _AGENT_AFTER.match(doc.text, actor.span.end):
        return True
    if _ATTACK_AFTER.match(doc.text, actor.span.end) and _REPELLED_BEFORE.search(
            doc.text, max(0, actor.span.start - 40), actor.span.start):
        return True
    before = _AGENT_BEFORE.search(doc.text, max(0, actor.span.start - 60), actor.span.start)
    if before is None:
        return False
    return before.group(1).casefold() in _VIOLENT


def _allies(doc: Analysis, parties: list[ActorMention]) -> dict[int, int]:
    """``id`` of a party -> ``id`` of the party named right before it when the two act
    together: joined by 'and', a comma, 'backed by' or 'with the support of' ('pro-Hadi and
    Resistance fighters thwarted ...'), unless what follows makes them two sides ('India and
    Pakistan exchanged fire', 'clashes between GNA and LNA forces')."""
    joined = {}
    for a, b in itertools.pairwise(parties):
        between = doc.text[a.span.end : b.span.start]
        if _ALLIED.fullmatch(between) and not _OPPOSING.match(doc.text, b.span.end) and not (
                _BETWEEN.search(doc.text, max(0, a.span.start - 30), a.span.start)):
            joined[id(b)] = id(a)
    return joined


def _roles(
    cue: EventCue, actors: list[ActorMention], reporters: frozenset[int] = frozenset(),
    allies: dict[int, int] | None = None, counted: frozenset[int] = frozenset(),
) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) by the event type's conventions; a reporter (``_voices``) takes no
    role: it tells of the event, it is not in it; an ally of actor1 (``_allies``) is not its
    other side; an armed party ``counted`` among the dead or wounded ('killed six soldiers')
    is actor1 only when every armed party is (both sides' dead counted: v9)."""
    first_of: dict[str, ActorMention] = {}
    for actor in actors:
        if id(actor) not in reporters:
            first_of.setdefault(actor.name, actor)
    distinct = list(first_of.values())
    by_inter = {inter: [a for a in distinct if a.inter == inter] for inter in range(1, 9)}
    if cue.event_type in ("Protests", "Riots"):
        crowd = by_inter[PROTESTERS if cue.event_type == "Protests" else RIOTERS]
        # the crowd, else the first party that is not a state's force: a force is the one
        # that intervened, never the crowd (with neither, the crowd is unnamed; v13)
        first = (crowd or [a for a in distinct if a.inter != STATE] or [None])[0]
        if cue.sub_event_type == "Peaceful protest":  # no force intervened ('against
            return first, None  # police' says what it was about)
        # a protest's other side is a force that intervened; a riot's, else whom it fought
        others = [] if cue.event_type == "Protests" else [
            a for a in distinct if a is not first and not _group(a)]
        forces = [a for a in by_inter[STATE] if a is not first]
        return first, (forces or others or [None])[0]
    armed = [a for a in distinct if a.inter != CIVILIANS]
    attackers = [a for a in armed if id(a) not in counted]
    first = attackers[0] if attackers else armed[0] if len(armed) > 1 else None
    if cue.event_type == "Violence against civilians":
        return first, (by_inter[CIVILIANS] or [None])[0]
    rest = [a for a in distinct if a is not first
            and not (first and (allies or {}).get(id(a)) == id(first))]
    return first, (rest[0] if rest else None)


@dataclass(frozen=True)
class _Found:
    places: ByStart[PlaceMention]
    actors: ByStart[ActorMention]
    dates: ByStart[DateMention]
    weapons: ByStart[WeaponMention]
    speakers: set[int]
    reporters: frozenset[int]
    """Speakers that tell only of others' acts (``_voices``): no role."""
    allies: dict[int, int]
    """Parties that act with the party named before them (``_allies``)."""
    sentences: ByStart[Sentence]
    counts: ByStart[CountMention]
    past: Past
    told: list[DateMention]
    """The days the text names as an event's ('Saturday's attack'; v19)."""

    def view(self, doc: Analysis, window: Span) -> Analysis:
        """The part of ``doc`` inside ``window`` (its sentences and counts; same text and
        offsets), so that an event's figures cost what its window holds, not the document."""
        return Analysis(
            id=doc.id, text=doc.text, reference_date=doc.reference_date,
            sentences=self.sentences.inside(window), counts=self.counts.inside(window),
        )


class Assemble:
    name = "extract.assemble.v21"

    def __init__(self, options: Options) -> None:
        self.options = options

    def __call__(self, doc: Analysis) -> None:
        clauses = earlier_clauses(doc)
        cues = best_cues(doc, clauses)
        country = places.document_country(doc) or ""
        actor_stage.localize(doc, country or None, self.options)  # "Civilians" -> "(Nigeria)"
        parties = [a for a in doc.actors if not actor_stage.is_claimant_only(a, self.options)]
        ordered = sorted(parties, key=lambda a: a.span.start)
        speakers, reporters = _voices(doc, ordered)
        past, days = Past.read(doc, clauses), doc.days()
        found = _Found(
            ByStart(doc.places), ByStart(parties),
            ByStart(days), ByStart(doc.weapons), speakers, frozenset(reporters),
            _allies(doc, ordered), ByStart(doc.sentences), ByStart(doc.counts),
            past, event_dates.told_days(doc, days, past.aside),
        )
        cues = [c for c in cues if not found.past.captioned(c.span)] or cues
        for cue in cues:
            doc.events.append(self._event(doc, cue, found, country, single=len(cues) == 1))

    def _event(
        self, doc: Analysis, cue: EventCue, found: _Found, country: str, single: bool
    ) -> Event:
        window = cue.span
        event = Event(
            event_type=cue.event_type, sub_event_type=cue.sub_event_type,
            disorder_type=cue.disorder_type, confidence=cue.score, evidence=window,
        )
        event.spans["sub_event_type"] = window
        keep = found.past.keeps(doc, window, found.dates.inside(window))
        self._place(event, event_places(found.places, window, country, keep), country)
        if cue.detail is not None:  # the headline's event told further on, with its day
            self._place_detail(event, found.places.inside(cue.detail))
        # a party that speaks about the event takes a role only when no other can; the agent
        # of a passive ('killed by X') in the event's first sentence comes first
        opening = found.sentences.inside(window)[:1]
        limit = opening[0].span.end if opening else window.end
        near = sorted(found.actors.near(window), key=lambda a: (
            id(a) in found.speakers, not (a.span.start < limit and _agent(doc, a))))
        self._actors(event, cue, near, found)
        if country and event.country and event.country != country:
            for role in ("actor1", "actor2"):  # its crowd is of where it happened (v21)
                setattr(event, role, actor_stage.relocated(getattr(event, role), country,
                                                           event.country, self.options))
        if event.sub_event_type in TERRITORY and event.actor1:  # coded by who took it (v11)
            event.sub_event_type = TERRITORY[event.inter1 != STATE]
        event_dates.choose(event, (cue.detail and found.dates.inside(cue.detail))
                           or found.dates.near(window, keep=lambda d: not found.past.in_caption(
                               d.span.start)), doc, window, found.told)  # not a photograph's (v18)
        if found.past.telling_earlier(window) and not found.dates.inside(window):
            # 'hours after the regime accused ...': the day near it is the later event's;
            # this one came before it, within days (events v14)
            event.time_precision = max(event.time_precision or 1, 2)
        self._casualties(event, doc if single else found.view(doc, window))
        weapons = found.weapons.near(window)
        if weapons:
            chosen = _means(weapons, event.sub_event_type)
            event.weapon = chosen.weapon
            event.spans["weapon"] = chosen.span
        return event

    def _place(self, event: Event, found: list[PlaceMention], country: str) -> None:
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

    def _place_detail(self, event: Event, found: list[PlaceMention]) -> None:
        """The detail's place, when it is at least as precise as the headline's."""
        if found and (not event.location or event.location == event.country
                      or event.geo_precision is None
                      or max(found, key=places.rank).geo_precision <= event.geo_precision):
            self._place(event, found, event.country)

    def _actors(self, event: Event, cue: EventCue, actors: list[ActorMention],
                found: _Found) -> None:
        counts = [c for c in found.counts.near(cue.span) if c.kind in VICTIM_KINDS]
        counted = frozenset(id(a) for a in actors if any(
            c.span.start <= a.span.start and a.span.end <= c.span.end for c in counts))
        first, second = _roles(cue, actors, found.reporters, found.allies, counted)
        self._perpetrator(event, cue, actors, first)
        self._victims(event, cue, actors, second)

    def _perpetrator(self, event: Event, cue: EventCue, actors: list[ActorMention],
                     first: ActorMention | None) -> None:
        crowd = {"Protests": PROTESTERS, "Riots": RIOTERS}.get(cue.event_type)
        if first is not None and crowd:
            event.assoc_actor_1 = _groups(actors)
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
                 second: ActorMention | None) -> None:
        if second is not None and _group(second) and second.inter == CIVILIANS:
            # who the civilians were (women, journalists) is ACLED's associated actor
            event.assoc_actor_2 = _groups(actors)
            second = actor_stage.recast(second, CIVILIANS, self.options)
        if second is not None:
            event.actor2, event.inter2 = second.name, second.inter
            event.spans["actor2"] = second.span
        elif event.country and (cue.event_type == AGAINST_CIVILIANS
                                 or cue.sub_event_type in (MOB_VIOLENCE, LOOTING)):
            # violence against civilians has civilians as its victims, named or not, and so
            # do a mob's (ACLED: rioters attacking people, a lynching) and property looted or
            # destroyed (its owners; assembly v12)
            event.actor2 = actor_stage.unnamed("Civilians", event.country, self.options)
            event.inter2 = CIVILIANS
        if event.inter2 == CIVILIANS:
            event.targets = "civilians"

    def _casualties(self, event: Event, doc: Analysis) -> None:
        killed, killed_span = numbers.fatalities(doc)
        if event.sub_event_type in HARMLESS:
            killed, killed_span = 0, None  # the deaths told are what the crowd protests
        event.fatalities = killed
        if killed_span is not None:
            event.spans["fatalities"] = killed_span
        hurt, hurt_span = numbers.injured(doc)
        if hurt_span is not None:
            event.injured = hurt
            event.spans["injured"] = hurt_span


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

