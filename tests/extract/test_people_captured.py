"""People captured are an arrest or an abduction, not a place taken (``extract.events.v65``,
the taxonomy phrase ``people-captured``); a place captured stays territory taken."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2016, 1, 18)
TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 65


@pytest.mark.parametrize(("text", "kind"), [
    ("Government forces captured two al Shabaab commanders outside Baidoa on Monday.",
     "Arrests"),
    ("Troops captured a senior ISIS leader in a raid near Mosul.", "Arrests"),
    ("Al Shabaab fighters captured four aid workers near Baidoa.",
     "Abduction/forced disappearance"),
])
def test_people_captured_are_no_place_taken(pipeline: Pipeline, text: str, kind: str) -> None:
    assert first_event(pipeline, text, DAY).sub_event_type == kind


@pytest.mark.parametrize("text", [
    "The army captured the town from militants on Sunday.",
    "The army recaptured Palmyra from Islamic State fighters.",
])
def test_a_place_captured_is_still_taken(pipeline: Pipeline, text: str) -> None:
    assert first_event(pipeline, text, DAY).sub_event_type in TERRITORY


def test_people_captured_in_a_list_of_harms_are_no_arrest(pipeline: Pipeline) -> None:
    text = ("Turkish intelligence carried out an operation in Gara, killing, injuring or "
            "capturing 2 PKK militants.")
    assert first_event(pipeline, text, DAY).sub_event_type != "Arrests"
