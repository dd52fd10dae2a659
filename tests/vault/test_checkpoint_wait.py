"""A checkpoint signer that waits for the writer lock behind another signer still signs:
its time is read once it holds the lock, so it is after the other's (R-M5); on both backends.

Before the fix the clock was read before the first query took the lock, and the waiting
signer was refused with "the clock is not after the last checkpoint's time" (a failure seen
in CI when `raqib checkpoint` ran beside several ingests)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import select

from backends import Backend
from raqib.store.engine import transaction
from raqib.store.models import SignedCheckpoint
from raqib.vault import checkpoints, custody


def test_a_signer_waiting_for_the_lock_signs_after_the_holder(
    tmp_path: Path, backend: Backend
) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            custody.append(session, "ingest", "sha256:" + "ab" * 32, "tester")
        outcome: dict[str, object] = {}

        def waiting_signer() -> None:
            try:
                with transaction(ws.sessions) as session:
                    signed = checkpoints.make(session, ws.signer, "waiter")
                    outcome["size"] = None if signed is None else signed.tree_size
            except Exception as exc:  # reported to the test thread below
                outcome["error"] = exc

        with transaction(ws.sessions) as holder:
            custody.append(holder, "ingest", "sha256:" + "cd" * 32, "tester")
            waiter = threading.Thread(target=waiting_signer)
            waiter.start()
            time.sleep(0.5)  # the waiter is now blocked on the lock this transaction holds
            assert waiter.is_alive()
            first = checkpoints.make(holder, ws.signer, "holder")
            assert first is not None and first.tree_size == 3
            custody.append(holder, "ingest", "sha256:" + "ef" * 32, "tester")  # grows again
        waiter.join(timeout=60)
        assert not waiter.is_alive()
        assert "error" not in outcome, outcome.get("error")
        assert outcome["size"] == 5  # 4 leaves, then its own checkpoint leaf
        with ws.sessions() as session:
            times = session.scalars(
                select(SignedCheckpoint.created_at).order_by(SignedCheckpoint.id)).all()
        assert times == sorted(times) and len(set(times)) == 2
    finally:
        ws.close()
