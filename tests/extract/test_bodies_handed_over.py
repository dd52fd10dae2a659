"""The bodies of the dead handed over or returned are an exchange between the sides, an
agreement (``extract.events.v60``, the taxonomy phrase ``accord-reached``), whose dead were
killed before it: an agreement, as a non-violent transfer of territory, kills nobody
(``extract.assemble.v50``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 60
    assert stage_version(pipeline, "assemble") >= 50


@pytest.mark.parametrize("text", [
    "The Syrian Democratic Forces handed over the bodies of 5 ISIS members to their families "
    "in Hasakah.",
    "Turkish-backed factions returned the remains of 3 SDF fighters through the Red Crescent "
    "near Manbij.",
    "Regime forces and HTS swapped the bodies of fighters near Saraqib.",
])
def test_bodies_handed_over_are_an_agreement_with_no_dead(pipeline: Pipeline,
                                                          text: str) -> None:
    event = first_event(pipeline, text, date(2020, 5, 5))
    assert (event.sub_event_type, event.fatalities) == ("Agreement", 0)
