"""A protest, and forces' fire on its people read as an armed clash, are one excessive force
against protesters (events v149)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import taxonomy
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 149


@pytest.mark.parametrize("fire", [
    "Soldiers opened fire, killing two of them.",
    "Troops opened fire on them, killing two.",
    "Police opened fire, wounding three protesters.",
])
def test_the_protest_and_the_fire_are_one_excessive_force(pipeline: Pipeline, fire: str) -> None:
    text = "Hundreds of farmers rallied outside the district office on Friday. " + fire
    events = pipeline.run("t", text, date(2023, 3, 6)).events
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]
    assert events[0].fatalities + (events[0].injured or 0) > 0


def test_a_clash_after_a_protest_with_no_fire_on_its_people_stays_apart() -> None:
    tax = taxonomy.load()
    text = ("Hundreds of farmers rallied outside the district office on Friday. Troops and "
            "rebels fought for hours in the hills north of the town.")
    pair = {"Peaceful protest": 0.9, "Armed clash": 0.9}
    assert tax.apply_precedence(pair, text) == pair
