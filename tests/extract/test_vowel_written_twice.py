"""A vowel written twice in a transliterated Arabic name is tried once: 'Qaatabah', the ayn
written as a vowel, is GeoNames' Qa‘ţabah (``extract.places.v102``,
``place_windows.spellings``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.place_windows import spellings
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("key", "spelled"), [
    ("qaatabah", ["qatabah", "qaataba", "qataba"]),
    ("saadnayel", ["sadnayel"]),
    ("sukhna", ["sukhnah"]),  # no vowel twice: as before
    ("tal tamr", ["tall tamr"]),
])
def test_spellings(key: str, spelled: list[str]) -> None:
    assert spellings(key) == spelled


def test_a_district_spelled_with_the_ayn_as_a_vowel(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 102
    event = first_event(pipeline, "Houthi forces shelled the positions of government troops in "
                        "Qaatabah on Saturday, killing a soldier.", date(2020, 5, 10))
    assert (event.location, event.country) == ("Qa‘ţabah", "Yemen")
