"""A bare plural after a figure names the same victims again, uncounted (numbers v73)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2023, 3, 14)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "numbers") >= 73


@pytest.mark.parametrize(("text", "killed"), [
    # the bodies named again, with no number, do not lower the figure to a plural's 10
    ("An air strike killed 31 villagers in Kafr Nabl on Monday. Rescuers said the bodies of "
     "women were still being recovered.", 31),
    ("Shelling killed 14 civilians in Taiz on Sunday. Children were among the dead, medics "
     "said.", 14),
    # a lower figure given as a number still does, by ACLED's lowest-figure rule
    ("An air strike killed 31 villagers in Kafr Nabl on Monday. Local officials put the toll "
     "at 20.", 20),
    # and a bare plural alone is still the codebook's plural
    ("Civilians were killed in a village near Djibo on Friday.", 10),
])
def test_killed(pipeline: Pipeline, text: str, killed: int) -> None:
    assert pipeline.run("t", text, DAY).events[0].fatalities == killed
