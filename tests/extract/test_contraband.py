"""Gangs where ACLED gives the drug trade to gangs: contraband seized by the state
(`extract.assemble.v84`, ``event_sides.contraband``) and the marks an execution left (v85)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.mark.parametrize(("text", "target"), [
    ("On 1 June 2020, federal police seized two tons of marijuana in a truck on the BR-116 "
     "highway near Feira de Santana, Bahia.", "Unidentified Gang (Brazil)"),
    ("On 1 June 2020, soldiers found and destroyed a clandestine airstrip used by drug "
     "traffickers near Puerto Lempira, Gracias a Dios.", "Unidentified Gang (Honduras)"),
])
def test_contraband_seized_by_the_state_was_a_gangs(pipeline: Pipeline, text: str,
                                                     target: str) -> None:
    """assemble v84: where ACLED gives the drug trade to gangs, drugs or contraband that
    state forces seized or destroyed were an unidentified gang's (the seizure's target had
    been civilians)."""
    assert stage_version(pipeline, "assemble") >= 84
    event = first_event(pipeline, text, date(2020, 6, 2))
    assert event.actor2 == target


def test_a_gang_named_by_the_marks_it_left_in_the_next_sentence(pipeline: Pipeline) -> None:
    """assemble v85: 'a man was found dead ... The victim had his hands tied': the execution's
    marks, told in the sentence after the death, name ACLED's unidentified gang as actor1
    (the event's own words named no one, and it had been an unidentified armed group)."""
    assert stage_version(pipeline, "assemble") >= 85
    event = first_event(pipeline, "On 1 June 2020, in Celaya, Guanajuato, a man was found dead "
                                  "by a road. His hands and feet were tied.", date(2020, 6, 2))
    assert event.actor1 == "Unidentified Gang (Mexico)"


@pytest.mark.parametrize(("text", "perpetrator", "victim"), [
    ("On 1 June 2020, in Manaus, Amazonas, a man was shot to death by two armed men. The victim "
     "had charges against him for drug trafficking.", "Unidentified Gang and/or Police Militia",
     "Unidentified Gang (Brazil)"),
    ("On 1 June 2020, in Celaya, Guanajuato, an alleged drug dealer was shot dead by armed men.",
     "Unidentified Gang (Mexico)", "Unidentified Gang (Mexico)"),
])
def test_a_victim_told_as_a_criminal_is_a_gangs(pipeline: Pipeline, text: str,
                                                perpetrator: str, victim: str) -> None:
    """assemble v86: a victim with charges against him or told as a drug dealer is a gang's
    member, and his unidentified killers a gang (Brazil's name for it: gang and/or police
    militia), as ACLED codes such killings; they had been civilians and an armed group."""
    assert stage_version(pipeline, "assemble") >= 86
    event = first_event(pipeline, text, date(2020, 6, 2))
    assert (event.actor1, event.actor2) == (perpetrator, victim)
    # assemble v88: the killing of a gang's member is an armed clash, two armed sides
    assert (event.sub_event_type, event.event_type) == ("Armed clash", "Battles")


def test_the_armed_side_of_a_police_shoot_out_in_brazil(pipeline: Pipeline) -> None:
    """assemble v89: in Brazil, the unidentified armed side of a shoot-out with the police is
    ACLED's 'Unidentified Gang and/or Police Militia'; in Mexico it stays an unidentified
    armed group, as ACLED codes it there."""
    assert stage_version(pipeline, "assemble") >= 89
    text = ("On 1 June 2020, in {}, eight armed men exchanged fire with military police forces "
            "during a patrol. No fatalities.")
    brazil = first_event(pipeline, text.format("Manaus, Amazonas"), date(2020, 6, 2))
    assert brazil.sub_event_type == "Armed clash"
    assert "Unidentified Gang and/or Police Militia" in (brazil.actor1, brazil.actor2)
    mexico = first_event(pipeline, text.format("Celaya, Guanajuato"), date(2020, 6, 2))
    assert "Unidentified Armed Group (Mexico)" in (mexico.actor1, mexico.actor2)


@pytest.mark.parametrize("marks", ["The victim was beheaded.",
                                   "She had been shot in the back of the head."])
def test_marks_told_after_a_body_found_name_the_gang(pipeline: Pipeline, marks: str) -> None:
    """assemble v90: the marks may be read inside the event's own words too (the death and
    the marks one incident), and a shot in the back of the head, mutilation, human remains
    are marks (actors v64)."""
    assert stage_version(pipeline, "assemble") >= 90
    event = first_event(pipeline, "On 1 June 2020, in Tijuana, Baja California, a woman was "
                                  f"found dead in Colonia Centro. {marks}", date(2020, 6, 2))
    assert event.actor1 == "Unidentified Gang (Mexico)"


@pytest.mark.parametrize("text", [
    "On 1 June 2020, in Cascavel, Parana, military police seized 800 kg of cannabis hidden in a "
    "bus. Three people were arrested.",
    "On 1 June 2020, in Cascavel, Parana, military police seized 240,000 packs of smuggled "
    "cigarettes in a warehouse. A man was arrested.",
])
def test_people_arrested_with_goods_seized_belong_to_the_seizure(pipeline: Pipeline,
                                                                 text: str) -> None:
    """events v151 (seizure-over-arrests): the arrests of the people found with the goods are
    made in the seizure, one event coded as ACLED's looting/property destruction (the
    arrests, told in a sentence of their own, had been the first event, with no actor)."""
    assert stage_version(pipeline, "events") >= 151
    doc = pipeline.run("t", text, date(2020, 6, 2))
    assert [(e.sub_event_type, e.actor1) for e in doc.events] == [
        ("Looting/property destruction", "Military Forces of Brazil (2019-) Military Police")]


def test_a_drug_laboratory_dismantled_is_no_weapon_kept_from_its_use(pipeline: Pipeline) -> None:
    """events v151 (drugs-destroyed): a drug laboratory dismantled by the police is property
    destroyed; the model had read 'dismantled' as disrupted weapons use."""
    event = first_event(pipeline, "On 1 June 2020, in Boa Vista, Roraima, federal police "
                                  "forces dismantled a drug lab.", date(2020, 6, 2))
    assert event.sub_event_type == "Looting/property destruction"


def test_goods_counted_after_seized_are_no_captives(pipeline: Pipeline) -> None:
    """numbers v84: goods and their measures are things ('seized 240,000 packs of
    cigarettes' had counted 240,000 people kidnapped)."""
    assert stage_version(pipeline, "numbers") >= 84
    doc = pipeline.run("t", "On 1 June 2020, military police seized 240,000 packs of "
                            "cigarettes and 12 motorcycles in Foz do Iguacu.", date(2020, 6, 2))
    assert [c.kind for c in doc.counts] == ["other", "other"]
