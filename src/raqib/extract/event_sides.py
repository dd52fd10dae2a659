"""The other side of an event where its words name one party or none: a feud's or a brawl's
other side of one kind, a protest's counter-protesters, the two sides of a front whose
monitors report fire without saying who fired, and nobody's for a device that went off in its
owners' hands. Split from ``raqib.extract.assemble``, whose stage calls them once the roles
are read (``Assemble._actors``)."""

from __future__ import annotations

import re
from dataclasses import replace

from raqib.extract import actors as actor_stage
from raqib.extract import taxonomy
from raqib.extract.model import ActorMention, Analysis, Event, EventCue, Options
from raqib.extract.roles import COMMUNAL, POLITICAL_MILITIA, PROTESTERS, REBELS, RIOTERS, STATE

ARMED_CLASH, MOB_VIOLENCE, ATTACK = "Armed clash", "Mob violence", "Attack"
DISRUPTED = "Disrupted weapons use"
ARRESTS, ABDUCTION = "Arrests", "Abduction/forced disappearance"
SEIZURES = ("Looting/property destruction", "Arrests")
_CONTRABAND = re.compile(
    r"\b(?:seiz|confiscat|dismantl|destroy|eradicat|intercept|burn)\w*\b[^.;]{0,80}?\b(?:drugs?|"
    r"narcotics|marijuana|cannabis|cocaine|crack|methamphetamine|heroin|fentanyl|opium|"
    r"popp(?:y|ies)|coca|synthetic\s+drugs?|drug\s+(?:labs?|laborator(?:y|ies)|plantations?|"
    r"crops?)|smuggled|contraband|clandestine\s+(?:airstrips?|runways?|labs?|laborator(?:y|ies)))\b",
    re.IGNORECASE)
"""Drugs or contraband seized or destroyed ('police seized 1.5 tons of marijuana', 'dismantled
a synthetic drug lab', 'found and destroyed a clandestine airstrip')."""
_CRIMINAL_VICTIM = re.compile(
    r"\b(?:(?:the\s+)?victims?|(?:the\s+)?(?:dead\s+)?man|he|one\s+of\s+the\s+victims)\s+"
    r"(?:had|has)\s+(?:(?:several|previous|prior|criminal)\s+)?(?:charges\s+against|"
    r"a\s+criminal\s+record|(?:been\s+)?(?:recently\s+)?(?:arrested|convicted|jailed)\s+"
    r"(?:before\s+)?for)|\b(?:an?\s+)?(?:alleged|suspected|known)\s+(?:male\s+|female\s+)?"
    r"(?:drug\s+(?:dealer|trafficker)|gang\s+member)s?\b(?:\s+(?:was|were)\s+(?:shot|killed|"
    r"found|attacked|injured|wounded))?|\b(?:an?|the)\s+(?:drug\s+(?:dealer|trafficker)|gang\s+"
    r"member)s?\s+(?:was|were)\s+(?:shot|killed|found|attacked|injured|wounded)",
    re.IGNORECASE)
"""A victim who is told as a criminal: 'The victim had charges against him for drug
trafficking', 'an alleged drug dealer was shot dead', 'a drug trafficker was found dead'."""
_PREMATURE = re.compile(r"\b(?:exploded|detonated|went\s+off|blew\s+up)\s+prematurely\b|"
                        r"\b(?:while|when)\s+(?:(?:they|he)\s+(?:were|was)\s+)?(?:planting|"
                        r"making|assembling|preparing|handling|transporting)\s+(?:an?\s+|the\s+)?"
                        r"(?:[\w-]+\s+)?(?:IEDs?|bombs?|explosives?|mines?|landmines?|devices?)\b|"
                        r"\b(?:IEDs?|bombs?|explosives?|mines?|landmines?|devices?)\s+(?:they|he)\s+"
                        r"(?:were|was)\s+(?:planting|making|assembling|handling|transporting)\b",
                        re.IGNORECASE)
"""A device that went off in its owners' hands ('landmines they were planting exploded
prematurely', 'killed while making a bomb')."""
FRONT_FIRE = (ARMED_CLASH, "Shelling/artillery/missile attack")
"""The fire a front's monitors report (``front``)."""
_COUNTER = re.compile(r"\bcounter[- ]?(?:protests?|protesters?|demonstrations?|demonstrators?|"
                      r"rall(?:y|ies))\b", re.IGNORECASE)
_TWO_SIDES = re.compile(
    r"\b(?:two\s+(?:[\w-]+\s+)?(?:groups|mobs|crowds|families|clans|sub-clans|tribes|communities|"
    r"villages|sides|factions|gangs|camps)|rival|feuding|warring|between|among|each\s+other|"
    r"one\s+another)\b", re.IGNORECASE)
"""Words that tell of two sides of one kind ('clashes between two tribes', 'rival clans'); not
any 'two' ('a mob lynched two men': its victims; v69)."""
_RIVALS = re.compile(
    r"\b(?:rival|feuding|warring)\s+(?:[\w-]+\s+)?(?:militias?|groups?|factions?|gangs?|"
    r"cartels?|units?|brigades?)\b|\bbetween\s+(?:the\s+)?two\s+(?:[\w-]+\s+){0,2}?"
    r"(?:militias?|groups?|factions?|gangs?|cartels?|units?|brigades?|battalions?)\b",
    re.IGNORECASE)
"""Words that tell of two armed sides of one kind, whoever they are ('clashes between rival
militias', 'between two factions of the Mayi Mayi', 'between two groups of soldiers')."""


def feud(event: Event, cue: EventCue) -> ActorMention | None:
    """The other side of a clash between unnamed communal militias, where the words tell of
    two sides ('clashes between two tribes', 'rival clans clashed'): one like the first, as
    ACLED codes a feud (the dead counted are its fighters, not bystanders; assemble v34); and
    of a brawl of two crowds ('two groups clashed over a land dispute', 'two mobs clashed with
    each other'): rioters on both sides (v48). Any armed side in a clash the words tell as
    between rivals of one kind ('clashes between rival militias', 'between two groups of
    soldiers') is on both sides, as ACLED codes it (v57)."""
    rivals = cue.sub_event_type == ARMED_CLASH and bool(event.actor1) and bool(
        _RIVALS.search(cue.span.text))
    feuding = cue.sub_event_type == ARMED_CLASH and event.inter1 == COMMUNAL and (
        event.actor1.startswith("Unidentified"))
    brawl = cue.sub_event_type == MOB_VIOLENCE and event.inter1 == RIOTERS
    if not rivals and (not (feuding or brawl) or not _TWO_SIDES.search(cue.span.text)):
        return None
    return ActorMention(event.spans.get("actor1") or cue.span, event.actor1, event.inter1,
                        event.country or None)


def counter_protest(doc: Analysis, event: Event, cue: EventCue, reach: int,
                    options: Options) -> None:
    """A protest met by a counter-protest, told in its words or the ``reach`` characters
    after: those protesters are its other side, as ACLED codes it (assemble v73)."""
    if cue.event_type == "Protests" and not event.actor2 and event.country and (
            _COUNTER.search(doc.text, cue.span.start, cue.span.end + reach)):
        event.actor2 = actor_stage.unnamed("Protesters", event.country, options)
        event.inter2 = PROTESTERS


def front(doc: Analysis, event: Event, options: Options) -> None:
    """A clash that names no party, told by a front's monitors ('the OSCE SMM observed 12 shots
    in both directions of the frontline near Vodyane'), is between the front's sides
    (``actors.front_sides``; assemble v77); a shelling is the first side's, its target unknown
    (actor2 stays empty, as ACLED codes remote violence with none named)."""
    unknown = ("", actor_stage.unnamed("Unidentified Armed Group", event.country, options))
    if event.actor1 not in unknown or event.actor2 not in unknown:
        return
    where = [doc.text[s.start:s.end] for s in [event.spans.get("location")] if s]
    sides = actor_stage.front_sides(doc.text, event.country, actor_stage.when_of(doc), options,
                                    [*where, event.location])
    if not sides:
        return
    (event.actor1, event.inter1), (other, inter) = sides
    event.spans.pop("actor1", None)
    if event.sub_event_type == ARMED_CLASH:
        event.actor2, event.inter2 = other, inter
        event.spans.pop("actor2", None)


def _gang_target(event: Event, options: Options) -> None:
    """The event's actor2 becomes the country's unidentified gang (named by the template)."""
    event.actor2 = actor_stage.unnamed("Unidentified Gang", event.country, options)
    event.inter2 = POLITICAL_MILITIA
    event.spans.pop("actor2", None)


def contraband(event: Event, cue: EventCue, options: Options) -> None:
    """Drugs or contraband that state forces seized or destroyed, in a country where ACLED
    gives the drug trade to gangs (the gang template's, ``actors.template_countries``), were
    an unidentified gang's: its actor2, where no one or only civilians were named (assemble
    v84; a seizure of marijuana on a highway had civilians as its target)."""
    civilians = ("", actor_stage.unnamed("Civilians", event.country, options))
    if (event.sub_event_type in SEIZURES and event.inter1 == STATE
            and event.actor2 in civilians and _CONTRABAND.search(cue.span.text)
            and event.country in actor_stage.template_countries("Unidentified Gang", options)):
        _gang_target(event, options)


def criminal_victim(doc: Analysis, event: Event, cue: EventCue, reach: int,
                    options: Options) -> None:
    """Civilians killed or hurt whom the event's words, or the ``reach`` characters after
    them, tell as criminals (``_CRIMINAL_VICTIM``), in a country of the gang template, are
    an unidentified gang's members, and unidentified attackers a gang too (ACLED's gang of
    the country: ``actors.gang_of``), as ACLED codes such killings (assemble v86); an attack
    on a gang's member is an armed clash, two armed sides (v88)."""
    if (event.actor2 == actor_stage.unnamed("Civilians", event.country, options)
            and _CRIMINAL_VICTIM.search(doc.text, cue.span.start, cue.span.end + reach)
            and event.country in actor_stage.template_countries("Unidentified Gang", options)):
        _gang_target(event, options)
        if event.actor1 == actor_stage.unnamed("Unidentified Armed Group", event.country,
                                               options):
            event.actor1 = actor_stage.gang_of(event.country, options)
        if event.sub_event_type == ATTACK:  # an armed man's killing: two armed sides (v88)
            retype(event, ARMED_CLASH)


def police_opponent(event: Event, options: Options) -> None:
    """The unidentified armed side of a clash with state forces in a country whose own row
    names its gangs (``actors.own_gang``: Brazil's 'Unidentified Gang and/or Police Militia'),
    as ACLED codes the shoot-outs of police operations there (assemble v89)."""
    if event.sub_event_type != ARMED_CLASH or not event.country:
        return
    gang = actor_stage.own_gang(event.country, options)
    if gang is None:  # no row of the country's own: the template's gang is not ACLED's here
        return
    unknown = actor_stage.unnamed("Unidentified Armed Group", event.country, options)
    if event.inter1 == STATE and event.actor2 == unknown:
        event.actor2 = gang
    elif event.inter2 == STATE and event.actor1 == unknown:
        event.actor1 = gang


def gang_left_marks(later: list[ActorMention], first: ActorMention | None
                    ) -> ActorMention | None:
    """An unidentified gang the next sentences name by what it left ('The victim had his
    hands tied'), for an event whose own words name no one or an unidentified armed group
    (assemble v85): the perpetrator ACLED names for an execution."""
    if first is not None and not first.name.startswith("Unidentified Armed Group"):
        return None
    return next((a for a in later if a.name.startswith("Unidentified Gang")), None)


def own_device(event: Event, cue: EventCue) -> None:
    """A device that went off in its owners' hands ('2 Taliban militants were killed when
    landmines they were planting exploded prematurely'): the group it hurt is the one that
    used it, actor1, and no one else is party to it, as ACLED codes such a disrupted weapons
    use (assemble v78; the group had been read as the victims, actor2)."""
    if (event.sub_event_type == DISRUPTED and not event.actor1 and event.actor2
            and _PREMATURE.search(cue.span.text)):
        event.actor1, event.inter1 = event.actor2, event.inter2
        if "actor2" in event.spans:
            event.spans["actor1"] = event.spans.pop("actor2")
        event.actor2, event.inter2 = "", None


_CROWD_FOUGHT = re.compile(
    r"\b(?:clash(?:ed|es|ing)?|fought|fighting|stones?|rocks|threw|throwing|hurl(?:ed|ing)|"
    r"pelt(?:ed|ing)|torch(?:ed|ing)|set\s+fire|set\s+ablaze|burn(?:ed|t|ing)|stormed)\b",
    re.IGNORECASE)
"""Words of a crowd's own violence: a crowd that clashed or threw stones rioted."""
_CROWD_TYPES = {PROTESTERS: "Protest with intervention", RIOTERS: "Violent demonstration"}
_ARMED_GROUPS = frozenset([REBELS, POLITICAL_MILITIA, COMMUNAL])
"""Rebels and militias: with one in the window a clash has its two armed sides."""


def crowd_clash(cue: EventCue, actors: list[ActorMention], killed: bool, text: str
                ) -> EventCue:
    """An armed clash whose words hold protesters or rioters (``actors``, the parties in its
    window) and no armed group is none: ACLED's battles are between armed, organised sides
    ('militants ... rioters who resorted to stone-pelting' is an encounter still). A crowd
    that rioted (rioters, or words of its own violence in the window) makes a violent
    demonstration, one whose people were killed (``killed``) excessive force against
    protesters, else a protest with intervention ('Protesters blocked a French military
    convoy in Kaya, and four people were wounded when soldiers fired warning shots' was an
    armed clash; assemble v102)."""
    crowds = {a.inter for a in actors if a.inter in _CROWD_TYPES}
    if cue.sub_event_type != ARMED_CLASH or not crowds or any(
            a.inter in _ARMED_GROUPS for a in actors):
        return cue  # an armed group in its words: the clash may be its (an encounter)
    if RIOTERS in crowds or _CROWD_FOUGHT.search(text, cue.span.start, cue.span.end):
        label = _CROWD_TYPES[RIOTERS]
    else:
        label = "Excessive force against protesters" if killed else _CROWD_TYPES[PROTESTERS]
    return replace(cue, **taxonomy.load().typed(label))


def crowd_act(event: Event, options: Options) -> None:
    """An arrest or a destruction whose actor1 is a crowd is the crowd's demonstration: its
    people arrested, a protest with intervention; its people destroying, a violent
    demonstration, by rioters ('21 party members arrested for protests and disruption', 'a
    bus was set on fire during violent protests' were arrests and property destruction by
    protesters; assemble v103)."""
    if event.inter1 not in _CROWD_TYPES or event.sub_event_type not in SEIZURES:
        return
    label = _CROWD_TYPES[PROTESTERS if event.sub_event_type == "Arrests" else RIOTERS]
    retype(event, label)
    if label == _CROWD_TYPES[RIOTERS] and event.inter1 == PROTESTERS and event.country:
        event.actor1 = actor_stage.unnamed("Rioters", event.country, options)
        event.inter1 = RIOTERS


def retype(event: Event, label: str) -> None:
    """``event`` of the sub-event type ``label``, with its event and disorder types."""
    for field_name, value in taxonomy.load().typed(label).items():
        setattr(event, field_name, value)
