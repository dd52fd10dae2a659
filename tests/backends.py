"""The database backends the storage tests run on: SQLite in the workspace folder, and a
PostgreSQL server where each workspace gets a new database, dropped after the test.

The fixtures that hand these out live in tests/conftest.py (``backend``, ``module_backend``).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from raqib.store.engine import MIGRATIONS, WRITE_OPTION
from raqib.workspace import Workspace

NAMES = ("sqlite", "postgresql")


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema down to ``revision`` (``store.migrate`` brings it back up), for tests
    of what a migration fills in."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def create_database(server: str) -> str:
    """A new, empty database on the server (a superuser URL); its URL."""
    name = f"raqib_test_{secrets.token_hex(5)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_databases(server: str, urls: Sequence[str]) -> None:
    """Drop the databases, closing whatever connections a test left open on them."""
    if not urls:
        return
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for url in urls:
                name = make_url(url).database
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


class DatabaseMaker:
    """Makes and drops the tests' databases on a server in a background thread, one made
    ahead, so that a test does not wait for CREATE DATABASE (about half a second on a busy
    machine) nor for DROP DATABASE."""

    def __init__(self, server: str) -> None:
        self.server = server
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="raqib-test-createdb")
        self._next: Future[str] | None = None
        self._drops: list[Future[None]] = []

    def new(self) -> str:
        """The URL of a new, empty database; the caller drops it."""
        ready = self._next or self._thread.submit(create_database, self.server)
        self._next = self._thread.submit(create_database, self.server)
        return ready.result()

    def drop(self, urls: Sequence[str]) -> None:
        """Drop the databases, in the background; ``close`` waits for it."""
        self._drops.append(self._thread.submit(drop_databases, self.server, list(urls)))

    def close(self) -> None:
        try:
            if self._next is not None:
                self.drop([self._next.result()])
                self._next = None
            for done in self._drops:
                done.result()
        finally:
            self._drops.clear()
            self._thread.shutdown()


@dataclass
class Backend:
    """One backend for the workspaces of a test: ``url()`` is where a new workspace's
    database goes (None: the SQLite file in the workspace folder)."""

    name: str
    maker: DatabaseMaker | None = None
    created: list[str] = field(default_factory=list)

    def url(self) -> str | None:
        if self.maker is None:
            return None
        url = self.maker.new()
        self.created.append(url)
        return url

    def init_args(self, root: Path) -> list[str]:
        """The arguments of `raqib init` for a new workspace at ``root`` on this backend."""
        url = self.url()
        return ["init", str(root), *(["--database", url] if url else [])]

    def create(self, root: Path) -> Workspace:
        return Workspace.create(root, self.url())

    def close(self) -> None:
        if self.maker is not None:
            self.maker.drop(self.created)
            self.created.clear()


def query(root: Path, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """The rows of one SQL statement on a workspace's database, whichever the backend."""
    ws = Workspace.open(root)
    try:
        with ws.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]
    finally:
        ws.close()
