"""A person who set themselves on fire protests (``extract.events.v69``, the phrase
``self-immolation``), and protesting farmers who fought soldiers riot
(``crowd-fought-police`` now names farmers, herders, fishermen and miners)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2016, 1, 25)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 69


@pytest.mark.parametrize("text", [
    "A young vendor set himself on fire outside the governorate offices in Kasserine.",
    "Another self-immolation was reported in Gafsa on Tuesday.",
])
def test_a_self_immolation_is_a_protest(pipeline: Pipeline, text: str) -> None:
    assert first_event(pipeline, text, DAY).sub_event_type == "Peaceful protest"


def test_farmers_who_fought_soldiers_rioted(pipeline: Pipeline) -> None:
    text = "Clashes between protesting farmers and soldiers killed three in a village near Ambo."
    assert first_event(pipeline, text, DAY).sub_event_type == "Violent demonstration"
