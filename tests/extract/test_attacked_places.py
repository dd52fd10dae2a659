"""Who an attack struck: a place attacked by a militia with no other armed party named is a
raid on its people, not a clash (``extract.events.v57``, ``roles.place_attacked``); police
or soldiers shot at, told in the passive, are an armed side (v58)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def _sub_event(pipeline: Pipeline, text: str) -> str:
    return first_event(pipeline, text, date(2020, 5, 10)).sub_event_type


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 58


@pytest.mark.parametrize("text", [
    "On 29 April 2020, Islamic militants attacked Muaja (Ancuabe, Cabo Delgado) and killed 1 "
    "person.",
    "On 6 May 2020, suspected Fulani militias attacked Tarkende in Guma LGA (Benue) and killed "
    "2 residents.",
    "On 4 May 2020, unidentified gunmen attacked Toungo (Toungo LGA, Adamawa) and killed "
    "residents.",
])
def test_a_militias_raid_on_a_named_place_is_an_attack(pipeline: Pipeline, text: str) -> None:
    """The model read 'militants attacked <name>' as fighting; with no second side named, the
    evidence takes 2.0 off Armed clash, and the words left say it was an attack."""
    assert _sub_event(pipeline, text) == "Attack"


@pytest.mark.parametrize("text", [
    # a rebel group assaults a defended town
    "On 5 May 2020, HTS fighters attacked Kafr Nabuda in the northern Hama countryside.",
    # a second armed party is named
    "On 5 May 2020, al-Shabaab militants attacked Wajid, and the army repelled them.",
    "On 5 May 2020, Turkish-backed factions attacked Ain Issa, clashing with the SDF.",
    # a country is no place raided
    "17 dead as Al-Qaeda attacks Syria Kurd town",
])
def test_no_raid_where_a_side_fought_or_the_attacker_is_no_militia(pipeline: Pipeline,
                                                                   text: str) -> None:
    assert _sub_event(pipeline, text) == "Armed clash"


@pytest.mark.parametrize("text", [
    "On 5 May 2020, in Tijuana, Baja California, a municipal police officer was shot dead by an "
    "armed man in Zona Urbana del Rio Tijuana.",
    "On 3 May 2020, in Itaborai, Rio de Janeiro, a Military Police car was shot by suspects on "
    "three motorcycles when patrolling the neighborhood.",
    "On 6 May 2020, 1 policeman was shot and killed by Taliban militants in Lashkargah city, "
    "Helmand.",
])
def test_police_shot_at_told_in_the_passive_are_an_armed_side(pipeline: Pipeline,
                                                            text: str) -> None:
    """events v58: `armed-target` ('shot at a police patrol') also in the passive ('a police
    patrol was shot by'): fighting an armed force, not violence against civilians."""
    assert _sub_event(pipeline, text) == "Armed clash"


@pytest.mark.parametrize(("text", "attacker", "attacked"), [
    ("An army convoy was fired upon by militants near Kismayo on Sunday.",
     "Unidentified Armed Group (Somalia)", "Military Forces of Somalia (2017-)"),
    ("On 5 May 2020, a municipal police patrol was shot at by armed men near Tecoman, Colima.",
     "Unidentified Armed Group (Mexico)", "Police Forces of Mexico (2018-)"),
])
def test_who_fired_at_a_force_in_the_passive_acted(pipeline: Pipeline, text: str,
                                                  attacker: str, attacked: str) -> None:
    """assembly v71: 'fired upon by', 'shot at by' name their agent as 'shot by' does
    (``role_agents._AGENT_BEFORE``): the convoy's soldiers were actor1 of their own ambush."""
    event = first_event(pipeline, text, date(2020, 5, 10))
    assert (event.actor1, event.actor2) == (attacker, attacked)


def test_a_party_named_in_brackets_after_its_description_is_an_ally(pipeline: Pipeline) -> None:
    """assembly v72: 'X and <words> forces (coded as Y)': Y is the party those words tell, on
    X's side, not the other side of the fighting."""
    event = first_event(pipeline, "On 2 May 2020, Amajid Brigade and Hazamiyah Resistance "
                        "forces (known as Southern Resistance) clashed with Houthi fighters "
                        "near Mukayras.", date(2020, 5, 10))
    assert event.actor2 == "Military Forces of Yemen (2016-) Supreme Political Council"
    assert event.assoc_actor_1 == "Southern Resistance"
