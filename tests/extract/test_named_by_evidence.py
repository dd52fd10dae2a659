"""A type the taxonomy names only by evidence (``extract.events.v64``,
``evidence.named_by_evidence``: a chemical attack) is read only where the sentence's or the
text's weapons and phrases weigh for it; the weapons lexicon knows chemical rockets
(``extract.weapons.v3``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from raqib.extract import classifier, events, taxonomy
from raqib.extract.model import Analysis, Options, Sentence, WeaponMention
from raqib.extract.pipeline import Pipeline
from raqib.extract.sentences import split
from stage_versions import first_event, stage_version

AIR = "Air/drone strike"


@pytest.fixture(scope="module")
def air_by_evidence() -> events.EventsStage:
    """The events stage with air strikes named only by evidence: a stand-in for chemical
    attacks that the default model reads with certainty from any words."""
    tax = taxonomy.load()
    tax = replace(tax, evidence=replace(tax.evidence, named_by_evidence=frozenset({AIR})))
    return events.EventsStage(classifier.load(Options().model), tax)


def cues(stage: events.EventsStage, text: str, weapon_words: str | None = None) -> list:
    doc = Analysis(id="t", text=text)
    doc.sentences = [Sentence(doc.span(a, b)) for a, b in split(text)]
    if weapon_words is not None:
        start = text.index(weapon_words)
        doc.weapons = [WeaponMention(doc.span(start, start + len(weapon_words)), "air strike")]
    stage(doc)
    return doc.cues


def read(stage: events.EventsStage, text: str, weapon_words: str | None = None) -> list[str]:
    return [c.sub_event_type for c in cues(stage, text, weapon_words)]


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 64
    assert stage_version(pipeline, "weapons") >= 3


def test_the_taxonomy_names_chemical_attacks_only_by_evidence() -> None:
    assert "Chemical weapon" in taxonomy.load().evidence.named_by_evidence


def test_a_type_named_only_by_evidence_needs_it(air_by_evidence: events.EventsStage) -> None:
    text = "Warplanes bombed the market in Ariha on Sunday, killing five people."
    assert read(events.create(Options()), text)[0] == AIR  # the model alone reads it so
    assert AIR not in read(air_by_evidence, text)
    assert read(air_by_evidence, text, "Warplanes")[0] == AIR


def test_the_texts_evidence_serves_each_of_its_sentences(
        air_by_evidence: events.EventsStage) -> None:
    text = ("The air force said its jets flew over the province. Warplanes bombed the market "
            "in Ariha on Sunday, killing five people.")
    found = cues(air_by_evidence, text, "jets")
    assert any(c.sub_event_type == AIR and c.span.text.startswith("Warplanes") for c in found)


def test_a_chemical_rocket_is_a_chemical_weapon(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "A chemical rocket was found in Zamalka after the attack.",
                        date(2013, 8, 22))
    assert (event.sub_event_type, event.weapon) == ("Chemical weapon", "chemical")
