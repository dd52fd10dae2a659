"""A labour strike is a protest, not an air strike (``extract.events.v62``, the taxonomy
phrase ``labour-strike``); a strike from the air stays one, and a strike only threatened is
no event."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2016, 3, 14)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 62


@pytest.mark.parametrize("text", [
    "Teachers' union strike in Harare over pay.",
    "Road builders went on a three-day strike in Kasama.",
    "A general strike was declared in Sidi Bouzid after the road was closed.",
    "Bus drivers in Lusaka on strike.",
])
def test_a_labour_strike_is_a_peaceful_protest(pipeline: Pipeline, text: str) -> None:
    events = pipeline.run("t", text, DAY).events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "An Israeli strike near Damascus killed two Syrian soldiers.",
    "Students were killed in an air strike on their school in Saada.",
    "Coalition strikes hit Houthi positions near Hodeidah.",
    "Drone strike kills three militants in North Waziristan.",
])
def test_a_strike_from_the_air_stays_one(pipeline: Pipeline, text: str) -> None:
    events = pipeline.run("t", text, DAY).events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_a_strike_threatened_is_no_event(pipeline: Pipeline) -> None:
    text = "The union said it would call a nationwide strike if its demands were not met."
    assert pipeline.run("t", text, DAY).events == []
