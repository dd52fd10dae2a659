"""Security guards are ACLED's private security forces (actors v86), and a party that was
shot at is the target (assemble v108)."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2024, 6, 10)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "actors") >= 86
    assert stage_version(pipeline, "assemble") >= 108


def test_a_security_guard_is_private_security(pipeline: Pipeline) -> None:
    event = pipeline.run("t", "On 2 June 2024, a security guard shot dead a shopper who "
                              "refused to wear a mask at a mall in Pretoria.", DAY).events[0]
    assert event.actor1 == "Private Security Forces (South Africa)"
    assert event.inter1 == 8


def test_the_presidents_guards_are_the_army(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Presidential security guards pushed back protesters near the "
                            "palace in Niamey.", DAY)
    assert "Private Security Forces (Niger)" not in {a.name for a in doc.actors}


def test_a_patrol_shot_at_is_the_target(pipeline: Pipeline) -> None:
    event = pipeline.run("t", "On 5 June 2024, a police patrol was shot at by armed men on "
                              "the road to Kano. No one was hurt.", DAY).events[0]
    assert event.actor2.startswith("Police Forces of Nigeria")
    assert event.actor1.startswith("Unidentified Armed Group")


def test_an_attack_on_armed_men_held_stays_an_attack() -> None:
    """The killing of armed people held is no fight: the attack keeps its type."""
    from raqib.extract import taxonomy
    from raqib.extract.event_rereading import armed_target
    from raqib.extract.model import ActorMention, Event, EventCue, Span

    text = "Militants executed two captured soldiers near the base."
    typed = taxonomy.load().typed("Attack")
    soldiers = ActorMention(Span(31, 39, "soldiers"), "Military Forces of Mali (2021-)", 1)
    for words, expected in ((text, "Attack"),
                            ("Militants shot at two soldiers near the base.", "Armed clash")):
        event = Event(**typed)
        cue = EventCue(Span(0, len(words), words), score=0.5, **typed)
        cue = armed_target(event, cue, [soldiers], frozenset({id(soldiers)}))
        assert (cue.sub_event_type, event.sub_event_type) == (expected, expected)


def test_police_shot_by_a_man_fought_an_armed_man(pipeline: Pipeline) -> None:
    """assemble v110: a civilian-looking shooter ('a man') is no victim: the police shot at
    make the attack an armed clash still."""
    assert stage_version(pipeline, "assemble") >= 110
    event = pipeline.run("t", "On 4 June 2024, in Uruapan, Michoacan, police officers on "
                              "patrol were shot by a man they tried to question. No injuries "
                              "were reported.", DAY).events[0]
    assert event.sub_event_type == "Armed clash"
    assert event.actor2.startswith("Police Forces of Mexico")
