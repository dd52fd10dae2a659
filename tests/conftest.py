"""Shared fixtures: temporary workspaces and paths to the project's data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from raqib.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path / "ws")
    yield ws
    ws.close()


@pytest.fixture
def shared_data() -> Path:
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is absent")
    return path

