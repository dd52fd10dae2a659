"""Wire stories filed under a dateline ('QUETTA - ...', 'MAIDUGURI, Nigeria - ...'): where the
report was filed is where its event happened when its words name no other place, and the
dateline's country is the text's when nothing else says which (2026-12-06, thirty-fourth
session; places v84, assemble v99)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2022, 3, 14)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 86
    assert stage_version(pipeline, "assemble") >= 99


@pytest.mark.parametrize(("text", "where"), [
    ("QUETTA - A bomb hidden in a motorcycle went off near a vegetable market on Friday, "
     "killing six people, police said.", ("Quetta", "Pakistan")),
    ("JENIN - Israeli troops raided the refugee camp on Wednesday, killing three "
     "Palestinians, health officials said.", ("Janīn", "Palestine")),
    ("SANAA - Coalition jets bombed a Houthi camp on the edge of the capital on Sunday, "
     "residents said.", ("Sanaa", "Yemen")),
])
def test_an_event_with_no_place_of_its_own_is_where_it_was_filed(
        pipeline: Pipeline, text: str, where: tuple[str, str]) -> None:
    """A town's dateline in capitals (a short one is no acronym) places an event its words
    do not place, and gives its country, whatever the attackers' demonym says; a capital's
    does when the words speak of the capital."""
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.country) == where
    assert event.spans["location"].start == 0


def test_a_capital_dateline_gives_the_country_only(pipeline: Pipeline) -> None:
    """Bureaux in capitals report on the whole country: 'ISLAMABAD - ... in a remote
    valley' happened somewhere in Pakistan, not in Islamabad."""
    event = first_event(pipeline, "ISLAMABAD - Gunmen ambushed a convoy of paramilitary "
                        "troops in a remote valley on Tuesday, killing four, the military "
                        "said.", DAY)
    assert (event.location, event.country) == ("", "Pakistan")
    assert event.actor2.startswith("Military Forces of Pakistan")


def test_a_place_the_words_name_comes_before_the_dateline(pipeline: Pipeline) -> None:
    """'MAIDUGURI, Nigeria - ... in Yobe state': the region named, not the town filed from
    nor the country that qualifies it."""
    event = first_event(pipeline, "MAIDUGURI, Nigeria - Militants raided a village in Yobe "
                        "state overnight, killing nine farmers, residents said.", DAY)
    assert (event.admin1, event.country, event.geo_precision) == ("Yobe", "Nigeria", 3)


def test_a_capital_abroad_gives_way_to_a_demonym(pipeline: Pipeline) -> None:
    """'BEIRUT - Syrian government aircraft ...': filed in Lebanon, about Syria."""
    event = first_event(pipeline, "BEIRUT - Syrian government aircraft bombed rebel-held "
                        "villages on Monday, killing five civilians, rescuers said.", DAY)
    assert (event.location, event.country) == ("", "Syria")


def test_the_first_word_after_the_dash_opens_a_sentence(pipeline: Pipeline) -> None:
    """'KHARTOUM - Air strikes hit ...': 'Air' is no town (it was Air Khās, India)."""
    event = first_event(pipeline, "KHARTOUM - Air strikes hit a residential district in the "
                        "south of the capital on Monday, witnesses said.", DAY)
    assert (event.location, event.country) == ("Khartoum", "Sudan")
    assert event.sub_event_type == "Air/drone strike"


def test_a_yemeni_governorate_in_its_common_spelling(pipeline: Pipeline) -> None:
    """'Shabwa province' is Yemen's Shabwah (it was Sha Bwa, a village of Myanmar)."""
    event = first_event(pipeline, "ADEN - Fighting between rival southern factions in Shabwa "
                        "province killed 12 fighters on Tuesday, local officials said.", DAY)
    assert (event.admin1, event.country) == ("Shabwah", "Yemen")


def test_a_state_acting_speaks_for_its_country(pipeline: Pipeline) -> None:
    """places v85: 'Ukraine said ...' names no place, yet tells what the text is about: a town
    of Ukraine found by another of its names (Avdiivka, GeoNames' Avdiyivka) stands against
    the Russian demonym and Russia named after it (it was read as a name abroad)."""
    doc = pipeline.run("t", "Ukraine said on Tuesday it had pulled its last units out of "
                       "Avdiivka, handing Russia a long-sought gain. Russian officials "
                       "said their troops had entered the town.", DAY)
    assert [(p.name, p.country) for p in doc.places if p.name != p.country] == [
        ("Avdiyivka", "Ukraine")]


@pytest.mark.parametrize(("text", "ref", "published", "day"), [
    ("HOMS, Syria, Oct. 9, 2016 (AP) — Shelling killed six people in the old city on "
     "Saturday, activists said.", None, date(2016, 10, 9), "2016-10-08"),
    ("BEIRUT, March 3 (Reuters) - Air strikes killed 12 people in Idlib province on "
     "Saturday, a monitor said.", date(2019, 3, 4), date(2019, 3, 3), "2019-03-02"),
])
def test_the_day_of_a_wire_dateline(pipeline: Pipeline, text: str, ref: date | None,
                                    published: date, day: str) -> None:
    """dates v12: the day between a wire dateline's place and its agency is the day the
    report was filed, which its 'Saturday' counts from (it was taken for the event's day);
    the reference date gives its year when it has none."""
    doc = pipeline.run("t", text, ref)
    assert doc.published == published
    assert doc.events[0].event_date == day


@pytest.mark.parametrize("text", [
    "Bandits killed five farmers in Paikoro LGA of Niger State on Sunday.",
    "Gunmen killed five people in Niger State's Rafi area on Sunday.",
])
def test_a_state_named_after_a_country_is_the_state(pipeline: Pipeline, text: str) -> None:
    """places v86: 'Niger State' is Nigeria's; with its region word the name is never the
    country of that name (the country's candidate had won the country vote it cast)."""
    event = first_event(pipeline, text, DAY)
    assert (event.admin1, event.country) == ("Niger", "Nigeria")
