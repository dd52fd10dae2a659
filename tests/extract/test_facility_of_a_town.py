"""A chain of capitalised words that opens with a town and holds a facility's word after it
names a facility of the town ('Durban University of Technology', 'Port Elizabeth Wool
Exchange Building'): the town is named whole (``extract.places.v139``), where the words
between had made it a part of an unknown longer name, and the event had no place."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("text", "place"), [
    ("Durban University of Technology students protested on Monday over unpaid allowances.",
     "Durban"),
    ("Kano Aminu Kano Teaching Hospital nurses went on strike on Monday over unpaid "
     "allowances.", "Kano"),
    ("Contractors occupied the Port Elizabeth Wool Exchange Building to demand payment.",
     "Gqeberha"),
])
def test_a_facility_named_for_its_town_is_in_the_town(pipeline: Pipeline, text: str,
                                                      place: str) -> None:
    assert stage_version(pipeline, "places") >= 139
    assert first_event(pipeline, text, date(2016, 3, 1)).location == place


def test_a_name_run_on_without_a_facility_stays_a_part(pipeline: Pipeline) -> None:
    """'Bala Duri' names no facility: 'Bala' alone is still a part of an unknown name."""
    doc = pipeline.run("t", "Gunmen attacked Bala Duri Koro village on Friday.", date(2016, 3, 1))
    assert all(p.span.text != "Bala" for p in doc.places)
