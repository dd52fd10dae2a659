"""Refreshing outside the writer's lock (``raqib.services.refreshing``): values computed from a
read are written only while what they were computed from is unchanged; an incident changed in
between is recomputed under the lock. On both backends."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select

import raqib.store
from backends import Backend
from clirun import processed_samples
from raqib.services import incidents, refreshing
from raqib.services.answers import generation
from raqib.store.engine import transaction
from raqib.store.models import Incident, Report
from raqib.workspace import Workspace

SHOWN = ("event_type", "event_date", "fatalities_min", "fatalities_max", "grade", "contested",
         "stands", "sides", "stale", "summary")


def _state(ws: Workspace, incident_id: int) -> dict[str, Any]:
    with ws.sessions() as session:
        row = session.get(Incident, incident_id)
        assert row is not None
        return {name: getattr(row, name) for name in SHOWN}


def _busiest(ws: Workspace) -> tuple[int, list[int]]:
    """The incident with most reports, and its reports."""
    with ws.sessions() as session:
        pairs = session.execute(select(Report.incident_id, Report.id)
                                .where(Report.incident_id.is_not(None))).all()
    by_incident: dict[int, list[int]] = {}
    for incident_id, report_id in pairs:
        by_incident.setdefault(incident_id, []).append(report_id)
    incident_id = max(by_incident, key=lambda i: len(by_incident[i]))
    assert len(by_incident[incident_id]) >= 2
    return incident_id, sorted(by_incident[incident_id])


def _grade_by_hand(session: Any, incident_id: int, reports: list[int]) -> None:
    row = session.get(Incident, incident_id)
    row.manual_grade, row.manual_grade_reason = "discounted", "footage from another year"


def _take_a_report_out(session: Any, incident_id: int, reports: list[int]) -> None:
    session.get(Report, reports[-1]).incident_id = None


@pytest.fixture
def ws(tmp_path: Path, backend: Backend) -> Workspace:
    workspace = processed_samples(tmp_path / "ws", backend.init_args(tmp_path / "ws"))
    yield workspace
    workspace.close()


@pytest.mark.parametrize("elsewhere", [False, True])
def test_unchanged_inputs_get_the_values_computed_from_the_read(ws: Workspace,
                                                                elsewhere: bool) -> None:
    """Nothing written in between (the generation tells), or another incident changed (the
    inputs, read again, tell)."""
    incident_id, _ = _busiest(ws)
    with transaction(ws.sessions) as session:  # what a refresh under the lock writes
        incidents.refresh(session, [incident_id])
    expected = _state(ws, incident_id)
    with transaction(ws.sessions) as session:  # make it stale and wrong, then refresh apart
        session.get(Incident, incident_id).stale = True
        session.get(Incident, incident_id).summary = {"empty": True}
    done = refreshing.computed(ws, [incident_id])
    assert _state(ws, incident_id)["stale"] is True  # the read wrote nothing
    if elsewhere:
        with transaction(ws.sessions) as session:
            other = session.execute(select(Incident).where(Incident.id != incident_id)
                                    .limit(1)).scalar_one()
            other.manual_grade, other.manual_grade_reason = "weak", "another incident"
    with transaction(ws.sessions) as session:
        assert refreshing.write(session, done) == 0
    assert _state(ws, incident_id) == expected


@pytest.mark.parametrize("change", [_grade_by_hand, _take_a_report_out])
def test_an_incident_changed_between_the_read_and_the_write_is_recomputed(
        ws: Workspace, change: Callable[..., None]) -> None:
    incident_id, reports = _busiest(ws)
    done = refreshing.computed(ws, [incident_id])
    with transaction(ws.sessions) as session:  # another writer, in between
        change(session, incident_id, reports)
    with transaction(ws.sessions) as session:
        assert refreshing.write(session, done) == 1
    written = _state(ws, incident_id)
    with transaction(ws.sessions) as session:
        incidents.refresh(session, [incident_id])
    assert written == _state(ws, incident_id)  # as a refresh under the lock computes it
    if change is _grade_by_hand:
        assert written["grade"] == "discounted"
    else:
        assert written["summary"]["reports"] == len(reports) - 1


def test_the_refresh_sets_no_column_outside_what_is_kept(ws: Workspace) -> None:
    with ws.sessions() as session:
        ids = sorted(session.execute(select(Incident.id)).scalars())
        rows, views = incidents.batch_of(session, ids)
        for incident_id, row in rows.items():
            row.summary = None  # so that every column the refresh sets shows as changed
            incidents.recompute(row, views[incident_id])
            changed = {a.key for a in inspect(row).attrs if a.history.has_changes()}
            assert changed <= set(refreshing.SET), changed - set(refreshing.SET)
        session.rollback()


def test_refresh_all_skips_ids_that_do_not_exist(ws: Workspace) -> None:
    incident_id, _ = _busiest(ws)
    refreshing.refresh_all(ws, [incident_id, 10_000])
    assert _state(ws, incident_id)["stale"] is False
    assert refreshing.computed(ws, [10_000]).items == {}


def _generations(ws: Workspace) -> tuple[int, int]:
    with ws.sessions() as session:
        return refreshing.input_generation(session), generation(session)


def test_a_refresh_moves_the_data_generation_but_not_the_input_generation(
        ws: Workspace) -> None:
    """So two workers refreshing at once each find the number as they read it, and write
    without reading their batch again."""
    incident_id, reports = _busiest(ws)
    with transaction(ws.sessions) as session:
        session.get(Incident, incident_id).stale = True
    inputs, data = _generations(ws)
    refreshing.refresh_all(ws, [incident_id])
    assert _state(ws, incident_id)["stale"] is False
    assert _generations(ws) == (inputs, data + 1)  # the web's answers must be new ...
    for change in (_grade_by_hand, _take_a_report_out):  # ... and writes of inputs move both
        inputs, data = _generations(ws)
        with transaction(ws.sessions) as session:
            change(session, incident_id, reports)
        assert _generations(ws) == (inputs + 1, data + 1)


def test_the_input_generation_trigger_covers_every_column_a_refresh_does_not_set() -> None:
    folder = Path(raqib.store.__file__).parent / "migrations" / "versions"
    spec = importlib.util.spec_from_file_location("m0017", folder / "0017_input_generation.py")
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    columns = {column.key for column in Incident.__table__.columns}
    assert set(migration.OTHER) == columns - set(refreshing.SET)
