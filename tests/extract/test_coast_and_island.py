"""A coast named by its side and an island named for its town (``extract.places.v133``):
'the West Coast' of Yemen's war is no village of Singapore nor New Zealand's region, and
'Lesvos' is Mytilene's island, so that 'Moria, on the island of Lesvos' is the camp's
village in Greece, not Jerusalem, which GeoNames also names Moria."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2020, 5, 2)


def test_moria_on_lesvos_is_in_greece(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 133
    event = first_event(pipeline, "Hundreds of asylum seekers staged a sit-in outside the camp "
                                  "of Moria, on the island of Lesvos, over the lockdown.", DAY)
    assert (event.country, event.admin1) == ("Greece", "North Aegean")


def test_the_west_coast_is_no_place_of_its_own(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Forces on the West Coast shelled positions of the other side "
                            "near the port on Saturday.", DAY)
    assert all(p.country not in ("Singapore", "New Zealand") for p in doc.places)
