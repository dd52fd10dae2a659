"""Those who found no trace of an attack deny it: no event of their own (2026-12-06,
thirty-fourth session; events v144)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2018, 4, 10)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 144


@pytest.mark.parametrize("denial", [
    "Moscow said its experts had found no trace of chlorine or sarin in the town.",
    "Government inspectors said they saw no evidence of a gas attack.",
])
def test_no_trace_found_tells_no_event(pipeline: Pipeline, denial: str) -> None:
    doc = pipeline.run("t", "Medics said 35 people choked to death after a helicopter "
                       f"dropped a barrel of chlorine on Douma on Saturday. {denial}", DAY)
    assert [e.sub_event_type for e in doc.events] == ["Chemical weapon"]
    assert not doc.events[0].actor1.startswith("Military Forces of Russia")
    assert [c.about for c in doc.claims if denial[:12] in c.statement
            or c.statement in denial] in ([0], [])


def test_no_trace_after_a_denial_is_no_second_event(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Rescuers said 41 people suffocated after a helicopter dropped a "
                       "barrel of toxic gas on Douma. The government denied using chemical "
                       "weapons. Russia said its specialists had found no trace of chlorine.",
                       DAY)
    assert [(e.sub_event_type, e.actor1.startswith("Military Forces of Russia"))
            for e in doc.events] == [("Chemical weapon", False)]
