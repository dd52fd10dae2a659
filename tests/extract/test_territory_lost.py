"""A side that lost a place lost it in the taking: 'Government forces lost control of the town
of Palmyra to Islamic State' is Islamic State's taking of Palmyra from the army (events v79:
the phrase territory-taken; assemble v52: the side before 'lost' is the one acted on)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 79
    assert stage_version(pipeline, "assemble") >= 52


@pytest.mark.parametrize(("text", "sub_event_type", "actor1", "actor2"), [
    ("Government forces lost control of the town of Palmyra to Islamic State on Saturday.",
     "Non-state actor overtakes territory", "Islamic State (Syria)",
     "Military Forces of Syria (2000-)"),
    ("Rebels lost three villages near Hama to government forces on Monday.",
     "Government regains territory", "Military Forces of Syria (2000-)",
     "Opposition Rebels (Syria)"),
    ("Islamic State lost control of Raqqa to the SDF on Tuesday.",
     "Non-state actor overtakes territory", "QSD: Syrian Democratic Forces",
     "Islamic State (Syria)"),
])
def test_the_side_that_lost_is_acted_on(pipeline: Pipeline, text: str, sub_event_type: str,
                                        actor1: str, actor2: str) -> None:
    event = first_event(pipeline, text, date(2021, 3, 10))
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        sub_event_type, actor1, actor2)


def test_a_side_that_lost_people_lost_no_place(pipeline: Pipeline) -> None:
    """'lost 12 soldiers in clashes' is a toll (numbers v28), no place taken."""
    event = first_event(pipeline, "Government forces lost 12 soldiers in clashes with rebels "
                        "near Hama on Monday.", date(2021, 3, 10))
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 12)
