"""A village named in a text that quotes a front's monitors lies on the front: where the
gazetteer has no namesake in the front's regions, one far from them is not chosen
(``extract.places.v106``, ``place_context.off_front``)."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2020, 5, 10)


def test_a_namesake_far_from_the_front_is_no_place(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 106
    event = first_event(pipeline, "On 9 May 2020, the OSCE SMM recorded 6 explosions of "
                        "unknown weapons near Lozove.", DAY)  # the gazetteer's only: Crimea
    assert (event.country, event.location, event.admin1, event.latitude) == (
        "Ukraine", "", "", None)


def test_a_namesake_on_the_front_still_stands(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "On 9 May 2020, the OSCE SMM recorded 6 explosions of "
                        "unknown weapons near Vesele.", DAY)
    assert (event.location, event.admin1) == ("Vesele", "Donetsk")


def test_a_city_far_from_the_front_still_stands(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "On 9 May 2020, about 200 people protested in Lviv against "
                        "the lockdown, an OSCE SMM patrol said.", DAY)
    assert (event.location, event.admin1) == ("Lviv", "Lviv")


def test_the_front_is_known_by_its_sides_too(pipeline: Pipeline) -> None:
    """A report that names the Donbass People's Militia or the NAF rebels speaks of the same
    front as the monitors' (places v141, ``resources/actors/fronts.tsv``): 'Bila' of 'Bila
    Kamianka' is no village of Ternopil, 900 km west; the event stays in Donetsk, the province
    the words name."""
    assert stage_version(pipeline, "places") >= 141
    event = first_event(pipeline, "On 9 May 2020, Ukrainian forces fired grenade launchers at "
                        "the positions of the Donbass People's Militia near Bila Kamianka, "
                        "Donetsk.", DAY)
    assert (event.admin1, event.location) == ("Donetsk", "Donetsk")
