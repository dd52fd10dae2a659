"""A sentence that goes on to another party's act ('..., while regime forces shelled X') is read
as two clauses (``extract.events.v37``): two places, two incidents, each with its own
perpetrator, where one reading gave one event with the second party as the first's target."""

from __future__ import annotations

import re
from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.sentences import act_clauses
from stage_versions import stage_version


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str, str, str]]:
    doc = pipeline.run("t", text, date(2020, 5, 4))
    return sorted((e.sub_event_type, e.actor1, e.actor2, e.location) for e in doc.events)


def test_stage_name(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 37


@pytest.mark.parametrize("joint", [", while", "; ", ", and"])
def test_two_acts_at_two_places_are_two_events(pipeline: Pipeline, joint: str) -> None:
    text = (f"On 3 May 2020, Russian warplanes carried out airstrikes on Saraqib{joint} "
            f"regime forces shelled Maarat al-Numan.")
    assert _events(pipeline, text) == [
        ("Air/drone strike", "Military Forces of Russia (2000-)", "", "Saraqib"),
        ("Shelling/artillery/missile attack", "Military Forces of Syria (2000-)", "",
         "Ma‘arrat an Nu‘mān"),
    ]


def test_the_second_clause_keeps_its_own_toll(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "On 3 May 2020, regime forces shelled Maarat al-Numan, while "
                            "Russian warplanes struck Saraqib, killing two civilians.",
                       date(2020, 5, 4))
    tolls = {e.location: e.fatalities for e in doc.events}
    assert tolls == {"Ma‘arrat an Nu‘mān": 0, "Saraqib": 2}


def test_a_count_or_a_passive_after_and_is_no_second_act() -> None:
    """'and 2 other rebels captured' counts the same event's captives (its verb left out);
    'and the soldiers were killed' is told of the same event; 'and killed three' has no party
    of its own."""
    text = ("At least 2 soldiers and 6 rebels were injured, and 2 other rebels captured. "
            "Rebels ambushed the convoy, and the soldiers were captured. "
            "Gunmen stormed the village, and killed three people.")
    parties = [m.start() for m in re.finditer(r"soldiers|rebels|Rebels|Gunmen", text)]
    assert act_clauses(text, 0, len(text), parties) == []


def test_where_the_clauses_meet() -> None:
    text = "Russian warplanes struck Saraqib, while regime forces shelled Kansafra."
    cut = text.index(", while")
    assert act_clauses(text, 0, len(text), [0, text.index("regime")]) == [
        (cut, cut + len(", while "))]


def test_a_second_act_with_a_place_of_its_own_stays_apart(pipeline: Pipeline) -> None:
    """events v150: where only the second clause names a place, its party and place no longer
    merge into the first clause's event ('Drones killed four farmers on Friday, while
    militants shelled Kidal' had been one drone strike by the militants at Kidal); a second
    clause that names no place still tells the first one's ('... on Saraqib, and regime
    forces shelled the town')."""
    assert stage_version(pipeline, "events") >= 150
    events = _events(pipeline, "On 3 May 2020, drones killed four farmers, while militants "
                               "shelled Kidal.")
    assert [(e[0], e[1]) for e in events] == [
        ("Air/drone strike", ""),
        ("Shelling/artillery/missile attack", "Unidentified Armed Group (Mali)")]
    assert len(_events(pipeline, "On 3 May 2020, Russian warplanes carried out airstrikes on "
                                 "Saraqib, and regime forces shelled the town.")) == 1
