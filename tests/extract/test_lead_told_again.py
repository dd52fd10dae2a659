"""A headline's event told again further on with its day: a town named for its province,
a photograph's caption, and bombs dropped from the air (2026-12-06, thirty-fifth session;
assemble v104, events v146, actors v84)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2019, 3, 14)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 104
    assert stage_version(pipeline, "events") >= 146
    assert stage_version(pipeline, "actors") >= 84


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Homs air raid deadliest in months\n\nPublished 14 March 2019 The raid has drawn "
     "condemnation from the UN envoy. Air strikes hit a market in Homs province on Tuesday, "
     "killing 19 people, rescuers said.", "Air/drone strike"),
    ("Aleppo shelling kills nine\n\nPublished 14 March 2019 The shelling was the worst in "
     "weeks, residents said. Rockets fired at a market in Aleppo province on Tuesday killed "
     "nine people, a monitor said.", "Shelling/artillery/missile attack"),
])
def test_a_town_named_for_its_province_is_the_lead_told_again(
        pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    """assemble v104: the headline's town is the province the body names with the day; the
    lead was dated by the page and the body's Tuesday made a second event."""
    doc = pipeline.run("t", text, DAY)
    assert [(e.sub_event_type, e.event_date) for e in doc.events] == [
        (sub_event_type, "2019-03-12")]
    assert doc.events[0].spans["event_date"].text == "Tuesday"


def test_a_caption_does_not_date_the_lead(pipeline: Pipeline) -> None:
    """assemble v104: the photograph of an earlier strike, with its day, is no telling of the
    headline's; the sentence of the strike on Wednesday is."""
    doc = pipeline.run("t", "Air strikes on Syria school deadliest this year\n\nPublished 14 "
                       "March 2019 The death toll rose to 14 children, rescuers said. Men look "
                       "for survivors after an airstrike on a hospital in the town of "
                       "Kafranbel in rebel-held Idlib province Syria March 9 2019. (Reuters) "
                       "The UN condemned the raid. Warplanes struck a school in Maarat "
                       "al-Numan in Idlib province on Wednesday, killing 14 children, rescuers "
                       "said.", DAY)
    lead = doc.events[0]
    assert (lead.sub_event_type, lead.event_date) == ("Air/drone strike", "2019-03-13")
    assert lead.spans["event_date"].text == "Wednesday"
    assert "2019-03-09" not in [e.event_date for e in doc.events]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Regime forces drop vacuum bomb on Saraqib", "Air/drone strike"),
    ("Militants dropped explosives on an army post near Kidal, wounding two soldiers.",
     "Air/drone strike"),
    ("Helicopters dropped bombs filled with chlorine over Saraqib, activists said.",
     "Chemical weapon"),
])
def test_bombs_dropped_on_a_place_came_from_the_air(
        pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    """events v146 (`dropped-from-the-air`): a bomb alone names a remote explosive; dropped on
    a place, it fell from an aircraft or a drone. What fell still decides: chlorine."""
    assert first_event(pipeline, text, DAY).sub_event_type == sub_event_type


@pytest.mark.parametrize(("text", "actor"), [
    ("Syrian rebels repelled a regime attack on Kafr Nabudah on Tuesday.",
     "Military Forces of Syria"),
    ("The Russian offensive on Avdiivka stalled after heavy losses on Tuesday.",
     "Military Forces of Russia"),
    ("An Israeli assault on the Jenin camp killed 12 Palestinians on Tuesday.",
     "Military Forces of Israel"),
])
def test_an_offensive_or_an_assault_named_by_its_state(
        pipeline: Pipeline, text: str, actor: str) -> None:
    """actors v84: 'a regime attack', 'the Russian offensive', 'an Israeli assault' name the
    state's forces, as 'regime strikes' and 'Israeli shelling' did; they had named nobody."""
    doc = pipeline.run("t", text, DAY)
    assert any(a.name.startswith(actor) for a in doc.actors)
