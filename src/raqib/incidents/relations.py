"""How two reports' fields relate, for incident linking: their event types (the
compatibility table), their actors and their place names. Pure functions of the reports;
:mod:`raqib.incidents.similarity` combines them with dates, distances and words."""

from __future__ import annotations

import re
from functools import lru_cache

from raqib.extract.classifier import words
from raqib.incidents.records import ReportView

# --- event types -------------------------------------------------------------------------

_NEAR_SYNONYMS = [
    # who was the target is often what the two sides disagree about
    ("Attack", "Armed clash"),
    ("Attack", "Shelling/artillery/missile attack"),
    ("Attack", "Air/drone strike"),
    ("Attack", "Remote explosive/landmine/IED"),
    ("Attack", "Suicide bomb"),
    ("Attack", "Grenade"),
    ("Attack", "Chemical weapon"),
    ("Armed clash", "Shelling/artillery/missile attack"),
    # an 'intercepted' strike on one side is a strike on the other
    ("Disrupted weapons use", "Air/drone strike"),
    ("Disrupted weapons use", "Shelling/artillery/missile attack"),
    # 'arrested' and 'abducted' are the two sides' words for one act
    ("Arrests", "Abduction/forced disappearance"),
    ("Excessive force against protesters", "Attack"),
    ("Excessive force against protesters", "Violent demonstration"),
    ("Protest with intervention", "Violent demonstration"),
    ("Peaceful protest", "Violent demonstration"),
    ("Mob violence", "Attack"),
    ("Looting/property destruction", "Attack"),
    ("Non-violent transfer of territory", "Government regains territory"),
    ("Non-violent transfer of territory", "Non-state actor overtakes territory"),
]
NEAR_SYNONYMS = frozenset(
    frozenset((a.casefold(), b.casefold())) for a, b in _NEAR_SYNONYMS
)
"""Pairs of sub-event types (from different event types) that two sources may use for one
event; all other pairs across event types are incompatible."""

_APART = [
    # a bomb a person carried or threw is not what another source calls one from the air,
    # a gun or a chemical shell (a suicide bombing and an air strike on one town one day
    # are two attacks); the rest of one event type stays compatible
    ("Suicide bomb", "Air/drone strike"),
    ("Suicide bomb", "Shelling/artillery/missile attack"),
    ("Suicide bomb", "Chemical weapon"),
    ("Grenade", "Air/drone strike"),
    ("Grenade", "Chemical weapon"),
]
APART = frozenset(frozenset((a.casefold(), b.casefold())) for a, b in _APART)
"""Pairs of sub-event types of one event type that are not one event however told."""

LOOSE_EVENT_TYPES = frozenset({"strategic developments"})
"""Event types whose sub-event types are different kinds of act: a shared event type alone
does not make two reports compatible."""

SAME_SUB_EVENT, SAME_EVENT_TYPE, NEAR_SYNONYM, UNKNOWN_TYPE = 1.0, 0.7, 0.6, 0.5


def type_relation(a: ReportView, b: ReportView) -> tuple[float | None, str]:
    """Compatibility score of two reports' event types (None: incompatible) and its words."""
    return types_relation(a.event_type, a.sub_event_type, b.event_type, b.sub_event_type)


@lru_cache(maxsize=4096)
def types_relation(
    event_a: str, sub_event_a: str, event_b: str, sub_event_b: str
) -> tuple[float | None, str]:
    """``type_relation`` of two reports' event and sub-event types."""
    sub_a, sub_b = sub_event_a.casefold().strip(), sub_event_b.casefold().strip()
    type_a, type_b = event_a.casefold().strip(), event_b.casefold().strip()
    if not (sub_a or type_a) or not (sub_b or type_b):
        return UNKNOWN_TYPE, "event type unknown"
    if sub_a and sub_a == sub_b:
        return SAME_SUB_EVENT, f"same sub-event type ({sub_event_a})"
    if frozenset((sub_a, sub_b)) in NEAR_SYNONYMS:
        return NEAR_SYNONYM, f"compatible types ({sub_event_a} ~ {sub_event_b})"
    if (type_a and type_a == type_b and type_a not in LOOSE_EVENT_TYPES
            and frozenset((sub_a, sub_b)) not in APART):
        return SAME_EVENT_TYPE, f"same event type ({event_a})"
    return None, f"incompatible types ({sub_event_a or event_a} vs {sub_event_b or event_b})"


# --- actors ------------------------------------------------------------------------------

_GENERIC = frozenset(
    words("of the forces force military group groups unidentified armed militia militias and")
)
VICTIM_CATEGORIES = frozenset(
    words("civilians protesters rioters prisoners refugees journalists aid workers")
)
"""ACLED actor categories that name whom, not who: sharing one says little about the event."""
_QUALIFIER = re.compile(r"\([^)]*\)")


@lru_cache(maxsize=16384)
def _actor_words(name: str) -> frozenset[str]:
    """The content words of an actor name without its qualifiers ('(Syria)', '(2000-)')."""
    return frozenset(w for w in words(_QUALIFIER.sub(" ", name)) if w not in _GENERIC)


Actors = tuple[tuple[str, frozenset[str]], ...]
"""A report's actors that say who acted, each with its content words (``actors``)."""


def actors(report: ReportView) -> Actors:
    """The report's actors that say who acted, each with the content words compared."""
    out = []
    for name in (report.actor1, report.actor2):
        content = _actor_words(name)
        if content and not content <= VICTIM_CATEGORIES:
            out.append((name, content))
    return tuple(out)


def actor_relation(a: ReportView, b: ReportView) -> tuple[float, str]:
    """1.0 when the reports share an actor (one name's content words contain the other's),
    0.0 when both name actors and share none, 0.5 when either names none. Qualifiers in
    parentheses and victim categories such as 'Civilians' do not count."""
    return actors_relation(actors(a), actors(b))


def actors_relation(actors_a: Actors, actors_b: Actors) -> tuple[float, str]:
    """``actor_relation`` of two reports' ``actors``."""
    if not actors_a or not actors_b:
        return 0.5, "actors unknown on one side"
    for x, wx in actors_a:
        for y, wy in actors_b:
            if wx <= wy or wy <= wx:
                same = x if x.casefold() == y.casefold() else f"{x} ~ {y}"
                return 1.0, f"shared actor ({same})"
    return 0.0, "no shared actor"


def actor_names(report: ReportView) -> list[str]:
    """The report's actors that say who acted (not victim categories such as 'Civilians')."""
    return [name for name, _ in actors(report)]


def specific_actor(a: ReportView, b: ReportView, common: frozenset[str]) -> bool:
    """Whether the reports share an actor that is not ``common`` (named by a large share of
    the reports: the war's government forces say little about which event it is)."""
    return specific_actors(actors(a), actors(b), common)


def specific_actors(actors_a: Actors, actors_b: Actors, common: frozenset[str]) -> bool:
    """``specific_actor`` of two reports' ``actors``."""
    for x, wx in actors_a:
        for y, wy in actors_b:
            if (wx <= wy or wy <= wx) and x not in common and y not in common:
                return True
    return False


def same_name(a: str, b: str) -> bool:
    """Two place names that are the same once case and spacing are ignored."""
    return a.casefold().split() == b.casefold().split() and bool(a.strip())


@lru_cache(maxsize=65536)
def place_name(name: str) -> tuple[str, ...] | None:
    """What ``same_name`` compares of a name: its casefolded words; None for a blank name (the
    same as no other). ``same_name(a, b)`` is ``place_name(a) is not None and place_name(a) ==
    place_name(b)``."""
    return tuple(name.casefold().split()) if name.strip() else None
