"""Counts that tell apart people counted already, and half a dozen (numbers v72)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2024, 6, 10)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "numbers") >= 72


@pytest.mark.parametrize(("text", "killed"), [
    # the people counted, then who they were: three, not six
    ("Four members of one family, a mother and her three daughters, were killed when a "
     "shell hit their house in Taiz.", 4),
    ("Five people, two soldiers and three civilians, died in the blast in Kabul.", 5),
    # a list of groups still adds up
    ("Two soldiers, three civilians and a child were killed in the blast in Kabul.", 6),
    ("Half a dozen gunmen were killed in a shootout with the police in Sinaloa.", 6),
    ("A gunman shot dead a soldier and a passer-by in Peshawar.", 2),
])
def test_killed(pipeline: Pipeline, text: str, killed: int) -> None:
    assert pipeline.run("t", text, DAY).events[0].fatalities == killed
