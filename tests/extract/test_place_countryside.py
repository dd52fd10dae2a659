"""A point of the compass between a name and its surroundings (``extract.places.v21``): 'Hama
northwestern countryside' is the province's part, as 'the northwestern Hama countryside' was
(precision 3); 'Aleppo's western outskirts' are near the city (precision 2)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_name(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 21


@pytest.mark.parametrize("where, location, precision", [
    ("the villages of Jourin and al-Ankawi in Hama northwestern countryside", "Ḩamāh", 3),
    ("villages in Aleppo's western countryside", "Aleppo", 3),
    ("the northwestern Hama countryside", "Ḩamāh", 3),
    ("Aleppo's western outskirts", "Aleppo", 2),
    ("the Aleppo countryside", "Aleppo", 2),
    ("Aleppo", "Aleppo", 1),
])
def test_precision_of_a_town_and_its_surroundings(pipeline: Pipeline, where: str,
                                                   location: str, precision: int) -> None:
    doc = pipeline.run("t", f"On 3 May 2020, regime forces shelled {where}.", date(2020, 5, 4))
    event = doc.events[0]
    assert (event.location, event.geo_precision) == (location, precision)
