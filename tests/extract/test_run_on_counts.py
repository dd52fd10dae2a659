"""Counts run on without punctuation, as incident logs write them (numbers v76): "5 NGO
staff killed 7 NGO staff injured" is five dead and seven wounded, not a killing of seven."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

DAY = date(2008, 2, 26)


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "numbers") >= 78


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("3 NGO national staff killed 4 NGO national staff injured when gunmen attacked the "
     "office in Jalalabad.", 3, 4),
    # a count after the verb with no word of its own is still its object
    ("Gunmen killed 3 aid workers near Jalalabad.", 3, None),
    ("1 killed 3 injured in a blast in Jalalabad.", 1, 3),
    # and a count of days is no object, at the text's very end too
    ("2 NGO national staff abducted and killed 8 days later", 2, None),
    # numbers v77: "an international" is a person, as "a national" is
    ("3 NGO national staff and 1 international killed in an ambush near Jalalabad.", 4, None),
    # numbers v78: shot execution-style is killed
    ("6 NGO national staff shot execution-style in their office in Jalalabad.", 6, None),
])
def test_counts(pipeline: Pipeline, text: str, killed: int, injured: int | None) -> None:
    event = pipeline.run("t", text, DAY).events[0]
    assert (event.fatalities, event.injured) == (killed, injured)
