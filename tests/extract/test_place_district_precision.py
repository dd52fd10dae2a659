"""A town named with a district's word after it, or as an end of a way between two towns, is
coded to the town at ACLED's precision 2 (2026-12-06, thirty-fifth session; places v88,
v89)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2020, 5, 5)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 89


@pytest.mark.parametrize(("text", "place"), [
    ("Indian and Pakistani troops exchanged fire across the Line of Control in the Uri sector "
     "on Monday.", "Uri"),
    ("Gunmen shot dead two farmers in Samana subdivision of Patiala district on Sunday.",
     "Samāna"),
    ("Militants attacked a police post in Handwara subdistrict on Sunday, killing one officer.",
     "Handwāra"),
])
def test_a_district_named_by_its_town_is_coded_near_the_town(
        pipeline: Pipeline, text: str, place: str) -> None:
    """A district, a subdivision or a sector is a small area coded to its town: precision 2,
    as ACLED codes it; the town alone stays 1."""
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.geo_precision) == (place, 2)


def test_the_town_alone_is_the_town(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Gunmen shot dead two farmers in Samana on Sunday.", DAY)
    assert (event.location, event.geo_precision) == ("Samāna", 1)


@pytest.mark.parametrize(("text", "towns"), [
    ("Gunmen attacked a minibus on the Abeokuta-Ayetoro road and killed the driver.",
     {"Abeokuta", "Ayetoro"}),
    ("Bandits abducted 20 travellers on the highway between Kaduna and Abuja on Sunday.",
     {"Kaduna", "Abuja"}),
    ("Protesters blocked the road between Bani Walid and Misrata on Monday.",
     {"Bani Walid", "Misrata"}),
    ("Militants ambushed an army convoy on the road linking Gao and Ansongo on Monday.",
     {"Gao", "Ansongo"}),
])
def test_an_event_on_the_way_between_two_towns_is_near_one_of_them(
        pipeline: Pipeline, text: str, towns: set[str]) -> None:
    """places v89: the event happened on the way, not in either town: precision 2 at one of
    them, as ACLED codes it (it had been precision 1, as if in the town)."""
    event = first_event(pipeline, text, DAY)
    assert event.location in towns
    assert event.geo_precision == 2
