"""An attack one side says the other is preparing or staging has not happened
(``extract.events.v38``, the taxonomy's ``plotted`` evidence): the accusation is a claim, not an
event; 'staged an attack' is still an attack made."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_name(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 38


@pytest.mark.parametrize("text, claimant, stance", [
    ("The Russian Reconciliation Center accused Hayat Tahrir al-Sham of preparing a staged "
     "chemical attack in Saraqib to blame the Syrian army.", "The Russian Reconciliation Center",
     "accuses"),
    ("Terrorists are planning to fabricate a chemical incident in Idlib, the Russian defence "
     "ministry said.", "the Russian defence ministry", "asserts"),
])
def test_a_plotted_attack_is_a_claim_not_an_event(pipeline: Pipeline, text: str,
                                                  claimant: str, stance: str) -> None:
    doc = pipeline.run("t", text, date(2020, 5, 4))
    assert doc.events == []
    assert [(c.claimant, c.stance) for c in doc.claims] == [(claimant, stance)]


def test_an_attack_staged_by_its_makers_is_an_event(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "On 3 May 2020, HTS militants staged an attack on a regime "
                            "checkpoint near Saraqib, killing two soldiers.", date(2020, 5, 4))
    assert [(e.sub_event_type, e.fatalities) for e in doc.events] == [("Armed clash", 2)]
