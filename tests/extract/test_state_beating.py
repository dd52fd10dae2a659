"""Mob violence whose only doers are state forces, with no word of a crowd, is their attack
(assemble v111): ACLED's mob violence is rioters'."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2024, 6, 10)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 111


@pytest.mark.parametrize(("text", "actor1"), [
    ("On 2 May 2021, the police forces beat up a market woman in Gbarnga city (Bong), "
     "because she was not wearing a face mask, as protection against the virus.",
     "Police Forces of Liberia"),
])
def test_the_police_beating_people_is_their_attack(pipeline: Pipeline, text: str,
                                                   actor1: str) -> None:
    event = pipeline.run("t", text, DAY).events[0]
    assert event.sub_event_type == "Attack"
    assert event.actor1.startswith(actor1)


def test_a_brawl_of_villagers_stays_mob_violence(pipeline: Pipeline) -> None:
    event = pipeline.run("t", "On 8 May 2021, two village groups clashed and threw stones "
                              "at each other in Darbhanga district.", DAY).events[0]
    assert event.sub_event_type == "Mob violence"
