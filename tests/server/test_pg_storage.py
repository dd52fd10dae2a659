"""Checkpoint signing serialised with concurrent ingests on PostgreSQL. The other vault
guarantees (append-only tables, tamper found by `verify`, offline proofs) run on both
backends in tests/vault/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from clirun import run
from raqib.store.models import SignedCheckpoint
from raqib.workspace import Workspace

pytestmark = pytest.mark.postgresql


def _ok(ws: Path | None, *args: str) -> str:
    code, out = run(ws, *args)
    assert code == 0, out
    return out


@pytest.fixture
def vault(tmp_path: Path, pg_url: str) -> Path:
    ws = tmp_path / "ws"
    _ok(None, "init", str(ws), "--database", pg_url)
    for i in range(3):
        doc = tmp_path / f"doc{i}.txt"
        doc.write_text(f"Statement {i} from the local council about shelling on Saturday.")
        _ok(ws, "ingest", str(doc))
    return ws


def test_checkpoints_and_ingests_at_once_stay_one_log(vault: Path, tmp_path: Path) -> None:
    procs = []
    for w in range(4):
        folder = tmp_path / f"batch{w}"
        folder.mkdir()
        for i in range(5):
            (folder / f"n{i}.txt").write_text(f"Batch {w} note {i}: an airstrike was reported.")
        for args in (["ingest", str(folder)], ["checkpoint"]):
            procs.append(subprocess.Popen(
                [sys.executable, "-c", "from raqib.cli import main; main()", "-w", str(vault),
                 *args], env=dict(os.environ), stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, text=True))
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    failed = [(p.args[-2:], p.returncode, out)
              for p, out in zip(procs, outputs, strict=True) if p.returncode]
    assert not failed, failed
    _ok(vault, "checkpoint")
    assert "intact" in _ok(vault, "verify")
    ws = Workspace.open(vault)
    with ws.sessions() as session:
        sizes = session.scalars(select(SignedCheckpoint.tree_size)
                                .order_by(SignedCheckpoint.id)).all()
    ws.close()
    assert sizes == sorted(set(sizes))  # each signed once, each larger than the last
