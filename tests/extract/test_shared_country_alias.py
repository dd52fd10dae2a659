"""A name two countries share: 'Congo' alone is the Democratic Republic of Congo, as news
reports use it, and after a comma it qualifies a town of either Congo ('Brazzaville, Congo')
without voting for the other (``extract.places.v98``, ``CountryLexicon.shared``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.gazetteer import country_lexicon
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def _place(pipeline: Pipeline, text: str) -> tuple[str, str]:
    doc = pipeline.run("t", text, date(2021, 5, 10))
    assert doc.events, text
    return doc.events[0].location, doc.events[0].country


def test_the_alias_keeps_its_first_country_and_names_the_other() -> None:
    lexicon = country_lexicon()
    assert lexicon.names["Congo"] == "CD"
    assert lexicon.shared["congo"] == frozenset({"CG"})


def test_congo_alone_is_the_democratic_republic(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 98
    location, country = _place(
        pipeline, "Clashes between the army and rebels left 15 dead in eastern Congo on Sunday.")
    assert country == "Democratic Republic of Congo"
    assert location != "El Congo"


@pytest.mark.parametrize(("text", "town", "country"), [
    ("Protesters marched in Brazzaville, Congo, on Monday.", "Brazzaville",
     "Republic of Congo"),
    ("Traders marched in Pointe-Noire, Congo, against new taxes.", "Pointe-Noire",
     "Republic of Congo"),
    ("Gunmen killed three villagers near Beni, Congo, on Monday.", "Beni",
     "Democratic Republic of Congo"),
])
def test_a_town_qualified_by_congo_keeps_its_country(
        pipeline: Pipeline, text: str, town: str, country: str) -> None:
    assert _place(pipeline, text) == (town, country)


def test_the_other_congo_by_its_own_name(pipeline: Pipeline) -> None:
    _, country = _place(pipeline, "Soldiers killed three rebels in the Republic of Congo.")
    assert country == "Republic of Congo"
