"""A point of the compass in lower case before a name opens the name of a province ('north
Sinai', 'north Darfur'; places v56), but not before a country's name."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 56


def test_north_sinai_is_egypts(pipeline: Pipeline) -> None:
    """'Sinai' alone is a town of Ecuador, where the bombing had been placed."""
    event = first_event(pipeline, "Two police officers were wounded when a homemade bomb "
                        "exploded as their patrol passed in Sheikh Zuweid, north Sinai.",
                        date(2017, 7, 7))
    assert (event.country, event.admin1) == ("Egypt", "North Sinai")
    assert event.actor2 == "Police Forces of Egypt (2014-)"


@pytest.mark.parametrize(("text", "admin1"), [
    ("Clashes in north Darfur killed five people on Monday.", "North Darfur"),
    ("Fighting broke out in southern Kordofan on Monday.", "South Kordofan"),
])
def test_a_compass_word_opens_a_provinces_name(pipeline: Pipeline, text: str,
                                               admin1: str) -> None:
    assert first_event(pipeline, text, date(2023, 6, 5)).admin1 == admin1


@pytest.mark.parametrize(("text", "country"), [
    ("One aid worker was killed in an ambush in southern Sudan on Monday.", "Sudan"),
    ("One aid worker was killed during clashes at a camp in southern Lebanon.", "Lebanon"),
])
def test_not_before_a_countrys_name(pipeline: Pipeline, text: str, country: str) -> None:
    """'southern Sudan' in a report of 2005 is a part of Sudan; 'southern Lebanon' is no
    South Lebanon, a town of Ohio."""
    assert first_event(pipeline, text, date(2005, 6, 5)).country == country
