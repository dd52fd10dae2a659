"""Remote violence that harmed no one has no civilians as its actor2 (assemble v109)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2024, 6, 10)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 109


@pytest.mark.parametrize(("text", "actor2"), [
    ("On 8 June 2024, Houthi forces shelled civilian homes and farms in Hays district "
     "(Al Hudaydah). No casualties were reported.", ""),
    ("On 8 June 2024, Houthi forces shelled homes in Hays district (Al Hudaydah), killing "
     "a farmer.", "Civilians (Yemen)"),
])
def test_civilians_are_a_side_when_harmed(pipeline: Pipeline, text: str, actor2: str) -> None:
    event = pipeline.run("t", text, DAY).events[0]
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor2 == actor2
