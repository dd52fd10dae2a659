"""The tamper matrix: each change to a workspace is caught by `raqib verify`, by name, on
both backends (``backend``, tests/conftest.py); on PostgreSQL the attacker is the database
superuser with the triggers switched off."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import nacl.signing
import pytest
from attack import Attacker, open_as_attacker
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from backends import Backend
from raqib.cli import cli
from raqib.vault import custody, merkle, note
from raqib.workspace import Workspace


def run(ws: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["-w", str(ws), *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def vault(tmp_path: Path, backend: Backend) -> Path:
    """A workspace with five documents over two ingest runs (two checkpoints)."""
    ws = tmp_path / "ws"
    assert run(ws.parent, *backend.init_args(ws))[0] == 0
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(5):
        (docs / f"report-{i}.txt").write_text(
            f"Report {i}: shelling of the village reported by the local council. " * 5
        )
    assert run(ws, "ingest", str(docs / "report-0.txt"), str(docs / "report-1.txt"))[0] == 0
    assert run(ws, "ingest", str(docs))[0] == 0
    code, out = run(ws, "verify")
    assert code == 0, out
    return ws


def db(ws: Path) -> Attacker:
    """The attacker's view: raw SQL, append-only triggers out of the way."""
    return open_as_attacker(ws)


def blob_path(ws: Path, doc_id: int) -> Path:
    (sha,) = db(ws).execute("select sha256 from documents where id=?", (doc_id,)).fetchone()
    path = ws / "vault" / "blobs" / sha[:2] / sha
    path.chmod(0o644)
    return path


def flip_blob(ws: Path) -> None:
    path = blob_path(ws, 2)
    data = bytearray(path.read_bytes())
    data[10] ^= 0x01
    path.write_bytes(bytes(data))


def delete_blob(ws: Path) -> None:
    blob_path(ws, 3).unlink()


def edit_leaf(ws: Path) -> None:
    conn = db(ws)
    (data,) = conn.execute("select data from custody_leaves where idx=1").fetchone()
    conn.execute("update custody_leaves set data=? where idx=1",
                 (bytes(data).replace(b'"user":"', b'"user":"x'),))


def delete_leaf(ws: Path) -> None:
    db(ws).execute("delete from custody_leaves where idx=2")


def insert_leaf(ws: Path) -> None:
    conn = db(ws)
    rows = conn.execute("select idx, data from custody_leaves order by idx desc").fetchall()
    for idx, _data in rows:  # shift everything from leaf 1 up, and slip a forged leaf in
        if idx >= 1:
            conn.execute("update custody_leaves set idx=? where idx=?", (idx + 1, idx))
    conn.execute("insert into custody_leaves(idx, data) values (1, ?)", (rows[-2][1],))


def reorder_leaves(ws: Path) -> None:
    conn = db(ws)
    a = conn.execute("select data from custody_leaves where idx=1").fetchone()[0]
    b = conn.execute("select data from custody_leaves where idx=3").fetchone()[0]
    conn.execute("update custody_leaves set data=? where idx=1", (b,))
    conn.execute("update custody_leaves set data=? where idx=3", (a,))


def truncate_log(ws: Path) -> None:
    db(ws).execute("delete from custody_leaves where idx >= 6")


def forge_checkpoint(ws: Path) -> None:
    conn = db(ws)
    (text,) = conn.execute("select note from checkpoints where id=1").fetchone()
    lines = text.split("\n")
    lines[1] = str(int(lines[1]) - 1)  # claim a smaller tree, keep the signature
    conn.execute("update checkpoints set note=? where id=1", ("\n".join(lines),))


def _resign(ws: Path, name: str, key: nacl.signing.SigningKey) -> None:
    conn = db(ws)
    (text,) = conn.execute("select note from checkpoints where id=2").fetchone()
    body = text.split("\n\n")[0] + "\n"
    conn.execute("update checkpoints set note=? where id=2", (note.sign_note(body, name, key),))


def replace_checkpoint(ws: Path) -> None:
    """The same checkpoint text, signed by someone else claiming to be this log."""
    _resign(ws, Workspace.open(ws).config.origin, nacl.signing.SigningKey.generate())


def other_key_checkpoint(ws: Path) -> None:
    """A checkpoint signed by another key under its own name."""
    _resign(ws, "intruder.example/log", nacl.signing.SigningKey.generate())


def delete_document(ws: Path) -> None:
    db(ws).execute("delete from documents where id=4")


def edit_document(ws: Path) -> None:
    db(ws).execute("update documents set sha256=? where id=1", ("0" * 64,))


def edit_document_text(ws: Path) -> None:
    db(ws).execute("update documents set text='Rebels staged the attack.' where id=2")


def rewrite_log_and_drop_checkpoints(ws: Path) -> None:
    """Edit leaf 0, rebuild the prev chain after it, delete every signed checkpoint."""
    conn = db(ws)
    rows = conn.execute("select idx, data from custody_leaves order by idx").fetchall()
    prev = custody.GENESIS_PREV
    for idx, data in rows:
        entry = custody.Entry.decode(bytes(data), strict=False)
        user = "mallory" if idx == 0 else entry.user
        forged = custody.encode_entry(replace(entry, user=user, prev=prev))
        conn.execute("update custody_leaves set data=? where idx=?", (forged, idx))
        prev = merkle.leaf_hash(forged).hex()
    conn.execute("delete from checkpoints")


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "flipped byte in a blob": (flip_blob, "blob of document 2"),
    "deleted blob": (delete_blob, "is missing from the vault"),
    "edited log row": (edit_leaf, "leaf 2: does not chain to the row before it"),
    "deleted log row": (delete_leaf, "leaves 2..2 are missing"),
    "inserted log row": (insert_leaf, "rows were moved or inserted"),
    "reordered log rows": (reorder_leaves, "leaf 1: the row holds leaf 3"),
    "truncated log": (truncate_log, "the log was truncated"),
    "forged checkpoint": (forge_checkpoint, "checkpoint 1"),
    "replaced checkpoint": (replace_checkpoint, "checkpoint 2"),
    "checkpoint signed by another key": (other_key_checkpoint, "no signature by key"),
    "deleted document row": (delete_document, "a document row was deleted"),
    "edited document row": (edit_document, "document 1"),
    "edited document text": (edit_document_text, "document 2: its recorded fields"),
    "rewritten log, checkpoints deleted": (rewrite_log_and_drop_checkpoints,
                                           "checkpoint rows were deleted"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_verify_catches(vault: Path, case: str) -> None:
    tamper, expected = CASES[case]
    tamper(vault)
    code, out = run(vault, "verify")
    assert code == 1, out
    assert "verify FAILED" in out
    assert expected in out, out


def test_checkpoint_refuses_to_sign_a_tampered_log(vault: Path) -> None:
    edit_leaf(vault)
    code, out = run(vault, "checkpoint")
    assert code == 1
    assert "refusing to sign" in out


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # a database file
def test_a_damaged_database_file_is_reported_in_one_line(vault: Path) -> None:
    db_file = vault / "raqib.db"
    conn = sqlite3.connect(db_file)
    conn.execute("pragma wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db_file.read_bytes())
    for offset in range(4096, len(data), 4096):  # scribble over every page header but the first
        data[offset : offset + 64] = b"\xff" * 64
    db_file.write_bytes(bytes(data))
    code, out = run(vault, "verify")
    assert code == 1
    assert "Traceback" not in out
    assert "database" in out


@pytest.mark.parametrize("sql", [
    "update custody_leaves set data = data where idx = 0",
    "delete from custody_leaves where idx = 2",
    "update checkpoints set note = note",
    "delete from checkpoints",
])
def test_log_tables_are_append_only_in_the_database(vault: Path, sql: str) -> None:
    engine = create_engine(Workspace.open(vault).database_url)
    rows = text("select (select count(*) from custody_leaves), (select count(*) from checkpoints)")
    try:
        with engine.connect() as conn:
            assert tuple(conn.execute(rows).one()) == (7, 2)
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(sql))
        with engine.connect() as conn:
            assert tuple(conn.execute(rows).one()) == (7, 2)
        assert run(vault, "verify")[0] == 0
    finally:
        engine.dispose()


def test_the_parallel_path_catches_the_same(vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Blob hashing and row digests in worker processes (as for large vaults) report the
    same problems as the in-process path."""
    monkeypatch.setattr("raqib.vault.fixity.PARALLEL_FROM", 1)
    flip_blob(vault)
    edit_document_text(vault)
    code, out = run(vault, "verify")
    assert code == 1
    assert "blob of document 2" in out and "document 2: its recorded fields" in out
