"""`raqib process` tells of each step's progress: the documents processed, the reports
placed by the linking pass and the incidents refreshed (``placing.Steps``); the command draws
a bar for each step as it first reports."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from rich.progress import Progress

from backends import Backend
from made_incidents import add_report
from raqib.cli.incidents import _bars, took
from raqib.services import placing
from raqib.store.engine import transaction
from raqib.workspace import Workspace

TYPES = ("Battles", "Protests", "Riots")


def _reports(ws: Workspace, count: int) -> None:
    """``count`` reports that never link (a type and a day each of their own)."""
    with transaction(ws.sessions) as session:
        for n in range(1, count + 1):
            add_report(session, n, date(2019, 1, 1) + timedelta(days=40 * n), TYPES[n % 3])


def _calls(calls: list[tuple[str, int, int]], step: str) -> list[tuple[int, int]]:
    return [(done, total) for name, done, total in calls if name == step]


def test_linking_and_refreshing_report_their_progress(
        tmp_path: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(placing, "EVERY", 2)
    ws = backend.create(tmp_path / "ws")
    try:
        _reports(ws, 5)
        calls: list[tuple[str, int, int]] = []
        linked = placing.link_and_refresh(ws, progress=lambda *call: calls.append(call))
        assert linked.placed == linked.new_incidents == 5
        assert _calls(calls, "linking") == [(0, 5), (2, 5), (4, 5), (5, 5)]
        refreshed = _calls(calls, "refreshing")
        assert refreshed[0] == (0, 5) and refreshed[-1] == (5, 5)
        assert [done for done, _ in refreshed] == sorted(done for done, _ in refreshed)
        assert {name for name, _, _ in calls} == {"linking", "refreshing"}
        calls.clear()  # nothing new: no step to tell of
        assert placing.link_and_refresh(ws, progress=lambda *call: calls.append(call)).placed == 0
        assert calls == []
    finally:
        ws.close()


def test_each_refresh_of_a_run_is_a_step_of_its_own(tmp_path: Path, backend: Backend) -> None:
    """New reports and an incident an earlier run left stale: the incidents the linking
    changed and the stale one are refreshed by two passes, reported as two steps, each with
    one total (before, both were "refreshing", and the bar started over with a new total)."""
    from sqlalchemy import update

    from raqib.store.models import Incident

    ws = backend.create(tmp_path / "ws")
    try:
        _reports(ws, 3)
        assert placing.link_new(ws).placed == 3
        with transaction(ws.sessions) as session:
            session.execute(update(Incident).where(Incident.id == 1).values(stale=True))
            for n in (4, 5):
                add_report(session, n, date(2019, 1, 1) + timedelta(days=40 * n), TYPES[n % 3])
        calls: list[tuple[str, int, int]] = []
        assert placing.link_and_refresh(ws, progress=lambda *c: calls.append(c)).placed == 2
        linked, stale = _calls(calls, "refreshing"), _calls(calls, placing.RESTALE)
        assert linked[-1] == (2, 2) and {total for _, total in linked} == {2}
        assert stale[-1] == (1, 1) and {total for _, total in stale} == {1}
        assert placing.stale_incidents(ws) == []
    finally:
        ws.close()


def test_a_pass_without_progress_places_the_same(tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _reports(ws, 3)
        assert placing.link_new(ws).placed == 3
    finally:
        ws.close()


def test_the_command_draws_a_bar_per_step_as_it_first_reports() -> None:
    with Progress(disable=True) as bar:
        advance = _bars(bar)
        advance("processing", 2, 4)
        advance("processing", 4, 4)
        advance("linking", 0, 9)
        advance("linking", 6, 9)
        shown = [(task.description, task.completed, task.total) for task in bar.tasks]
    assert shown == [("processing", 4, 4), ("linking", 6, 9)]


def test_each_step_is_timed_from_its_first_report_to_the_next_ones() -> None:
    """Every step reports (0, total) as it begins, so its time runs to the next step's
    beginning; what comes before the first is "starting"."""
    now = [100.0]
    seen: list[tuple[str, int, int]] = []
    times = placing.StepTimes(lambda *call: seen.append(call), clock=lambda: now[0])
    for when, step, done in ((102.0, "processing", 0), (110.0, "processing", 4),
                             (112.5, "linking", 0), (113.0, "linking", 9),
                             (120.0, "refreshing", 0), (121.0, "refreshing", 3)):
        now[0] = when
        times(step, done, 9)
    now[0] = 124.0
    assert seen[1] == ("processing", 4, 9) and len(seen) == 6  # passed on as they came
    assert times.seconds() == {"starting": 2.0, "processing": 10.5, "linking": 7.5,
                               "refreshing": 4.0, "total": 24.0}
    assert took(times.seconds()) == ("took 24.0 s: starting 2.0 s, processing 10.5 s, "
                                     "linking 7.5 s, refreshing 4.0 s")
    assert took(placing.StepTimes(clock=lambda: 5.0).seconds()) == "took 0.0 s"

