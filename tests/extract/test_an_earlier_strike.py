"""'Turkish drones struck Syrian army positions in Idlib on Sunday, a day after 33 Turkish
soldiers were killed in an air strike blamed on Damascus': the dead of the earlier strike are
not this one's (assemble v51, with the clause after 'a day after' and a number: sentences),
the capital it was blamed on is no place (places v47), and an act 'blamed on' someone is
no claim by the act (claims v10)."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

TEXT = ("Turkish drones struck Syrian army positions in Idlib on Sunday, a day after 33 Turkish "
        "soldiers were killed in an air strike blamed on Damascus.")


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 51
    assert stage_version(pipeline, "places") >= 47
    assert stage_version(pipeline, "claims") >= 10


def test_the_earlier_strikes_dead_and_its_culprit_are_not_this_events(
        pipeline: Pipeline) -> None:
    doc = pipeline.run("t", TEXT, date(2020, 3, 1))
    event = doc.events[0]
    assert (event.sub_event_type, event.location, event.fatalities) == (
        "Air/drone strike", "Idlib", 0)
    assert doc.claims == []


def test_a_count_of_the_events_own_stays(pipeline: Pipeline) -> None:
    """Only the counts inside the earlier clause are left out."""
    doc = pipeline.run("t", "Turkish drones struck Syrian army positions in Idlib on Sunday, "
                       "killing 19 soldiers, a day after 33 Turkish soldiers were killed in "
                       "an air strike.", date(2020, 3, 1))
    assert doc.events[0].fatalities == 19


def test_a_country_blamed_is_still_a_country(pipeline: Pipeline) -> None:
    """A country blamed stays a candidate place (only a town stands for its government)."""
    doc = pipeline.run("t", "Two rockets hit a base near Erbil on Monday in an attack blamed on "
                       "Iran-backed militias.", date(2020, 3, 1))
    assert doc.events[0].country == "Iraq"
