"""Parties and places in wire-story sentences (2026-12-06, thirty-third session): allies and
foes joined by 'and', a party beside whose convoy a bomb went off, the national army, the
country of a town named by a demonym, where the wounded were taken, and a place named after
'in' that is no state acting."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2021, 5, 10)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 95
    assert stage_version(pipeline, "actors") >= 72
    assert stage_version(pipeline, "places") >= 82


def test_parties_locked_in_combat_are_foes(pipeline: Pipeline) -> None:
    """assemble v95: 'X and Y were locked in combat' (or skirmished) names both sides; the
    second was taken for the first's ally and an unnamed group stood in its place."""
    event = first_event(pipeline, "Fighters of the TPLF and federal troops were locked in "
                        "combat near Alamata for a third day, residents said.", DAY)
    assert (event.actor1, event.actor2) == (
        "TPLF: Tigray People's Liberation Front", "Military Forces of Ethiopia (2018-)")


def test_an_allied_militia_is_no_foe(pipeline: Pipeline) -> None:
    """assemble v95: 'federal forces and allied Amhara militias recaptured Lalibela from
    Tigrayan forces': the militias fought beside the army; the town was taken from the TPLF."""
    event = first_event(pipeline, "Ethiopian federal forces and allied Amhara militias "
                        "recaptured the town of Lalibela from Tigrayan forces on Sunday.", DAY)
    assert event.sub_event_type == "Government regains territory"
    assert (event.actor1, event.actor2) == (
        "Military Forces of Ethiopia (2018-)", "TPLF: Tigray People's Liberation Front")


@pytest.mark.parametrize(("text", "target"), [
    ("An improvised explosive device went off next to an army convoy in Lahj province, "
     "wounding four soldiers.", "Military Forces of Yemen (2012-)"),
    ("A bomb exploded beside a police patrol in Kirkuk.", "Police Forces of Iraq (2020-)"),
])
def test_a_bomb_beside_a_convoy_struck_it(pipeline: Pipeline, text: str, target: str) -> None:
    """assemble v95: the force whose convoy or patrol a bomb went off beside is its target,
    not the one who set it."""
    event = first_event(pipeline, text, DAY)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor2 == target
    assert event.actor1.startswith("Unidentified Armed Group")


@pytest.mark.parametrize(("text", "country", "actor"), [
    ("Fighting between Fano militiamen and the national army broke out in Gondar on "
     "Tuesday.", "Ethiopia", "Military Forces of Ethiopia (2018-)"),
    ("The National Army shelled positions of the SDF near Manbij.", "Syria",
     "SNA: Syrian National Army"),
])
def test_the_national_army(pipeline: Pipeline, text: str, country: str, actor: str) -> None:
    """actors v72: 'the national army' is the country's military; in Syria 'the National
    Army' is the Turkish-backed SNA, in Libya Haftar's forces (contextual aliases)."""
    event = first_event(pipeline, text, DAY)
    assert event.country == country
    assert actor in (event.actor1, event.actor2)


def test_a_place_after_in_is_no_state_acting(pipeline: Pipeline) -> None:
    """actors v72: 'militants in Gaza fired' was read as 'Gaza fired', the Palestinian
    state's forces; the militants, Palestinian by their demonym, fired the rockets."""
    event = first_event(pipeline, "Palestinian militants in Gaza fired dozens of rockets at "
                        "Tel Aviv on Tuesday, killing two Israeli women in the city of "
                        "Ashkelon.", DAY)
    assert event.actor1 == "Unidentified Armed Group (Palestine)"
    assert event.actor2 == "Civilians (Israel)"


def test_a_demonym_before_the_town_word_names_its_country(pipeline: Pipeline) -> None:
    """places v82: GeoNames' cities500 lacks Palma in Mozambique; 'the northern Mozambican
    town of Palma' put the attack in Palma, Majorca, and its insurgents in Spain."""
    event = first_event(pipeline, "Islamist insurgents have taken control of the northern "
                        "Mozambican town of Palma after a three-day assault.", DAY)
    assert event.country == "Mozambique"
    assert event.location != "Palma"


def test_where_the_wounded_were_taken_is_not_the_place(pipeline: Pipeline) -> None:
    """places v82: 'rushed to a hospital in', 'fled into' tell where people went after the
    event, as 'evacuated to' does: the attack was in Tsafe, not in Kano."""
    event = first_event(pipeline, "The wounded were rushed to a hospital in Kano after gunmen "
                        "attacked a village in Tsafe.", DAY)
    assert (event.location, event.admin1) == ("Tsafe", "Zamfara")


def test_a_destination_stays_a_name(pipeline: Pipeline) -> None:
    """places v82: a destination that scores too low to be a place of the text is still a
    name the event model does not read ('fled to Konna', unmasked, read as a riot)."""
    event = first_event(pipeline, "Villagers fled to Konna after jihadists attacked "
                        "Douentza.", DAY)
    assert (event.sub_event_type, event.location) == ("Attack", "Douentza")


def test_gaza_city(pipeline: Pipeline) -> None:
    """The gazetteer's Gaza is Gaza City (aliases.tsv): unread, the strike on it took the
    place of the rockets the sentence tells after it."""
    event = first_event(pipeline, "Israeli aircraft struck a residential tower in Gaza City, "
                        "hours after rockets hit Ashkelon.", DAY)
    assert (event.location, event.country, event.geo_precision) == ("Gaza", "Palestine", 1)


def test_a_building_retaken_is_no_territory(pipeline: Pipeline) -> None:
    """events v138: 'security forces regained control of the building' after a siege of a
    hotel made the attack a territory taken; control of a building, a hotel or a ship is not
    of a place."""
    event = first_event(pipeline, "Al-Shabaab gunmen stormed the Hayat Hotel in Mogadishu on "
                        "Friday night, killing at least 20 people in a siege that lasted 30 "
                        "hours before security forces regained control of the building.", DAY)
    assert event.sub_event_type == "Attack"
    assert (event.actor1, event.fatalities) == ("Al Shabaab", 20)


def test_a_vehicle_rammed_into_a_convoy_struck_it(pipeline: Pipeline) -> None:
    """assemble v97: the force whose convoy a bomber rammed is the target, not the bomber."""
    event = first_event(pipeline, "A suicide bomber rammed an explosives-laden vehicle into a "
                        "military convoy in Bannu, killing seven soldiers.", DAY)
    assert event.sub_event_type == "Suicide bomb"
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Pakistan)",
                                            "Military Forces of Pakistan (2018-)")


def test_truffle_hunters_are_civilians(pipeline: Pipeline) -> None:
    """actors v74: 'truffle hunters' killed by a mine in the Syrian desert were a communal
    militia (the Dozo hunters' word) that had laid it."""
    event = first_event(pipeline, "A landmine exploded under a minibus carrying truffle "
                        "hunters near al-Sukhnah in the eastern Homs desert, killing 15 "
                        "people.", DAY)
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Syria)",
                                            "Civilians (Syria)")


def test_the_two_that_signed_are_an_agreements_sides(pipeline: Pipeline) -> None:
    """assemble v98: 'the Ethiopian government and the TPLF signed' joined the two by 'and' as
    allies, and the agreement had no actor2."""
    event = first_event(pipeline, "On 2 November 2022, the Ethiopian government and the TPLF "
                        "signed a cessation of hostilities agreement in Pretoria (South "
                        "Africa).", date(2022, 11, 7))
    assert event.sub_event_type == "Agreement"
    assert (event.actor1, event.actor2) == ("Government of Ethiopia (2018-)",
                                            "TPLF: Tigray People's Liberation Front")


@pytest.mark.parametrize(("text", "actor1"), [
    ("Iran detains French national on spying charges", "Military Forces of Iran (1989-)"),
    ("Russia sets up new base in Central African Republic", "Military Forces of Russia (2000-)"),
])
def test_a_state_acting_in_a_headlines_present(pipeline: Pipeline, text: str,
                                               actor1: str) -> None:
    """actors v75: a country's name before an act in a headline's present ('detains', 'sets
    up', 'strikes', 'seizes' ...) is the state acting, as before the past tense."""
    assert first_event(pipeline, text, DAY).actor1 == actor1


def test_an_advance_repelled_in_a_statement_is_a_clash(pipeline: Pipeline) -> None:
    """events v140: 'The GNA said its forces repelled an LNA advance' was no event after the
    strike told before it; it is a clash of its own."""
    doc = pipeline.run("t", "Libyan National Army warplanes struck Mitiga airport in Tripoli on "
                       "Sunday. The GNA said its forces repelled an LNA advance in Ain Zara, "
                       "south of the capital.", date(2019, 4, 15))
    assert [e.sub_event_type for e in doc.events] == ["Air/drone strike", "Armed clash"]


def test_members_of_one_family_are_civilians(pipeline: Pipeline) -> None:
    """actors v76: 'killed at least 15 members of one family' had no actor2 ('a family' was
    civilians, 'one family' nothing)."""
    event = first_event(pipeline, "An Israeli air strike on a house in Khan Younis killed at "
                        "least 15 members of one family overnight.", DAY)
    assert (event.actor2, event.fatalities) == ("Civilians (Palestine)", 15)
