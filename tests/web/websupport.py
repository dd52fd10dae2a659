"""Shared by the web tests: a processed sample workspace with one user per role."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi.testclient import TestClient

from raqib.web.app import create_app
from raqib.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ROLES = ("admin", "analyst", "reviewer", "viewer")
PASSWORD = "correct horse battery"


@dataclass
class Site:
    root: Path
    tokens: dict[str, str]
    """role -> API token of the user named after the role."""

    def workspace(self) -> Workspace:
        return Workspace.open(self.root)

    def client(self, role: str | None = None) -> TestClient:
        """A client for the app; with ``role``, sending that user's token."""
        client = TestClient(create_app(self.workspace()), raise_server_exceptions=False)
        if role is not None:
            client.headers["Authorization"] = f"Bearer {self.tokens[role]}"
        return client

