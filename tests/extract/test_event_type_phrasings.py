"""Event-type phrasings of short reports and notes, read to ACLED's taxonomy: each case of
``data/event_type_phrasings.tsv`` is a text and what the events stage must read in it
(``extract.events.v61``-``v74``; docs/extraction.md gives each version's change and
docs/evaluation.md, "A text that leans to an event" to "Bombarded after an attack",
the measurements).
A case's id names the version that made it right or guards it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from raqib.extract import taxonomy
from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version

CASES_FILE = Path(__file__).parent / "data" / "event_type_phrasings.tsv"


def _cases() -> list[object]:
    rows = [line.split("\t") for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [pytest.param(date.fromisoformat(day), expect, text, id=case)
            for case, day, expect, text in rows]


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "events") >= 84


@pytest.mark.parametrize(("day", "expect", "text"), _cases())
def test_event_type_phrasings(pipeline: Pipeline, day: date, expect: str, text: str) -> None:
    events = pipeline.run("t", text, day).events
    if expect == "none":
        assert events == []
        return
    how, _, kind = expect.partition(" ")
    assert kind in taxonomy.load().sub_event_types or kind in taxonomy.load().event_types
    assert events, text
    first = events[0]
    if how in ("only", "only-type"):
        assert len(events) == 1
    if how in ("only", "first"):
        assert first.sub_event_type == kind
    elif how in ("only-type", "type"):
        assert first.event_type == kind
    else:
        assert how == "not" and first.sub_event_type != kind


def test_a_text_that_reports_an_event_elsewhere_keeps_only_that_one(
        pipeline: Pipeline) -> None:
    """v61: the short protest note beside a killing is not read loosely."""
    text = ("Nurses protest in Lokoja over unpaid salaries. Gunmen killed three police "
            "officers at a checkpoint near Lokoja on Sunday.")
    events = pipeline.run("t", text, date(2016, 3, 14)).events
    assert len(events) == 1 and events[0].evidence is not None
    assert events[0].evidence.text.startswith("Gunmen killed three police officers")
