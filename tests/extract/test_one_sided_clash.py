"""An armed clash whose other side is civilians, told with no word of a fight, is an attack
on them (assemble v107): ACLED's battles are between two armed, organised sides."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import taxonomy
from raqib.extract.event_rereading import one_sided
from raqib.extract.model import Event, EventCue, Span
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2024, 6, 10)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 107


def _clash(text: str, inter1: int, inter2: int) -> tuple[Event, EventCue]:
    typed = taxonomy.load().typed("Armed clash")
    event = Event(**typed, actor1="Military Forces of Afghanistan (2021-)", inter1=inter1,
                  actor2="Civilians (Afghanistan)", inter2=inter2)
    return event, EventCue(Span(0, len(text), text), score=0.5, **typed)


@pytest.mark.parametrize("text", [
    "Two shepherds were killed by Afghan forces in the hills above the valley.",
    "Soldiers beat a trader at the market and broke his stall.",
])
def test_no_word_of_a_fight_makes_an_attack(text: str) -> None:
    event, cue = _clash(text, 1, 7)
    one_sided(event, cue)
    assert (event.event_type, event.sub_event_type) == (
        "Violence against civilians", "Attack")


@pytest.mark.parametrize(("text", "inter2"), [
    ("A man was killed after exchanging fire with soldiers at a checkpoint.", 7),
    ("Villagers who resisted were shot by the soldiers.", 7),
    ("Soldiers killed two insurgents in the hills.", 3),  # not civilians
])
def test_a_fight_or_an_armed_side_keeps_the_clash(text: str, inter2: int) -> None:
    event, cue = _clash(text, 1, inter2)
    one_sided(event, cue)
    assert event.sub_event_type == "Armed clash"


def test_a_man_who_fought_back_keeps_the_clash(pipeline: Pipeline) -> None:
    event = pipeline.run("t", "On 2 June 2024, in Manaus, a man died after exchanging fire "
                              "with military police officers on patrol.", DAY).events[0]
    assert event.sub_event_type == "Armed clash"


def test_a_clash_whose_only_victims_are_civilians_is_an_attack_on_them(
        pipeline: Pipeline) -> None:
    """assemble v124: a clash the model read in 'fired live bullets at two Palestinians',
    with no other side named, had an unidentified armed group as its other side; the only
    victims counted are civilians, so they are the other side, and with no word of a fight
    it is the attack on them."""
    assert stage_version(pipeline, "assemble") >= 124
    event = pipeline.run("t", "On 3 June 2024, Israeli soldiers fired live bullets at three "
                              "Palestinians near the separation barrier west of Tulkarm. The "
                              "three Palestinians were injured.", DAY).events[0]
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Palestine)")
