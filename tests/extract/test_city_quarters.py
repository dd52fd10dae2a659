"""A city's districts and quarters are parts of the city: Mogadishu's (``extract.places.v114``,
the ``quarter`` kind
of ``resources/gazetteer/aliases.tsv``): GeoNames' cities files hold none of them, and
reports name them alone ('(Hodan District)'), so such events had no place or another
country's; ACLED writes 'Mogadishu-Hodan district (Hodan, Banadir)', and codes the event in
the city at precision 1, which a district's word or the hyphen of a road does not change;
Bujumbura's zones and quarters likewise (v115: 'Grenade attack in Kamenge neighborhood')."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.gazetteer import quarter_names
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2016, 3, 10)


def test_the_districts_are_quarters() -> None:
    assert {"hodan", "heliwa", "yaaqshiid", "hawl wadaag", "villa somalia"} <= quarter_names()


@pytest.mark.parametrize("text", [
    "Gunmen threw a hand grenade at a police checkpoint near Dabka junction (Hodan District) "
    "in the evening of 15/02.",
    "Militants attacked a government outpost near the livestock market in Heliwa district "
    "on 24/02.",
    "On 7 May 2020, a roadside bomb hit a police vehicle at Hoosh junction in Mogadishu-"
    "Dharkenley district (Dharkenley, Banadir).",
    "Insurgents fired three mortar rounds at Villa Somalia on the afternoon of 02/04.",
])
def test_an_event_in_a_district_of_mogadishu_is_in_the_city(
        pipeline: Pipeline, text: str) -> None:
    assert stage_version(pipeline, "places") >= 114
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.country, event.geo_precision) == ("Mogadishu", "Somalia", 1)


@pytest.mark.parametrize("text", [
    "A grenade attack in Kamenge neighborhood killed one person and injured two.",
    "Gunmen shot dead three men at a bar in Bwiza on Saturday night.",
])
def test_an_event_in_a_quarter_of_bujumbura_is_in_the_city(
        pipeline: Pipeline, text: str) -> None:
    assert stage_version(pipeline, "places") >= 115
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.country, event.geo_precision) == ("Bujumbura", "Burundi", 1)
