"""What someone holding the workspace files can do, for the tamper tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def open_as_attacker(ws: Path) -> sqlite3.Connection:
    """Raw SQL on a workspace's database with the append-only triggers dropped."""
    conn = sqlite3.connect(ws / "raqib.db", isolation_level=None)
    for (name,) in conn.execute("select name from sqlite_master where type='trigger'").fetchall():
        conn.execute(f"drop trigger {name}")
    return conn
