"""Who is who in an event: the parties that speak about it, the allies, and from them, the
agents (``raqib.extract.role_agents``) and the parties acted on
(``raqib.extract.role_targets``) actor1 and actor2 by the codebook's conventions (used by
``raqib.extract.assemble``)."""

from __future__ import annotations

import itertools
import re
from functools import cache

from raqib.extract.claims_lexicon import source_verbs
from raqib.extract.model import ActorMention, Analysis, EventCue, Span
from raqib.extract.role_agents import VIOLENT
from raqib.extract.sentences import DAY_TOLD

CIVILIANS, PROTESTERS, RIOTERS, COMMUNAL, POLITICAL_MILITIA, REBELS, STATE = 7, 6, 5, 4, 3, 2, 1
"""ACLED's inter codes of the kinds of actor the roles tell apart."""
FORCES = frozenset([STATE, 8])
"""ACLED actor types of forces that police or stop a crowd, never the crowd: state forces and
external forces (a foreign army's military police on patrol; assemble v37)."""
ARMED = frozenset([1, 2, 3, 4, 8])
"""ACLED actor types that fight: state forces, rebels, militias, external forces."""


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
    rf"(?:{DAY_TOLD}[^,.;]{{0,30}}?(?=\s+(?:it|they|we)\s))?"
    r"\s+(?:(?:in\s+a\s+statement\s+)?(?:that\s+)?(?:it|they|we|(?:its|their|our)\s+(?:forces|"
    r"troops|army|units|soldiers|fighters|jets|warplanes|aircraft|drones))\s+"
    r"(?:(?:had|has|have)\s+)?"
    r"|to\s+have\s+)['‘\"“]?([a-z]+)|\s+(responsibility|(?:(?:full|complete|total)\s+)?control|"
    r"the\s+(?:capture|liberation|seizure|defeat|fall)\s+of|(?:(?<=claimed\s)|(?<=claims\s))"
    r"(?:the|an|this|that|those|these|both)\s+(?:attacks?|bombings?|blasts?|explosions?|"
    r"ambush(?:es)?|assaults?|raids?|strikes?|killings?))\b", re.IGNORECASE)
"""Right after the verb, the speaker's own violent act ('said it killed five militants',
'claimed to have ambushed a convoy', 'claimed responsibility', 'announced full control of',
'announced the capture of': assemble v24; 'announced the defeat of ISIS after capturing':
v28; 'claimed that its forces neutralised': v45; a day between the verb and the act, 'said
on Tuesday they had targeted': assemble v53; the act in quotes, "said it had 'neutralised'":
v55; 'claimed the attack', 'claimed an attack': v76): it is a party."""
@cache
def _denied() -> re.Pattern[str]:
    """A reporting verb that disclaims what follows (verbs.tsv's source verbs of the stance
    'denies'): a party that 'denied it had carried out the air strike' tells no act of its
    own (assemble v96)."""
    return re.compile(rf"\b(?:{source_verbs('denies')})$", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording\s+to\s+[^,.;:!?]*$", re.IGNORECASE)
"""Before a party, in its clause: the party is whom the account is told by."""
_ALLIED = re.compile(r"\s*(?:,|(?:,\s*)?(?:and|backed by|supported by|with the support of|"
                     r"along with|together with))\s*(?:the\s+)?(?:(?:its|their)\s+)?(?:allied\s+)?"
                     r"(?:[\"“][\w\s]*[\"”]\s*)?"
                     r"(?:(?:[\w'’-]+\s+){1,4}\(\s*(?:(?:coded|known|referred\s+to)\s+as\s+)?)?",
                     re.IGNORECASE)
"""Between two parties that act together ('regime forces and Russian warplanes', 'the SDF,
backed by the international coalition,': v43 reads the comma before the words; 'federal forces
and allied Amhara militias': v95), the second perhaps named in brackets after words that
tell it ('Amajid Brigade and Hazamiyah Resistance forces (coded as Southern Resistance)':
assembly v72)."""
_BACKED = re.compile(
    r"\s*,?\s*(?:(?:carried\s+out|conducted|launched|led)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:raids?|operations?|attacks?|offensives?|assaults?|campaigns?)\s*,?\s*)?"
    r"(?:(?:backed|supported|aided|assisted|covered)\s+by\s+(?:the\s+)?"
    r"|with\s+the\s+(?:support|backing|help)\s+of\s+(?:the\s+)?)", re.IGNORECASE)
"""Between a party and the one that backs it ('the regime forces backed by Russian
aircraft', 'the SDF carried out a raid backed by coalition helicopters': v67): always allies,
even 'between' two sides (v65)."""
_OWNS = re.compile(r"['’]s\s+(?:own\s+)?")
"""Between a party and the next: the second is the first's ('the regime's military security
branch', 'Turkey's proxies'), one side (assemble v28)."""
_OPPOSING = re.compile(r"[^.;]{0,40}?\b(?:clash(?:ed|es)?|exchanged|exchanges?|fought|fighting|"
                       r"fights?|battled|battles?|battling|trade[sd]?\s+fire|trading\s+fire|"
                       r"engaged each other|firefight|gunfight|gun battle|shoot-?out|combat|"
                       r"skirmish(?:ed|es)?)\b"
                       r"(?!\s+(?:with|against)\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:[\w'-]+\s+){0,2}?"
                       r"(?:forces|troops|army|fighters|militants|rebels|groups?|militias?|"
                       r"soldiers|police|insurgents|jihadists)\b))",
                       re.IGNORECASE)
"""After two parties joined by 'and': they fought each other ('India and Pakistan exchanged
fire', 'Myanmar military and AA clashed with both small and heavy weapons'), unless they
fought a third party together ('the SNA and Turkish forces clashed with the SDF': v66); the
present of a headline too ('Russian and Ukrainian forces battle for Vuhledar', 'troops and
rebels trade fire': v94)."""
_BETWEEN = re.compile(r"\b(?:between|among)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$")
_SELF = re.compile(r"\b(?:its|their|our|us|them)\b", re.IGNORECASE)
"""Later in the sentence, the speaker as the one acted on ('said rebels attacked its post')."""
_OWN_ACTS = VIOLENT | {
    "carried", "conducted", "downed", "neutralised", "neutralized", "eliminated", "repelled",
    "repulsed", "clashed", "fought", "engaged", "intercepted", "retaliated", "responded",
    "ambushed", "dismantled", "thwarted", "foiled", "freed", "liberated", "took",
    "taken", "retook", "retaken", "recaptured", "regained", "overran", "stormed",
}
def group(actor: ActorMention) -> bool:
    """An identity group of people ('Journalists (Pakistan)', 'Labour Group (India)'): in a
    crowd it says who the crowd were (ACLED's associated actor), it is not a side."""
    return actor.side == "group"


def groups(actors: list[ActorMention]) -> str:
    """ACLED's associated actor of a crowd or of civilians attacked: the groups the people
    were, '; '-joined."""
    return "; ".join(dict.fromkeys(a.name for a in actors
                                   if group(a) and a.inter == CIVILIANS))


def associates(party: ActorMention | None, actors: list[ActorMention],
               allies: dict[int, int]) -> str:
    """ACLED's associated actors of ``party``: the parties named with it as acting together
    (``allies``, followed both ways: 'regime forces and Russian warplanes', 'the SNA backed
    by Turkish troops'), in the order named, each once, '; '-joined; armed parties only,
    named (no unidentified group), and not ``party``'s own name (assemble v29)."""
    if party is None or party.inter not in ARMED:
        return ""
    def first(i: int) -> int:  # an ally points at the one named before it: the chain's head
        while (j := allies.get(i)) is not None:
            i = j
        return i

    side = first(id(party))
    names = (a.name for a in sorted(actors, key=lambda a: a.span.start)
             if first(id(a)) == side and a.inter in ARMED
             and not a.name.startswith("Unidentified"))
    return "; ".join(dict.fromkeys(n for n in names if n != party.name))


def voices(doc: Analysis, parties: list[ActorMention]) -> tuple[set[int], set[int]]:
    """(the parties that speak about an event, the speakers among them that are no party to
    it at all), by ``id``. A party followed by a reporting verb speaks ('the ministry said'),
    and so does one joined to a speaker ('state media and the Russian ministry said'); one
    that goes on to tell of its own act ('said it killed', 'said its post was shelled') may
    still be a party, one that tells only of others' acts ('said shells hit the district',
    'accused armed groups of firing') is not: it is the source of the account, not in it.
    So is a party named after 'according to' in its clause ('according to SANA and the
    Russian defence ministry, shells fell'). Nor is one said to have made the account up
    ('a fabrication by terrorist groups': ``_FABRICATED_BY``)."""
    verbs = [_speaks().match(doc.text, a.span.end, a.span.end + 60) for a in parties]
    for i in range(len(parties) - 2, -1, -1):  # a speaker lends its verb to those before it
        between = doc.text[parties[i].span.end : parties[i + 1].span.start]
        joined = _JOINED.match(between)
        if verbs[i] is None and verbs[i + 1] is not None and joined and (
                _AND.search(joined.group()) or _opens_sentence(doc.text, parties[i].span.start)):
            verbs[i] = verbs[i + 1]
    speakers, reporters = set(), set()
    for actor, verb in zip(parties, verbs, strict=True):
        own = _SELF_AGENT.match(doc.text, verb.end()) if verb else None
        if verb and _denied().search(verb.group()):  # 'denied it had carried out the strike':
            speakers.add(id(actor))  # its own act disclaimed, no party by its words (v96)
            reporters.add(id(actor))
            continue
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
    reporters.update(id(a) for a in parties if _FABRICATED_BY.search(
        doc.text, max(0, a.span.start - 80), a.span.start))
    return speakers, reporters


_FABRICATED_BY = re.compile(
    r"\b(?:fabrications?|fabricated|hoax(?:es)?|faked|lies|propaganda|forger(?:y|ies)|forged|"
    r"falsified|falsehoods?)(?:\s+[\w'’-]+){0,3}?\s+by\s+(?:the\s+)?(?:so-called\s+)?$",
    re.IGNORECASE)
"""Before a party: the account it is said to have made up ('calling the reports a fabrication
by terrorist groups', 'a video fabricated by the White Helmets'), whose maker is no party to
the event the account tells of (assemble v105). Not "staged by": "an attack staged by
militants" was carried out by them; nor the adjectives of ``claims_lexicon.FALSEHOOD``."""


_AND = re.compile(r"\band\b", re.IGNORECASE)
_SUBJECT_LEAD = re.compile(r"(?:^|[.!?\n]\s*)(?:[\w'’-]+\s+){0,3}$")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its sentence (three words at most before it): one
    of speakers listed with commas ('Syrian media, the Russian ministry said'), not the last
    words of a clause before a speaker ('..., killing five policemen, the interior ministry
    said': the policemen do not speak; assemble v54)."""
    return bool(_SUBJECT_LEAD.search(text, max(0, start - 60), start))


def _sentence_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    return min(ends, default=len(text))


_PRESENT = re.compile(r"\b(?:presence|influence) of (?:the )?(?:[^().;]{1,60} \()?$",
                      re.IGNORECASE)


_ENVOY_AFTER = re.compile(
    r"\s+(?:ambassadors?|envoys?|special\s+(?:envoy|representative|rapporteur)s?|"
    r"rapporteurs?|secretary[\s-]general|inspectors|investigators)\b", re.IGNORECASE)


def only_present(doc: Analysis, actor: ActorMention) -> bool:
    """Whether the actor is named only as present where the event happened ('in a region with
    the presence of the National Liberation Army (ELN)'): the setting, not a party to it
    (assembly v68), and its initials after it in brackets; or only by its envoys, who speak
    and investigate ('his UN ambassador', 'the UN special envoy': v82)."""
    text, start = doc.text, actor.span.start
    return bool(_PRESENT.search(text, max(0, start - 90), start)
                or _ENVOY_AFTER.match(text, actor.span.end))


def allies(doc: Analysis, parties: list[ActorMention]) -> dict[int, int]:
    """``id`` of a party -> ``id`` of the party named right before it when the two act
    together: joined by 'and', a comma, 'backed by' or 'with the support of' ('pro-Hadi and
    Resistance fighters thwarted ...'), unless what follows makes them two sides ('India and
    Pakistan exchanged fire', 'clashes between GNA and LNA forces'); or the second the
    first's own ('the regime's military security': v28)."""
    joined: dict[int, int] = {}
    head: dict[int, int] = {}  # a party backed by another -> where the backed one starts
    for a, b in itertools.pairwise(parties):
        between = doc.text[a.span.end : b.span.start]
        owned = _OWNS.fullmatch(between)  # 'the regime's military security': its own
        if owned or _BACKED.fullmatch(between):  # support is never the other side (v65)
            joined[id(b)] = id(a)
            head[id(b)] = head.get(id(a), a.span.start)
            continue
        start = head.get(id(a), a.span.start)  # 'between X backed by Y and Z': Z is X's foe
        if _ALLIED.fullmatch(between) and not _OPPOSING.match(doc.text, b.span.end) and (
                not _BETWEEN.search(doc.text, max(0, start - 30), start)):
            joined[id(b)] = id(a)
    return joined


AGREEMENT = "Agreement"
ONE_SIDED = frozenset(["Change to group/activity", "Headquarters or base established"])
"""Sub-event types the codebook tells of one actor alone (a group that changed what it does,
a base set up): no actor2, whoever else the words name (assemble v25)."""


def roles(
    cue: EventCue, actors: list[ActorMention], reporters: frozenset[int] = frozenset(),
    allies: dict[int, int] | None = None, counted: frozenset[int] = frozenset(),
    stoppers: frozenset[int] = frozenset(),
) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) by the event type's conventions; a reporter (``voices``) takes no
    role: it tells of the event, it is not in it; an ally of actor1 (``allies``) is not its
    other side; an armed party ``counted`` among the dead or wounded ('killed six soldiers')
    or named as the target ('targeted a car carrying HTS members': v22) is actor1 only when
    every armed party is and the event is a battle (both sides' dead counted: v9); in any
    other event, nobody named is then the attacker ('a suicide bomber blew himself up at a
    checkpoint of the SNA, killing two fighters': v42). A battle's other side is an armed
    party where one is named, before civilians told first ('40 people have been killed in
    fighting between the army and the Arakan Army': v58), and before an unidentified group
    counted among the dead ('15 fighters were killed in clashes between al-Shabaab and clan
    militias': v59; any party counted so came after, and 15 dev notes lost their actor2)."""
    first_of: dict[str, ActorMention] = {}
    for actor in actors:
        if id(actor) not in reporters:
            first_of.setdefault(actor.name, actor)
    distinct = list(first_of.values())
    by_inter = {inter: [a for a in distinct if a.inter == inter] for inter in range(1, 9)}
    if cue.event_type in ("Protests", "Riots"):
        return _crowd_roles(cue, distinct, by_inter, stoppers)
    armed = [a for a in distinct if a.inter != CIVILIANS]
    attackers = [a for a in armed if id(a) not in counted]
    two_sided = len(armed) > 1 and cue.event_type == "Battles"  # both sides' dead (v9)
    first = attackers[0] if attackers else armed[0] if two_sided else None
    if cue.sub_event_type in ONE_SIDED:
        return first, None
    if cue.event_type == "Violence against civilians":
        return first, (by_inter[CIVILIANS] or [None])[0]
    joined = {} if cue.sub_event_type == AGREEMENT else (allies or {})  # the two that
    # signed ('the government and the TPLF signed') are its two sides (v98)
    rest = [a for a in distinct if a is not first
            and not (first and joined.get(id(a)) == id(first))]
    if cue.event_type == "Battles":  # between armed sides: the people its dead were, and
        # unnamed fighters counted among them, come after a side named (v58, v59)
        rest.sort(key=lambda a: (a.inter == CIVILIANS, id(a) in counted
                                 and a.name.startswith("Unidentified")))
    return first, (rest[0] if rest else None)


def _crowd_roles(cue: EventCue, distinct: list[ActorMention],
                 by_inter: dict[int, list[ActorMention]], stoppers: frozenset[int]
                 ) -> tuple[ActorMention | None, ActorMention | None]:
    """A protest's or a riot's (actor1, actor2) (``roles``)."""
    crowd = by_inter[PROTESTERS if cue.event_type == "Protests" else RIOTERS]
    # the crowd, else the first party that is not a state's force: a force is the one
    # that intervened, never the crowd (with neither, the crowd is unnamed; v13)
    first = (crowd or [a for a in distinct if a.inter not in FORCES] or [None])[0]
    if cue.sub_event_type == "Peaceful protest":  # no force intervened ('against
        return first, None  # police' says what it was about)
    # a protest's other side is a force that intervened; a riot's, else whom it fought
    others = [] if cue.event_type == "Protests" else [
        a for a in distinct if a is not first and not group(a)
        and a.inter not in (PROTESTERS, RIOTERS)]  # the crowd's own people (v47)
    # a state's own force before a foreign one, which the crowd more often speaks of
    # ('demanded the departure of French troops; police used tear gas': v58)
    forces = sorted((a for a in distinct if a.inter in FORCES and a is not first),
                    key=lambda a: a.inter != STATE)
    armed = [a for a in distinct if a is not first and id(a) in stoppers]
    # where no state's force is named, an armed group that stopped the crowd ('HTS
    # fighters shot at demonstrators', 'the Asayish dispersed a protest'; v37)
    return first, (forces or others or armed or [None])[0]


_STOPPED = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:dispers(?:ed|ing)|broke\s+up|fired|shot|opened\s+fire|"
    r"attacked|beat|arrested|detained|suppressed|cracked\s+down|stormed|raided|used)\b", re.I)


def stoppers(doc: Analysis, actors: list[ActorMention]) -> frozenset[int]:
    """``id`` of the armed parties whose own act follows their name, as a force that stopped
    a crowd acts ('HTS fighters shot at demonstrators', 'the Asayish dispersed a protest'),
    not a group that organised it ('an STC-organized demonstration') (assemble v37)."""
    return frozenset(id(a) for a in actors
                     if a.inter in ARMED and _STOPPED.match(doc.text, a.span.end))


_BEHIND = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:(?:carried\s+out|conducted|launched|claimed|(?:was|were)\s+"
    r"(?:behind|responsible\s+for))\s+(?:the|those|these|both)\s+(?:air\s*)?(?:raids?|strikes?|"
    r"attacks?|bombings?|bombardment|shelling)|claim(?:ed|s)\s+(?:(?:the|full)\s+)?"
    r"responsibility)\b", re.I)
_PLANTED_BY = re.compile(r"\b(?:planted|placed|laid|set|detonated)\s+by\s+(?:the\s+)?$", re.I)


def behind(doc: Analysis, actors: list[ActorMention]) -> ActorMention | None:
    """The first armed party of ``actors`` said to have carried out the event, told back by
    its noun ('The Observatory said Russian jets carried out the raids', 'government forces
    were behind the attack': assemble v39), or that claimed it ('Al Shabaab claimed
    responsibility', 'IS claimed the attack') or planted its device ('the device was likely
    planted by JNIM militants': v76): actor1 of an event whose own words name none."""
    return next((a for a in actors if a.inter in ARMED and (
        _BEHIND.match(doc.text, a.span.end)
        or _PLANTED_BY.search(doc.text, max(0, a.span.start - 40), a.span.start))), None)


_HANDED_TO = re.compile(
    r"\b(?:hand(?:ed|s|ing)|turn(?:ed|s|ing)|ced(?:ed|es|ing)|transferr?(?:ed|s|ing)|"
    r"surrender(?:ed|s|ing)|deliver(?:ed|s|ing))\s+(?:over\s+)?[^.;]{0,80}?\bto\s+(?:the\s+)?$",
    re.IGNORECASE)


def receivers_first(doc: Analysis, actors: list[ActorMention]) -> list[ActorMention]:
    """``actors`` with those a place or a post was handed over to first ('the SDF handed
    over its positions in Ain Issa to regime forces'): in a non-violent transfer of
    territory the actor that takes it is actor1 (assemble v40)."""
    def received(a: ActorMention) -> bool:
        return bool(_HANDED_TO.search(doc.text, max(0, a.span.start - 120), a.span.start))
    return sorted(actors, key=lambda a: not received(a))


_PLACE_ATTACKED = re.compile(
    r"\b[Aa]ttack(?:ed|s|ing)?\s+(?:the\s+(?:town|village|community|locality)\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*)"
    r"(?=\s*(?:\(|,|\.|;|$|\s(?:and|in|on|near|village|town|community|locality|area|at|from|"
    r"killing|where|before|after|during)\b))")
"""A place attacked by its name, followed by what may follow a place (events v57)."""


RAIDERS = frozenset([3, 4])
"""Political and identity militias, the unidentified armed groups among them: the parties
whose attack on a village is a raid on its people (ACLED's Attack), where a state's forces
or a rebel group that attacks a town assault its defenders ('HTS attacked Kafr Nabuda', 'IS
attacks Kobani': Armed clash)."""


def place_attacked(text: str, span: Span, actors: list[ActorMention],
                   countries: list[Span]) -> bool:
    """A militia attacked a place named by its name ('Islamic militants attacked Muaja
    (Ancuabe, Cabo Delgado)', 'Fulani militias attacked Tarkende in Guma LGA'), not a force
    nor a country, and the sentence ``span`` (its ``actors``, its ``countries`` named) names
    no other armed party (events v57)."""
    armed = {(a.name, a.inter) for a in actors if a.inter in ARMED}
    if len(armed) != 1 or next(iter(armed))[1] not in RAIDERS:
        return False
    for found in _PLACE_ATTACKED.finditer(text, span.start, span.end):
        start, end = found.span("name")
        if not any(other.start < end and start < other.end
                   for other in [*(a.span for a in actors), *countries]):
            return True
    return False
