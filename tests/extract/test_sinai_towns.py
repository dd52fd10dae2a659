"""Sheikh Zuweid, a town of North Sinai, under the spellings English reporting uses
(``extract.places.v119``, ``aliases.tsv``): GeoNames writes Ash Shaykh Zuwayd, and the
spelling-tolerant key of 'Sheikh Zuweid' also finds Sheikh Zayed City in Giza, the larger."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.mark.parametrize("spelling", ["Sheikh Zuweid", "Sheikh Zuwaid", "Sheikh Zuweyid"])
def test_sheikh_zuweid_is_the_town_of_north_sinai(pipeline: Pipeline, spelling: str) -> None:
    assert stage_version(pipeline, "places") >= 119
    event = first_event(pipeline, f"Militants attacked an army checkpoint in {spelling} on "
                                  "Monday, killing two soldiers.", date(2016, 3, 1))
    assert (event.location, event.admin1) == ("Ash Shaykh Zuwayd", "North Sinai")
