"""Incidents written straight into a store, each with one document and one report (or none),
for tests of what reads incidents (lists, counts, search) without processing anything."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from raqib.store.models import Document, Incident, Report

NOW = datetime(2020, 1, 1)


def add_incident(session: Session, n: int, day: date | None, event_type: str | None,
                 reported: bool = True, **fields: Any) -> None:
    """Incident ``n`` (and, when ``reported``, document ``n`` with report ``n`` in it);
    ``fields``: more columns of the incident."""
    session.add(Incident(id=n, event_type=event_type, event_date=day, summary={},
                         corrections={}, created_at=NOW, updated_at=NOW, **fields))
    if reported:
        add_report(session, n, day, event_type, incident_id=n)


def add_report(session: Session, n: int, day: date | None, event_type: str | None,
               incident_id: int | None = None) -> None:
    """Document ``n`` with report ``n`` in it, placed in ``incident_id`` (None: not yet
    linked)."""
    session.add(Document(id=n, sha256=f"{n:064x}", blob_key=f"k/{n}", size=1,
                         media_type="text/plain", status="new", sensitive=False, title="t",
                         text="t", captured_at=NOW, ingested_at=NOW, ingested_by="t",
                         leaf_index=-n, meta={}))
    session.flush()
    session.add(Report(id=n, document_id=n, ordinal=0, incident_id=incident_id,
                       event_type=event_type or "", sub_event_type="", event_date=day,
                       fatalities=0, fields={}, corrections={}, evidence="t", components=[],
                       created_at=NOW))
