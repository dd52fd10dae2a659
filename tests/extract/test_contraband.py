"""Contraband seized by a state where ACLED gives the drug trade to gangs
(`extract.assemble.v84`, ``event_sides.contraband``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("text", "target"), [
    ("On 1 June 2020, federal police seized two tons of marijuana in a truck on the BR-116 "
     "highway near Feira de Santana, Bahia.", "Unidentified Gang (Brazil)"),
    ("On 1 June 2020, soldiers found and destroyed a clandestine airstrip used by drug "
     "traffickers near Puerto Lempira, Gracias a Dios.", "Unidentified Gang (Honduras)"),
])
def test_contraband_seized_by_the_state_was_a_gangs(pipeline: Pipeline, text: str,
                                                     target: str) -> None:
    """assemble v84: where ACLED gives the drug trade to gangs, drugs or contraband that
    state forces seized or destroyed were an unidentified gang's (the seizure's target had
    been civilians)."""
    assert stage_version(pipeline, "assemble") >= 84
    event = first_event(pipeline, text, date(2020, 6, 2))
    assert event.actor2 == target
