"""Crowds told in the present, in progress or by their pickets (``extract.events.v66``:
`crowd-acted` reads "hold a rally", "have been protesting", "picketed", "began a strike", "a
strike was launched"; `labour-strike` reads pickets and nationwide strikes); a rally or a
march only planned stays no event."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2016, 3, 16)
PROTESTS = ("Peaceful protest", "Protest with intervention")


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 66


@pytest.mark.parametrize("text", [
    "Students have been protesting in Mthatha since Monday.",
    "Security guards picketed outside the company's offices in Midrand over unpaid wages.",
    "A nationwide strike was launched by the union on Thursday.",
])
def test_a_crowd_told_so_is_a_protest(pipeline: Pipeline, text: str) -> None:
    events = pipeline.run("t", text, DAY).events
    assert len(events) == 1 and events[0].sub_event_type in PROTESTS


@pytest.mark.parametrize("text", [
    "The opposition will hold a rally in Lusaka next week.",
    "The union plans to stage a march to parliament.",
])
def test_a_crowd_only_planned_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert pipeline.run("t", text, DAY).events == []
