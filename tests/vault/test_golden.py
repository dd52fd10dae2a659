"""A v1 workspace kept in the repository must verify, byte for byte, with every release."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from raqib.cli import cli
from raqib.vault.custody import Entry, encode_entry

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden-v1" / "workspace"
ROOT_AT_7 = "d27baa94c4000fa16fec099f39f4e22afd06051e162d35b098733abfd2cf4580"


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    copy = tmp_path / "golden"
    shutil.copytree(GOLDEN, copy)
    return copy


def test_golden_workspace_verifies(golden: Path) -> None:
    result = CliRunner().invoke(cli, ["-w", str(golden), "verify"])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output and "7 log leaves" in result.output


def test_golden_roots_and_encodings_are_reproduced(golden: Path) -> None:
    conn = sqlite3.connect(golden / "raqib.db")
    (root,) = conn.execute("select root_hash from checkpoints where tree_size = 7").fetchone()
    assert bytes(root).hex() == ROOT_AT_7
    for (data,) in conn.execute("select data from custody_leaves order by idx"):
        assert encode_entry(Entry.decode(bytes(data))) == bytes(data)


def test_golden_sensitive_document_opens_with_its_keys(golden: Path) -> None:
    conn = sqlite3.connect(golden / "raqib.db")
    doc_id, sha = conn.execute("select id, sha256 from documents where sensitive").fetchone()
    result = CliRunner().invoke(cli, ["-w", str(golden), "--user", "test", "cat", str(doc_id)])
    assert result.exit_code == 0
    assert hashlib.sha256(result.stdout_bytes).hexdigest() == sha
