"""A town said to lie in a country ('the village of Solhan in northern Burkina Faso') is none
of its namesakes abroad (places v46); a sea named after a town is not the town (v49)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 46


@pytest.mark.parametrize("text", [
    "Jihadists killed at least 132 civilians in an attack on the village of Solhan in "
    "northern Burkina Faso.",
    "Jihadists killed at least 132 civilians in an attack on Solhan, a village in Burkina "
    "Faso.",
])
def test_a_namesake_abroad_is_not_the_town(pipeline: Pipeline, text: str) -> None:
    """GeoNames knows only Solhan in Bingöl, Turkey: the event was placed there, and its
    actors made Turkish. The country the text puts the village in is the place (precision
    3, as for 'Solhan, Burkina Faso')."""
    event = first_event(pipeline, text, date(2021, 6, 6))
    assert (event.country, event.location, event.geo_precision) == (
        "Burkina Faso", "Burkina Faso", 3)
    assert event.actor2 == "Civilians (Burkina Faso)"


def test_the_namesake_in_that_country_is_chosen(pipeline: Pipeline) -> None:
    """Of two towns of one name, the one in the country named: Tripoli in Lebanon, not the
    larger Tripoli of Libya."""
    event = first_event(pipeline, "A car bomb exploded in Tripoli in northern Lebanon on "
                        "Friday, killing three people.", date(2021, 6, 6))
    assert (event.country, event.admin1, event.geo_precision) == ("Lebanon", "Liban-Nord", 1)


def test_a_town_of_that_country_stays(pipeline: Pipeline) -> None:
    """The country excludes; it does not make the town surer than the text's other places."""
    event = first_event(pipeline, "Regime forces shelled Saraqib in Syria on Monday, "
                        "killing four civilians.", date(2020, 5, 10))
    assert (event.location, event.admin1, event.geo_precision) == ("Saraqib", "Idleb", 1)


def test_a_sea_named_after_a_town_is_no_attack_on_the_town(pipeline: Pipeline) -> None:
    """places v49: 'in the Gulf of Aden' names a sea: the event is coded to the governorate
    (precision 3), not to Aden's streets (precision 1)."""
    event = first_event(pipeline, "Houthi forces fired anti-ship missiles at a cargo vessel in "
                        "the Gulf of Aden on Monday.", date(2024, 2, 20))
    assert (event.country, event.geo_precision) == ("Yemen", 3)
    assert stage_version(pipeline, "places") >= 49
