"""A protest whose words tell violence and no demonstration is mob violence (assemble v112):
the crowd-size tag ACLED gives riots too had been read as a protest."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2021, 5, 10)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 112


@pytest.mark.parametrize("text", [
    "On 2 May 2021, volunteers helping the police enforce the lockdown beat up a bus driver "
    "in Sikar town (Rajasthan) and made him kneel. [size=no report]",
    "On 7 May 2021, three reporters were injured by traders in the old market of Bogra for "
    "filming them defying the closure order. [size=no report]",
])
def test_violence_without_a_demonstration_is_mob_violence(pipeline: Pipeline,
                                                          text: str) -> None:
    event = pipeline.run("t", text, DAY).events[0]
    assert event.sub_event_type == "Mob violence"
    assert event.actor1.startswith("Rioters")


def test_a_demonstration_keeps_its_type(pipeline: Pipeline) -> None:
    event = pipeline.run("t", "On 3 May 2021, traders demonstrated outside the town hall in "
                              "Bogra against the closure order. [size=dozens]", DAY).events[0]
    assert event.sub_event_type == "Peaceful protest"


def test_a_mob_that_demonstrated_made_a_violent_demonstration(pipeline: Pipeline) -> None:
    """assemble v113: mob violence told with a demonstration or a demand is a violent
    demonstration."""
    assert stage_version(pipeline, "assemble") >= 113
    event = pipeline.run("t", "On 6 May 2021, youths of Nima attacked a police station in "
                              "Accra to demonstrate over the death of a young man who drowned "
                              "during a police raid. [size=dozens]", DAY).events[0]
    assert event.sub_event_type == "Violent demonstration"


def test_the_month_of_march_is_no_march(pipeline: Pipeline) -> None:
    """'On 3 March 2021' tells no demonstration: a mob's destruction that month stays mob
    violence (the words are matched in lower case only)."""
    event = pipeline.run("t", "On 3 March 2021, a mob of youths set ablaze six houses "
                              "belonging to relatives of suspected cultists in Owerri.",
                         DAY).events[0]
    assert event.sub_event_type == "Mob violence"
