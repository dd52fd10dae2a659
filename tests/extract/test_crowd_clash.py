"""A crowd is no armed side: an armed clash read in words that hold protesters or rioters and
no armed group is a demonstration met by force (2026-12-06, thirty-fourth session; assemble
v102)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.event_sides import crowd_act
from raqib.extract.model import Event, Options
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2021, 11, 29)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 103


@pytest.mark.parametrize(("text", "sub_event_type", "crowd"), [
    ("Protesters blocked a French military convoy for a second day in Kaya on Saturday, and "
     "four people were wounded when soldiers fired warning shots, the government said.",
     "Protest with intervention", "Protesters"),
    ("Traders demonstrated in Abraka over the demolition of their market and threw stones at "
     "the task force enforcing it; security forces responded with gunfire.",
     "Violent demonstration", "Rioters"),
])
def test_a_crowd_met_by_force_is_no_battle(pipeline: Pipeline, text: str, sub_event_type: str,
                                            crowd: str) -> None:
    event = first_event(pipeline, text, DAY)
    assert event.sub_event_type == sub_event_type
    assert event.actor1.startswith(crowd)


def test_an_encounter_with_militants_stays_a_clash(pipeline: Pipeline) -> None:
    """Rioters beside militants in the same words: the gunfight with the militants is the
    clash (without the armed group's guard it became a riot)."""
    event = first_event(pipeline, "Security forces had a gunfight with militants in Shopian in "
                        "which a militant was killed, and rioters who pelted stones at the "
                        "troops were injured.", DAY)
    assert event.sub_event_type == "Armed clash"


def test_a_crowds_destruction_is_its_riot(pipeline: Pipeline) -> None:
    """assemble v103: a destruction whose actor1 is the crowd is its riot, by rioters."""
    event = first_event(pipeline, "A minibus was set on fire during violent protests at the "
                        "university campus in Durban.", DAY)
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1.startswith("Rioters")


def test_a_crowds_arrest_is_its_protest_met_by_force() -> None:
    """assemble v103: an arrest read with the crowd as actor1 (the notes' 'Arrests |
    Protesters (...)') is the protest, its people arrested; a police arrest is untouched."""
    crowd = Event(event_type="Strategic developments", sub_event_type="Arrests",
                  disorder_type="Strategic developments", actor1="Protesters (Egypt)", inter1=6,
                  country="Egypt")
    crowd_act(crowd, Options())
    assert (crowd.sub_event_type, crowd.event_type, crowd.actor1) == (
        "Protest with intervention", "Protests", "Protesters (Egypt)")
    police = Event(event_type="Strategic developments", sub_event_type="Arrests",
                   disorder_type="Strategic developments", actor1="Police Forces of Egypt",
                   inter1=1, country="Egypt")
    crowd_act(police, Options())
    assert police.sub_event_type == "Arrests"
