"""Weapons found, seized or destroyed, told in the passive, are a disrupted weapons use
(``extract.events.v68``, the phrase ``weapons-disrupted``); a bomb that went off at its target
stays a remote explosive."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2016, 2, 20)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 68


@pytest.mark.parametrize("text", [
    "An IED was discovered near the football stadium in Kismayo on Sunday evening.",
    "Three bunkers, landmines and a home-made bomb were destroyed by the army in Boumerdes.",
    "A cache of rifles and grenades has been found by soldiers in Tamanrasset.",
])
def test_weapons_found_are_disrupted(pipeline: Pipeline, text: str) -> None:
    assert first_event(pipeline, text, DAY).sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize("text", [
    "A roadside bomb was detonated against a police vehicle in Mogadishu, killing two officers.",
    "Three civilians were killed when a landmine exploded under their car near Gao.",
])
def test_a_bomb_that_went_off_stays_an_explosive(pipeline: Pipeline, text: str) -> None:
    assert first_event(pipeline, text, DAY).sub_event_type == "Remote explosive/landmine/IED"
