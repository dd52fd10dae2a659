"""An attack on a pipeline, power lines or a tower is property destroyed (events v99); an
armed group named only as present in the area is no party to the event (assemble v68)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2021, 3, 13)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 99
    assert stage_version(pipeline, "assemble") >= 68


@pytest.mark.parametrize("text", [
    "Unidentified armed men attacked an oil pipeline near Saravena on Tuesday.",
    "Gunmen sabotaged power lines outside Kaduna, cutting electricity to the city.",
])
def test_an_attack_on_an_installation_destroys_property(pipeline: Pipeline,
                                                         text: str) -> None:
    """The first was an attack on civilians, the second an armed clash."""
    assert first_event(pipeline, text, DAY).sub_event_type == "Looting/property destruction"


def test_people_killed_at_an_installation_stay_an_attack_on_them(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Insurgents attacked the power station in Maiduguri, "
                        "killing two guards.", DAY)
    assert event.sub_event_type != "Looting/property destruction"


def test_a_group_present_in_the_area_is_no_party(pipeline: Pipeline) -> None:
    """ELN, and its initials in brackets, had been the owner of the pipeline."""
    event = first_event(pipeline, "On 12 March 2021, unidentified armed men attacked an oil "
                        "pipeline near Saravena, in a region with the presence of the National "
                        "Liberation Army (ELN).", DAY)
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1 == "Unidentified Armed Group (Colombia)"
    assert event.actor2 == "Civilians (Colombia)"
