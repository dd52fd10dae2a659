"""A name after 'Ministry of' is a portfolio, not a place (``extract.places.v19``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline


def test_a_ministrys_portfolio_is_no_place(pipeline: Pipeline) -> None:
    """'Energy' is a village in Illinois that the default gazetteer knows; named as a
    ministry's portfolio it neither places the protest nor votes for the text's country."""
    doc = pipeline.run("t", "On 6 May 2020, protesters gathered outside the courts in Beirut and "
                            "demanded that the former heads of the Ministry of Energy be put on "
                            "trial.", date(2020, 5, 7))
    assert "Energy" not in {p.span.text for p in doc.places}
    assert doc.events and (doc.events[0].location, doc.events[0].country) == (
        "Beirut", "Lebanon")


@pytest.mark.parametrize("before", ["the Minister of", "the Department of", "the Ministry for"])
def test_other_portfolios_are_no_place(pipeline: Pipeline, before: str) -> None:
    doc = pipeline.run("t", f"Protesters marched in Beirut against {before} Energy.",
                       date(2020, 5, 7))
    assert [p.span.text for p in doc.places] == ["Beirut"]


def test_a_place_after_other_words_of_is_still_a_place(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Protesters marched in the centre of Beirut.", date(2020, 5, 7))
    assert [p.span.text for p in doc.places] == ["Beirut"]
