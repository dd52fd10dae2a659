"""actors v30: a state's forces named by 'its' in the sentence of the state that spoke are that
state's ('Turkey denied that its troops had shelled Afrin'), not the forces of the country the
text is about, which a bare 'troops' is localised to; actors v31: federal forces are the
state's; actors v33: a state that fires, captures or storms is its military."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def _actor1(pipeline: Pipeline, text: str) -> str:
    doc = pipeline.run("t", text, date(2019, 6, 10))
    return doc.events[0].actor1


@pytest.mark.parametrize("text", [
    "Turkey denied that its troops had shelled Afrin.",
    "Turkey denied that its army had shelled villages near Afrin on Sunday.",
])
def test_its_forces_are_the_speaking_states(pipeline: Pipeline, text: str) -> None:
    assert stage_version(pipeline, "actors") >= 30
    assert _actor1(pipeline, text) == "Military Forces of Turkey (2016-)"


def test_its_in_another_sentence_is_not_the_speakers(pipeline: Pipeline) -> None:
    """The state that spoke owns 'its' only within its own sentence."""
    text = "Turkey said it would respond. In Afrin, its troops shelled two villages."
    assert _actor1(pipeline, text) != "Military Forces of Turkey (2016-)"


@pytest.mark.parametrize(("text", "actor1"), [
    ("Ethiopian federal forces shelled rebel positions near Mekelle on Monday.",
     "Military Forces of Ethiopia (2018-)"),
    ("Somali federal government forces clashed with al Shabaab in Lower Shabelle on Monday.",
     "Military Forces of Somalia (2017-)"),
])
def test_federal_forces_are_the_states(pipeline: Pipeline, text: str, actor1: str) -> None:
    """actors v31: 'federal forces' and 'federal troops' (Ethiopia, Somalia, Nigeria, Iraq)
    are the state's military; 'federal police' was read as police already."""
    assert stage_version(pipeline, "actors") >= 31
    assert _actor1(pipeline, text) == actor1


@pytest.mark.parametrize(("text", "actor1"), [
    ("Iran fired more than a dozen ballistic missiles at two Iraqi bases hosting US troops "
     "early on Wednesday.", "Military Forces of Iran (1989-)"),
    ("Israel stormed the Jenin camp on Monday, killing four gunmen.",
     "Military Forces of Israel (2009-)"),
])
def test_a_state_that_fires_is_its_military(pipeline: Pipeline, text: str, actor1: str) -> None:
    """actors v33: a country's name before 'fired', 'captured', 'seized', 'raided', 'stormed'
    or 'downed' is the state acting, as before 'struck' or 'shelled' (country_as_actor.tsv):
    'Iran fired ...' had Iraq's forces, from 'Iraqi bases', as the attacker. (v32, states that
    'agreed' or 'signed', was withdrawn: docs/evaluation.md.)"""
    assert stage_version(pipeline, "actors") >= 33
    assert _actor1(pipeline, text) == actor1


@pytest.mark.parametrize(("text", "actor1"), [
    ("Turkey carried out air strikes on Kurdish militant bases in northern Syria on Sunday.",
     "Military Forces of Turkey (2016-)"),
    ("Iran conducted drone strikes on Kurdish groups in northern Iraq.",
     "Military Forces of Iran (1989-)"),
])
def test_a_state_that_carries_out_strikes_is_its_military(
        pipeline: Pipeline, text: str, actor1: str) -> None:
    """actors v70: before 'carried out', 'conducted', 'pounded' or 'targeted' too ('Turkey
    carried out air strikes' had an unidentified armed group of Syria as the attacker)."""
    assert stage_version(pipeline, "actors") >= 70
    assert _actor1(pipeline, text) == actor1


@pytest.mark.parametrize(("text", "actor"), [
    ("Two Palestinians were killed by Israeli fire during a raid on the Jenin refugee camp "
     "early on Monday.", "Military Forces of Israel (2022-)"),
    ("A Syrian man was shot dead by Turkish gunfire while trying to cross the border near "
     "Darkush.", "Military Forces of Turkey (2016-)"),
])
def test_a_states_fire_is_its_military(pipeline: Pipeline, text: str, actor: str) -> None:
    """actors v34: 'killed by Israeli fire' named no actor (the demonym alone is none)."""
    assert first_event(pipeline, text, date(2023, 1, 30)).actor1 == actor


def test_a_fire_service_is_no_military(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Israeli fire services battled a blaze near Sderot.",
                       date(2021, 3, 2))
    assert not any(m.name.startswith("Military Forces") for m in doc.actors)


@pytest.mark.parametrize(("text", "actor"), [
    ("Ukraine's air defence shot down 29 of 31 drones launched by Russia overnight.",
     "Military Forces of Ukraine (2019-)"),
    ("Seven people were killed when Russian shells hit a market in Kherson on Friday.",
     "Military Forces of Russia (2000-)"),
])
def test_a_states_defence_and_shells(pipeline: Pipeline, text: str, actor: str) -> None:
    """actors v35: 'air defence' in the singular, and a demonym's shells."""
    assert first_event(pipeline, text, date(2023, 11, 4)).actor1 == actor


@pytest.mark.parametrize(("text", "actor"), [
    ("The Ethiopian National Defense Force recaptured the towns of Dessie and Kombolcha from "
     "Tigrayan forces.", "Military Forces of Ethiopia (2018-)"),
    ("Syrian National Defence Forces shelled the village on Monday.",
     "NDF: National Defense Forces"),
])
def test_a_national_defence_force(pipeline: Pipeline, text: str, actor: str) -> None:
    """actors v36: 'the Ethiopian National Defense Force' was 'Ethiopian national' (a
    civilian); Syria's militia of that name stays the NDF."""
    assert first_event(pipeline, text, date(2021, 12, 6)).actor1 == actor


def test_a_states_tank_shell(pipeline: Pipeline) -> None:
    """actors v37: 'killed by an Israeli tank shell' had an unidentified attacker ('{demonym}
    shell(s)' of v35 needs the demonym right before the shell)."""
    event = first_event(pipeline, "Three Egyptian soldiers were killed by an Israeli tank "
                        "shell near the border crossing at Rafah.", date(2024, 5, 27))
    assert event.actor1 == "Military Forces of Israel (2022-)"


@pytest.mark.parametrize("text", [
    "Junta jets bomb a village in Sagaing, killing 30 civilians.",
    "Junta soldiers torched 200 houses in Magway.",
])
def test_the_juntas_jets_and_soldiers_are_its_military(pipeline: Pipeline, text: str) -> None:
    """actors v71: 'junta jets', 'junta soldiers', 'junta warplanes' and 'junta aircraft' are
    the military, as 'junta forces' and 'junta troops' were: the air strike had no actor1."""
    assert stage_version(pipeline, "actors") >= 71
    event = first_event(pipeline, text, date(2022, 3, 1))
    assert event.actor1 == "Military Forces of Myanmar (2021-)"

