"""The review queue: unreviewed incidents that are weak or contested or hold a report the
extractor was unsure of, and the unsure reports themselves, on both backends. The
extractor's confidence is a column of its report (migration 0016), written where the other
indexed fields are copied out of ``fields`` and filled by the migration for reports stored
before it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select, update

from backends import Backend, downgrade
from made_incidents import add_incident
from raqib.services import queue
from raqib.services.document_rows import apply_columns
from raqib.services.reviews import record_review
from raqib.store import engine as store
from raqib.store.engine import transaction
from raqib.store.models import Incident, Report
from raqib.workspace import Workspace

CONFIDENCE = {1: 0.9, 2: 0.3, 3: 0.9, 4: 0.59, 5: None}
"""Report n's confidence in its fields (5: none recorded)."""


def _fill(ws: Workspace) -> None:
    with transaction(ws.sessions) as session:
        for n, confidence in CONFIDENCE.items():
            add_incident(session, n, date(2020, 1, n), "Battles",
                         grade="weak" if n == 3 else "fair")
            report = session.get(Report, n)
            report.fields = {} if confidence is None else {"confidence": confidence}
            apply_columns(report, report.fields)
        session.flush()
        record_review(session, "incident:4", "accept", {}, {}, "seen", "reviewer")


def _queued(ws: Workspace) -> tuple[list[int], list[int]]:
    incidents, total = queue.review_queue(ws, 1, 10)
    assert total == len(incidents)
    return sorted(r["id"] for r in incidents), [r["id"] for r in queue.unreviewed_reports(ws)]


def test_the_queue_holds_the_unsure_and_the_weak_not_the_reviewed(
        tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        # 2 unsure, 3 weak; 4 unsure but its incident reviewed (its report is not)
        assert _queued(ws) == ([2, 3], [2, 4])
    finally:
        ws.close()


def test_the_migration_fills_the_confidence_from_the_fields(tmp_path: Path,
                                                           backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        downgrade(ws.engine, "0015")  # the column is gone
        store.migrate(ws.engine)  # and back: filled from each report's fields by SQL
        with ws.sessions() as session:
            stored = dict(session.execute(select(Report.id, Report.confidence)).all())
        assert stored == CONFIDENCE
        assert _queued(ws) == ([2, 3], [2, 4])
        with transaction(ws.sessions) as session:  # a later change of the fields follows
            report = session.get(Report, 1)
            report.fields = {"confidence": 0.1}
            apply_columns(report, report.fields)
            session.execute(update(Incident).where(Incident.id == 1).values(grade="fair"))
        assert _queued(ws) == ([1, 2, 3], [1, 2, 4])
    finally:
        ws.close()


def test_the_queue_pages_newest_first_and_counts_past_its_end(tmp_path: Path,
                                                            backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        pages = [queue.review_queue(ws, page, 1) for page in (1, 2, 3)]
        assert [([r["id"] for r in rows], total) for rows, total in pages] == [
            ([3], 2), ([2], 2), ([], 2)]  # same creation time: the higher id first
        assert queue.review_queue(ws, 1, 10)[0][0]["documents"]  # listed columns read
    finally:
        ws.close()
