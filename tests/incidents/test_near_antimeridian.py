"""A search near a place by the antimeridian finds incidents on both sides of it (the box the
database filters by is cut in two there; the exact distance decides), on both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from backends import Backend
from made_incidents import add_incident
from raqib.services import finder
from raqib.services.finder import Query
from raqib.services.search import Filters
from raqib.store.engine import transaction


def test_near_finds_incidents_across_longitude_180(tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            for n, lon in ((1, 179.95), (2, -179.95), (3, -178.0)):  # 3: 200 km east of 1
                add_incident(session, n, date(2020, 3, n), "Battles", latitude=-16.8,
                             longitude=lon)
        near = Query("", Filters(near=(-16.8, 179.99), km=30.0))
        assert sorted(row["id"] for row in finder.find(ws, near, 1, 10).rows) == [1, 2]
        boxed = Query("", Filters(near=(-16.8, -179.99), km=300.0))  # the box alone, wider
        assert sorted(row["id"] for row in finder.find(ws, boxed, 1, 10).rows) == [1, 2, 3]
    finally:
        ws.close()
