"""Whoever an account says made the reports up is no party to the event they tell of
(2026-12-07, thirty-sixth session; assemble v105)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2018, 4, 9)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 105


@pytest.mark.parametrize("text", [
    "The interior ministry denied that its forces had used chlorine in Douma, calling the "
    "reports a fabrication by terrorist groups.",
    "State television said the footage of the gas attack on Douma had been fabricated by "
    "rebel fighters.",
    "Officials said reports of a poison gas attack on Douma were lies spread by the armed "
    "opposition.",
    "A minister said the poison gas attack in Douma was a hoax staged by rebel fighters.",
])
def test_the_maker_of_a_fabrication_is_not_the_attacker(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run("t", text, DAY)
    assert [e.sub_event_type for e in doc.events] == ["Chemical weapon"]
    assert doc.events[0].actor1 == "Unidentified Armed Group (Syria)"


def test_a_group_that_carried_the_attack_out_is_still_its_actor(pipeline: Pipeline) -> None:
    """Only a made-up account: 'carried out by' names the attacker as before."""
    doc = pipeline.run("t", "Activists said the gas attack on Douma was carried out by "
                            "rebel fighters.", DAY)
    assert doc.events[0].actor1 == "Opposition Rebels (Syria)"
