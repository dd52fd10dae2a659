"""A party named among the counted dead is acted on (assemble v106): 'killing nine people
including four police officers' had made the police the bombers."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2024, 6, 10)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 106


@pytest.mark.parametrize("text", [
    "A car bomb went off at a checkpoint in Baidoa, killing seven people including three "
    "police officers.",
    "A suicide bomber blew himself up at a market in Baidoa, killing 11 people, among them "
    "two soldiers.",
])
def test_the_counted_are_not_the_attackers(pipeline: Pipeline, text: str) -> None:
    event = pipeline.run("t", text, DAY).events[0]
    assert event.actor1 == "Unidentified Armed Group (Somalia)"
    assert not event.actor2.startswith("Unidentified")
