"""A claimant with a relative clause and no comma before the reporting verb is the noun the
clause describes, not the clause's object (2026-12-07, thirty-sixth session; claims v21)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2018, 2, 20)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "claims") >= 21


@pytest.mark.parametrize(("text", "claimant"), [
    ("A nurse who treated the wounded said 14 people were killed in the shelling of Douma.",
     "A nurse"),
    ("The agency that runs the clinic said only displaced families were sheltering there.",
     "The agency"),
    ("The group which monitors the war said six fighters were killed near Hama.",
     "The group"),
    ("Farmers who fled the village said soldiers burned their houses.", "Farmers"),
])
def test_the_claimant_is_the_noun_before_the_clause(
        pipeline: Pipeline, text: str, claimant: str) -> None:
    doc = pipeline.run("t", text, DAY)
    assert [c.claimant for c in doc.claims] == [claimant]


def test_a_report_inside_a_report_keeps_its_own_speaker(pipeline: Pipeline) -> None:
    """'that' before a subject opens what was said, not a relative clause."""
    doc = pipeline.run("t", "Officials told Reuters that rebels said they had withdrawn "
                            "from the town.", DAY)
    assert [c.claimant for c in doc.claims] == ["Officials", "rebels"]
