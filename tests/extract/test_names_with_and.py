"""Names that hold an 'and': 'Sistan and Baluchestan', 'Kohgiluyeh and Boyer-Ahmad', 'Trinidad
and Tobago'. Name runs never join across 'and' (it joins names in lists), so such names had
been read in parts: 'Baluchestan' as Pakistan's Balochistan, 'Boyer' as a village of France,
'Trinidad' as a town of Bolivia (``extract.places.v111``, ``place_windows.and_windows``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.place_windows import and_windows
from stage_versions import first_event, stage_version

DAY = date(2020, 5, 10)


@pytest.mark.parametrize(("text", "country", "admin1"), [
    ("On 3 May 2020, farmers protested in Sistan and Baluchestan province over water cuts.",
     "Iran", "Sistan and Baluchestan"),
    ("On 3 May 2020, villagers rallied in Kohgiluyeh and Boyer-Ahmad province against a dam.",
     "Iran", "Kohgiluyeh and Boyer-Ahmad"),
    ("On 3 May 2020, police fired tear gas at striking dock workers in Trinidad and Tobago.",
     "Trinidad and Tobago", None),
])
def test_a_name_that_holds_and_is_read_whole(
        pipeline: Pipeline, text: str, country: str, admin1: str | None) -> None:
    assert stage_version(pipeline, "places") >= 111
    event = first_event(pipeline, text, DAY)
    assert event.country == country
    assert (event.admin1 or None) == admin1


def test_names_listed_with_and_stay_apart(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "On 3 May 2020, shelling hit Aleppo and Idlib.", DAY)
    assert {p.name for p in doc.places} >= {"Aleppo", "Idlib"}


def test_a_window_with_a_capitalised_word_outside_is_partial() -> None:
    text = "Protests in Sistan and Baluchestan Province and Tehran"
    windows = {w.key: w for w in and_windows(text, set(), frozenset({"province"}))}
    assert not windows["sistan and baluchestan"].partial  # 'Province' is a generic word
    assert "sistan and baluchestan province and tehran" in windows
    assert windows["sistan and baluchestan province"].partial  # 'Tehran' joins it
