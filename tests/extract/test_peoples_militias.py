"""Militias named after their peoples (``extract.actors.v85``): ACLED names them
'{people} Ethnic Militia ({country})', and a Somali clan's '{people} Clan Militia (Somalia)';
they had been one unidentified communal militia, or no party at all."""

from __future__ import annotations

import pytest

from raqib.extract.actor_peoples import named, peoples_militias
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "actors") >= 85


def test_two_peoples_sharing_the_word_for_their_militias(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "On 3 March 2021, Masalit and Rizeigat militias clashed near "
                            "Geneina in West Darfur, killing at least 12.", None)
    event = doc.events[0]
    assert event.sub_event_type == "Armed clash"
    assert {event.actor1, event.actor2} == {"Masalit Ethnic Militia (Sudan)",
                                            "Rizeigat Ethnic Militia (Sudan)"}


def test_a_somali_clans_militia(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Two people died when Abgaal and Habar Gidir militias exchanged "
                            "fire near Beledweyne.", None)
    assert {a.name for a in doc.actors} >= {"Abgaal Clan Militia (Somalia)",
                                            "Habar Gidir Clan Militia (Somalia)"}


def test_peoples_that_fought_as_communities(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Clashes between the Tabu and Tuareg tribes in Ubari left four "
                            "dead.", None)
    event = doc.events[0]
    assert {event.actor1, event.actor2} == {"Tabu Ethnic Militia (Libya)",
                                            "Tuareg Ethnic Militia (Libya)"}


def test_a_people_with_a_row_of_its_own_keeps_it(pipeline: Pipeline) -> None:
    """'Tiv' alone is no alias of the dictionary's Tiv row; 'Tiv militia' is."""
    doc = pipeline.run("t", "Tiv and Jukun militias clashed in Wukari, Taraba state.", None)
    assert {a.name for a in doc.actors} >= {"Tiv Ethnic Militia (Nigeria)",
                                            "Jukun Ethnic Militia (Nigeria)"}


@pytest.mark.parametrize("text", [
    "Iranian militias fired rockets at the base.",  # a demonym: the dictionary's
    "Armed militias attacked the village.",  # no people named
    "Shia militias clashed with the police.",  # a faith, not a people
])
def test_no_people_is_made_of_other_words(text: str) -> None:
    known = {"Iranian"}
    assert peoples_militias(text, lambda people: people in known) == []


def test_the_name_waits_for_its_country() -> None:
    assert named("Bari Ethnic Militia", "South Sudan") == "Bari Ethnic Militia (South Sudan)"
    assert named("Hawiye Ethnic Militia", "Somalia") == "Hawiye Clan Militia (Somalia)"
    assert named("Civilians", "Somalia") is None


def test_a_militia_named_after_its_town_is_communal(pipeline: Pipeline) -> None:
    """ACLED's communal militias bear their town's name ('Misratah Communal Militia'); the
    town before 'militias' is no place of the event (places v75) but still a town."""
    doc = pipeline.run("t", "Zintan militias clashed with Islamic State fighters near "
                            "Sabratha in western Libya.", None)
    assert doc.events[0].actor1 == "Zintan Communal Militia (Libya)"
