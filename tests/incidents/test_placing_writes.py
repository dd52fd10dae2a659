"""A linking pass writes what the pass placed: ``placing.link_new`` creates its incidents and
sets its reports' incidents with one statement per batch over rows made of one parameter
(``idsets.id_rows``, ``idsets.pair_rows``), not an executemany of a parameter set per row.
The stored placements must be those of the pass itself, done in memory over the same views in
the same order, and the new incidents' rows those the ORM would have written."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select

from backends import Backend
from made_incidents import add_report
from raqib.incidents import linking
from raqib.services import incidents, placing
from raqib.store.engine import transaction
from raqib.store.models import Incident, Report

DAY = date(2019, 1, 1)
DAYS = [9, 0, 0, 1, 5, 5, 5, 9, 40, 40, 41, 90, 200, 200, 380, 0]
"""Reports by day: those of one day share their words and link; stored out of date order."""


def _expected(ws: object) -> dict[int, int]:
    """The pass done in memory: the unplaced reports' views in the pass's order, linked into
    an empty index, incidents numbered from 1 as a store with none numbers them."""
    with ws.sessions() as session:  # type: ignore[attr-defined]
        views = [view for _, view in incidents.streamed_views(session, select(
            *incidents.REPORT_COLUMNS).where(Report.incident_id.is_(None))
            .order_by(*placing.IN_ORDER))]
    counter = itertools.count(1)
    return linking.link(views, linking.IncidentIndex(), lambda: next(counter),
                        dated_in_order=True)


@pytest.mark.parametrize("batch", [placing.WRITE_BATCH, 3])
def test_the_stored_placements_are_the_pass_s_own(
        tmp_path: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    monkeypatch.setattr(placing, "WRITE_BATCH", batch)
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            for n, day in enumerate(DAYS, start=1):
                add_report(session, n, DAY + timedelta(days=day), "Battles")
        expected = _expected(ws)
        writes: list[tuple[str, bool]] = []

        @event.listens_for(ws.engine, "before_cursor_execute")
        def spy(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith(("UPDATE REPORTS", "INSERT INTO INCIDENTS")):
                writes.append((statement.split()[0].upper(), executemany))

        summary = placing.link_new(ws, refresh_now=False)
        event.remove(ws.engine, "before_cursor_execute", spy)
        with ws.sessions() as session:
            stored = dict(session.execute(select(Report.id, Report.incident_id)).all())
            rows = session.scalars(select(Incident).order_by(Incident.id)).all()
            columns = {(r.fatalities_min, r.fatalities_max, r.contested, r.stale, r.stands,
                        r.merged_into, r.grade, str(r.summary), str(r.corrections)) for r in rows}
            created = {(r.created_at == r.updated_at, r.created_at is not None) for r in rows}
        assert stored == expected
        assert len(set(expected.values())) == summary.new_incidents == len(rows) < len(DAYS)
        assert [r.id for r in rows] == sorted(set(expected.values()))
        assert columns == {(0, 0, False, True, True, None, None, "{}", "{}")}
        assert created == {(True, True)}
        # one statement per batch of rows, not an executemany of a parameter set per row
        assert sorted(writes) == (
            [("INSERT", False)] * math.ceil(summary.new_incidents / batch)
            + [("UPDATE", False)] * math.ceil(len(DAYS) / batch))
    finally:
        ws.close()
