"""A name after 'the' with no noun after it names a building or a landmark, not a town:
'outside the Seray in Sidon' is the government house of Sidon, not Sarāy in Iran
(``extract.places.v99``, ``place_windows.building_named``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.place_rules import Window
from raqib.extract.place_windows import building_named
from stage_versions import first_event, stage_version


def _window(text: str, name: str) -> Window:
    start = text.index(name)
    return Window(start, start + len(name), len(name.split()), name.lower())


@pytest.mark.parametrize(("text", "name", "building"), [
    ("Crowds gathered outside the Seray in Sidon.", "Seray", True),
    ("They marched from the Saray to the main square.", "Saray", True),
    ("A sit-in was held at the Saray.", "Saray", True),
    ("Rebels shelled the Aleppo countryside.", "Aleppo", False),
    ("A bomb hit the Gao to Ansongo road.", "Gao", False),
    ("Militants raided the Bayda and Tibisti oilfields.", "Bayda", False),
    ("Lawyers marched in the Congolese capital.", "Congolese capital", False),
    ("Crowds gathered outside Sidon's Seray.", "Sidon", False),
])
def test_building_named(text: str, name: str, building: bool) -> None:
    assert building_named(text, _window(text, name)) is building


def test_a_building_does_not_outrank_the_town_it_stands_in(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 99
    event = first_event(pipeline, "Hundreds of protesters rallied outside the Seray in Sidon on "
                        "Sunday, demanding the release of detained activists.", date(2020, 5, 9))
    assert (event.location, event.country) == ("Sidon", "Lebanon")


def test_a_country_keeps_its_article(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Clashes broke out in the Gambia on Monday between police "
                        "and youths.", date(2020, 5, 9))
    assert event.country == "Gambia"
