"""Two incidents in one wire story, and the troops a remote attack killed (2026-12-06,
thirty-fourth session; events v145, actors v81)."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2023, 3, 14)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 145
    assert stage_version(pipeline, "actors") >= 83
    assert stage_version(pipeline, "assemble") >= 101
    assert stage_version(pipeline, "dates") >= 13


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


def test_a_background_event_takes_no_place_from_the_lead(pipeline: Pipeline) -> None:
    """assemble v101: 'in May, its fighters overran a base ...' after an attack in August
    is another event, months away: it took the lead's region, whose sentence is not its."""
    doc = pipeline.run("t", "Al Shabaab militants attacked a military base in the Hiraan "
                       "region on Sunday, killing at least 10 soldiers, an officer said. In "
                       "May, its fighters overran a peacekeepers' camp near the coast, killing "
                       "dozens of troops.", date(2022, 8, 8))
    lead, *others = doc.events
    assert lead.admin1 == "Hiraan"
    may = [e for e in others if e.event_date.startswith("2022-05")]
    assert may and all(e.admin1 != "Hiraan" for e in may)


def test_militants_linked_to_a_group_are_its_members(pipeline: Pipeline) -> None:
    """actors v83: 'militants linked to the Islamic State' are IS's, as 'fighters of the
    SNA' are the SNA's: one party, not an unnamed group fighting IS."""
    event = first_event(pipeline, "Militants linked to the Islamic State killed 17 villagers "
                        "in an overnight raid in Ituri province, local officials said.", DAY)
    assert event.actor1.startswith("Islamic State")
    assert event.actor2.startswith("Civilians")


def test_a_yearless_day_near_the_texts_own_date(pipeline: Pipeline) -> None:
    """dates v13: with no reference date, 'On May 7' after 'On 5 May 2016' is 7 May 2016
    (it was 2015: the last 7 May up to the only full date the text writes)."""
    doc = pipeline.run("t", "On 5 May 2016, police arrested a lawyer in Cairo. On May 7, his "
                       "colleagues protested outside the court.", None)
    assert [d.value for d in doc.dates] == [date(2016, 5, 5), date(2016, 5, 7)]
