"""A crowd's people who clashed with state forces rioted: ACLED's mob violence, not a battle
of the forces with civilians (`extract.assemble.v119`, ``event_rereading.civilians_clashed``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import taxonomy
from raqib.extract.event_rereading import civilians_clashed
from raqib.extract.model import Event, EventCue, Options, Span
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2020, 6, 5)


@pytest.mark.parametrize(("text", "rioters", "forces"), [
    ("On 4 June 2020, clashes erupted between Palestinians and Israeli forces at the Jalazone "
     "refugee camp near Ramallah. No injuries were reported.", "Rioters (Palestine)",
     "Military Forces of Israel (2009-)"),
    ("On 4 June 2020, more than 20 people were injured in a clash between students of the "
     "university of Kisangani and police in Makiso (Tshopo).",
     "Rioters (Democratic Republic of Congo)",
     "Police Forces of the Democratic Republic of Congo (2019-)"),
])
def test_a_crowd_that_clashed_with_the_forces_rioted(pipeline: Pipeline, text: str,
                                                     rioters: str, forces: str) -> None:
    """assemble v119: these had been armed clashes of the forces with civilians."""
    assert stage_version(pipeline, "assemble") >= 119
    event = first_event(pipeline, text, DAY)
    assert (event.sub_event_type, event.actor1, event.actor2) == ("Mob violence", rioters,
                                                                  forces)


def _clash(text: str) -> Event:
    typed = taxonomy.load().typed("Armed clash")
    event = Event(**typed, actor1="Police Forces of Mexico (2018-)", inter1=1,
                  actor2="Civilians (Mexico)", inter2=7)
    civilians_clashed(event, EventCue(Span(0, len(text), text), score=0.5, **typed), Options())
    return event


def test_residents_who_clashed_with_police_are_rioters() -> None:
    event = _clash("Residents of Colonia Centro clashed with municipal police officers.")
    assert (event.sub_event_type, event.actor1, event.inter1, event.actor2, event.inter2) == (
        "Mob violence", "Rioters (Mexico)", 5, "Police Forces of Mexico (2018-)", 1)


@pytest.mark.parametrize("text", [
    # arms on the people's side: a battle still
    "Residents armed with rifles clashed with municipal police officers.",
    "Residents clashed with police officers and a shoot-out followed.",
    # no crowd's people named, or no forces in the clash
    "A man was killed in a clash with police officers.",
    "Residents of two quarters clashed over a water point.",
])
def test_arms_or_no_crowd_keep_the_clash(text: str) -> None:
    assert _clash(text).sub_event_type == "Armed clash"
