"""`raqib incidents list --json` prints incidents as it reads them, a batch at a time
(``streamed_incidents``): the same records, in the same order, whatever the batch size, on
both backends; each with its own documents."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from backends import Backend
from made_incidents import add_incident
from raqib.services import incidents
from raqib.store.engine import transaction
from raqib.store.models import Document


def test_batches_give_the_same_records_in_order(tmp_path: Path, backend: Backend,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            for n in range(1, 8):  # dates out of id order; one undated, one without a report
                day = None if n == 5 else date(2020, 1, 1) + timedelta(days=(n * 3) % 7)
                add_incident(session, n, day, "Battles", reported=n != 6)
        whole = list(incidents.streamed_incidents(ws))
        monkeypatch.setattr(incidents, "VIEW_BATCH", 2)
        assert list(incidents.streamed_incidents(ws)) == whole
        assert incidents.list_incidents(ws, [3, 1]) == [r for r in whole if r["id"] in (1, 3)]
        assert [r["id"] for r in whole] == [5, 7, 3, 1, 6, 4, 2]  # undated first, then by date
        with ws.sessions() as session:
            sha = {d.id: d.sha256 for d in session.query(Document)}
        assert all(r["documents"] == ([sha[r["id"]]] if r["id"] != 6 else []) for r in whole)
    finally:
        ws.close()
