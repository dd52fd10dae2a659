"""A place taken, told by the side that gave it up ('soldiers abandoned their positions and
fled after jihadists overran the base') or by a pronoun ('the army retook it'): who took it
decides the sub-event type (2026-12-06, thirty-fourth session; assemble v100, events v143)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2022, 9, 5)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 100
    assert stage_version(pipeline, "events") >= 143


@pytest.mark.parametrize(("text", "taker"), [
    ("Troops abandoned their posts and fled when insurgents overran the garrison near "
     "Djibo on Saturday, a security source said.", "Unidentified Armed Group"),
    ("Government soldiers withdrew from Mahaday after Al Shabaab fighters encircled it, "
     "and the militants took control of the town on Friday.", "Al Shabaab"),
])
def test_the_side_that_gave_up_a_place_did_not_take_it(pipeline: Pipeline, text: str,
                                                       taker: str) -> None:
    """The soldiers named first abandoned or withdrew: the other side took the place."""
    event = first_event(pipeline, text, DAY)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1.startswith(taker)
    assert event.actor2.startswith("Military Forces")


def test_a_place_retaken_told_by_a_pronoun(pipeline: Pipeline) -> None:
    """'Iraqi forces retook it': the village the sentence named was taken back."""
    event = first_event(pipeline, "Islamic State fighters abandoned their positions in the "
                        "village and Iraqi forces retook it on Monday.", DAY)
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1 == "Military Forces of Iraq (2020-)"
    assert event.actor2.startswith("Islamic State")


def test_attackers_who_fled_the_scene_still_attacked(pipeline: Pipeline) -> None:
    """Only posts given up or a place withdrawn from tell the losing side: gunmen who fled
    into the forest after killing are the attackers still."""
    event = first_event(pipeline, "Gunmen shot dead four herders near Gusau and fled into "
                        "the bush, police said.", DAY)
    assert event.sub_event_type == "Attack"
    assert event.actor1.startswith("Unidentified Armed Group")
