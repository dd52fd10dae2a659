"""An arrest in which people were killed is an attack (assemble v117)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import taxonomy
from raqib.extract.event_rereading import deadly_arrest
from raqib.extract.model import Event
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 117


@pytest.mark.parametrize("fatalities, expected", [(1, "Attack"), (0, "Arrests")])
def test_an_arrest_with_dead(fatalities: int, expected: str) -> None:
    event = Event(**taxonomy.load().typed("Arrests"), fatalities=fatalities)
    deadly_arrest(event)
    assert event.sub_event_type == expected


def test_a_detainee_who_died_under_torture(pipeline: Pipeline) -> None:
    text = ("Security forces on a patrol arrested a trader accused of smuggling in the market "
            "town on Monday. The man died two days later after he was reportedly tortured.")
    events = pipeline.run("t", text, date(2021, 4, 9)).events
    assert [(e.sub_event_type, e.fatalities) for e in events[:1]] == [("Attack", 1)]
