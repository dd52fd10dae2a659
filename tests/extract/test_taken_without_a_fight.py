"""A place taken without a fight is a non-violent transfer of territory
(``extract.events.v67``: the phrase ``no-fight`` and the combinations
``taken-without-a-fight`` and ``overtaken-without-a-fight``); a place taken in fighting stays
a battle's outcome."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2016, 2, 12)
TRANSFER = "Non-violent transfer of territory"


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 67


@pytest.mark.parametrize("text", [
    "Government forces took over the town of Janale without any fight on Tuesday.",
    "Al Shabaab gained control of Garcad on Monday evening, no reported violence.",
    "Army units took control of two villages near Jowhar after the militants withdrew before "
    "their arrival.",
])
def test_a_place_taken_without_a_fight_is_transferred(pipeline: Pipeline, text: str) -> None:
    assert first_event(pipeline, text, DAY).sub_event_type == TRANSFER


def test_a_place_taken_in_fighting_is_overtaken(pipeline: Pipeline) -> None:
    text = "Rebels seized the town of Kidal after heavy fighting with the army."
    assert first_event(pipeline, text, DAY).sub_event_type == "Non-state actor overtakes territory"


def test_no_clashes_after_an_arrest_make_no_transfer(pipeline: Pipeline) -> None:
    text = "Police arrested five protesters in Harare; no clashes were reported."
    assert first_event(pipeline, text, DAY).sub_event_type != TRANSFER
