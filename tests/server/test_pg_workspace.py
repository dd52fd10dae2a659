"""What only a server workspace has (issue 7): a database shared by many writers, and
`raqib migrate`. The storage and search tests run on both backends elsewhere (``backend``,
tests/conftest.py)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

import raqib.cli.server  # noqa: F401  (registers `raqib migrate`)
from clirun import run
from made_places import village_line
from raqib.store.models import CustodyLeaf, Document
from raqib.workspace import Workspace

pytestmark = pytest.mark.postgresql

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "public"


def _ok(ws: Path | None, *args: str) -> str:
    code, out = run(ws, *args)
    assert code == 0, out
    return out


def test_init_refuses_a_database_that_holds_a_workspace(tmp_path: Path, pg_url: str) -> None:
    _ok(None, "init", str(tmp_path / "one"), "--database", pg_url)
    code, out = run(None, "init", str(tmp_path / "two"), "--database", pg_url)
    assert code == 1 and "already holds tables" in out
    assert not (tmp_path / "two" / "keys").exists()


def _ingest_worker(root: Path, folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "RAQIB_USER": folder.name}
    return subprocess.Popen(
        [sys.executable, "-c", "from raqib.cli import main; main()", "-w", str(root),
         "ingest", str(folder)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def test_eight_concurrent_ingests_make_one_log(tmp_path: Path, pg_url: str) -> None:
    root = tmp_path / "ws"
    _ok(None, "init", str(root), "--database", pg_url)
    writers, per_writer = 8, 10
    folders = []
    for w in range(writers):
        folder = tmp_path / f"writer{w}"
        folder.mkdir()
        for i in range(per_writer):
            (folder / f"note-{w}-{i}.txt").write_text(
                f"Writer {w}, note {i}: shelling reported near checkpoint {w * 100 + i}.\n",
                encoding="utf-8")
        folders.append(folder)
    procs = [_ingest_worker(root, folder) for folder in folders]
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * writers, outputs
    out = _ok(root, "verify")
    assert "intact" in out
    ws = Workspace.open(root)
    with ws.sessions() as session:
        docs = session.scalar(select(func.count()).select_from(Document))
        hashes = session.scalars(select(Document.sha256)).all()
        indices = session.scalars(select(CustodyLeaf.idx).order_by(CustodyLeaf.idx)).all()
        leaves = [json.loads(bytes(d)) for d in
                  session.scalars(select(CustodyLeaf.data).order_by(CustodyLeaf.idx))]
        doc_leaves = session.scalars(select(Document.leaf_index)).all()
    ws.close()
    assert docs == writers * per_writer
    assert len(set(hashes)) == docs
    assert indices == list(range(len(indices)))  # contiguous: no gap, no duplicate
    ingests = [leaf for leaf in leaves if leaf["action"] == "ingest"]
    assert len(ingests) == docs  # exactly one leaf per action
    assert len(set(doc_leaves)) == docs
    assert all(leaves[i]["seq"] == i for i in range(len(leaves)))


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_migrate_round_trip_keeps_every_row_and_the_root(tmp_path: Path, pg_url: str) -> None:
    old = tmp_path / "laptop"
    _ok(None, "init", str(old))
    (old / "gazetteer").mkdir()  # a workspace gazetteer (raqib settings) goes along
    (old / "gazetteer" / "villages.txt").write_text(village_line())
    _ok(old, "settings", "--gazetteer", str(old / "gazetteer" / "villages.txt"))
    _ok(old, "ingest", str(SAMPLES))
    _ok(old, "process")
    _ok(old, "checkpoint")
    before = _hashes(old)
    new = tmp_path / "server"
    out = _ok(old, "migrate", "--to", pg_url, str(new))
    assert "roots equal" in out
    roots = [line.split()[-1] for line in out.splitlines() if line.startswith("root ")]
    assert len(roots) == 2 and roots[0] == roots[1]
    assert _hashes(old) == before  # the old workspace is untouched
    out = _ok(new, "verify")
    assert "intact" in out
    assert _ok(new, "search", "chlorine")
    a, b = Workspace.open(old), Workspace.open(new)
    assert b.engine.dialect.name == "postgresql"
    log = select(CustodyLeaf.data).order_by(CustodyLeaf.idx)
    with a.sessions() as sa, b.sessions() as sb:
        leaves_a = [bytes(d) for d in sa.scalars(log)]
        leaves_b = [bytes(d) for d in sb.scalars(log)]
    assert leaves_a == leaves_b
    # the server workspace keeps working: new writes get fresh ids and extend the same log
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "late.txt").write_text("A late report of chlorine shelling.\n")
    _ok(new, "ingest", str(tmp_path / "more"))
    assert "gazetteer/villages.txt" in _ok(new, "settings")
    assert (new / "gazetteer" / "villages.txt").is_file()
    _ok(new, "process")  # the setting resolves in the new folder
    _ok(new, "checkpoint")
    assert "intact" in _ok(new, "verify")
    a.close()
    b.close()


def test_migrate_refuses_a_database_that_is_not_empty(tmp_path: Path, pg_url: str) -> None:
    _ok(None, "init", str(tmp_path / "server"), "--database", pg_url)
    _ok(None, "init", str(tmp_path / "laptop"))
    code, out = run(tmp_path / "laptop", "migrate", "--to", pg_url, str(tmp_path / "new"))
    assert code == 1 and "not empty" in out
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("url", ["postgres://u@h/db", "postgresql://u@h/db"])
def test_plain_postgresql_urls_use_psycopg(url: str) -> None:
    from raqib.store.engine import normalise_url

    assert normalise_url(url) == "postgresql+psycopg://u@h/db"
