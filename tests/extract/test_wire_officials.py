"""Officials who speak for a state in wire stories: ministers of the interior, health,
information, justice and defence, a secretary of state, named with their country's demonym or
possessive, and 'U.S.' before the title kept in the claimant; a former office holder speaks
for no state (2026-12-06, thirty-fourth session; actors v80, claims v18)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2020, 5, 4)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "actors") >= 80
    assert stage_version(pipeline, "claims") >= 19


@pytest.mark.parametrize(("text", "claimant", "actor"), [
    ("Kenya's interior minister said the attackers had crossed from Somalia.",
     "Kenya's interior minister", "Government of Kenya"),
    ("The Iraqi health minister said 30 people were killed in the blast.",
     "The Iraqi health minister", "Government of Iraq"),
    ("Russia's defence minister said his troops had taken the village.",
     "Russia's defence minister", "Military Forces of Russia"),
    ("U.S. Secretary of State Antony Blinken said the strike was unacceptable.",
     "U.S. Secretary of State Antony Blinken", "Government of the United States"),
])
def test_a_minister_speaks_for_the_state(pipeline: Pipeline, text: str, claimant: str,
                                         actor: str) -> None:
    (claim,) = pipeline.run("t", text, DAY).claims
    assert claim.claimant == claimant
    assert claim.claimant_actor is not None and claim.claimant_actor.startswith(actor)


def test_a_former_minister_is_no_state(pipeline: Pipeline) -> None:
    """'the home of a former defence minister' raided by police: he is the victim, and no
    army (the police raid had the army for its target)."""
    doc = pipeline.run("t", "Police raided the home of an opposition leader and former "
                       "defence minister in Makeni on Sunday and arrested his son.", DAY)
    assert all(not a.name.startswith("Military Forces") for a in doc.actors)


@pytest.mark.parametrize(("text", "denial"), [
    ("Azerbaijan accused Armenian forces of shelling the city of Ganja on Sunday. Armenia's "
     "defence ministry denied firing on Azerbaijani territory.", "firing on"),
    ("Ethiopian air force jets bombed a market in Tigray on Tuesday, killing 20 people, "
     "health workers said. A military spokesman denied that any civilians had been hit.",
     "any civilians"),
])
def test_a_denial_by_the_accused_is_about_its_event(pipeline: Pipeline, text: str,
                                                    denial: str) -> None:
    """claims v19: a denial that names no event of its own ('denied firing on ...') is about
    the last event told before it whose actor1 the denier is."""
    doc = pipeline.run("t", text, DAY)
    (claim,) = [c for c in doc.claims if c.stance == "denies"]
    assert denial in claim.statement
    assert claim.about == 0 and doc.events[0].actor1 == claim.claimant_actor
