"""The victims named last in a clause before a speaker do not speak with it (assemble v54):
a comma joins speakers only when the first opens the sentence."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 54


@pytest.mark.parametrize(("text", "day", "actor2"), [
    ("Militants attacked a checkpoint in the Sinai city of Arish, killing five policemen, the "
     "interior ministry said.", date(2017, 1, 9), "Police Forces of Egypt (2014-)"),
    ("M23 rebels seized the town of Kiwanja in North Kivu on Saturday after clashes with the "
     "Congolese army, a local official said.", date(2022, 10, 15),
     "Military Forces of the Democratic Republic of Congo (2019-)"),
])
def test_the_last_party_before_a_speaker_keeps_its_role(pipeline: Pipeline, text: str,
                                                        day: date, actor2: str) -> None:
    """', killing five policemen, the interior ministry said' had the policemen speak with the
    ministry, as 'Syrian media, the Russian ministry said' lists two speakers: they took no
    role, and the victims were an unidentified armed group."""
    assert first_event(pipeline, text, day).actor2 == actor2


def test_speakers_listed_with_a_comma_still_speak(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Syrian state media, the Russian defence ministry said "
                        "rebels shelled Aleppo.", date(2017, 1, 9))
    assert event.actor1 == "Opposition Rebels (Syria)"
    assert "Military Forces of Russia" not in (event.actor2 or "")


def test_a_partys_facility_hit_makes_it_the_target(pipeline: Pipeline) -> None:
    """assemble v56: 'a car bomb exploded outside a police station' made the police the
    bombers; the party whose station, post, base or checkpoint an event hit is its target."""
    event = first_event(pipeline, "A car bomb exploded outside a police station in the Kurdish "
                        "city of Diyarbakir, wounding 12 people.", date(2016, 11, 4))
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Turkey)",
                                            "Police Forces of Turkey (2016-)")


def test_a_force_at_its_checkpoint_still_acts(pipeline: Pipeline) -> None:
    event = first_event(pipeline, "Police at a checkpoint in Diyarbakir shot dead two PKK "
                        "militants.", date(2016, 11, 4))
    assert event.actor1 == "Police Forces of Turkey (2016-)"


@pytest.mark.parametrize("aside", [
    "His UN ambassador Nikki Haley promised a strong response at the Security Council.",
    "The UN special envoy called for an inquiry.",
])
def test_a_body_named_by_its_envoys_takes_no_part(pipeline: Pipeline, aside: str) -> None:
    """assemble v82: a body named only by its ambassador, envoy or investigators ('his UN
    ambassador') speaks and inquires; it is not the author of the attack told near it (a
    chemical attack's actor1 had been the United Nations)."""
    text = (f"Trump says Syria chemical attack cannot be tolerated. {aside} "
            "He blamed the attack on the Assad regime.")
    event = first_event(pipeline, text, date(2017, 4, 5))
    assert event.sub_event_type == "Chemical weapon"
    assert event.actor1 != "UN: United Nations"
