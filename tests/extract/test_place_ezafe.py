"""The ezafe of Persian and Pashto names ('Pul-e Khumri', 'Qala-i-Naw') keeps the name whole
(``extract.places.v20``), and since v138 spaced between two capitalised words too ('Qala i
Naw'): its first word alone is another place elsewhere (Qala, Azerbaijan)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline


@pytest.mark.parametrize(("text", "name"), [
    ("Clashes broke out in Pul-e Khumri, Baghlan.", "Pul-e Khumri"),
    ("Taliban attacked a checkpoint in Qala-i-Naw city, Badghis.", "Qala-i-Naw"),
    ("Taliban fighters overran two police posts near Qala i Naw overnight.", "Qala i Naw"),
    ("A bomb went off in the bazaar of Pul i Khumri, wounding four.", "Pul i Khumri"),
])
def test_a_name_with_an_ezafe_is_found_whole(pipeline: Pipeline, text: str, name: str) -> None:
    doc = pipeline.run("t", text, date(2020, 5, 1))
    assert doc.places
    assert (doc.places[0].span.text, doc.places[0].country) == (name, "Afghanistan")


def test_the_first_word_of_an_unknown_ezafe_name_is_no_town_abroad(pipeline: Pipeline) -> None:
    """'Nawa-e Barakzayi' is not in the default gazetteer; 'Nawa' alone is a name of Naha in
    Japan. The bomb is placed in the province named with it."""
    doc = pipeline.run("t", "On 30 April 2020, a district official was killed when his vehicle "
                            "hit a roadside bomb in Nawa-e Barakzayi district, Helmand.",
                       date(2020, 5, 1))
    assert all(p.country == "Afghanistan" for p in doc.places)
    assert doc.events and doc.events[0].location == "Helmand"


def test_a_lone_lowercase_letter_after_a_hyphen_outside_a_name_joins_nothing(
        pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Protesters marched in Kabul with e-mail printouts.", date(2020, 5, 1))
    assert [p.span.text for p in doc.places] == ["Kabul"]
