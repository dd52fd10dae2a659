"""The party whose vehicle hit a mine or was blown up is the target (assemble v57); a clash the
words tell as between rivals of one kind has that kind on both sides (assemble v57); a protest met
by a counter-protest has protesters on both sides (v73)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2022, 3, 5)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 57


@pytest.mark.parametrize("text", [
    "A military truck ran over a landmine near Kidal, killing four soldiers.",
    "An army patrol hit an explosive device in Kidal, wounding three soldiers.",
    "A Malian army vehicle was blown up near Kidal on Friday.",
])
def test_the_party_whose_vehicle_hit_a_mine_is_the_target(pipeline: Pipeline,
                                                           text: str) -> None:
    """The army had been the perpetrator: it was the subject of the sentence."""
    event = first_event(pipeline, text, DAY)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor2 == "Military Forces of Mali (2021-)"
    assert event.actor1 == "Unidentified Armed Group (Mali)"


def test_the_party_that_detonated_a_bomb_is_its_author(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Al-Shabaab militants detonated a car bomb outside a "
                        "military base in Mogadishu, killing five soldiers.", DAY)
    assert event.actor1 == "Al Shabaab"


@pytest.mark.parametrize(("text", "actor"), [
    ("Clashes between rival militias in Tripoli left 55 people dead, the emergency medicine "
     "centre said.", "Unidentified Armed Group (Libya)"),
    ("A brief exchange of fire took place between two groups of soldiers at a checkpoint in "
     "Baidoa.", "Military Forces of Somalia (2017-)"),
])
def test_rivals_of_one_kind_are_both_sides(pipeline: Pipeline, text: str, actor: str) -> None:
    """The dead of a clash between rival militias had made civilians its second side."""
    event = first_event(pipeline, text, DAY)
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == (actor, actor)


def test_a_clash_of_two_named_kinds_keeps_both(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Fighting between the army and rebels killed 12 people near "
                        "Goma.", DAY)
    assert event.actor1 != event.actor2


def test_a_mob_and_its_two_victims_are_not_two_crowds(pipeline: Pipeline) -> None:
    """assemble v69: any 'two' told of two sides, and the men a mob lynched were rioters."""
    assert stage_version(pipeline, "assemble") >= 69
    event = first_event(pipeline, "A mob lynched two men accused of kidnapping children in "
                        "Puebla.", DAY)
    assert event.sub_event_type == "Mob violence"
    assert (event.actor1, event.actor2) == ("Rioters (Mexico)", "Civilians (Mexico)")


def test_two_crowds_are_both_sides(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Two families clashed with sticks and stones over a plot "
                        "of land in Gaibandha, leaving one man dead.", DAY)
    assert event.sub_event_type == "Mob violence"
    assert event.actor1 == event.actor2 == "Rioters (Bangladesh)"


@pytest.mark.parametrize(("text", "other"), [
    ("On 8 May 2020, residents banged pots on their balconies in Nis, Serbia, against the "
     "government. Ruling party activists gathered in the street below in a counterprotest.",
     "Protesters (Serbia)"),
    ("On 8 May 2020, residents banged pots on their balconies in Nis, Serbia, against the "
     "government. Ruling party activists filmed them from the street.", ""),
])
def test_a_counter_protest_is_the_other_side(pipeline: Pipeline, text: str, other: str) -> None:
    """ACLED codes the counter-protesters who met a demonstration as its actor2 (assemble v73);
    without them a peaceful protest has no other side."""
    assert stage_version(pipeline, "assemble") >= 73
    event = first_event(pipeline, text, DAY)
    assert (event.sub_event_type, event.actor2) == ("Peaceful protest", other)
