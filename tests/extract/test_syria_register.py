"""Words of Syrian monitors and state media (the project's own sentences in their register):
'regime shelling', 'fighters of the SNA', 'killing two members of the Asayish', 'near Damascus
International Airport', 'al-Sukhna', 'were martyred', and a period's toll beside an event's
(actors v9, assemble v24, places v24, numbers v11); 'NLF fighters', 'a car belonging to a
Faylaq al-Sham commander', 'Hama desert' and the Syrian National Army's factions (actors
v10); air defences that intercept, missiles partly intercepted, an accord named in a relative
clause, a party's own branch, a target named by its checkpoint, a mass grave, a place taken
told after 'after', and the transliterations 'Tal' for GeoNames' 'Tall' and five-letter
spelling-tolerant keys (actors v12, events v42, assemble v28, places v25)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.model import Event
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

SYRIA = "Military Forces of Syria (2000-)"
ISRAEL = "Military Forces of Israel (2009-)"


def _event(pipeline: Pipeline, text: str) -> Event:
    return first_event(pipeline, text, date(2021, 6, 10))


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "actors") >= 14
    assert stage_version(pipeline, "assemble") >= 31
    assert stage_version(pipeline, "places") >= 25
    assert stage_version(pipeline, "numbers") >= 12
    assert stage_version(pipeline, "events") >= 44


@pytest.mark.parametrize("text", [
    "Regime shelling killed three civilians in Kafr Nabl on Thursday.",
    "Regime artillery shelled the outskirts of Idlib city, killing a child.",
    "A fighter of the National Front for Liberation was killed by a regime sniper near Kabani.",
])
def test_the_regimes_weapons_name_its_forces(pipeline: Pipeline, text: str) -> None:
    assert _event(pipeline, text).actor1 == SYRIA


def test_a_states_strike_names_its_forces(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Explosions were heard near Damascus airport after an Israeli "
                             "strike on Monday night.")
    assert event.actor1 == "Military Forces of Israel (2009-)"


@pytest.mark.parametrize("text, actor1, actor2", [
    ("Fighters of the Syrian National Army clashed with the SDF near Tal Tamr in Hasakah "
     "countryside.", "SNA: Syrian National Army", "QSD: Syrian Democratic Forces"),
    ("Soldiers of the Syrian Arab Army repelled an attack by militants of the Islamic State "
     "near Palmyra.", "Islamic State (Syria)", SYRIA),
    ("Gunmen of the Turkistan Islamic Party kidnapped a civilian in Jisr al-Shughur.",
     "Turkistan Islamic Party", "Civilians (Syria)"),
    # actors v10: the generic word after a named armed group is its head noun, not another
    # (unidentified) group, whatever the two rows' inter codes
    ("On 2 May 2020, NLF fighters clashed with regime forces on the Kabani front, northern "
     "Lattakia countryside. 2 regime soldiers were killed.",
     "NLF: National Liberation Front", SYRIA),
    ("On 4 May 2020, Hurras al-Din fighters attacked regime positions in western Hama "
     "countryside. 3 regime soldiers were killed.", "Hurras al Din", SYRIA),
    # actors v10: the factions of the Syrian war are rows of their own
    ("On 3 May 2020, fighters of the Hamza Division clashed with fighters of the Sultan Murad "
     "Division in al-Bab city over a checkpoint. 1 fighter was killed.",
     "Hamza Division", "Sultan Murad Division"),
    ("On 2 May 2020, Liwa al-Quds militiamen abducted a civilian in Aleppo city.",
     "Liwa al Quds", "Civilians (Syria)"),
    # what belongs to a party marks it the target ('belonging to a', assemble v22)
    ("On 4 May 2020, an IED exploded targeting a car belonging to a Faylaq al-Sham commander "
     "in Ras al-Ain, Hasakeh, injuring him.", "Unidentified Armed Group (Syria)",
     "Faylaq al Sham"),
])
def test_a_named_groups_fighters_are_that_group(
        pipeline: Pipeline, text: str, actor1: str, actor2: str) -> None:
    """'Fighters of the SNA', 'NLF fighters': the generic armed word and the group it names
    are one party (actors v9, v10)."""
    event = _event(pipeline, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_the_group_a_counts_victims_belong_to_is_acted_on(pipeline: Pipeline) -> None:
    """'killing two members of the Asayish': the Asayish (the SDF's) are the victims, not
    the drone's operators."""
    event = _event(pipeline, "A drone of unknown affiliation struck a car in Qamishli, killing "
                             "two members of the Asayish.")
    assert (event.actor1, event.actor2) == ("", "QSD: Syrian Democratic Forces")
    assert event.fatalities == 2


@pytest.mark.parametrize("text, town", [
    ("Israeli missiles targeted positions of Iranian militias near Damascus International "
     "Airport, according to SOHR.", "Damascus"),
    ("Rebels shelled Hama Military Airport with rockets.", "Ḩamāh"),
])
def test_a_town_named_in_its_facility_is_the_place(pipeline: Pipeline, text: str,
                                                   town: str) -> None:
    event = _event(pipeline, text)
    assert (event.country, event.location) == ("Syria", town)


def test_a_name_spelled_without_its_final_h_is_found(pipeline: Pipeline) -> None:
    """'al-Sukhna' is GeoNames' 'As Sukhnah' (and the actors are then Syria's)."""
    event = _event(pipeline, "A civilian was killed by a landmine left by ISIS near al-Sukhna.")
    assert (event.location, event.country) == ("As Sukhnah", "Syria")
    assert event.actor1 == "Islamic State (Syria)"


@pytest.mark.parametrize("text, figure", [
    ("Two citizens were martyred and five others were injured when terrorists targeted "
     "residential neighbourhoods in Aleppo city with shells.", 2),
    ("Regime shelling on Kafr Nabl left three martyrs, including a child.", 3),
    ("The Civil Defence announced the martyrdom of four civilians in Russian air strikes on "
     "Maarat al-Numan.", 4),
])
def test_the_martyred_are_killed(pipeline: Pipeline, text: str, figure: int) -> None:
    assert _event(pipeline, text).fatalities == figure


@pytest.mark.parametrize("text, figure", [
    ("Nine people were injured in new mortar attacks on Aleppo, state TV said. In recent days "
     "57 civilians have been killed in attacks on the city.", 0),
    ("Regime air strikes killed 12 civilians in Saraqib on Thursday. Since the start of the "
     "offensive, more than 300 civilians have been killed.", 12),
])
def test_a_periods_toll_is_no_events(pipeline: Pipeline, text: str, figure: int) -> None:
    assert _event(pipeline, text).fatalities == figure


def test_a_towns_desert_is_near_it(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 2 May 2020, ISIS militants attacked a regime position near "
                             "Ithriya, Hama desert. 4 regime soldiers were killed.")
    assert (event.admin1, event.geo_precision) == ("Hama", 2)


def test_a_patrol_done_is_no_event_unless_something_happened_on_it(pipeline: Pipeline) -> None:
    """events v41: forces that conducted a patrol did their rounds; an explosion on the way is
    still an event."""
    assert stage_version(pipeline, "events") >= 41
    quiet = pipeline.run("t", "On 4 May 2020, the Russian Military Police and the Turkish Army "
                              "conducted a joint patrol along the M4 highway.", date(2020, 5, 5))
    assert quiet.events == []
    struck = _event(pipeline, "On 4 May 2020, the Russian and Turkish forces conducted a joint "
                              "patrol on the M4 highway, when an explosive device went off, "
                              "wounding 3 Russian soldiers.")
    assert struck.sub_event_type == "Remote explosive/landmine/IED"


def test_a_territory_held_by_a_party_makes_it_no_party(pipeline: Pipeline) -> None:
    """actors v11: 'rebel-held Idlib province' names a territory, not a party to the strike;
    'a Houthi-controlled prison' still names its keepers."""
    assert stage_version(pipeline, "actors") >= 11
    event = _event(pipeline, "Air strikes on a school in Syria's rebel-held Idlib province "
                             "killed 22 children on Wednesday.")
    assert (event.actor1, event.actor2) == ("", "Civilians (Syria)")
    event = _event(pipeline, "On 8 May 2020, a prisoner died in the Houthi-controlled prison "
                             "of Hauban, Taizz, after he was tortured inside the prison.")
    assert event.actor1 == "Military Forces of Yemen (2016-) Supreme Political Council"


def test_a_un_agency_named_in_words_is_that_agency(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "The UN children's agency said that air strikes on a school in Hass "
                            "killed 22 children.", date(2016, 10, 27))
    assert [m.name for m in doc.actors][:1] == ["UNICEF: United Nations Children's Fund"]


def test_children_gathered_outside_a_school_are_no_protesters(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "The strike hit the school as children gathered outside preparing "
                            "to return home.", date(2016, 10, 27))
    assert not any(m.name.startswith("Protesters") for m in doc.actors)


def test_an_attack_being_prepared_has_not_happened(pipeline: Pipeline) -> None:
    """events v41, phrase attack-prepared: 'preparing a chemical attack' is an allegation of
    what may come; what forces did while preparing an offensive is still an event."""
    alleged = pipeline.run("t", "SANA claimed that terrorists in Idlib are preparing a chemical "
                                "attack to accuse the Syrian army.", date(2019, 5, 10))
    assert alleged.events == []
    done = _event(pipeline, "Regime forces preparing an offensive on Idlib shelled Kafr Nabl on "
                            "Thursday, killing 2 civilians.")
    assert (done.sub_event_type, done.fatalities) == ("Shelling/artillery/missile attack", 2)


def test_a_base_set_up_has_one_actor(pipeline: Pipeline) -> None:
    """assemble v25: a base established (and a change to a group's activity) is told of one
    actor; 'a new military post' is the Turkish army's own, no Syrian force's."""
    assert stage_version(pipeline, "assemble") >= 25
    event = _event(pipeline, "On 4 May 2020, the Turkish army established a new military post "
                             "near Qmenas, Idleb.")
    assert event.sub_event_type == "Headquarters or base established"
    assert (event.actor1, event.actor2) == ("Military Forces of Turkey (2016-)", "")


def test_a_clash_has_two_sides_named_or_not(pipeline: Pipeline) -> None:
    """assemble v26: the side of an armed clash nobody names is the codebook's unidentified
    armed group."""
    assert stage_version(pipeline, "assemble") >= 26
    event = _event(pipeline, "On 4 May 2020, regime forces were involved in a shoot-out in "
                             "the countryside of Daraa. 2 soldiers were killed.")
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == (SYRIA, "Unidentified Armed Group (Syria)")


def test_a_spelling_with_a_final_h_stays_in_the_texts_country(pipeline: Pipeline) -> None:
    """'al-Khalidiya', a quarter of Aleppo the gazetteer lacks, is not Al Khalidiyah in
    Jordan: a place found only by the final-h spelling is kept in the text's own country."""
    doc = pipeline.run("t", "Aleppo, state media - Dozens of civilians were taken to hospital "
                            "on Saturday evening after armed groups fired shells carrying "
                            "toxic gas on the city. The shells landed on al-Khalidiya and "
                            "al-Zahraa neighbourhoods, a correspondent reported.",
                       date(2018, 11, 25))
    assert {p.country for p in doc.places} == {"Syria"}
    assert doc.events and doc.events[0].location == "Aleppo"


@pytest.mark.parametrize("text, precision", [
    ("On 2 May 2020, the body of a young man was found with gunshot wounds near Manbij.", 2),
    ("On 2 May 2020, two men were found dead in a field near al-Bab.", 2),
    ("On 2 May 2020, gunmen shot dead a young man near Manbij.", 1),
])
def test_a_body_found_is_dated_to_the_day_or_before(pipeline: Pipeline, text: str,
                                                    precision: int) -> None:
    """assemble v27: a body found tells the day of its finding, the death that day or before
    (ACLED's time precision 2); a killing told is its day's."""
    assert stage_version(pipeline, "assemble") >= 27
    event = _event(pipeline, text)
    assert (event.event_date, event.time_precision) == ("2020-05-02", precision)


def test_the_air_defences_that_intercept_are_actor1(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 8 April 2019, Syrian air defences intercepted Israeli "
                             "missiles over the Damascus countryside.")
    assert event.sub_event_type == "Disrupted weapons use"
    assert (event.actor1, event.actor2) == (SYRIA, ISRAEL)


def test_missiles_partly_intercepted_struck(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 8 April 2019, Israeli missiles hit Iranian positions near "
                             "Masyaf; air defences intercepted some of them.")
    assert event.sub_event_type != "Disrupted weapons use"
    assert event.actor1 == ISRAEL


def test_an_accord_in_a_relative_clause_is_who_they_are(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 8 April 2019, regime forces arrested four former rebels "
                             "who had signed settlement agreements in Tafas.")
    assert event.sub_event_type == "Arrests"
    # an accord reached is still one
    assert _event(pipeline, "On 8 April 2019, the two factions signed a ceasefire agreement "
                            "in Afrin.").sub_event_type == "Agreement"


def test_a_partys_own_branch_is_no_other_side(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 8 April 2019, the regime's military security branch arrested "
                             "three opposition fighters in Daraa.")
    assert event.actor1 == SYRIA
    assert event.actor2 == "Opposition Rebels (Syria)"


def test_a_party_named_by_its_checkpoint_was_hit(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 8 April 2019, a suicide bomber blew himself up at a checkpoint "
                             "of the Asayish in Qamishli, killing two members.")
    assert event.sub_event_type == "Suicide bomb"
    assert event.actor2 == "QSD: Syrian Democratic Forces"
    assert event.actor1 != "QSD: Syrian Democratic Forces"


@pytest.mark.parametrize("text", [
    "On 8 April 2019, rescue teams found a mass grave holding the remains of 40 people killed "
    "by the Islamic State near Raqqa.",
    "On 8 April 2019, the civil defence exhumed 25 bodies from a mass grave in Raqqa city.",
])
def test_a_mass_grave_found_is_other_and_counts_no_dead(pipeline: Pipeline, text: str) -> None:
    event = _event(pipeline, text)
    assert event.sub_event_type == "Other"
    assert event.fatalities == 0


def test_bodies_found_are_still_the_days_dead(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 8 April 2019, the bodies of two men shot dead were found near "
                             "Jasim.")
    assert event.fatalities == 2


def test_a_place_taken_after_after_is_an_event(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 8 April 2019, the SDF announced the defeat of the Islamic "
                             "State after capturing its last pocket on the Euphrates.")
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 == "QSD: Syrian Democratic Forces"
    assert event.actor2 == "Islamic State (Syria)"


def test_a_states_occupation_forces_are_its_forces(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 8 April 2019, Turkish occupation forces shelled villages near "
                             "Ain Issa in the Raqqa countryside.")
    assert event.actor1 == "Military Forces of Turkey (2016-)"


@pytest.mark.parametrize("text, location", [
    ("On 8 April 2019, the SNA attacked SDF positions in Tal Tamr, Hasakah.", "Tall Tamr"),
    ("On 8 April 2019, the SDF raided houses in Tel Hamis, Hasakah.", "Tall Ḩamīs"),
    # a key of five letters without its vowels ('drbsh') is tried in the Arabic-named
    # countries only
    ("On 8 April 2019, Turkish drones struck a car in Derbasiyah, Hasakah.", "Ad Darbāsīyah"),
])
def test_syrian_transliterations_are_found(pipeline: Pipeline, text: str,
                                           location: str) -> None:
    event = _event(pipeline, text)
    assert (event.country, event.location) == ("Syria", location)


@pytest.mark.parametrize("text, actor1, assoc", [
    ("On 9 April 2019, Syrian and Russian forces shelled Kafranbel, killing a child.",
     SYRIA, "Military Forces of Russia (2000-)"),
    ("On 9 April 2019, regime and Russian forces shelled Kafranbel, killing a child.",
     SYRIA, "Military Forces of Russia (2000-)"),
    ("On 9 April 2019, regime forces and Russian warplanes struck Kafranbel, killing a child.",
     SYRIA, "Military Forces of Russia (2000-)"),
])
def test_forces_named_together_share_a_head_noun_and_are_associated(
        pipeline: Pipeline, text: str, actor1: str, assoc: str) -> None:
    """actors v13: a demonym or 'regime' joined by 'and' to a state's mention shares its head
    noun ('Syrian and Russian forces' named only the Russians); assemble v29: the party named
    with actor1 as acting together is its associated actor, as ACLED codes allies."""
    event = _event(pipeline, text)
    assert (event.actor1, event.assoc_actor_1) == (actor1, assoc)


def test_a_crowds_associates_stay_its_groups(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 9 April 2019, students protested in Daraa against the "
                             "police and the army.")
    assert event.assoc_actor_2 == ""


def test_a_drone_downed_is_disrupted_by_who_downed_it(pipeline: Pipeline) -> None:
    """events v43: 'downed a drone' is a weapon kept from its use; assemble v30: there the
    agent of 'launched by militants' is the weapon's owner (actor2), not its actor1."""
    event = _event(pipeline, "On 9 April 2019, the Syrian army said it had downed a drone "
                             "launched by militants towards Hama military airport.")
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 == SYRIA
    assert event.actor2 == "Opposition Rebels (Syria)"


def test_red_crescent_volunteers_are_aid_workers(pipeline: Pipeline) -> None:
    """actors v14: volunteers of the Red Crescent are aid workers (civilians), not the Red
    Cross movement that speaks for them."""
    event = _event(pipeline, "On 9 April 2019, two Syrian Arab Red Crescent volunteers were "
                             "killed when shelling hit their ambulance in Douma.")
    assert (event.actor2, event.assoc_actor_2) == ("Civilians (Syria)", "Aid Workers (Syria)")


def test_a_harvest_seized_is_property_taken(pipeline: Pipeline) -> None:
    """events v44: a harvest, homes or land seized are goods seized, and an event."""
    event = _event(pipeline, "On 9 April 2019, HTS fighters seized the harvest of farmers in "
                             "Maarat Misrin, accusing them of supporting the regime.")
    assert event.sub_event_type == "Looting/property destruction"
    assert event.actor1 == "HTS: Hayat Tahrir al Sham"


def test_a_long_toll_counts_and_its_agent_is_no_victim(pipeline: Pipeline) -> None:
    """numbers v12: a toll noun up to 14 words before its update verb; assemble v31: the
    agent named inside the toll's words ('committed by Russian warplanes') is not counted
    among the dead."""
    event = _event(pipeline, "The death toll of the massacre committed by Russian warplanes in "
                             "the market of Kafr Nabl rose to 15, including four children.")
    assert event.fatalities == 15
    assert event.actor1 == "Military Forces of Russia (2000-)"


def test_an_elided_head_noun_names_no_ignored_thing_nor_a_party_twice(
        pipeline: Pipeline) -> None:
    """actors v16: the head noun is shared only by a party ('the Russian and Chinese
    embassies' named an actor of the 'not an actor' row), and 'regime' is not read again
    inside 'the regime', a party of its own."""
    doc = pipeline.run("t", "On 9 April 2019, the Russian and Chinese embassy staff left "
                            "Damascus.", date(2019, 4, 10))
    assert [a.span.text for a in doc.actors] == []
    doc = pipeline.run("t", "On 9 April 2019, the regime and Russian forces shelled "
                            "Kafranbel, killing a child.", date(2019, 4, 10))
    assert [a.span.text for a in doc.actors if a.name == SYRIA] == ["the regime"]
