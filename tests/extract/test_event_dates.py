"""The day a text names as an event's ('Saturday's attack') dates an event whose own words
name none but the page's dateline (``raqib.extract.event_dates``, assembly v19)."""

from __future__ import annotations

from datetime import date

from raqib.extract import event_dates
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

FEATURE = (
    "Bus bombing ends an evacuation deal in Syria\n\n"
    "April 18 2017 Bus bombing ends an evacuation deal in Syria. Two mothers left their "
    "besieged towns at the weekend, hoping their ordeal was over. A bomb then struck the convoy "
    "outside Aleppo, killing more than 100 people. In the hours leading up to Saturday's "
    "attack the two women spoke to reporters about the homes they had left."
)


def _days(pipeline: Pipeline, text: str, published: date) -> list[str]:
    return [e.event_date for e in pipeline.run("t", text, published).events]


def test_the_stage_is_versioned(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 19


def test_a_day_named_as_the_attacks_dates_a_lead_with_only_a_dateline(
        pipeline: Pipeline) -> None:
    doc = pipeline.run("t", FEATURE, date(2017, 4, 18))
    assert doc.events
    assert {e.event_date for e in doc.events} == {"2017-04-15"}
    assert doc.events[0].spans["event_date"].text == "Saturday"
    assert doc.events[0].time_precision == 1


def test_which_days_are_named_as_an_events(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", FEATURE, date(2017, 4, 18))
    told = event_dates.told_days(doc, doc.days(), lambda _: False)
    assert [d.span.text for d in told] == ["Saturday"]  # not the dateline, nor 'the weekend'
    bare = pipeline.run("t", "Rockets fell on Aleppo on Saturday killing two. The Tuesday night "
                             "raids hit Idlib. Sundays strikes hit Hama.", date(2017, 4, 19))
    told = event_dates.told_days(bare, bare.days(), lambda _: False)
    assert [d.span.text[:6] for d in told] == ["Tuesda", "Sunday"]  # 'on Saturday killing': no


def test_a_day_that_dates_the_sentence_only_is_not_an_events(pipeline: Pipeline) -> None:
    text = FEATURE.replace("In the hours leading up to Saturday's attack", "On Saturday")
    assert set(_days(pipeline, text, date(2017, 4, 18))) == {"2017-04-18"}


def test_the_day_of_an_earlier_attack_does_not_date_this_one(pipeline: Pipeline) -> None:
    later = FEATURE.replace("In the hours leading up to Saturday's attack",
                            "Three days after Saturday's attack")
    assert set(_days(pipeline, later, date(2017, 4, 18))) == {"2017-04-18"}
    old = FEATURE.replace("In the hours leading up to Saturday's attack",
                          "Since the August 21 2013 attack")
    assert set(_days(pipeline, old, date(2017, 4, 18))) == {"2017-04-18"}
    long_ago = FEATURE.replace("Saturday's attack", "the April 2 attack")
    assert set(_days(pipeline, long_ago, date(2017, 4, 18))) == {"2017-04-18"}  # not in the week


def test_a_lead_that_reports_its_act_is_the_days_news(pipeline: Pipeline) -> None:
    """'Blast hits Aleppo' under a dateline is that day's blast, whatever attack of the
    weekend the text goes on to recall."""
    text = FEATURE.replace("Bus bombing ends an evacuation deal in Syria",
                           "Bomb blast hits buses outside Aleppo")
    assert _days(pipeline, text, date(2017, 4, 18))[0] == "2017-04-18"


def test_an_undated_lead_takes_the_day_named_as_the_attacks(pipeline: Pipeline) -> None:
    """No dateline and no day near the event: the day the text names as an attack's dates
    it, to the day, where it took the reference date to the month before."""
    doc = pipeline.run("t", "Bombing of an evacuation convoy near Aleppo\n\n" + "Officials "
                       "spoke of the convoy and the people it carried. " * 25 + "Saturday's "
                       "attack was the deadliest this year.", date(2017, 4, 18))
    assert doc.events
    assert (doc.events[0].event_date, doc.events[0].time_precision) == ("2017-04-15", 1)


def test_a_month_of_the_event_over_the_day_it_was_told(pipeline: Pipeline) -> None:
    """assembly v70: 'earlier this month' gave way to the day of the army's statement."""
    assert stage_version(pipeline, "assemble") >= 70
    event = pipeline.run("t", "Jihadists ambushed a military convoy near the town of Tessit "
                              "earlier this month, killing 15 soldiers, the army said in a "
                              "statement released on Monday.", date(2024, 3, 18)).events[0]
    assert (event.event_date, event.time_precision) == ("2024-03-09", 3)
