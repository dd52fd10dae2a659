"""Oromia's zones as names of the towns that seat them (``extract.places.v121``,
``aliases.tsv``): reports of the 2015-2016 protests name a village with its zone ('Asasa (West
Arsi)'), GeoNames' cities files hold no zones, and 'Arsi' had been Fushë-Arrëz in Albania by
another of its names. A village the gazetteer lacks goes to its zone's seat."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("text", "seat"), [
    ("Farmers protested against the land plan in Gurracha (West Arsi). Soldiers fired on them.",
     "Shashamane"),
    # 'Bale' is also Basel's French name: an Ethiopian word in the text decides
    ("Ethiopian soldiers fired on students marching in Dinsho town, Bale zone.", "Bale Robe"),
    ("Residents protested in Haro Beke village (East Wellega) over the arrest of elders.",
     "Nek’emtē"),
])
def test_a_village_named_with_its_zone_goes_to_the_zone_seat(
        pipeline: Pipeline, text: str, seat: str) -> None:
    assert stage_version(pipeline, "places") >= 121
    event = first_event(pipeline, text, date(2016, 3, 1))
    assert (event.location, event.country) == (seat, "Ethiopia")
