"""Two parties that blame each other for one event: each accuses, so the incident has
claims of both sides against each other (2026-12-07, thirty-sixth session; claims v22)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2023, 6, 5)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "claims") >= 22


@pytest.mark.parametrize(("text", "claimants"), [
    ("The Sudanese army and the RSF traded blame for the shelling of a market in Omdurman "
     "that killed 17 people on Sunday.", ["The Sudanese army", "the RSF"]),
    ("Armenia and Azerbaijan accused each other of shelling border villages on Tuesday.",
     ["Armenia", "Azerbaijan"]),
    ("Government troops and the rebels blamed one another for the attack on the convoy near "
     "Goma.", ["Government troops", "the rebels"]),
])
def test_each_party_accuses(pipeline: Pipeline, text: str, claimants: list[str]) -> None:
    doc = pipeline.run("t", text, DAY)
    assert [(c.claimant, c.stance) for c in doc.claims] == [
        (name, "accuses") for name in claimants]
    assert len(doc.events) == 1
    assert {c.about for c in doc.claims} == {0}


def test_an_exchange_of_fire_is_no_exchange_of_blame(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Gunmen and soldiers exchanged fire near Kidal on Monday.", DAY)
    assert doc.claims == []
