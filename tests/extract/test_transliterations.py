"""Transliterations: a Levantine name's final '-eh' written with or without its h
('Nabatiyeh' and 'Nabatiye'), as the final '-ah' of v24 ('Raqqah' and 'Raqqa'), and a letter
written twice looked up once ('Bossaso' and 'Bosaso'): ``extract.places.v128`` and v129,
``place_windows.spellings``."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from raqib.extract.place_windows import spellings
from stage_versions import first_event, stage_version


def test_the_spellings_of_a_final_eh() -> None:
    assert "nabatiye" in spellings("nabatiyeh")
    assert "nabatiyeh" in spellings("nabatiye")


def test_a_march_in_nabatiyeh_is_in_lebanon(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 128
    event = first_event(pipeline, "Hundreds marched through Nabatiyeh on Saturday, chanting "
                        "against the banks.", date(2020, 5, 2))
    assert (event.location, event.country) == ("Nabatiye", "Lebanon")


def test_a_consonant_written_twice(pipeline: Pipeline) -> None:
    """'Bossaso' is GeoNames' Bosaso, as 'Qaatabah' is Qa'tabah (v102): a letter written
    twice is looked up once (v129); 'Bossaso' alone had left the attack in Bari region."""
    assert "bosaso" in spellings("bossaso")
    assert stage_version(pipeline, "places") >= 129
    event = first_event(pipeline, "Gunmen threw a grenade at a police post near the port of "
                        "Bossaso town (Bossaso, Bari) on Friday.", date(2020, 5, 2))
    assert (event.location, event.country) == ("Bosaso", "Somalia")
