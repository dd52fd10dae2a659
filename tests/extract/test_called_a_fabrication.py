"""A denial by a name for the account ('The opposition called it a fabrication'), and the
side of a claimant that is no actor of the dictionary: the example of issue 4, section 3,
read as one event with claims of two sides against each other (2026-12-07, thirty-sixth
session; claims v20)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2018, 11, 26)
ALEPPO = ("The Syrian government and Russia accused rebels of using chemical weapons in "
          "Aleppo on Saturday, wounding about 100 people. The opposition called it a "
          "fabrication.")


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "claims") >= 20


def test_an_accusation_and_a_denial_of_one_event_by_opposite_sides(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", ALEPPO, DAY)
    assert [e.sub_event_type for e in doc.events] == ["Chemical weapon"]
    claims = [(c.stance, c.claimant_side, c.about) for c in doc.claims]
    assert claims == [("accuses", "government", 0), ("denies", "opposition", 0)]
    assert doc.claims[1].statement == "it a fabrication"


@pytest.mark.parametrize("text", [
    "Rebel commanders described the claims as lies.",
    "The ministry branded the reports baseless.",
    "Moscow dismissed the footage as a fabrication.",
    "The army called the accusations pure propaganda.",
])
def test_naming_the_account_a_falsehood_denies_it(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run("t", text, DAY)
    assert [c.stance for c in doc.claims] == ["denies"]


@pytest.mark.parametrize("text", [
    "Residents called it a massacre.",
    "Police called on residents to stay at home.",
])
def test_other_names_and_calls_are_no_denial(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run("t", text, DAY)
    assert "denies" not in [c.stance for c in doc.claims]


@pytest.mark.parametrize(("text", "sides"), [
    ("The opposition said regime helicopters dropped barrel bombs on Daraya on Sunday.",
     ["opposition"]),
    ("Opposition officials said police shot dead two protesters in Caracas on Monday.",
     ["opposition"]),
    ("The government said the army repelled an attack near Kidal on Monday.", ["government"]),
    ("A hospital director said gunmen set fire to the market in Maiduguri.", [None]),
])
def test_a_claimant_outside_the_dictionary_takes_the_side_its_words_tell(
        pipeline: Pipeline, text: str, sides: list[str | None]) -> None:
    doc = pipeline.run("t", text, DAY)
    assert [c.claimant_side for c in doc.claims] == sides


def test_figures_called_fabricated_point_back_at_the_event(pipeline: Pipeline) -> None:
    """claims v23: 'the casualty figures' told in a denial are the event told before."""
    doc = pipeline.run("t", "The Houthis said air strikes killed 20 people at a market in "
                            "Saada. The coalition said it hit a weapons depot and that the "
                            "casualty figures were fabricated.", DAY)
    assert [(c.stance, c.about) for c in doc.claims] == [("asserts", 0), ("denies", 0)]


def test_a_federal_government_is_the_government_side(pipeline: Pipeline) -> None:
    """claims v23."""
    doc = pipeline.run("t", "The federal government denied that troops had killed civilians "
                            "in the town.", DAY)
    assert [(c.stance, c.claimant_side) for c in doc.claims] == [("denies", "government")]
