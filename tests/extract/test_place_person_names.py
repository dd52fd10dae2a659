"""Names that are no places: the rest of a person's name after a title or a kunya (places
v51); a town found only by another of its names among namesakes abroad (v50); the neighbour
across a border (v52)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2021, 5, 2)


def _places(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    doc = pipeline.run("t", text, DAY)
    return [(p.span.text, p.country) for p in doc.places]


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 52


@pytest.mark.parametrize(("text", "name"), [
    ("The strike killed two soldiers and commander Ahmed Khalil, the army said.", "Khalil"),
    ("An air strike killed Abu Omar al-Tunisi, a senior commander of the group, near Idlib.",
     "Tunisi"),
])
def test_the_rest_of_a_persons_name_is_no_place(pipeline: Pipeline, text: str,
                                                name: str) -> None:
    """'Khalil' is Hebron's Arabic name and 'Tunisi' Tunis' Italian one: after a title or a
    kunya and a first name they are the person's (v51)."""
    assert not any(name in span for span, _ in _places(pipeline, text))


def test_a_place_named_abu_is_still_a_place(pipeline: Pipeline) -> None:
    found = dict(_places(pipeline, "Clashes erupted in Abu Kamal and near Abu Dhabi."))
    assert found == {"Abu Kamal": "Syria", "Abu Dhabi": "United Arab Emirates"}


def test_a_town_by_its_own_name_before_one_abroad_by_another(pipeline: Pipeline) -> None:
    """GeoNames gives 'Tafas' as another name of Talas, Turkey (36,890 people) and as the own
    name of Tafas, Syria (31,249): with nothing else in the text for either country, the town
    whose own name it is wins, and the actors are Syrian (v50)."""
    event = first_event(pipeline, "Gunmen killed Mohammed Homsi, a former rebel commander, in "
                        "the town of Tafas on Sunday.", DAY)
    assert (event.country, event.admin1) == ("Syria", "Dar'a")
    assert event.actor1 == "Unidentified Armed Group (Syria)"


@pytest.mark.parametrize("text", [
    "Protesters marched in Cologne on Saturday.",
    "Russian missiles struck Kiev on Monday.",
])
def test_a_city_by_another_name_alone_still_stands(pipeline: Pipeline, text: str) -> None:
    assert len(_places(pipeline, text)) == 1


def test_the_neighbour_across_a_border_is_not_the_place(pipeline: Pipeline) -> None:
    """Bunagana, which the gazetteer lacks, lies in the DR Congo on the border with Uganda: the
    event was placed in Uganda (v52)."""
    event = first_event(pipeline, "The rebels of the M23 captured the town of Bunagana on the "
                        "border with Uganda after heavy fighting with the Congolese army.",
                        date(2022, 6, 13))
    assert event.country == "Democratic Republic of Congo"


def test_a_capital_by_its_own_name_before_a_city_by_an_old_one(pipeline: Pipeline) -> None:
    """'Islamabad' is among the old names of Chattogram (3.9 million people, Bangladesh):
    the capital of Pakistan by its own name is not outranked (v58)."""
    event = first_event(pipeline, "Several hundred lawyers marched to the Supreme Court in "
                        "Islamabad to protest the arrest of a colleague.", date(2020, 10, 4))
    assert (event.country, event.location) == ("Pakistan", "Islamabad")

