"""Fixtures of the web tests: a processed sample workspace with one user per role."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from websupport import PASSWORD, ROLES, SAMPLES, Site

from raqib.cli import cli
from raqib.services import users
from raqib.workspace import Workspace


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 2), result.output


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("web") / "ws"
    _run("init", str(root))
    _run("-w", str(root), "ingest", str(SAMPLES / "public"))
    _run("-w", str(root), "ingest", "--sensitive", "--source", "witness W-017",
         str(SAMPLES / "sensitive"))
    _run("-w", str(root), "process")
    ws = Workspace.open(root)
    tokens = {role: users.add(ws, role, role, "test", PASSWORD)[1] for role in ROLES}
    return Site(root, tokens)


@pytest.fixture
def site(built_site: Site, tmp_path: Path) -> Site:
    """A private copy of the built workspace (tests may change it)."""
    root = tmp_path / "ws"
    shutil.copytree(built_site.root, root)
    return Site(root, built_site.tokens)
