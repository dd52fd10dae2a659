"""Mob violence between state forces and an armed group is an armed clash (assemble v114)."""

from __future__ import annotations

from raqib.extract import taxonomy
from raqib.extract.event_rereading import armed_brawl
from raqib.extract.model import ActorMention, Event, EventCue, Span
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 114


def _mob(text: str, *parties: tuple[str, int]) -> tuple[Event, EventCue, list[ActorMention]]:
    typed = taxonomy.load().typed("Mob violence")
    actors = [ActorMention(Span(0, 1, text[:1]), name, inter) for name, inter in parties]
    return Event(**typed), EventCue(Span(0, len(text), text), score=0.5, **typed), actors


def test_a_gang_against_the_police_is_a_clash() -> None:
    event, cue, actors = _mob("MS-13 members clashed with police agents in San Pedro Sula.",
                              ("MS-13: Mara Salvatrucha", 3), ("Police Forces of Honduras", 1))
    cue = armed_brawl(event, cue, actors)
    assert (cue.sub_event_type, event.sub_event_type) == ("Armed clash", "Armed clash")


def test_a_crowd_against_the_police_stays_mob_violence() -> None:
    event, cue, actors = _mob("Youths clashed with police agents in San Pedro Sula.",
                              ("Rioters (Honduras)", 5), ("Police Forces of Honduras", 1))
    assert armed_brawl(event, cue, actors).sub_event_type == "Mob violence"
    assert event.sub_event_type == "Mob violence"
