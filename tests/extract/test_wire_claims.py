"""Claims in wire stories (2026-12-06, thirty-third session): a barrage claimed, a strike whose
author denies it, and a government that speaks through its ministers and its president."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2021, 5, 14)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 136
    assert stage_version(pipeline, "assemble") >= 96
    assert stage_version(pipeline, "actors") >= 73


def test_a_barrage_claimed_happened(pipeline: Pipeline) -> None:
    """events v136: 'claimed responsibility for the rocket barrage' says the barrage was
    fired (a barrage, salvo, volley or bombardment, as an attack or a shelling before)."""
    event = first_event(pipeline, "Hamas's armed wing claimed responsibility for the rocket "
                        "barrage on Tel Aviv.", DAY)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert (event.actor1, event.location) == ("Al Qassam Brigades", "Tel Aviv")


def test_a_strike_its_author_denies_happened_and_is_not_its_own(pipeline: Pipeline) -> None:
    """events v136, assemble v96: the LNA's denial of the Tajoura strike is of who did it,
    not of the strike; and the party that denies it is no party to it by its own words (the
    speaker that tells its own act is its author: 'said it had carried out', not 'denied it
    had carried out')."""
    doc = pipeline.run("t", "The Libyan National Army denied it had carried out the air strike "
                       "on the migrant detention centre in Tajoura, blaming the Tripoli "
                       "government.", date(2019, 7, 3))
    assert [e.sub_event_type for e in doc.events] == ["Air/drone strike"]
    assert doc.events[0].actor1 != "Military Forces of Libya (2014-) Haftar Faction"
    assert [(c.claimant_actor, c.stance) for c in doc.claims][:1] == [
        ("Military Forces of Libya (2014-) Haftar Faction", "denies")]


@pytest.mark.parametrize(("text", "actor"), [
    ("Russia's foreign minister dismissed reports of the strike on the maternity hospital in "
     "Mariupol as fake news.", "Government of Russia (2000-)"),
    ("Two car bombs exploded in Mogadishu on Saturday, killing at least 100 people, President "
     "Hassan Sheikh Mohamud said.", "Government of Somalia (2022-)"),
    ("The shelling of Kharkiv killed two civilians, the Ukrainian prime minister said.",
     "Government of Ukraine (2019-)"),
])
def test_a_government_speaks_through_its_ministers(pipeline: Pipeline, text: str,
                                                   actor: str) -> None:
    """actors v73: a foreign minister or ministry, a prime minister and a president are their
    country's government (as its officials and governors were), so their claims take a side."""
    doc = pipeline.run("t", text, date(2022, 10, 30))
    assert [c.claimant_actor for c in doc.claims][:1] == [actor]
