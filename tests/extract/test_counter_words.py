"""'Counter' in a name is no fight (assemble v116): 'counterintelligence' and
'counter-terrorism' are not 'countered' or 'counter-attacked'."""

from __future__ import annotations

import pytest

from raqib.extract import taxonomy
from raqib.extract.event_rereading import one_sided
from raqib.extract.model import Event, EventCue, Span
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 116


def _one_sided(text: str) -> str:
    typed = taxonomy.load().typed("Armed clash")
    event = Event(**typed, actor1="Military Forces of Venezuela (1999-)", inter1=1,
                  actor2="Civilians (Venezuela)", inter2=7)
    one_sided(event, EventCue(Span(0, len(text), text), score=0.5, **typed))
    return event.sub_event_type


@pytest.mark.parametrize("text", [
    "Officers of the military counterintelligence directorate beat a detainee in Caracas.",
    "The counter-terrorism police shot a street vendor in the leg.",
])
def test_a_name_with_counter_is_no_fight(text: str) -> None:
    assert _one_sided(text) == "Attack"


@pytest.mark.parametrize("text", [
    "Soldiers countered an attack by armed villagers near the border.",
    "Troops counter-attacked the villagers who had seized the checkpoint.",
])
def test_countering_is_a_fight(text: str) -> None:
    assert _one_sided(text) == "Armed clash"
