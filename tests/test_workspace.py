"""Workspace creation and discovery: keys, database settings, option / variable / folder.

The tests that go through the database run on both backends (``backend``, tests/conftest.py).
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from backends import Backend
from raqib.cli import cli
from raqib.config import CONFIG_FILE
from raqib.errors import WorkspaceError
from raqib.store.engine import HEAD_REVISION
from raqib.vault import note
from raqib.workspace import Workspace


def test_init_makes_keys_database_and_vault(tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "case")
    for name in ("signing.key", "seal.key"):
        mode = stat.S_IMODE((ws.keys_dir / name).stat().st_mode)
        assert mode == 0o600, (name, oct(mode))
    origin, public = note.parse_verifier_key(ws.public_key_text())
    assert origin == ws.config.origin and public == ws.signer.public_key
    assert ws.engine.dialect.name == backend.name
    with ws.engine.connect() as conn:
        if backend.name == "sqlite":
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("select version_num from alembic_version")).scalar() \
            == HEAD_REVISION
    assert (ws.root / "raqib.db").exists() == (backend.name == "sqlite")
    assert (ws.root / "vault" / "blobs").is_dir()  # the blobs stay in the folder on a server too
    ws.close()
    with pytest.raises(WorkspaceError, match="already a Raqib workspace"):
        Workspace.create(tmp_path / "case")


def test_commands_find_the_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(tmp_path / "case")]).exit_code == 0
    key = runner.invoke(cli, ["-w", str(tmp_path / "case"), "key", "export"]).output
    monkeypatch.setenv("RAQIB_WORKSPACE", str(tmp_path / "case"))
    assert runner.invoke(cli, ["key", "export"]).output == key
    monkeypatch.delenv("RAQIB_WORKSPACE")
    inner = tmp_path / "case" / "notes" / "deep"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert runner.invoke(cli, ["key", "export"]).output == key
    monkeypatch.chdir(tmp_path)
    stray = [p for p in tmp_path.parents if (p / CONFIG_FILE).is_file()]
    if stray:  # a workspace above the test's folder is found, as it should be
        pytest.skip(f"a Raqib workspace sits above the temporary folder: {stray[0]}")
    result = runner.invoke(cli, ["verify"])
    assert result.exit_code == 1
    assert "no Raqib workspace here" in result.output


def test_an_outside_checkpoint_of_another_log_is_refused(tmp_path: Path, backend: Backend) -> None:
    runner = CliRunner()
    for name in ("a", "b"):
        assert runner.invoke(cli, backend.init_args(tmp_path / name)).exit_code == 0
        doc = tmp_path / f"{name}.txt"
        doc.write_text(f"Report {name}: shelling of the northern market was reported today.")
        runner.invoke(cli, ["-w", str(tmp_path / name), "ingest", str(doc)])
    held = str(tmp_path / "b.cp")
    runner.invoke(cli, ["-w", str(tmp_path / "b"), "checkpoint", "--export", held])
    result = runner.invoke(cli, ["-w", str(tmp_path / "a"), "verify", "--against", held])
    assert result.exit_code == 1
    assert "external checkpoint" in result.output
