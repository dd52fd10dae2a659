"""Mexican cities that GeoNames names 'Ciudad ...' under the short names reports give them
(``extract.places.v127``, ``aliases.tsv``): 'Escobedo' is Ciudad General Escobedo of Nuevo
Leon, a city of 450,000, not Empalme Escobedo of Guanajuato; 'Madero' is Ciudad Madero of
Tamaulipas."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("text", "city"), [
    ("Armed men shot a taxi driver dead in Escobedo, Nuevo Leon, on Sunday night.",
     ("Ciudad General Escobedo", "Nuevo Leon")),
    ("Fishermen blocked the port road in Madero, Tamaulipas, demanding fuel subsidies.",
     ("Ciudad Madero", "Tamaulipas")),
])
def test_the_city_by_its_short_name(pipeline: Pipeline, text: str,
                                     city: tuple[str, str]) -> None:
    assert stage_version(pipeline, "places") >= 127
    event = first_event(pipeline, text, date(2020, 5, 1))
    assert (event.location, event.admin1) == city
