"""Linking new reports reads the placed reports they could meet: those within
``placing.WINDOW`` of a new report's day (the stretches around each, not the span from the
first new report to the last) and the undated ones; every placed report when a new one is
undated."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from backends import Backend
from made_incidents import add_incident, add_report
from raqib.services import incidents, placing
from raqib.store.engine import transaction
from raqib.store.models import Report

DAY = date(2019, 1, 1)


def test_day_ranges_join_the_days_whose_windows_meet() -> None:
    around = timedelta(days=45)
    days = [DAY + timedelta(days=150), DAY, DAY + timedelta(days=9), DAY]
    assert placing.day_ranges(days, around) == [
        (DAY - around, DAY + timedelta(days=9) + around),
        (DAY + timedelta(days=150) - around, DAY + timedelta(days=150) + around)]
    assert placing.day_ranges(days, around, most=1) == [
        (DAY - around, DAY + timedelta(days=150) + around)]
    touching = [DAY, DAY + 2 * around]  # the two windows share their last and first day
    assert len(placing.day_ranges(touching, around)) == 1


@pytest.mark.parametrize("undated", [False, True])
def test_placed_reports_far_from_every_new_one_are_not_read(
        tmp_path: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch, undated: bool) -> None:
    """Incidents 1, 2 and 3 (one report each) on days 0, 200 and 400; new reports 11 and 13 on
    days 0 and 400 join 1 and 3, and report 2, 200 days from both, is not read, unless a new
    report (14) has no date."""
    ws = backend.create(tmp_path / "ws")
    read: set[int] = set()
    views = incidents.report_views

    def spy(session, reports, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.update(r.id for r in reports)
        return views(session, reports, *args, **kwargs)

    monkeypatch.setattr(incidents, "report_views", spy)
    try:
        with transaction(ws.sessions) as session:
            for n in (1, 2, 3):
                add_incident(session, n, DAY + timedelta(days=200 * (n - 1)), "Battles")
            add_report(session, 11, DAY, "Battles")
            add_report(session, 13, DAY + timedelta(days=400), "Battles")
            if undated:
                add_report(session, 14, None, "Battles")  # joins 1 by its words alone
        placing.link_new(ws)
        with ws.sessions() as session:
            placed = dict(session.execute(select(Report.id, Report.incident_id)).all())
        assert (placed[11], placed[13]) == (1, 3)
        assert read >= {1, 3, 11, 13}
        assert (2 in read) is undated
    finally:
        ws.close()


def test_a_backlog_is_written_a_batch_at_a_time_with_the_same_result(
        tmp_path: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    """Placements and new incidents written a few rows per statement (``WRITE_BATCH``) come
    out as when written in one statement each."""
    days = [0, 0, 1, 5, 5, 9, 40, 40, 41, 90, 200, 200, 380]
    outcomes = []
    for size in (placing.WRITE_BATCH, 2):
        monkeypatch.setattr(placing, "WRITE_BATCH", size)
        ws = backend.create(tmp_path / f"ws{size}")
        try:
            with transaction(ws.sessions) as session:
                for n, day in enumerate(days, start=1):
                    add_report(session, n, DAY + timedelta(days=day), "Battles")
            summary = placing.link_new(ws)
            with ws.sessions() as session:
                outcomes.append((summary.placed, summary.new_incidents, dict(
                    session.execute(select(Report.id, Report.incident_id)).all())))
        finally:
            ws.close()
    assert outcomes[0] == outcomes[1]
    placed, new_incidents, where = outcomes[1]
    assert placed == len(days) and new_incidents > 2 and None not in where.values()
