"""An undated incident sorts before every dated one, on both backends: last in the
newest-first lists (the dashboard's recent incidents, the incident list, search without
words, the map), first in the chronological ones (``raqib incidents list``, exports).
SQLite orders NULL so by itself; PostgreSQL put it the other way round until the queries
named the order (``oldest_first`` / ``newest_first``) and its date indexes were rebuilt
NULLS FIRST (migration 0014). Linking places undated reports after the dated ones on both,
as ``link_all`` does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select, text

from backends import Backend, downgrade
from made_incidents import add_incident, add_report
from raqib.services import finder, overview
from raqib.services.finder import Query
from raqib.services.incidents import list_incidents
from raqib.services.placing import link_new
from raqib.services.search import Filters
from raqib.store import engine as store
from raqib.store.engine import transaction
from raqib.store.models import Report
from raqib.workspace import Workspace

NEWEST_FIRST = [3, 1, 2]
"""Incidents 1 (2019-05-02) and 3 (2019-05-09) dated, 2 undated."""


def _fill(ws: Workspace) -> None:
    with transaction(ws.sessions) as session:
        for n, day in ((1, date(2019, 5, 2)), (2, None), (3, date(2019, 5, 9))):
            add_incident(session, n, day, "Battles", latitude=36.2, longitude=37.1)


def test_newest_first_lists_end_with_the_undated(tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        assert overview.newest(ws, 10) == NEWEST_FIRST
        assert [row["id"] for row in finder.find(ws, Query(""), 1, 10).rows] == NEWEST_FIRST
        typed = Query("", Filters(type="Battles"))  # walks the type and date index
        assert [row["id"] for row in finder.find(ws, typed, 1, 10).rows] == NEWEST_FIRST
        assert [row["id"] for row in finder.find(ws, Query(""), 2, 2).rows] == [2]
        assert [f["id"] for f in finder.geo(ws, Query(""), limit=2).features] == [1, 3]
        # the newest two, shown oldest first
        mapped, total = overview.mapped(ws, 2), overview.placed_count(ws)
        assert ([m["id"] for m in mapped], total) == ([1, 3], 3)
    finally:
        ws.close()


def test_chronological_lists_start_with_the_undated(tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        assert [row["id"] for row in list_incidents(ws)] == NEWEST_FIRST[::-1]
        assert overview.page(ws, 1, 2).ids == [2, 1]
    finally:
        ws.close()


def test_linking_places_undated_reports_last(tmp_path: Path, backend: Backend) -> None:
    """Three reports that cannot link (different event types): each new incident takes the
    next id in the order they are placed, so the undated one's is the highest."""
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            for n, day, kind in ((1, date(2019, 5, 2), "Battles"), (2, None, "Protests"),
                                 (3, date(2019, 5, 9), "Riots")):
                add_report(session, n, day, kind)
        assert link_new(ws).new_incidents == 3
        with ws.sessions() as session:
            placed = dict(session.execute(select(Report.id, Report.incident_id)).all())
        assert sorted(placed, key=placed.__getitem__) == [1, 3, 2]
    finally:
        ws.close()


def _date_indexes(ws: Workspace) -> dict[str, str]:
    with ws.engine.connect() as conn:
        return dict(conn.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'incidents' "
            "AND indexdef LIKE '%event_date%' AND indexname <> 'ix_incidents_facets'")).all())


def test_the_migration_rebuilds_the_date_indexes_nulls_first(tmp_path: Path,
                                                             backend: Backend) -> None:
    """On PostgreSQL the six date indexes that order a walk are NULLS FIRST at 0014 and the
    default before; on SQLite the revision changes nothing, and the lists agree either way."""
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        server = ws.engine.dialect.name == "postgresql"
        if server:
            built = _date_indexes(ws)
            assert len(built) == 6
            assert all("event_date NULLS FIRST" in definition for definition in built.values())
        downgrade(ws.engine, "0013")
        if server:
            assert not any("NULLS" in definition for definition in _date_indexes(ws).values())
        store.migrate(ws.engine)
        if server:
            assert _date_indexes(ws) == built
        assert overview.newest(ws, 10) == NEWEST_FIRST
    finally:
        ws.close()
