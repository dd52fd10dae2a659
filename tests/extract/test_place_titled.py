"""A name with a region's word after it ('Niger state') or in brackets after a district
('Rafi LGA (Niger)') is not the country of that name (``extract.places.v26``), nor is one
after a Nigerian LGA and its comma ('(Borgu LGA, Niger)': v110)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 26


@pytest.mark.parametrize("text", [
    "On 5 April 2021, gunmen abducted 30 students from a boarding school in Niger state.",
    "On 5 April 2021, bandits killed 12 villagers in Rafi LGA (Niger).",
])
def test_a_titled_name_is_the_region_not_the_country(pipeline: Pipeline, text: str) -> None:
    event = pipeline.run("t", text, date(2021, 4, 6)).events[0]
    assert (event.country, event.admin1) == ("Nigeria", "Niger")


def test_a_country_named_alone_is_the_country(pipeline: Pipeline) -> None:
    event = pipeline.run("t", "On 5 April 2021, gunmen killed 12 villagers in Niger, near "
                              "the border with Mali.", date(2021, 4, 6)).events[0]
    assert event.country == "Niger"


def test_a_name_after_an_lga_and_its_comma_is_the_state(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 110
    event = pipeline.run("t", "On 5 April 2021, bandits killed 4 herders near Kpaki (Borgu LGA, "
                              "Niger).", date(2021, 4, 6)).events[0]
    assert (event.country, event.admin1) == ("Nigeria", "Niger")
