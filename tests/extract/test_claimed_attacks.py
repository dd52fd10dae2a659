"""An attack its author claims, told after the speaker (events v87, assemble v53), in a sea
named after provinces on land (places v55)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

CLAIMED = ("Yemen's Houthis said on Tuesday they had targeted a commercial ship in the Red Sea "
           "with missiles, a claim the vessel's operator denied.")


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 87
    assert stage_version(pipeline, "assemble") >= 53
    assert stage_version(pipeline, "places") >= 59


def test_the_speaker_that_tells_its_own_act_is_its_author(pipeline: Pipeline) -> None:
    """'said on Tuesday they had targeted': a day between the verb and the act still makes
    the speaker a party (it had been a reporter only, and the attacker unnamed)."""
    event = first_event(pipeline, CLAIMED, date(2024, 1, 16))
    assert event.actor1 == "Military Forces of Yemen (2016-) Supreme Political Council"


def test_the_red_sea_is_no_province(pipeline: Pipeline) -> None:
    """Sudan and Egypt each have a Red Sea province: 'in the Red Sea' named the sea, and the
    attack had been placed in Sudan."""
    assert first_event(pipeline, CLAIMED, date(2024, 1, 16)).country == "Yemen"


def test_the_seas_islands_are_no_province(pipeline: Pipeline) -> None:
    """places v71: 'two Red Sea islands' named Egypt's Red Sea governorate, which outranked
    the square in Cairo where the protest was."""
    event = first_event(pipeline, "Police arrested five people for protesting in a square in "
                        "downtown Cairo against a deal that placed two Red Sea islands within "
                        "Saudi waters.", date(2016, 4, 10))
    assert (event.location, event.country) == ("Cairo", "Egypt")


def test_a_province_named_after_the_sea_is_still_one(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Protesters marched in Port Sudan, in Red Sea state, on "
                        "Monday.", date(2024, 1, 16))
    assert (event.country, event.admin1) == ("Sudan", "Red Sea")


def test_a_claimed_act_in_quotes_is_the_speakers(pipeline: Pipeline) -> None:
    """assemble v55: "said it had 'neutralised' 15 PKK militants" made the PKK the attacker:
    the quotation mark before the verb hid the speaker's own act."""
    event = first_event(pipeline, "Turkey said it had 'neutralised' 15 PKK militants in air "
                        "strikes in northern Iraq, a claim that could not be independently "
                        "verified.", date(2020, 6, 20))
    assert (event.actor1, event.actor2) == ("Military Forces of Turkey (2016-)",
                                            "PKK: Kurdistan Workers Party")


def test_a_capital_accused_of_an_act_is_its_government(pipeline: Pipeline) -> None:
    """places v57: 'Kyiv accused Moscow of deliberately targeting ...' placed the strikes in
    Moscow."""
    doc = pipeline.run("t", "Kyiv accused Moscow of deliberately targeting civilian "
                       "infrastructure on Monday.", date(2022, 10, 11))
    assert not any(p.name == "Moscow" for p in doc.places)


@pytest.mark.parametrize("text", [
    "GENEVA, 28 November 2018\n\nOur teams report new displaced families arriving in the camps "
    "near the border. We call on all parties to guarantee humanitarian access.",
    "Lyon, le 28 novembre 2018\n\nDepuis des semaines, nos équipes constatent l'arrivée de "
    "nouvelles familles déplacées dans les camps proches de la frontière.",
])
def test_a_dateline_masked_as_a_name_is_no_event(pipeline: Pipeline, text: str) -> None:
    """places v59: v55 kept every place read aside and below the minimum score as a name for
    the event model, datelines among them, and a dateline's line alone ('<place>, 28 November
    2018') then read as an attack; only a sea is kept so now."""
    assert pipeline.run("t", text, date(2018, 11, 28)).events == []
