"""Riots told as riots (``extract.events.v63``): "riots broke out", "riots were reported",
"staged a riot" are a destructive crowd's (the taxonomy phrase ``destructive-crowd``), and
running battles or clashes between a crowd and the police are a violent demonstration
(``crowd-fought-police``), not an armed clash. The riot police are no riot, a riot told as
the background of a protest does not make it one, and the battles of two armed forces stay
an armed clash."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2016, 1, 20)
RIOTS = "Riots"


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 63


@pytest.mark.parametrize("text", [
    "Riots went on in Kasserine and Thala for a second day on Wednesday.",
    "Riots were also reported in Gafsa.",
    "There were running battles between students and the police in Stellenbosch.",
    "Clashes between protesters and the gendarmerie in Batna left a dozen people hurt.",
    "Inmates of the central prison of Lima staged a riot to demand medical care.",
])
def test_a_riot_is_a_riot(pipeline: Pipeline, text: str) -> None:
    assert first_event(pipeline, text, DAY).event_type == RIOTS


@pytest.mark.parametrize(("text", "kind"), [
    ("Riot police fired tear gas at students protesting in Nairobi.",
     "Protest with intervention"),
    ("Relatives of the inmates held a protest in Ahvaz, a month after the prison riot.",
     "Peaceful protest"),
    ("The army and rebels fought running battles for the town of Kidal.", "Armed clash"),
])
def test_what_is_no_riot(pipeline: Pipeline, text: str, kind: str) -> None:
    assert first_event(pipeline, text, DAY).sub_event_type == kind
