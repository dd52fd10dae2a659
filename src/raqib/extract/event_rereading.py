"""The type an event's words and parties say where the model's reading contradicts them
(assemble v107-v114), and remote violence that harmed no one (v109): ACLED's battles are
between two armed, organised sides, its mob violence is rioters', a violent demonstration a
crowd's that demonstrated. Split from ``raqib.extract.event_sides`` (its rules of sides)."""

from __future__ import annotations

import re
from dataclasses import replace

from raqib.extract import actor_naming, taxonomy
from raqib.extract.event_sides import (
    ABDUCTION,
    ARMED_CLASH,
    ARRESTS,
    ATTACK,
    MOB_VIOLENCE,
    retype,
)
from raqib.extract.model import ActorMention, Event, EventCue, Options
from raqib.extract.roles import (
    ARMED,
    CIVILIANS,
    COMMUNAL,
    POLITICAL_MILITIA,
    REBELS,
    RIOTERS,
    STATE,
)

VIOLENT_DEMONSTRATION = "Violent demonstration"


def _retyped(event: Event, cue: EventCue, label: str) -> EventCue:
    """``event`` and ``cue`` of the sub-event type ``label`` (the cue for the roles read next)."""
    retype(event, label)
    return replace(cue, **taxonomy.load().typed(label))


def reread(event: Event, cue: EventCue, actors: list[ActorMention],
           acted: frozenset[int]) -> EventCue:
    """The cue and event with the type their words and parties say where the model's reading
    contradicts them (assemble v107-v114): a protest told as violence, a mob that
    demonstrated, a mob of armed sides or of state forces alone, an attack on armed men;
    ``acted``: the parties acted on."""
    cue = demonstrating_mob(event, no_demonstration(event, killed_captives(event, cue)))
    cue = armed_brawl(event, cue, actors)
    cue = state_beating(event, cue, actors, acted)
    return armed_target(event, cue, actors, acted)


_HELD = r"(?:captur|abduct|kidnapp?|arrest|detain|seiz)(?:ed|ing|s)?"
_KILL = (r"(?:execut(?:ed|es|ing)|behead(?:ed|s|ing)|kill(?:ed|s|ing)|murder(?:ed|s|ing)|"
         r"shot\s+(?:\w+\s+)?dead|slew|slain|hanged|lynched|tortured\s+to\s+death)")
_CAPTIVES_KILLED = re.compile(
    r"\b" + _HELD + r"\b[^.;]{0,80}?\b(?:and|before)\s+(?:(?:then|later|subsequently|"
    r"summarily|publicly)\s+)?" + _KILL + r"\s+(?:them|him|her|all|both)\b"
    r"|\b" + _KILL + r"\s+(?:\w+\s+)?(?:(?:captured|abducted|kidnapped|detained|arrested)\s+"
    r"\w+|(?:prisoners|hostages?|captives?|detainees?)\b)"
    r"|\b(?:captured|abducted|kidnapped|detained|arrested)\s+\w+\s+(?:\w+\s+)?(?:were|was|"
    r"had\s+been|have\s+been)\s+(?:later\s+)?" + _KILL +
    r"|\b" + _KILL + r"\b[^.;]{0,60}?\b(?:whom\s+)?(?:they|he|she|it)\s+had\s+" + _HELD,
    re.IGNORECASE)
"""Words of people killed once held: 'abducted two aid workers and later killed them',
'executed five captured soldiers', 'two captured soldiers were executed', 'shot dead a
suspect they had arrested'."""


def killed_captives(event: Event, cue: EventCue) -> EventCue:
    """An arrest, an abduction or (told with no word of a fight) an armed clash whose words
    tell the people held killed is an attack (assemble v115): the codebook's precedence, an
    abduction followed by killing is an attack, and killing the defenceless is violence
    against them; 'Militants executed five captured soldiers' had read as an arrest."""
    text = cue.span.text
    if not (cue.sub_event_type in (ARRESTS, ABDUCTION) or (
            cue.sub_event_type == ARMED_CLASH and not _FOUGHT_BACK.search(text))
            ) or not _CAPTIVES_KILLED.search(text):
        return cue
    return _retyped(event, cue, ATTACK)


_FOUGHT_BACK = re.compile(
    r"\b(?:clash(?:ed|es|ing)?|exchang\w*|return(?:ed|ing)?\s+fire|gun\s?battles?|"
    r"fire\s?fights?|shoot-?outs?|fought|fight(?:s|ing)?|confront\w*|engag\w*|battl\w*|"
    r"skirmish\w*|repel\w*|repuls\w*|ambush\w*|counter(?:ed|ing|s|-?attack\w*|-?offensive\w*)|"
    r"resist\w*)\b", re.IGNORECASE)
"""Words of a fight with two sides: an armed clash may then have a civilian-looking side
(the man who shot back, 'a man was killed after exchanging fire with military police')."""


def one_sided(event: Event, cue: EventCue) -> None:
    """An armed clash whose other side is civilians, told with no word of a fight, is an
    attack on them ('Israeli forces fired live bullets at two Palestinians', 'unknown gunmen
    killed a doctor', 'DGCIM officers have beaten ...': ACLED's battles are between two armed,
    organised sides; assemble v107)."""
    if (event.sub_event_type == ARMED_CLASH and event.inter2 == CIVILIANS
            and event.inter1 in ARMED and not _FOUGHT_BACK.search(cue.span.text)):
        retype(event, ATTACK)


_FORCE_WORDS = (r"(?:police|policemen|forces|troops|soldiers|military|army|gendarm\w*|officers|"
                r"personnel|guards)")
_CROWD_CLASH = re.compile(
    rf"\bclash(?:ed|es)?\b[^.;]{{0,80}}?\b(?:with|between)\b[^.;]{{0,100}}?\b{_FORCE_WORDS}\b|"
    rf"\b{_FORCE_WORDS}\b[^.;]{{0,40}}?\bclash(?:ed|es)?\s+with\b", re.IGNORECASE)
_PEOPLE = re.compile(
    r"\b(?:residents|villagers|inhabitants|locals|youths|students|supporters|nationals|"
    r"Palestinians|community\s+members|workers|traders|vendors|farmers|miners|fans|"
    r"worshippers|inmates|prisoners|crowds?|mobs?)\b", re.IGNORECASE)
"""A crowd's people, named: a clash of the forces with them is a riot."""
_GUNFIGHT = re.compile(
    r"\b(?:exchang\w*|return(?:ed|ing)?\s+fire|fired\s+back|gun\s?battles?|fire\s?fights?|"
    r"shoot-?outs?|shot|shoot\w*|gunfire|firearms?|pistols?|armed|gunmen|guns?|rifles?|"
    r"militants?|fighters?|militias?|militiam[ae]n)\b", re.IGNORECASE)
"""Words of arms on the people's side: then the clash may be a battle."""
_COUNTRY = re.compile(r"\(([^()]+)\)$")
_FORCES = frozenset([STATE, 8])
"""State forces, at home or abroad (ACLED's external forces: Israel's in Palestine)."""


def civilians_clashed(event: Event, cue: EventCue, options: Options) -> None:
    """An armed clash of state forces with people the words name as civilians, told as a
    clash with the forces ('clashed with police', 'clashes between ... and Israeli forces')
    of a crowd's people (residents, villagers, youths, ...) with no word of arms on their
    side, is a crowd that fought the forces: ACLED's mob violence, the people rioters and
    actor1 ('clashes erupted between Palestinians and Israeli forces', 'Indian nationals
    clashed with Nepal Armed Police personnel' had been battles of the forces with
    civilians; assemble v119)."""
    country = _COUNTRY.search(event.actor2)
    if (event.sub_event_type != ARMED_CLASH or event.inter1 not in _FORCES
            or event.inter2 != CIVILIANS or country is None
            or not _CROWD_CLASH.search(cue.span.text) or not _PEOPLE.search(cue.span.text)
            or _GUNFIGHT.search(cue.span.text)):
        return
    retype(event, MOB_VIOLENCE)
    event.actor2, event.inter2 = event.actor1, event.inter1
    event.actor1 = actor_naming.unnamed("Rioters", country.group(1), options)
    event.inter1 = RIOTERS
    swapped = {"actor1": event.spans.pop("actor2", None), "actor2": event.spans.pop("actor1", None)}
    event.spans.update({role: span for role, span in swapped.items() if span is not None})


_DEFENCELESS = re.compile(
    r"\b(?:captur\w*|detain\w*|execut\w*|prisoners?|hostages?|abduct\w*|kidnap\w*|"
    r"custody|surrender\w*|off[- ]duty|retired|former|(?:his|her|their)\s+(?:own\s+)?"
    r"(?:home|house|residence|family|families))\b", re.IGNORECASE)
"""Words of armed people held or taken, off duty or at home: killing them is violence
against the defenceless (an attack), not a fight ('executed two captured soldiers', 'a
soldier (assumed off-duty)', 'an air force officer was shot dead outside his home')."""
_FIGHTING = frozenset({1, 2, 3, 8})
"""State forces, rebels, political militias and other forces (private security): an attack
on one is a fight; identity militias ('herders') are often named for a people attacked."""


def armed_target(event: Event, cue: EventCue, actors: list[ActorMention],
                 acted: frozenset[int]) -> EventCue:
    """An attack whose words name no civilians and whose target is armed ('a police patrol
    was shot at by armed men': ``acted``, the parties acted on) is an armed clash, as ACLED
    codes violence against state forces and armed groups (assemble v108): the attack had
    civilians as its victims, unnamed, and the police were no party. Not the killing of
    armed people held, off duty or at home (``_DEFENCELESS``), nor of a people's militia."""
    if (cue.sub_event_type != ATTACK or any(a.inter == CIVILIANS and id(a) in acted
                                              for a in actors)
            or not any(a.inter in _FIGHTING and id(a) in acted for a in actors)
            or _DEFENCELESS.search(cue.span.text)):
        return cue
    return _retyped(event, cue, ARMED_CLASH)


_CROWD_WORDS = re.compile(
    r"\b(?:groups?|youths?|villagers?|residents?|people|crowds?|mobs?|vendors?|traders?|"
    r"riders?|members?|supporters?|students?|workers?|volunteers?|relatives|kin|"
    r"neighbou?rs|locals|community|communities|"
    r"clash(?:ed|es|ing)?|each\s+other|one\s+another|stones?|rocks)\b", re.IGNORECASE)
"""Words of a crowd or of two sides brawling: mob violence may be told by them."""


def state_beating(event: Event, cue: EventCue, actors: list[ActorMention],
                  acted: frozenset[int]) -> EventCue:
    """Mob violence whose only doers are state forces, with no word of a crowd ('police
    forces assaulted several beer parlour owners', 'the police beat up a businesswoman'), is
    their attack (assemble v111): ACLED's mob violence is rioters', and the crowd had been
    made up (an unnamed 'Rioters' as actor1, the police as their target)."""
    doers = [a for a in actors if id(a) not in acted]
    if (cue.sub_event_type != MOB_VIOLENCE or not doers
            or any(a.inter != STATE for a in doers) or _CROWD_WORDS.search(cue.span.text)):
        return cue
    return _retyped(event, cue, ATTACK)


_STRIKE = r"(?:on|general|hunger|labou?r)\s+strikes?|strikers?|striking"
"""A labour or hunger strike: not an air strike."""
_DEMONSTRATING = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied|ying)|(?-i:march\w*)|sit-?ins?|"
    + _STRIKE + r"|blockade\w*|block(?:ed|ing)|gather\w*|picket\w*|petition\w*|slogans?|"
    r"chant\w*|motorcades?|vigils?|boycott\w*|hunger)\b", re.IGNORECASE)
"""Words of a demonstration: with one, people's violence may be its (a violent one)."""
_ASSAULT = re.compile(
    r"\b(?:beat(?:en|ing)?|assault\w*|attack\w*|injur\w*|ston(?:ed|ing)|stabb\w*|"
    r"lynch\w*|hacked|fight|fought|clash\w*|burn(?:ed|t|ing)|torch\w*|"
    r"set\s+(?:fire|alight|ablaze))\b", re.IGNORECASE)
"""Words of people's violence against others or their property."""
_PROTESTS = ("Peaceful protest", "Protest with intervention")
_SIZE_TAG = re.compile(r"\[size=[^\]]*\]")
"""ACLED's crowd-size tag ('[size=no report]'), which riots carry too."""


def no_demonstration(event: Event, cue: EventCue) -> EventCue:
    """A protest whose words tell violence and no demonstration ('five photojournalists were
    injured by traders', 'volunteers ... beat up a truck driver', 'youths attacked a Home
    Guard') is mob violence (assemble v112): the model read the note's crowd-size tag, which
    ACLED gives riots too, as a protest."""
    text = _SIZE_TAG.sub("", cue.span.text)
    if (cue.sub_event_type not in _PROTESTS or _DEMONSTRATING.search(text)
            or not _ASSAULT.search(text)):
        return cue
    return _retyped(event, cue, MOB_VIOLENCE)

_DEMANDING = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|demand\w*|rall(?:y|ies|ied|ying)|(?-i:march\w*)|"
    r"sit-?ins?|" + _STRIKE + r"|slogans?|chant\w*)\b", re.IGNORECASE)
"""Words of a crowd that demonstrated or demanded something."""


def demonstrating_mob(event: Event, cue: EventCue) -> EventCue:
    """Mob violence whose sentence tells a demonstration or a demand ('youths of Adabakra
    attacked a police station to demonstrate over the death of a community member',
    'burning debris to demand the distribution of fuel') is a violent demonstration
    (assemble v113): ACLED's mob violence is a crowd's violence with no such aim."""
    if cue.sub_event_type != MOB_VIOLENCE or not _DEMANDING.search(
            _SIZE_TAG.sub("", cue.span.text)):
        return cue
    return _retyped(event, cue, VIOLENT_DEMONSTRATION)


def armed_brawl(event: Event, cue: EventCue, actors: list[ActorMention]) -> EventCue:
    """Mob violence between state forces and an armed group ('MS-13 members clashed with police
    agents', 'dahalo clashed with police', 'RR, CRPF and SoG had an encounter with AGuH
    militants') is an armed clash (assemble v114): two armed, organised sides; a crowd
    against the police stays mob violence."""
    if cue.sub_event_type != MOB_VIOLENCE or not any(a.inter == STATE for a in actors) or not any(
            a.inter in (REBELS, POLITICAL_MILITIA, COMMUNAL) for a in actors):
        return cue
    return _retyped(event, cue, ARMED_CLASH)


REMOTE = "Explosions/Remote violence"


def deadly_arrest(event: Event) -> None:
    """An arrest in which people were killed is an attack (assemble v117): the violence is
    the event, an arrest a development only where no one died ('The man died after he was
    reportedly tortured', 'murdered three captured soldiers'). Deaths the arrested are
    suspected of are no deaths of the arrest (``died_before``)."""
    if event.sub_event_type == ARRESTS and event.fatalities:
        retype(event, ATTACK)


def unharmed_civilians(event: Event) -> None:
    """Remote violence that killed or wounded no one has no civilians as its actor2 ('fired
    artillery at civilian houses and farms ... No fatalities nor injuries reported'): ACLED
    names civilians the other side of a shelling, an air strike or a bomb when they were
    harmed, not when their property was (assemble v109). ``targets`` still says what was
    hit."""
    if (event.event_type == REMOTE and event.inter2 == CIVILIANS and not event.fatalities
            and not event.injured):
        event.actor2, event.inter2, event.assoc_actor_2 = "", None, ""
        event.spans.pop("actor2", None)
