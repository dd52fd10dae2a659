"""'Overnight' names the report's day, as 'this morning' and 'tonight' do (dates v14): the
night that ends on it. It had named no day, and the event took the report's month."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "dates") >= 14


def test_overnight_is_the_reports_day(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "Drones struck a power station near the city overnight, officials "
                            "said.", date(2024, 3, 6))
    assert [(e.event_date, e.time_precision) for e in doc.events] == [("2024-03-06", 1)]


def test_a_day_named_with_it_wins(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "On 3 March, artillery shelled the town overnight.",
                       date(2024, 3, 6))
    assert [(e.event_date, e.time_precision) for e in doc.events] == [("2024-03-03", 1)]
