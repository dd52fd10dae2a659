"""Words that look like places and are not (``extract.places.v75``): a title's abbreviation
before a name, a people before the word for its militia, tribe or clan, a town abroad found
by another of its names where the text's own words speak for another country; and Sinai
alone, coded to North Sinai."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 75


def test_a_titles_abbreviation_is_no_place(pipeline: Pipeline) -> None:
    """'Gen.' had been Gennes-sur-Seiche in France, which bears Gen as another name."""
    doc = pipeline.run("t", "A senior commander of the Derna Shura Council was killed in "
                            "clashes with Gen. Khalifa Haftar's forces.", None)
    assert "France" not in {p.country for p in doc.places}
    assert doc.events[0].country == "Libya"


@pytest.mark.parametrize("people", ["militia", "militiamen", "tribesmen", "clan", "sub-clan"])
def test_a_people_before_its_armed_men_is_no_place(pipeline: Pipeline, people: str) -> None:
    """'Bari' before 'militia' names a people of South Sudan, not Bari in Italy."""
    doc = pipeline.run("t", f"Armed Bari {people} stole cattle from herders near Juba.", None)
    assert "Italy" not in {p.country for p in doc.places}
    assert doc.events[0].country == "South Sudan"


def test_a_town_found_by_another_name_yields_to_the_texts_own_country(
        pipeline: Pipeline) -> None:
    """Golo is a village of Jebel Marra; GeoNames gives the name to Cumeré in Guinea-Bissau
    too, which had made the text, its fighters and its soldiers Guinea-Bissau's."""
    doc = pipeline.run("t", "Fighting broke out between SLA-AW fighters and soldiers in Golo; "
                            "four soldiers were killed.", date(2016, 1, 2))
    event = doc.events[0]
    assert event.country == "Sudan"
    assert "Guinea-Bissau" not in {p.country for p in doc.places}
    assert {event.actor1, event.actor2} == {
        "SLM/A-Nur: Sudan Liberation Movement/Army (Abdul Wahid al-Nur Faction)",
        "Military Forces of Sudan (1989-)"}


def test_a_spelling_of_a_towns_own_name_still_stands(pipeline: Pipeline) -> None:
    """Only another name unlike the town's own yields: 'Merka' (GeoNames: Marka) stays in
    Somalia though the text speaks of a Kenyan."""
    doc = pipeline.run("t", "A Kenyan engineer was shot dead by gunmen in Merka.", None)
    assert (doc.events[0].country, doc.events[0].location) == ("Somalia", "Marka")


def test_sinai_alone_is_north_sinai(pipeline: Pipeline) -> None:
    """Sinai had been Sinaí, a village of Ecuador."""
    doc = pipeline.run("t", "Egyptian troops killed six militants in raids in Sinai.", None)
    event = doc.events[0]
    assert (event.country, event.admin1, event.geo_precision) == ("Egypt", "North Sinai", 3)


def test_a_city_hall_is_no_town_called_hall(pipeline: Pipeline) -> None:
    """places v76: 'City Hall' had left 'Hall' (Schwäbisch Hall's other name) as the place,
    and 'Port Elizabeth' before it unread; 'Ward 12' was Ward, a town of Arkansas."""
    assert stage_version(pipeline, "places") >= 76
    doc = pipeline.run("t", "Residents of Ward 12 marched to the Port Elizabeth City Hall to "
                            "demand water and electricity.", None)
    assert [(p.country, p.admin1) for p in doc.places] == [("South Africa", "Eastern Cape")]


def test_of_two_names_as_long_one_opening_with_the_comes_last(pipeline: Pipeline) -> None:
    """places v76: 'The Cape' (another name of Buxton, North Carolina) had been taken before
    'Cape Coast', the Ghanaian city, in 'The Cape Coast Technical University'."""
    doc = pipeline.run("t", "The Cape Coast Technical University students marched to protest "
                            "against a rise in fees.", None)
    assert doc.events[0].country == "Ghana"
    assert doc.events[0].location == "Cape Coast"


def test_the_libyan_government_of_national_accord(pipeline: Pipeline) -> None:
    """actors v57: 'Libyan Government' had been read first, as Libya's forces at large,
    leaving 'of National Accord' and 'Accord', a town of Massachusetts."""
    doc = pipeline.run("t", "Fighters loyal to the Libyan Government of National Accord "
                            "clashed with Islamic State militants.", date(2016, 5, 17))
    assert "United States" not in {p.country for p in doc.places}
    assert "Military Forces of Libya (2016-) Government of National Accord" in {
        a.name for a in doc.actors}
