"""A Romance place name written with a 'de' the gazetteer's name lacks, or without one it
has: 'San Andres de Tuxtla' is GeoNames' San Andrés Tuxtla, 'San Francisco Campeche' its San
Francisco de Campeche (``extract.places.v125``, ``place_windows.connector_spellings``). The
first two words alone had named another town ('San Andres', a town 200 km off; 'San
Francisco', one in Veracruz)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.place_windows import connector_spellings
from stage_versions import first_event, stage_version

DAY = date(2020, 5, 9)


def test_the_spellings_with_and_without_de() -> None:
    assert connector_spellings("san andres de tuxtla") == ["san andres tuxtla"]
    assert "san francisco de campeche" in connector_spellings("san francisco campeche")
    assert connector_spellings("san andres") == []  # two words: too short to be sure


@pytest.mark.parametrize(("text", "town", "state"), [
    ("Two gunmen shot dead a shopkeeper in San Andres de Tuxtla, Veracruz, on Thursday.",
     "San Andrés Tuxtla", "Veracruz"),
    ("In San Francisco Campeche, Campeche, taxi drivers blocked the road to the port to ask "
     "for help during the lockdown.", "Campeche", "Campeche"),
])
def test_the_whole_name_is_the_town(pipeline: Pipeline, text: str, town: str,
                                    state: str) -> None:
    assert stage_version(pipeline, "places") >= 125
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.admin1, event.country) == (town, state, "Mexico")
