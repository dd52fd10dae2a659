"""transparency-dev/merkle JSON vectors (196 probes): the verifier errs exactly on wantErr."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from raqib.errors import ProofError
from raqib.vault import merkle

REPO_ROOT = Path(__file__).resolve().parents[2]
VECTORS = REPO_ROOT.parent / "shared" / "data" / "rfc6962_vectors" / "testdata"
EXPECTED_FILES = 196
HAPPY_8_ROOT = "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="

pytestmark = pytest.mark.skipif(not VECTORS.is_dir(), reason=f"no vectors at {VECTORS}")


def _files(kind: str) -> list[Path]:
    return sorted((VECTORS / kind).glob("**/*.json")) if VECTORS.is_dir() else []


INCLUSION = _files("inclusion")
CONSISTENCY = _files("consistency")


def _ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(VECTORS).as_posix() for p in paths]


def _b64(value: str | None) -> bytes:
    """Go []byte JSON: standard base64; null or "" is empty."""
    return base64.b64decode(value, validate=True) if value else b""


def _proof(values: list[str] | None) -> list[bytes]:
    return [_b64(v) for v in values or []]


def test_all_vector_files_found() -> None:
    assert len(INCLUSION) + len(CONSISTENCY) >= EXPECTED_FILES
    assert len(INCLUSION) >= 98
    assert len(CONSISTENCY) >= 98


def test_happy_path_root_is_the_eight_leaf_root() -> None:
    data = json.loads((VECTORS / "inclusion" / "1" / "happy-path.json").read_text())
    assert data["treeSize"] == 8
    assert data["root"] == HAPPY_8_ROOT


@pytest.mark.parametrize("path", INCLUSION, ids=_ids(INCLUSION))
def test_inclusion_vector(path: Path) -> None:
    v = json.loads(path.read_text())
    args = (_b64(v["leafHash"]), v["leafIdx"], v["treeSize"], _proof(v["proof"]), _b64(v["root"]))
    if v["wantErr"]:
        with pytest.raises(ProofError):
            merkle.verify_inclusion(*args)
    else:
        merkle.verify_inclusion(*args)


@pytest.mark.parametrize("path", CONSISTENCY, ids=_ids(CONSISTENCY))
def test_consistency_vector(path: Path) -> None:
    v = json.loads(path.read_text())
    args = (v["size1"], v["size2"], _proof(v["proof"]), _b64(v["root1"]), _b64(v["root2"]))
    if v["wantErr"]:
        with pytest.raises(ProofError):
            merkle.verify_consistency(*args)
    else:
        merkle.verify_consistency(*args)
