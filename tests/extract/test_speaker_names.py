"""A reporting verb and a word of a name before a name: the rest of the speaker's name, no
place (places v91)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 91


@pytest.mark.parametrize("text", [
    '"The shelter was hit twice," said Ahmad Khalil, a nurse at the clinic.',
    "The road was cut for hours, according to Mahmoud Hama, a local driver.",
])
def test_a_speakers_name_is_no_place(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run("t", text, date(2023, 1, 9))
    assert [p.span.text for p in doc.places] == []


def test_a_place_after_the_verb_stays_a_place(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Residents said Aleppo was shelled overnight.", date(2023, 1, 9))
    assert [p.name for p in doc.places] == ["Aleppo"]
