"""A militia that attacked a place named by its name, with no second side, attacked its
people, however strongly the model reads a clash (events v147: the weight -3.0)."""

from __future__ import annotations

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 147


def test_militants_attacking_a_village_attacked_its_people(pipeline: Pipeline) -> None:
    text = ("On 30 April 2021, Islamic militants attacked Mitope (Pemba-Metuge, Cabo "
            "Delgado). No fatalities reported.")
    event = pipeline.run("t", text, None).events[0]
    assert event.sub_event_type == "Attack"
    assert event.actor2 == "Civilians (Mozambique)"
