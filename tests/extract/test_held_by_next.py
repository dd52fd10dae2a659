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


def test_the_held_place_fits_as_a_place_of_its_district(pipeline: Pipeline) -> None:
    """Monreal is a town of Spain too; named before 'Masbate', the provincial capital, it is
    the Monreal of Masbate, and it fits its context as a place named with its region does:
    the event is there, not in the larger town that qualifies it (v123; the village before
    it, which the gazetteer lacks, had left the held place with no fit)."""
    assert stage_version(pipeline, "places") >= 123
    event = _event(pipeline, "Police killed a suspect in Bagacay, Monreal, Masbate on Sunday.")
    assert (event.location, event.country) == ("Monreal", "Philippines")
