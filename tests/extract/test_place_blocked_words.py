"""A run of words that is never a place blocks only names no longer than itself
(``extract.places.v90``): 'Central African', a demonym, had blocked the country's own name,
'Central African Republic', so a text that named no town there had no country."""

from __future__ import annotations

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 90


@pytest.mark.parametrize("text", [
    "Rebels attacked a village in the Central African Republic on Monday.",
    "Militiamen looted shops and burned houses in a village of the Central African Republic.",
])
def test_a_country_name_holding_its_demonym_is_a_place(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.run("t", text, None)
    assert "Central African Republic" in {p.name for p in doc.places}
    assert doc.events[0].country == "Central African Republic"


def test_the_demonym_alone_is_still_no_place(pipeline: Pipeline) -> None:
    """'Central African' before a noun tells a nationality: the country votes, no place is
    named by it."""
    doc = pipeline.run("t", "Two Central African soldiers were wounded in an ambush near "
                            "Bambari.", None)
    assert [p.span.text for p in doc.places] == ["Bambari"]
