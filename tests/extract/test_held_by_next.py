"""A name right before a comma or bracket that opens on a town is a place of the district
that town seats: of its namesakes, the nearest to the town is meant ('Mora village (Surat,
Gujarat)' is the Mora by Surat, not Bilimora 49 km off, a larger town that bears the name
too; ``extract.places.v100``, ``place_context.held_by_next``)."""

from __future__ import annotations

from datetime import date

from raqib.extract.model import Event
from raqib.extract.pipeline import Pipeline
from raqib.geo import km_apart
from stage_versions import first_event, stage_version

SURAT = (21.196, 72.830)


def _event(pipeline: Pipeline, text: str) -> Event:
    return first_event(pipeline, text, date(2020, 5, 10))


def test_the_namesake_by_the_district_town(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 100
    event = _event(pipeline, "Migrant workers blocked a road and threw stones at the police "
                   "in Mora village (Surat, Gujarat) on Sunday, demanding trains home.")
    assert event.location == "Mora"
    assert km_apart(*SURAT, event.latitude, event.longitude) < 25


def test_the_town_named_with_itself_stays(pipeline: Pipeline) -> None:
    event = _event(pipeline, "Migrant workers staged a protest in Surat city (Surat, Gujarat) "
                   "on Sunday, demanding to be sent home.")
    assert event.location == "Surat"
