"""A party named as what an attack struck is its target, not its perpetrator
(``extract.assemble.v22``): 'an unidentified drone targeted a car carrying Hurras al-Din
members' has no named attacker, and the group is actor2."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def _roles(pipeline: Pipeline, text: str) -> tuple[str, str]:
    doc = pipeline.run("t", text, date(2020, 5, 3))
    assert doc.events
    return doc.events[0].actor1, doc.events[0].actor2


def test_stage_name(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 22


@pytest.mark.parametrize("text, target", [
    ("On 1 May 2020, an unidentified drone targeted a car carrying Hurras al-Din members on "
     "the road between Idleb and Binnish, killing 2 of them.", "Hurras al Din"),
    ("On 1 May 2020, a drone of unknown affiliation struck a vehicle of HTS members near "
     "Sarmada, killing 1.", "HTS: Hayat Tahrir al Sham"),
])
def test_a_drone_nobody_names_has_no_perpetrator(pipeline: Pipeline, text: str,
                                                 target: str) -> None:
    """An aircraft nobody names is a state's (no unidentified armed group), and the group it
    struck is the target."""
    assert _roles(pipeline, text) == ("", target)


def test_a_bomb_that_struck_a_patrol_was_planted_by_someone_unnamed(pipeline: Pipeline) -> None:
    actor1, actor2 = _roles(
        pipeline, "On 1 May 2020, an IED targeted a patrol of the Afghan National Army in "
                  "Kandahar city, wounding 2 soldiers.")
    assert actor1 == "Unidentified Armed Group (Afghanistan)"
    assert actor2.startswith("Military Forces of Afghanistan")


def test_the_party_that_struck_stays_the_perpetrator(pipeline: Pipeline) -> None:
    """The target rule reads only what stands right before a party: the attacker named before
    the verb keeps actor1, the positions it struck are actor2's."""
    assert _roles(pipeline, "On 1 May 2020, US-led coalition drones targeted a Hurras al-Din "
                            "commander in Idleb city, killing him.") == (
        "Global Coalition Against Daesh", "Hurras al Din")
    actor1, actor2 = _roles(pipeline, "On 2 May 2020, Turkish forces shelled positions of the "
                                      "SDF near Ain Issa. No casualties reported.")
    assert actor1 == "Military Forces of Turkey (2016-)"
    assert actor2 == "QSD: Syrian Democratic Forces"


def test_a_foreign_forces_base_or_patrol_is_their_target(pipeline: Pipeline) -> None:
    """assemble v23 and actors v8: 'a Turkish base', 'a Russian patrol' name those states'
    forces, as what was struck ('hit' now among the verbs of the target rule)."""
    assert stage_version(pipeline, "assemble") >= 23
    assert _roles(pipeline, "On 3 May 2020, an IED hit a Russian patrol on the M4 highway near "
                            "Saraqib.") == ("Unidentified Armed Group (Syria)",
                                            "Military Forces of Russia (2000-)")
    assert _roles(pipeline, "On 3 May 2020, a drone struck a Turkish base near Saraqib.") == (
        "", "Military Forces of Turkey (2016-)")


def test_a_force_that_says_it_retook_a_town_took_it(pipeline: Pipeline) -> None:
    """assemble v32: 'said it had retaken' tells the speaker's own act (retook, recaptured,
    regained, overran, stormed join the verbs of one's own acts), so the army is actor1 and
    the insurgents it took the town from actor2."""
    assert stage_version(pipeline, "assemble") >= 32
    actor1, actor2 = _roles(pipeline, "On 1 May 2020, the Nigerian army said it had "
                                      "recaptured the town of Marte from insurgents.")
    assert actor1 == "Military Forces of Nigeria (2015-)"
    assert actor2 != actor1 and actor2


@pytest.mark.parametrize(("text", "attacker", "defender"), [
    ("Eleven Taliban militants were killed overnight when Afghan forces repelled their attack "
     "on checkpoints in Arghandab district, Kandahar.",
     "Taliban", "Military Forces of Afghanistan (2014-)"),
    ("Six al Shabaab fighters died as Somali troops repulsed their assault on a base near "
     "Afgoye.", "Al Shabaab", "Military Forces of Somalia (2017-)"),
])
def test_a_party_whose_attack_was_repelled_attacked(pipeline: Pipeline, text: str,
                                                   attacker: str, defender: str) -> None:
    """assembly v74: 'X were killed when Y repelled their attack': X attacked, whoever of
    them died (a party counted among the dead is otherwise the one acted on)."""
    assert _roles(pipeline, text) == (attacker, defender)


def test_a_force_on_its_operation_went_after_those_it_fought(pipeline: Pipeline) -> None:
    """assembly v75: 'X exchanged fire with <forces> during an operation (a patrol, a raid)':
    the force on its operation is actor1 (and, since assembly v89, the armed men facing the
    police in Brazil are ACLED's gang and/or police militia)."""
    assert _roles(pipeline, "On 2 May 2020, in Teresina, Piaui, armed men exchanged fire "
                            "with civil police officers during a raid on a drug den.") == (
        "Police Forces of Brazil (2019-) Civil Police", "Unidentified Gang and/or Police Militia")


@pytest.mark.parametrize("text, claimant", [
    ("On 2 May 2020, a roadside bomb struck an army truck near Kismayo, wounding three "
     "soldiers. Al Shabaab claimed responsibility.", "Al Shabaab"),
    ("On 2 May 2020, a landmine hit a military vehicle near Mopti. JNIM claimed the attack.",
     "JNIM: Group for Support of Islam and Muslims"),
    ("On 2 May 2020, an army vehicle struck a bomb near Mopti, killing two soldiers. The device "
     "had been planted by JNIM militants, the army said.",
     "JNIM: Group for Support of Islam and Muslims"),
])
def test_a_group_that_claimed_the_attack_or_planted_its_bomb_is_actor1(
        pipeline: Pipeline, text: str, claimant: str) -> None:
    """assembly v76: an event whose words name no perpetrator takes the armed group that
    claimed it in the next sentence, or that planted its device, as ACLED codes it."""
    assert stage_version(pipeline, "assemble") >= 76
    assert _roles(pipeline, text)[0] == claimant


@pytest.mark.parametrize("text", [
    "On 2 May 2020, two Taliban militants were killed when landmines they were planting "
    "exploded prematurely in Ghazni.",
    "On 2 May 2020, two Taliban militants were killed while planting an IED on a road in "
    "Ghazni.",
])
def test_a_device_that_went_off_in_its_owners_hands_is_theirs(pipeline: Pipeline,
                                                               text: str) -> None:
    """assembly v78: the group a premature explosion hurt used the device: actor1, and no
    actor2 (it had been read as the victims)."""
    assert stage_version(pipeline, "assemble") >= 78
    assert _roles(pipeline, text) == ("Taliban", "")


@pytest.mark.parametrize("text, actor1", [
    ("On 2 May 2020, the Afghan government released 100 Taliban prisoners in Kabul to advance "
     "the peace process.", "Government of Afghanistan (2014-)"),
    ("On 2 May 2020, the Houthi authorities announced a curfew in Sanaa.",
     "Government of Yemen (2016-) Supreme Political Council"),
    ("On 2 May 2020, Afghan government forces clashed with Taliban militants in Ghazni.",
     "Military Forces of Afghanistan (2014-)"),
])
def test_a_government_that_decided_is_the_government(pipeline: Pipeline, text: str,
                                                     actor1: str) -> None:
    """assembly v79: a state named by its government's words in a development it decided is
    ACLED's Government of that state; its forces stay forces."""
    assert stage_version(pipeline, "assemble") >= 79
    assert _roles(pipeline, text)[0] == actor1
