"""Sudan's states by the names English reporting gives them (places v92): Gezira (GeoNames' Al
Jazirah), Gedaref (Al Qadarif), Sennar (Sinnar)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 92


@pytest.mark.parametrize("state, admin1", [
    ("Gezira", "El Gazira"), ("Gedaref", "Gedaref"), ("Sennar", "Sennar")])
def test_a_state_named_as_reporters_name_it(pipeline: Pipeline, state: str, admin1: str) -> None:
    doc = pipeline.run("t", f"Gunmen attacked a village in {state} state on Sunday, killing "
                            "six farmers.", date(2024, 6, 3))
    event = doc.events[0]
    assert (event.country, event.admin1, event.geo_precision) == ("Sudan", admin1, 3)
