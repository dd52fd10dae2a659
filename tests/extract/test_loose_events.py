"""A text in which no sentence reads as an event leans to one (``extract.events.v61``): a
sentence whose event types together outweigh no event, and that names a phrase or an actor
of an event type, reports one. A weapon named alone does not tip it, nor does anything when
another sentence of the text reads as an event."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2016, 3, 14)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 61


@pytest.mark.parametrize("text", [
    "Nurses protest in Lokoja over unpaid salaries.",
    "Blind people protest the ban on street vendors.",
    "Municipal cleaners went on strike over the lack of protective clothing.",
])
def test_a_short_note_of_a_protest_is_an_event(pipeline: Pipeline, text: str) -> None:
    events = pipeline.run("t", text, DAY).events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "The Security Council asked for clarity on reports of chemical weapons in Syria.",
    "Have the chemical weapons gloves come off in Syria?",
    "The minister spoke about the budget and the coming elections.",
])
def test_a_weapon_or_a_statement_alone_is_still_no_event(pipeline: Pipeline, text: str) -> None:
    assert pipeline.run("t", text, DAY).events == []


def test_a_text_that_reports_an_event_elsewhere_keeps_only_that_one(
        pipeline: Pipeline) -> None:
    text = ("Nurses protest in Lokoja over unpaid salaries. Gunmen killed three police "
            "officers at a checkpoint near Lokoja on Sunday.")
    events = pipeline.run("t", text, DAY).events
    assert len(events) == 1 and events[0].evidence is not None
    assert events[0].evidence.text.startswith("Gunmen killed three police officers")
