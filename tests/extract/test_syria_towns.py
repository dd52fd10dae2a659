"""Towns of the Syrian register that a report names with what holds them: 'in Hajin in Deir
ez-Zor', a town and then the province's namesake city (places v35)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.model import Event
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def _event(pipeline: Pipeline, text: str) -> Event:
    return first_event(pipeline, text, date(2020, 5, 10))


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 35


@pytest.mark.parametrize(("text", "location", "admin1"), [
    ("On 3 May 2020, ISIS attacked an SDF checkpoint in Hajin in Deir ez-Zor.",
     "Hajīn", "Deir-ez-Zor"),
    ("On 3 May 2020, regime forces shelled Saraqib in Idlib.", "Saraqib", "Idleb"),
    ("On 3 May 2020, an explosion hit Afrin in Aleppo.", "‘Afrīn", "Aleppo"),
    ("On 3 May 2020, regime warplanes struck Douma in Damascus countryside, killing 4 "
     "civilians.", "Dūmā", "Rural Damascus"),
])
def test_a_town_in_its_provinces_city(pipeline: Pipeline, text: str, location: str,
                                      admin1: str) -> None:
    """places v35: a town followed by 'in' and the city its province is named after (or a
    city within 30 km) is where it happened; the city only says where the town is. Before,
    the larger city won on its population: Hajin was coded to Deir ez-Zor city, 90 km off."""
    event = _event(pipeline, text)
    assert (event.location, event.admin1, event.geo_precision) == (location, admin1, 1)


def test_a_part_of_an_unknown_name_does_not_hold_the_next(pipeline: Pipeline) -> None:
    """'Maraban Baissa in Donga LGA (Taraba)': 'Baissa' is only part of a name the gazetteer
    lacks, so Donga, which it knows, is still the place (not the state of Taraba)."""
    event = _event(pipeline, "On 2 May 2020, ethnic militias clashed over land in Gwankwai, "
                             "Gidan Adamu and Maraban Baissa in Donga LGA (Taraba).")
    assert event.location == "Donga"


def test_two_cities_of_other_provinces_are_left_as_they_were(pipeline: Pipeline) -> None:
    """Only a town of the second name's province (or within 30 km of it) ranks above it:
    'clashes in Aleppo in Syria' stays Aleppo; a country is no town's province city."""
    event = _event(pipeline, "Clashes in Aleppo in Syria killed 12 fighters on Sunday.")
    assert (event.location, event.admin1) == ("Aleppo", "Aleppo")
