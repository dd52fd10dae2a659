"""A town's possessive before a name the gazetteer lacks (places v53), and the country of a
group named with lower-case words (v54)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 54


@pytest.mark.parametrize("text", [
    "Militants detonated an explosive device under a passenger bus in Kabul's Dasht-e-Barchi "
    "area, killing seven.",
    "A blast hit a school in Kabul's Dasht-e Barchi on Saturday.",
])
def test_a_quarter_of_kabul_is_in_kabul(pipeline: Pipeline, text: str) -> None:
    """'Kabul's' was read as part of a longer name ('Kabul's Dasht ...'), so a partial match,
    and 'Barchi', the tail of the quarter's name, was Barchi in Italy: the words after a
    possessive are another name."""
    event = first_event(pipeline, text, date(2022, 11, 30))
    assert (event.country, event.location) == ("Afghanistan", "Kabul")


def test_a_citys_possessive_before_a_district(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Protesters gathered in Beirut's Hamra district on Friday "
                        "to denounce the banks.", date(2020, 5, 1))
    assert (event.country, event.location) == ("Lebanon", "Beirut")


@pytest.mark.parametrize(("text", "place"), [
    ("Taliban fighters attacked Pul-e Khumri on Monday.", "Pul-e Khumrī"),
    ("Clashes broke out near Qala-i-Naw in Badghis on Monday.", "Qala i Naw"),
])
def test_an_ezafe_name_the_gazetteer_knows_is_found_whole(pipeline: Pipeline, text: str,
                                                          place: str) -> None:
    assert first_event(pipeline, text, date(2022, 11, 30)).location == place


def test_a_state_agency_named_in_lower_case_words_votes_for_its_country(
        pipeline: Pipeline) -> None:
    """'state news agency SANA' votes for Syria as 'SANA' alone would: Ras al-Ain was Ras El
    Ain in Morocco, and the government's troops Morocco's (v54)."""
    event = first_event(pipeline, "Government troops retook control of the town of Ras al-Ain "
                        "from Turkish-backed factions, state news agency SANA reported.",
                        date(2019, 10, 20))
    assert (event.country, event.admin1) == ("Syria", "Al-Hasakeh")
    assert event.actor1 == "Military Forces of Syria (2000-)"


def test_a_state_named_in_a_forces_name_votes_only_as_its_name(pipeline: Pipeline) -> None:
    """'military forces of Armenia' names Armenia, which votes already: the fire on positions
    in Tovuz stays in Azerbaijan."""
    event = first_event(pipeline, "On Tuesday, military forces of Armenia shelled army "
                        "posts of Azerbaijan near the village of Kokhanebi, Tovuz.",
                        date(2020, 5, 8))
    assert event.country == "Azerbaijan"


@pytest.mark.parametrize("text", [
    "Lecturers went on strike against the University's management over unpaid wages.",
    "Lecturers went on strike against the University\u2019s management over unpaid wages.",
    "Nine fighters of the Guardians of the Republic's 5th Brigade were reported killed.",
])
def test_a_stop_words_possessive_is_no_place(pipeline: Pipeline, text: str) -> None:
    """places v69: the stem of 'the University's' was looked up though 'university' is a
    stop word, and the strike went to University, Florida ('the Republic's' to Republic,
    Missouri)."""
    assert pipeline.run("x", text, date(2016, 3, 9)).places == []
