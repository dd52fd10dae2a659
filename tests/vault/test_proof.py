"""Proof bundles checked without the workspace, and checkpoints held by an outside witness;
on both backends (``backend``, tests/conftest.py)."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from pathlib import Path

import pytest
from attack import open_as_attacker
from click.testing import CliRunner
from sqlalchemy import update

from backends import Backend
from raqib.cli import cli
from raqib.store.engine import transaction
from raqib.store.models import Document
from raqib.vault import checkpoints, custody
from raqib.workspace import Workspace


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


@pytest.fixture
def ws(tmp_path: Path, backend: Backend) -> Path:
    path = tmp_path / "ws"
    assert run(*backend.init_args(path))[0] == 0
    for i in range(3):
        doc = tmp_path / f"doc{i}.txt"
        doc.write_text(f"Statement {i} from the local council about shelling on Saturday.")
        assert run("-w", str(path), "ingest", str(doc))[0] == 0
    return path


def test_proof_verifies_offline_and_pins_the_key(ws: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "proof.json"
    assert run("-w", str(ws), "proof", "2", "-o", str(bundle))[0] == 0
    key = run("-w", str(ws), "key", "export")[1].strip()
    code, out = run("verify-proof", str(bundle), "--original", str(tmp_path / "doc1.txt"),
                    "--key", key)
    assert code == 0, out
    assert "proof verified" in out and "(pinned)" in out
    code, out = run("verify-proof", str(bundle), "--original", str(tmp_path / "doc0.txt"))
    assert code == 1 and "FAIL original" in out


def _mutate(bundle: Path, out: Path, change) -> Path:  # type: ignore[no-untyped-def]
    data = json.loads(bundle.read_text())
    change(data)
    out.write_text(json.dumps(data))
    return out


def _flip_proof(data: dict) -> None:
    raw = bytearray(base64.b64decode(data["inclusion_proof"][0]))
    raw[0] ^= 1
    data["inclusion_proof"][0] = base64.b64encode(bytes(raw)).decode()


def _shrink_checkpoint(data: dict) -> None:
    size = data["tree_size"]
    changed = data["checkpoint"].replace(f"\n{size}\n", f"\n{size - 1}\n", 1)
    assert changed != data["checkpoint"]
    data["checkpoint"] = changed


@pytest.mark.parametrize(
    ("change", "failing"),
    [
        (_flip_proof, "FAIL inclusion"),
        (lambda d: d["leaf"].update(index=d["leaf"]["index"] + 1), "FAIL leaf"),
        (lambda d: d["document"].update(sha256="0" * 64), "FAIL leaf"),
        (_shrink_checkpoint, "FAIL checkpoint"),
        (lambda d: d.update(tree_size=d["tree_size"] + 1), "FAIL inclusion"),
    ],
)
def test_a_changed_bundle_fails(ws: Path, tmp_path: Path, change, failing: str) -> None:  # type: ignore[no-untyped-def]
    bundle = tmp_path / "proof.json"
    run("-w", str(ws), "proof", "1", "-o", str(bundle))
    code, out = run("verify-proof", str(_mutate(bundle, tmp_path / "bad.json", change)))
    assert code == 1, out
    assert failing in out


def test_another_workspace_key_is_refused(ws: Path, tmp_path: Path, backend: Backend) -> None:
    other = tmp_path / "other"
    assert run(*backend.init_args(other))[0] == 0
    bundle = tmp_path / "proof.json"
    run("-w", str(ws), "proof", "1", "-o", str(bundle))
    code, out = run("verify-proof", str(bundle), "--key", run("-w", str(other), "key", "export")[1])
    assert code == 1 and "not the pinned key" in out


def test_verify_against_an_exported_checkpoint(ws: Path, tmp_path: Path) -> None:
    held = tmp_path / "witness.txt"
    assert run("-w", str(ws), "checkpoint", "--export", str(held))[0] == 0
    extra = tmp_path / "later.txt"
    extra.write_text("A later report of an air strike on a bakery in Maarat al-Numan.")
    run("-w", str(ws), "ingest", str(extra))
    code, out = run("-w", str(ws), "verify", "--against", str(held))
    assert code == 0, out
    assert "the log only grew since" in out


def test_insider_rewrite_is_caught_only_by_the_outside_checkpoint(ws: Path, tmp_path: Path) -> None:
    """Rewriting history and re-signing with the workspace key fools `verify` alone
    (the documented limit) but not a checkpoint an outside witness kept."""
    held = tmp_path / "witness.txt"
    run("-w", str(ws), "checkpoint", "--export", str(held))
    conn = open_as_attacker(ws)
    rows = conn.execute("select idx, data from custody_leaves order by idx").fetchall()
    conn.execute("delete from custody_leaves")
    conn.execute("delete from checkpoints")
    conn.close()
    workspace = Workspace.open(ws)
    with transaction(workspace.sessions) as session:
        for _, data in rows:  # replay, back-dating every action by a year
            entry = custody.Entry.decode(bytes(data))
            if entry.action != "checkpoint":
                when = datetime.fromisoformat(entry.time.replace("Z", "+00:00"))
                index, _ = custody.append(session, entry.action, entry.object, entry.user,
                                          entry.details, now=when.replace(year=when.year - 1))
                session.execute(update(Document)
                                .where(Document.sha256 == entry.object.removeprefix("sha256:"))
                                .values(leaf_index=index))
    with transaction(workspace.sessions) as session:
        checkpoints.make(session, workspace.signer, "insider")
    workspace.close()
    assert run("-w", str(ws), "verify")[0] == 0
    code, out = run("-w", str(ws), "verify", "--against", str(held))
    assert code == 1
    assert "not an extension" in out or "truncated" in out
