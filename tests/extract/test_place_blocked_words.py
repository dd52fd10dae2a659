"""A run of words that is never a place blocks only names no longer than itself
(``extract.places.v90``): 'Central African', a demonym, had blocked the country's own name,
'Central African Republic', so a text that named no town there had no country."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 90


@pytest.mark.parametrize("text", [
    "Rebels attacked a village in the Central African Republic on Monday.",
    "Militiamen looted shops and burned houses in a village of the Central African Republic.",
])
def test_a_country_name_holding_its_demonym_is_a_place(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run("t", text, None)
    assert "Central African Republic" in {p.name for p in doc.places}
    assert doc.events[0].country == "Central African Republic"


def test_the_demonym_alone_is_still_no_place(pipeline: Pipeline) -> None:
    """'Central African' before a noun tells a nationality: the country votes, no place is
    named by it."""
    doc = pipeline.run("t", "Two Central African soldiers were wounded in an ambush near "
                            "Bambari.", None)
    assert [p.span.text for p in doc.places] == ["Bambari"]


@pytest.mark.parametrize("text", [
    "On 2 June 2020, the head of the Federal Police resigned after a dispute with the "
    "president.",
    "On 2 June 2020, officers of the Federal Highway Police seized a truck near Cascavel.",
])
def test_a_federal_force_is_no_place(pipeline: Pipeline, text: str) -> None:
    """places v96: 'Federal' is a town of Argentina and another name of Brazil's federal
    district; 'the Federal Police' (highway police, government, forces, troops, army,
    agents, court) names an institution, not either place."""
    assert stage_version(pipeline, "places") >= 96
    assert "Distrito Federal" not in {p.name for p in pipeline.run("t", text, None).places}


def test_the_town_named_federal_is_still_a_place(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "In Federal, Entre Rios, farmers blocked a road.", None)
    assert "Federal" in {p.name for p in doc.places}


def test_a_protest_told_then_its_arrests_is_one_event(pipeline: Pipeline) -> None:
    """places v96: 'the Federal Police' in the sentence between had named a place, which set
    the protest's two sentences apart (events name one place an event), so the arrests that
    ended it were an event of their own."""
    doc = pipeline.run("t", "On 2 May 2020, in Curitiba, Parana, about 20 truckers protested "
                            "in front of the state assembly. The group protested against the "
                            "transfer of a director of the Federal Police. Four protesters "
                            "were arrested. [size=about 20]", None)
    assert [e.sub_event_type for e in doc.events] == ["Protest with intervention"]


@pytest.mark.parametrize(("text", "word"), [
    ("On 3 May 2020, bodies were found on the Federal Highway 45 near Sombrerete.", "Federal"),
    ("On 3 May 2020, hundreds rallied outside the Israeli Supreme Court in Jerusalem.",
     "Supreme"),
])
def test_a_highway_or_a_court_is_no_place(pipeline: Pipeline, text: str, word: str) -> None:
    """places v112: 'the Federal Highway 45' had named Federal, a town of Argentina, and 'the
    Supreme Court' Supreme, a town of Louisiana."""
    assert stage_version(pipeline, "places") >= 112
    assert word not in {p.span.text for p in pipeline.run("t", text, None).places}


@pytest.mark.parametrize(("text", "word"), [
    ("Residents blocked a route in Ben Allal with burning tyres, demanding water.", "Ben"),
    ("Supporters of Bah Oury and of the party leader fought with sticks at the headquarters.",
     "Bah"),
    ("Shop owners held a sit-in at the roundabout in the Dam and Farez area of the city.",
     "Dam"),
])
def test_a_name_head_and_a_family_name_are_no_place(
        pipeline: Pipeline, text: str, word: str) -> None:
    """v131: 'Ben' of a Maghreb name the gazetteer lacks had been Bern by another name; the
    Fula family name Bah, a town of India; v134: 'Dam', a generic word, Dome in Ghana."""
    assert stage_version(pipeline, "places") >= 134
    doc = pipeline.run("t", text, None)
    assert word not in {p.span.text for p in doc.places}


@pytest.mark.parametrize("text", [
    "Government troops clashed with Al Shabaab fighters in Ceel Gaab village on Tuesday.",
    "Militants ambushed a patrol on the road between Ceel-Ogaal and the district town.",
])
def test_the_somali_word_for_a_well_is_no_place(pipeline: Pipeline, text: str) -> None:
    """v142: 'Ceel' (a well), the first word of many Somali villages' names, had been Eyl in
    Puntland for every such village the gazetteer lacks; 'Ceel Buur', which it has, is
    still found."""
    assert stage_version(pipeline, "places") >= 142
    assert "Ceel" not in {p.span.text for p in pipeline.run("t", text, None).places}
    doc = pipeline.run("t", "Al Shabaab fighters attacked a base in Ceel Buur.", None)
    assert [p.name for p in doc.places] == ["Ceelbuur"]


@pytest.mark.parametrize(("text", "word"), [
    ("Al Shabaab gunmen shot dead a herder in Buulo Gaduud village on Friday.", "Buulo"),
    ("A roadside bomb went off near Beled Amiin village on Monday.", "Beled"),
])
def test_other_somali_words_of_a_place_are_no_place(pipeline: Pipeline, text: str,
                                                    word: str) -> None:
    """v143: 'Buulo' (a village) had been Buulobarde and 'Beled' (a town) Balad in Iraq for
    every village so named that the gazetteer lacks; 'Beledweyne', one word, and 'El Bur'
    are found as before."""
    assert stage_version(pipeline, "places") >= 143
    assert word not in {p.span.text for p in pipeline.run("t", text, None).places}
    doc = pipeline.run("t", "Fighters took El Bur and Beledweyne on Monday.", None)
    assert [p.name for p in doc.places] == ["Ceelbuur", "Beledweyne"]


@pytest.mark.parametrize(("text", "word"), [
    ("Members of the Network for Human Rights held a sit-in in front of the ministry.",
     "Human"),
    ("Special Reserve Forces fired tear gas at the crowd in front of the market.", "Reserve"),
    ("A grenade was thrown at the Royal Restaurant late on Saturday.", "Royal"),
])
def test_words_of_rights_forces_and_shops_are_no_place(pipeline: Pipeline, text: str,
                                                       word: str) -> None:
    """v144: GeoNames gives towns these words as other names: 'Human Rights' had been Uman
    (Ukraine), 'Reserve' a town of Louisiana, 'Royal' Royal City."""
    assert stage_version(pipeline, "places") >= 144
    assert word not in {p.span.text for p in pipeline.run("t", text, None).places}


@pytest.mark.parametrize(("text", "place", "precision"), [
    ("Students at Rhodes University protested over fees on Monday.", "Grahamstown", 1),
    ("Party supporters set fire to two offices on Pemba Island before the vote.",
     "Chake Chake", 2),
])
def test_a_university_and_an_island_are_where_they_are(
        pipeline: Pipeline, text: str, place: str, precision: int) -> None:
    """v144: Rhodes University is in Grahamstown, not on Rhodes (Greece); Pemba Island is
    coded near its seat, not at Pemba, Mozambique."""
    event = first_event(pipeline, text, date(2016, 3, 1))
    assert (event.location, event.geo_precision) == (place, precision)


@pytest.mark.parametrize(("text", "word"), [
    ("Fans marked the anniversary of the Stadium Massacre with a march.", "Massacre"),
    ("Supporters protested at the National Police Headquarters over the arrest.",
     "Headquarters"),
    ("The leader of the Movement for Democratic Change was arrested on Tuesday.", "Change"),
    ("Gold miners went on strike over unpaid bonuses.", "Gold"),
    ("Troops retook the Abu Grain checkpoint from the militants.", "Grain"),
    ("Traders clashed with touts at Mile 2 market on Monday.", "Mile"),
    ("Pre-school teachers marched to demand their arrears.", "Pre"),
    ("Gunmen attacked rangers in the Kahuzi National Park on Friday.", "National Park"),
])
def test_words_of_events_bodies_and_goods_are_no_place(pipeline: Pipeline, text: str,
                                                       word: str) -> None:
    """v145: GeoNames gives towns these words as names or other names (Massacre, Dominica;
    Changé, France; Gold Coast; Grain, England; National Park, New Jersey)."""
    assert stage_version(pipeline, "places") >= 145
    assert word not in {p.span.text for p in pipeline.run("t", text, None).places}


def test_a_colour_is_no_place_but_the_niles_are(pipeline: Pipeline) -> None:
    """v146: 'the Blue and White party' had been Blue Ash and Whitesboro in the United
    States; Blue Nile and White Nile are still found whole."""
    assert stage_version(pipeline, "places") >= 146
    doc = pipeline.run("t", "Supporters of the Blue and White party rallied outside the "
                            "parliament on Sunday.", None)
    assert not {"Blue", "White"} & {p.span.text for p in doc.places}
    doc = pipeline.run("t", "Militia fighters attacked villages in Blue Nile and White Nile.",
                       None)
    assert [p.name for p in doc.places] == ["Blue Nile", "White Nile"]
