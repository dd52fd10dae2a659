"""An arrest or an abduction whose words tell the people held killed is an attack (assemble
v115): the codebook's precedence, an abduction followed by killing is an attack."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import taxonomy
from raqib.extract.event_rereading import killed_captives
from raqib.extract.model import Event, EventCue, Span
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 115


def _reread(label: str, text: str) -> tuple[str, str]:
    typed = taxonomy.load().typed(label)
    event, cue = Event(**typed), EventCue(Span(0, len(text), text), score=0.5, **typed)
    cue = killed_captives(event, cue)
    return cue.sub_event_type, event.sub_event_type


@pytest.mark.parametrize("label, text", [
    ("Abduction/forced disappearance",
     "Armed men kidnapped two engineers on the road to the dam and later killed them."),
    ("Arrests", "Soldiers detained four herders at the market and executed them."),
    ("Arrests", "The insurgents beheaded three captured policemen in the forest."),
    ("Arrests", "Two kidnapped traders were later killed by the gang."),
    ("Armed clash", "Rebels executed five captured soldiers in the town square."),
    ("Arrests", "Three abducted farmers were later shot dead by their captors."),
    ("Arrests", "Police shot dead a young man they had arrested at a roadblock."),
    ("Abduction/forced disappearance", "The gang killed the hostages when no ransom was paid."),
])
def test_the_people_held_killed(label: str, text: str) -> None:
    assert _reread(label, text) == ("Attack", "Attack")


@pytest.mark.parametrize("label, text", [
    ("Arrests", "Police arrested two men suspected of killing a shopkeeper."),
    ("Arrests", "Troops arrested a man who had killed his neighbour in a land dispute."),
    ("Abduction/forced disappearance", "Gunmen kidnapped a doctor; his family has paid a ransom."),
    ("Arrests", "Police killed one robber in the raid and arrested two others."),
    ("Armed clash", "Troops clashed with rebels and killed two captured fighters who tried to "
                    "flee."),
])
def test_held_and_not_killed_or_killed_before(label: str, text: str) -> None:
    assert _reread(label, text) == (label, label)


def test_the_pipeline_reads_executed_captives_as_an_attack(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Fighters executed six captured soldiers near the dam on Sunday.",
                       date(2021, 5, 3))
    assert [e.sub_event_type for e in doc.events][:1] == ["Attack"]
