"""A state's or a province's acronym in a qualifier's place ('Jaunpur (UP)', '(Nellore, AP)',
'Camperdown, KZN', and since v140 after the name inside a bracket that follows no name:
'sector area (Haveli district, AJK)') is that region, read there only (``extract.places.v107``,
``place_windows.qualifying_acronyms``, ``resources/gazetteer/aliases.tsv``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.place_windows import qualifying_acronyms
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("text", "acronyms"), [
    ("a man was killed in Rampur, Jaunpur (UP). One killed.", ["UP"]),
    ("workers protested in Menakuru village (Nellore, AP) on Monday", ["AP"]),
    ("a rally outside a court in Camperdown, KZN.", ["KZN"]),
    ("WASHINGTON (AP) - Officials said", []),  # an agency's credit after a dateline
    ("supporters of the Unity Party (UP) marched", []),  # the initials of the words before
    ("the ministry said (AP).", []),  # no name before it
    ("troops traded fire near the sector post (Kotli district, AJK).", ["AJK"]),  # v140
])
def test_qualifying_acronyms(text: str, acronyms: list[str]) -> None:
    found = sorted(qualifying_acronyms(text))
    assert [text[start:start + len(a)] for start, a in zip(found, acronyms, strict=True)] == (
        acronyms)


@pytest.mark.parametrize(("text", "admin1", "country"), [
    ("On 5 May 2021, a mob of about 20 people pelted stones at the police in Bhikhampurwa "
     "(UP) over lockdown rules.", "Uttar Pradesh", "India"),
    ("On 5 May 2021, workers protested in Damaracherla village (Nalgoda, TS) over unpaid "
     "wages.", "Telangana", "India"),
    ("On 5 May 2021, residents burned tyres in Esikhawini (KZN) over water cuts.",
     "KwaZulu-Natal", "South Africa"),
    ("On 5 May 2021, troops traded fire across the LoC in a forward sector area (Haveli "
     "district, AJK).", "Azad Kashmir", "Pakistan"),
])
def test_a_village_the_gazetteer_lacks_keeps_its_state(
        pipeline: Pipeline, text: str, admin1: str, country: str) -> None:
    assert stage_version(pipeline, "places") >= 107
    event = first_event(pipeline, text, date(2021, 5, 6))
    assert (event.admin1, event.country) == (admin1, country)


def test_an_organisation_named_before_its_acronym_is_no_region(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Workers protested at the Tshwane University of Technology "
                        "(TUT) in Pretoria over outsourcing.", date(2021, 5, 6))
    assert (event.location, event.country) == ("Pretoria", "South Africa")
