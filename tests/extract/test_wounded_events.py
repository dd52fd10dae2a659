"""The wounded make an event as the dead do (``extract.events.v59``): a text that tells of
people wounded, with no weapon named, reports one; the hurt of an accident does not (the
taxonomy phrase ``accident``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 59


@pytest.mark.parametrize(("text", "injured"), [
    ("1 ICRC international staff wounded.", 1),
    ("3 INGO national staff injured when protestors stormed the compound.", 3),
    ("Two UN national staff beaten by rebels.", 2),
])
def test_the_wounded_make_an_event(pipeline: Pipeline, text: str, injured: int) -> None:
    assert first_event(pipeline, text, date(2016, 5, 10)).injured == injured


@pytest.mark.parametrize("text", [
    "Three people were injured in a road accident near Homs on Monday.",
    "Two workers were injured when a wall collapsed at a construction site in Aleppo.",
    "Four farmers were injured in a traffic collision on the Damascus highway.",
])
def test_the_hurt_of_an_accident_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert pipeline.run("t", text, date(2020, 5, 5)).events == []
