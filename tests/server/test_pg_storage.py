"""The vault's guarantees on PostgreSQL: append-only tables, tamper found by `verify`,
offline proofs, and checkpoint signing serialised with concurrent ingests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from clirun import run
from raqib.store.models import SignedCheckpoint
from raqib.workspace import Workspace


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


@pytest.mark.parametrize("sql", [
    "UPDATE custody_leaves SET data = data WHERE idx = 0",
    "DELETE FROM custody_leaves WHERE idx = 2",
    "UPDATE checkpoints SET note = note",
    "DELETE FROM checkpoints",
])
def test_log_tables_are_append_only(vault: Path, pg_url: str, sql: str) -> None:
    engine = create_engine(pg_url)
    try:
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


@pytest.mark.parametrize(("attack", "named"), [
    ("UPDATE custody_leaves SET data = convert_to(replace(convert_from(data, 'UTF8'), "
     "'\"seq\":1', '\"seq\":7'), 'UTF8') WHERE idx = 1", "leaf 1"),
    ("DELETE FROM custody_leaves WHERE idx = 1", "leaves 1..1 are missing"),
    ("UPDATE documents SET sha256 = repeat('0', 64) WHERE id = 2", ""),
])
def test_verify_finds_tampering_on_the_server(
    vault: Path, pg_url: str, attack: str, named: str
) -> None:
    engine = create_engine(pg_url)
    try:  # the attacker is the database superuser: the triggers are switched off
        with engine.begin() as conn:
            conn.execute(text("SET session_replication_role = replica"))
            conn.exec_driver_sql(attack)
    finally:
        engine.dispose()
    code, out = run(vault, "verify")
    assert code == 1, out
    assert "PROBLEM" in out and named in out


def test_proof_from_a_server_workspace_verifies_offline(vault: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "proof.json"
    _ok(vault, "proof", "2", "-o", str(bundle))
    code, out = run(None, "verify-proof", str(bundle), "--original", str(tmp_path / "doc1.txt"))
    assert code == 0 and "proof verified" in out, out


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
    assert [p.returncode for p in procs] == [0] * len(procs), outputs
    _ok(vault, "checkpoint")
    assert "intact" in _ok(vault, "verify")
    ws = Workspace.open(vault)
    with ws.sessions() as session:
        sizes = session.scalars(select(SignedCheckpoint.tree_size)
                                .order_by(SignedCheckpoint.id)).all()
    ws.close()
    assert sizes == sorted(set(sizes))  # each signed once, each larger than the last
