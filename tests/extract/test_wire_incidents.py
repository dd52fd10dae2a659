"""Two incidents in one wire story, and the troops a remote attack killed (2026-12-06,
thirty-fourth session; events v145, actors v81)."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2023, 3, 14)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 145
    assert stage_version(pipeline, "actors") >= 81


def test_a_separate_incident_is_read_on_its_own(pipeline: Pipeline) -> None:
    """events v145: 'In a separate incident on Monday, bandits abducted 20 travellers' had
    leaned to the armed clash the document's lead and its context read."""
    doc = pipeline.run("t", "Gunmen killed eleven people in an attack on a village in Niger "
                       "state on Sunday night, police said. In a separate incident on Monday, "
                       "bandits abducted 20 travellers on the highway between Abuja and "
                       "Kaduna.", DAY)
    assert [e.sub_event_type for e in doc.events] == [
        "Attack", "Abduction/forced disappearance"]


def test_service_members_are_their_countrys_forces(pipeline: Pipeline) -> None:
    """actors v81: 'U.S. service members' killed by a drone are the target, actor2."""
    event = first_event(pipeline, "Three U.S. service members were killed in a drone attack "
                        "on a base in Jordan near the Syrian border on Sunday.", DAY)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor2.startswith("Military Forces of the United States")
