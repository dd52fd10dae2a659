"""A town named with a region of its own country that does not hold it: 'Goniri (Gujba LGA,
Borno)' (Goniri and Gujba lie in Yobe). A town of 10,000 people or more that is the
gazetteer's only place of its name is that town all the same; a common name, a district or a
spelling stays with the region named (``extract.places.v109``, ``RegionFit.misplaced``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2020, 5, 10)


@pytest.mark.parametrize(("text", "location", "admin1"), [
    ("On 6 May 2020, insurgents fired mortar rounds at an army base in Goniri (Gujba LGA, "
     "Borno).", "Goniri", "Yobe"),
    ("On 7 May 2020, unknown arsonists set fire to a closed hostel in Gediz, Istanbul.",
     "Gediz", "Kuetahya"),
    ("On 8 May 2020, reporters protested in front of a newspaper office in Nawabshah "
     "(Nawabshah, Punjab) against the arrest of their editor.", "Nawabshah", "Sindh"),
])
def test_a_town_the_gazetteer_knows_once_outweighs_a_misnamed_region(
        pipeline: Pipeline, text: str, location: str, admin1: str) -> None:
    assert stage_version(pipeline, "places") >= 109
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.admin1, event.geo_precision) == (location, admin1, 1)


@pytest.mark.parametrize(("text", "admin1"), [
    # Bamba is the name of towns in three countries: the village of Mopti is not the town of Gao
    ("On 6 May 2020, gunmen attacked the village of Bamba (Koro, Mopti) and took cattle.",
     "Mopti"),
    # a district of Takhar bears the name of Badakhshan's Baharak
    ("On 6 May 2020, an air strike killed 3 militants in Baharak district, Takhar.", "Takhar"),
])
def test_a_common_name_or_a_district_stays_in_the_region_named(
        pipeline: Pipeline, text: str, admin1: str) -> None:
    assert stage_version(pipeline, "places") >= 109
    assert first_event(pipeline, text, DAY).admin1 == admin1
