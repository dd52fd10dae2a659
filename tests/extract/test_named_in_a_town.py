"""A name that the gazetteer knows only abroad, said to be in a town of another country
('the Temple of Justice on Capitol Hill in Monrovia'), is a part of that town the gazetteer
lacks: the town is the event's place (``extract.places.v124``,
``place_ranking.qualified_abroad``)."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2016, 3, 10)


def test_a_hill_in_a_capital_is_no_place_abroad(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 124
    event = first_event(pipeline, "Students staged a sit-in outside the ministry on Capitol "
                        "Hill in Monrovia, and police beat several of them.", DAY)
    assert (event.location, event.country) == ("Monrovia", "Liberia")


def test_a_town_in_its_own_province_stays_the_place(pipeline: Pipeline) -> None:
    """The rule asks for two countries: 'Hajin in Deir ez-Zor' is still Hajin (v35)."""
    event = first_event(pipeline, "Coalition jets struck a market in Hajin in Deir ez-Zor, "
                        "killing nine civilians.", DAY)
    assert event.location == "Hajīn"
