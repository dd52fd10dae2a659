"""'Forces loyal to eastern commander Khalifa Haftar', 'troops loyal to former vice president
Riek Machar': a leader's titles between 'loyal to' and his name, and his troops or fighters as
well as his forces, name the faction the dictionary lists as 'forces loyal to' him
(2026-12-06, thirty-fourth session; actors v78)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.actors import load
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

HAFTAR = "Military Forces of Libya (2014-) Haftar Faction"
MACHAR = "SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)"


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "actors") >= 79


@pytest.mark.parametrize(("words", "actor"), [
    ("forces loyal to eastern commander Khalifa Haftar", HAFTAR),
    ("fighters loyal to the renegade general Khalifa Haftar", HAFTAR),
    ("troops loyal to former vice president Riek Machar", MACHAR),
    ("Forces loyal to Riek Machar", MACHAR),
])
def test_titles_and_troops_loyal_to_a_leader(words: str, actor: str) -> None:
    dictionary = load()
    (hit,) = dictionary.lookup(words)
    assert dictionary.entries[hit.entry].name == actor


@pytest.mark.parametrize("words", [
    "forces loyal to the local commander of the town",  # no name the dictionary knows
    "forces loyal to Khalifa",  # a first name alone
    "fighters loyal to the former deputy army chief general Khalifa Haftar",  # five titles
])
def test_titles_lead_to_a_known_name_or_nothing(words: str) -> None:
    """Only the title words, at most four, stand between 'loyal to' and the name."""
    assert (0, len(words)) not in [(start, end) for start, end, _ in load().match(words)]


def test_the_faction_carries_out_the_strike(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Forces loyal to eastern commander Khalifa Haftar carried "
                        "out an air strike on the airport of Misrata on Monday, residents "
                        "said.", date(2019, 4, 9))
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 == HAFTAR


@pytest.mark.parametrize("text", [
    "The UN-backed government in Tripoli said its troops repelled an assault on Monday.",
    "UN-backed forces said they repelled an assault south of the capital on Monday.",
])
def test_a_sponsor_is_no_party(pipeline: Pipeline, text: str) -> None:
    """actors v79: 'the UN-backed government' is no UN acting (it was the UN, then actor1 of
    the clash and the claimant); nor are the trainers of 'US-trained' troops."""
    doc = pipeline.run("t", text, date(2019, 4, 9))
    assert all(a.name != "UN: United Nations" for a in doc.actors)
    assert all(c.claimant_actor != "UN: United Nations" for c in doc.claims)
    trained = pipeline.run("t", "US-trained Afghan commandos raided a Taliban prison in "
                           "Helmand.", date(2019, 4, 9))
    assert [a.name for a in trained.actors if "United States" in a.name] == []
    assert trained.events[0].actor1.startswith("Military Forces of Afghanistan")
