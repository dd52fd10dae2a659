"""A toll the note says was coded (`extract.assemble.v120`, ``raqib.extract.coded_tolls``):
ACLED's notes end by saying which figure was recorded and how it was shared out."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2020, 6, 5)


@pytest.mark.parametrize(("text", "fatalities"), [
    # the coded figure stands against the note's own count
    ("On 3 June 2020, a Taliban sniper shot and killed 3 Afghan soldiers in Arghandab "
     "district, Kandahar. Fatalities coded as 0 (VoJ reported 3).", 0),
    # a figure coded where the note counts none
    ("On 3 June 2020, Houthi and pro-Hadi forces clashed on the Nihm front (Nihm, Sanaa), "
     "incurring fatalities. Unclear fatalities coded as 10.", 10),
    # shared out over the locations it names
    ("On 3 June 2020, pro-Hadi forces repelled Houthi attacks on two fronts in Marib, killing "
     "a number of fighters. Unknown fatalities coded as 10 and spread across two locations.",
     5),
    # its share given in brackets
    ("On 3 June 2020, 12 Taliban militants were killed in Afghan airstrikes in Arghandab and "
     "Zhari districts, Kandahar. Fatalities are split across 2 events (6).", 6),
    # the note's own toll shared out
    ("On 3 June 2020, LNA forces repelled GNA attacks south of Tripoli. Eleven GNA soldiers "
     "were reportedly killed. Fatalities split between two events.", 6),
])
def test_the_figure_the_note_says_was_coded(pipeline: Pipeline, text: str,
                                            fatalities: int) -> None:
    assert stage_version(pipeline, "assemble") >= 120
    assert first_event(pipeline, text, DAY).fatalities == fatalities


@pytest.mark.parametrize(("text", "fatalities"), [
    ("On 3 June 2020, FARDC soldiers drove ADF rebels from two camps near Eringeti. "
     "Fatalities occurred, but no figure was reported (coded as 10).", 10),
    ("On 3 June 2020, Houthi and pro-Hadi forces clashed on the Sirwah front (Sirwah, Marib). "
     "Dozens of fatalities and injuries coded as 6.", 6),
    ("On 3 June 2020, Houthi and pro-Hadi forces clashed on three fronts in Al Jawf. Unknown "
     "number of fatalities coded as 10 and split up between 3 events.", 3),
])
def test_other_words_for_the_coded_figure(pipeline: Pipeline, text: str,
                                          fatalities: int) -> None:
    """assemble v121: a 'coded as' figure in a sentence that speaks of a toll, whatever its
    words ('fatalities and injuries', a bracket after 'not reported'); 'split up'."""
    assert stage_version(pipeline, "assemble") >= 121
    assert first_event(pipeline, text, DAY).fatalities == fatalities


@pytest.mark.parametrize(("text", "fatalities"), [
    ("On 3 June 2020, Indian and Pakistani forces exchanged fire across the LoC in three "
     "sectors of Kupwara district (J&K), in which six Pakistani soldiers were killed. Total "
     "fatalities divided equally across three events.", 2),
    ("On 3 June 2020, youths of two rival parties clashed in Likasi (Haut-Katanga). Four "
     "members were killed across two days of clashes. Fatalities coded across 2 events.", 2),
    ("On 3 June 2020, 9 Taliban militants were killed and wounded in an ANDSF operation in "
     "Andar district, Ghazni. The toll being unclear, fatalities reported as half, rounded "
     "down to 4.", 4),
])
def test_shares_and_halves_in_other_words(pipeline: Pipeline, text: str,
                                          fatalities: int) -> None:
    """assemble v122: 'divided equally across', 'coded across', 'rounded down to'."""
    assert stage_version(pipeline, "assemble") >= 122
    assert first_event(pipeline, text, DAY).fatalities == fatalities


def test_an_actor_coded_as_another_is_no_toll(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "On 3 June 2020, pro-STC forces (coded as Security Belt "
                                  "forces) clashed with pro-Hadi forces in Zinjibar (Abyan). "
                                  "2 fighters were killed.", DAY)
    assert event.fatalities == 2


def test_a_note_that_gives_each_events_figure_keeps_its_counts(pipeline: Pipeline) -> None:
    """'divided between three events (5 recorded in ...)': the brackets give the figures,
    which the counts read; the toll is not divided again."""
    event = first_event(pipeline, "On 3 June 2020, 5 militants were killed in army raids on "
                                  "Arish. Fatalities divided between three events (5 "
                                  "recorded in Arish, 4 in Rafah).", DAY)
    assert event.fatalities == 5


def test_a_coded_zero_keeps_the_civilians_harmed(pipeline: Pipeline) -> None:
    """The coded figure replaces the toll once the counts have said who was harmed: 'killing
    1 civilian ... Fatalities coded as 0' still has the civilians as its victims."""
    event = first_event(pipeline, "On 3 June 2020, an airstrike by Afghan military forces "
                                  "killed 1 farmer in Jurm district, Badakhshan. Fatalities "
                                  "coded as 0 (VoJ reported 1).", DAY)
    assert (event.fatalities, event.actor2) == (0, "Civilians (Afghanistan)")


@pytest.mark.parametrize(("text", "fatalities"), [
    ("Egyptian forces killed militants in raids on Rafah and Sheikh Zuweid on 20 May. 6 "
     "fatalities recorded in Sheikh Zuweid, 4 fatalities recorded in Rafah.", 4),
    ("Egyptian forces killed 21 militants in raids on Arish, Rafah and Bir al-Abd. 21 "
     "fatalities recorded over 3 events [8 in Al-Arish; 7 in Rafah and 6 in Bir al-Abd].", 8),
])
def test_the_figure_a_note_gives_the_events_own_place(pipeline: Pipeline, text: str,
                                                      fatalities: int) -> None:
    """assemble v123: a toll's sentence that lists the figure of each place gives the
    event's place its own ('... in Rafah', the event's place, 4; the whole had been 10)."""
    assert stage_version(pipeline, "assemble") >= 123
    assert first_event(pipeline, text, DAY).fatalities == fatalities
