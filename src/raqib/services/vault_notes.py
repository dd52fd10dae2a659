"""The latest signed checkpoint as a record (for the API)."""

from __future__ import annotations

from typing import Any

from raqib.errors import RaqibError
from raqib.vault import checkpoints
from raqib.workspace import Workspace


class CheckpointNotFound(RaqibError):
    """No checkpoint has been signed yet."""


def latest_checkpoint(ws: Workspace) -> dict[str, Any]:
    with ws.sessions() as session:
        cp = checkpoints.latest(session)
        if cp is None:
            raise CheckpointNotFound("no checkpoint has been signed yet (raqib checkpoint)")
        return {"tree_size": cp.tree_size, "root_hash": bytes(cp.root_hash).hex(),
                "created_at": cp.created_at.isoformat() + "Z", "note": cp.note}
