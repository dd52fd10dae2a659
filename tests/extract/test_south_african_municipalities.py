"""South Africa's municipalities as ACLED and South African reporting name them: the Zulu
locative of 'eThekwini' (Durban's municipality) is a name though it opens in lower case, and
the metropolitan municipalities named otherwise than their cities ('Nelson Mandela Bay',
'Buffalo City', 'Ekurhuleni') are names of those cities (``extract.places.v104``,
``place_rules.capital_at``, ``resources/gazetteer/aliases.tsv``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.place_rules import capital_at
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("text", "capital"), [
    ("in eThekwini on Monday", True),
    ("in uMhlathuze, KwaZulu-Natal", True),
    ("in Durban", True),
    ("on iPad", False),  # too short a name after its capital
    ("in t.coKzleHq", False),  # inside a run of letters: 'coKzleHq' is no word of its own
    ("in durban", False),
])
def test_capital_at(text: str, capital: bool) -> None:
    assert capital_at(text, 3) is capital


@pytest.mark.parametrize(("text", "town"), [
    ("About 300 residents blocked roads with burning tyres in Bhekulwandle (eThekwini, "
     "KwaZulu-Natal), demanding water.", "Durban"),
    ("Nurses demonstrated outside a clinic in Kwazakhele (Nelson Mandela Bay, Eastern Cape), "
     "demanding protective gear.", "Gqeberha"),
    ("Municipal workers marched in Thokoza (Ekurhuleni, Gauteng) over unpaid wages.",
     "Germiston"),
])
def test_a_township_goes_to_its_municipality_city(
        pipeline: Pipeline, text: str, town: str) -> None:
    assert stage_version(pipeline, "places") >= 104
    event = first_event(pipeline, text, date(2020, 5, 10))
    assert (event.location, event.country) == (town, "South Africa")
