"""A protest and what befell it may have a sentence or two between them (events v148): one
event, a protest with intervention, not a peaceful protest and its dispersal apart."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 148


def types(pipeline: Pipeline, text: str) -> list[str]:
    return [e.sub_event_type for e in pipeline.run("t", text, date(2022, 5, 2)).events]


MARCH = "On 1 May 2022, some 60 dock workers marched through the port city on Labour Day. "


def test_a_sentence_between_the_march_and_its_dispersal(pipeline: Pipeline) -> None:
    for between in ("The march lasted about two hours. ",
                    "It was the first such march since 2019. "):
        text = MARCH + between + "Police dispersed the marchers and arrested 7 of them."
        assert types(pipeline, text) == ["Protest with intervention"], between


def test_the_march_alone_stays_peaceful(pipeline: Pipeline) -> None:
    assert types(pipeline, MARCH + "The march lasted about two hours.") == ["Peaceful protest"]


def test_three_sentences_between_keep_them_apart(pipeline: Pipeline) -> None:
    text = (MARCH + "The march lasted about two hours. It was the first such march since "
            "2019. The workers went home at noon. Police dispersed a sit-in by nurses outside "
            "the hospital.")
    assert types(pipeline, text) == ["Peaceful protest", "Protest with intervention"]


def test_a_crowd_forced_to_disperse_met_an_intervention(pipeline: Pipeline) -> None:
    """events v154 (protest-stopped): forces that 'forced them to disperse' stopped the
    protest; the two sentences had been a peaceful protest and, apart, its intervention."""
    assert stage_version(pipeline, "events") >= 154
    doc = pipeline.run("t", "On 30 April 2020, dozens of nurses held a demonstration outside "
                            "a hospital in Cankaya, Ankara, to remember colleagues who died of "
                            "the virus. The police allowed the group to stand in silence for a "
                            "minute, kept them from reading their statement, and forced them "
                            "to disperse. [size=dozens]", None)
    assert [e.sub_event_type for e in doc.events] == ["Protest with intervention"]
