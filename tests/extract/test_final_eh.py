"""A Levantine name's final '-eh' written with or without its h ('Nabatiyeh' and 'Nabatiye'),
as the final '-ah' of v24 ('Raqqah' and 'Raqqa'): ``extract.places.v128``,
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
