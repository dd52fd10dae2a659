"""An incident stands (``Incident.stands``, migration 0013) while it holds a report or was
imported: refresh clears it when its last report goes, and the migration fills it in;
lists, counts and search show only the incidents that stand. On both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import delete, select, update

from backends import Backend, downgrade
from made_incidents import add_incident
from raqib.services import finder, overview
from raqib.services.finder import Query
from raqib.services.refreshing import refresh_all
from raqib.store import engine as store
from raqib.store.engine import transaction
from raqib.store.models import Incident, Report
from raqib.workspace import Workspace


def _fill(ws: Workspace) -> None:
    """Incidents 1 and 2 with a report each, 3 imported with none."""
    with transaction(ws.sessions) as session:
        for n in (1, 2):  # None through the JSON type: the JSON text null, not NULL
            add_incident(session, n, date(2019, 5, n), "Battles", imported=None)
        add_incident(session, 3, date(2019, 5, 3), "Battles", reported=False,
                     imported={"event_id_cnty": "X3"})


def _standing(ws: Workspace) -> list[int]:
    with ws.sessions() as session:
        return sorted(session.execute(select(Incident.id).where(Incident.stands)).scalars())


def test_the_last_report_gone_the_incident_no_longer_stands(tmp_path: Path,
                                                            backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        refresh_all(ws, [1, 2])
        assert _standing(ws) == [1, 2, 3]
        assert overview.counts(ws)["incidents"] == 3
        with transaction(ws.sessions) as session:
            session.execute(delete(Report).where(Report.incident_id == 2))
        refresh_all(ws, [2])
        assert _standing(ws) == [1, 3]
        assert overview.counts(ws)["incidents"] == 2
        assert sorted(r["id"] for r in finder.find(ws, Query(""), 1, 10).rows) == [1, 3]
        assert overview.newest(ws, 10) == [3, 1]
    finally:
        ws.close()


def test_the_migration_fills_in_which_incidents_stand(tmp_path: Path,
                                                      backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        with transaction(ws.sessions) as session:
            session.execute(delete(Report).where(Report.incident_id == 2))
            session.execute(update(Incident).values(stands=True))  # as refresh never ran
        downgrade(ws.engine, "0012")  # the column is gone
        store.migrate(ws.engine)  # and back: filled from the reports by SQL
        assert _standing(ws) == [1, 3]  # 3 was imported: it stands without a report
    finally:
        ws.close()
