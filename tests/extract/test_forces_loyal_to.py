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
    assert stage_version(pipeline, "actors") >= 78


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
