"""The query planner's statistics and settings: SQLite takes its statistics when it has none
or the incidents changed by a quarter, and merges its full-text index then; PostgreSQL
connections run without JIT."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, text

from backends import Backend
from raqib.search import for_session
from raqib.store.engine import refresh_statistics, transaction
from raqib.store.models import Incident

NOW = datetime(2020, 1, 1)


def _add(ws, count: int) -> None:  # type: ignore[no-untyped-def]
    """``count`` incidents, and as many search entries, in one transaction."""
    with transaction(ws.sessions) as session:
        session.execute(insert(Incident), [
            dict(contested=False, fatalities_min=0, fatalities_max=0, summary={},
                 corrections={}, created_at=NOW, updated_at=NOW) for _ in range(count)])
        start = session.execute(text("SELECT count(*) FROM search_index")).scalar_one()
        for_session(session).add_many([("document", start + n + 1, "shelling", f"text {n}")
                                       for n in range(count)])


def _segments(ws) -> int:  # type: ignore[no-untyped-def]
    """The b-trees the FTS5 index is made of (each has rows in its %_idx table)."""
    with ws.engine.connect() as conn:
        return int(conn.exec_driver_sql(
            "SELECT count(DISTINCT segid) FROM search_index_idx").scalar_one())


def test_statistics_are_taken_when_missing_or_stale(tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        if backend.name == "postgresql":  # autovacuum's business; and no JIT
            assert not refresh_statistics(ws.engine)
            with ws.engine.connect() as conn:
                assert conn.exec_driver_sql("SHOW jit").scalar_one() == "off"
            return
        _add(ws, 100)
        assert refresh_statistics(ws.engine)  # none yet
        assert not refresh_statistics(ws.engine)  # fresh
        _add(ws, 20)
        assert not refresh_statistics(ws.engine)  # 20 % more: still good
        _add(ws, 20)
        assert _segments(ws) == 3  # one per writing transaction since the last merge
        assert refresh_statistics(ws.engine)  # 40 % more
        assert _segments(ws) == 1  # merged with them
        with ws.engine.connect() as conn:
            stat = conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE idx = "
                                        "'ix_incidents_event_date'").scalar_one()
        assert stat.split()[0] == "140"
    finally:
        ws.close()
