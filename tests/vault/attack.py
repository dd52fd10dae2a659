"""What someone holding the workspace files (or the database server) can do, for the tamper
tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.engine import make_url

from raqib.workspace import DB_FILE, Workspace


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class Attacker(Protocol):
    def execute(self, sql: str, params: tuple[Any, ...] = ...) -> Cursor: ...
    def close(self) -> None: ...


class _ServerAttacker:
    """The database superuser on PostgreSQL: triggers (the append-only ones, the foreign
    keys') switched off for the session; SQLite's ``?`` placeholders accepted."""

    def __init__(self, url: str) -> None:
        import psycopg

        conninfo = make_url(url).set(drivername="postgresql")
        self._conn = psycopg.connect(conninfo.render_as_string(hide_password=False),
                                     autocommit=True)
        self._conn.execute("SET session_replication_role = replica")

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Cursor:
        return self._conn.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]

    def close(self) -> None:
        self._conn.close()


def open_as_attacker(ws: Path) -> Attacker:
    """Raw SQL on a workspace's database with the append-only triggers out of the way,
    committed statement by statement."""
    workspace = Workspace.open(ws)
    url = workspace.config.database_url
    if url is not None:
        return _ServerAttacker(url)
    conn = sqlite3.connect(ws / DB_FILE, isolation_level=None)
    for (name,) in conn.execute("select name from sqlite_master where type='trigger'").fetchall():
        conn.execute(f"drop trigger {name}")
    return conn
