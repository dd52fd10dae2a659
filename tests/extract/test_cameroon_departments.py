"""Cameroon's departments as names of their seats: ACLED writes a Cameroonian place with its
department and region ('(Mayo-Sava, Extreme-Nord)'), which GeoNames' cities files do not
hold (``extract.places.v103``, ``resources/gazetteer/aliases.tsv``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.gazetteer import Gazetteer, ensure_default_index, name_key
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("department", "seat"), [
    ("Mayo-Sava", "Mora"), ("Logone-et-Chari", "Kousséri"), ("Mezam", "Bamenda"),
    ("Momo", "Mbengwi"), ("Bui", "Kumbo"), ("Fako", "Limbe"), ("Meme", "Kumba"),
    ("Manyu", "Mamfe"), ("Wouri", "Douala"), ("Mfoundi", "Yaoundé"), ("Mifi", "Bafoussam"),
])
def test_a_department_names_its_seat(department: str, seat: str) -> None:
    key = name_key(department)
    found = Gazetteer(ensure_default_index()).lookup({key}).get(key, [])
    assert seat in {p.name for p in found if p.country == "CM"}


def test_a_village_the_gazetteer_lacks_goes_to_its_department_seat(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 103
    event = first_event(pipeline, "On 2 May 2021, Boko Haram fighters raided Tolkomari "
                        "(Mayo-Sava, Extreme-Nord) and killed two herders.", date(2021, 5, 3))
    assert (event.location, event.country, event.admin1) == ("Mora", "Cameroon", "Extreme-Nord")
