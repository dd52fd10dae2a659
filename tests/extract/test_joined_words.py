"""Two words the gazetteer writes as one: Somali names are written both ways ('Ceel Buur' and
Ceelbuur, 'Laas Caanood' and Laascaanood, 'Buur Hakaba' and Buurhakaba). A name of two
words of three letters or more that the gazetteer lacks as written is also looked up as one
word, as sure as the name as written (``extract.places.v113``, ``place_windows.spellings``):
'Ceel' alone had been Eyl, a town of Nugaal 500 km away, by another of its names."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.place_windows import spellings
from stage_versions import first_event, stage_version

DAY = date(2020, 5, 10)


def test_two_words_are_also_tried_as_one() -> None:
    assert "ceelbuur" in spellings("ceel buur")
    assert not [k for k in spellings("al bab") if " " not in k]  # a word under 3 letters
    assert spellings("tal tamr") == ["tall tamr"]  # the hill's word is spelled, not joined


@pytest.mark.parametrize(("text", "location", "admin1"), [
    ("On 29 April 2020, militants shot dead two traders in Ceel Buur town (Ceel Buur, "
     "Galgaduud).", "Ceelbuur", "Galguduud"),
    ("On 3 May 2020, clan gunmen clashed in a village 30 km south of Laas Caanood.",
     "Laascaanood", "Sool"),
])
def test_a_somali_name_written_in_two_words_is_found(
        pipeline: Pipeline, text: str, location: str, admin1: str) -> None:
    assert stage_version(pipeline, "places") >= 113
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.admin1, event.country) == (location, admin1, "Somalia")
