"""A PostgreSQL server for the server-mode tests, and a fresh database per test.

The server is $RAQIB_TEST_PG_URL when set (``scripts/ci_postgres.sh`` prints one), else a
throwaway one started here in a temporary folder when a Debian PostgreSQL is installed and
this runs as root or postgres; else the tests are skipped with the reason. Each test gets its
own database, dropped afterwards.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(args: list[str]) -> subprocess.CompletedProcess[str]:
    pg = pwd.getpwnam("postgres")

    def demote() -> None:
        os.setgid(pg.pw_gid)
        os.setuid(pg.pw_uid)

    return subprocess.run(args, preexec_fn=demote if os.geteuid() == 0 else None,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database (superuser)."""
    url = os.environ.get("RAQIB_TEST_PG_URL")
    if url:
        yield url
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'psycopg[binary]')")
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        pytest.skip("no RAQIB_TEST_PG_URL and no PostgreSQL server installed")
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("no RAQIB_TEST_PG_URL and no postgres user to run a server as")
    if os.geteuid() != 0 and pwd.getpwuid(os.geteuid()).pw_name != "postgres":
        pytest.skip("no RAQIB_TEST_PG_URL, and starting a server needs root or postgres")
    bindir = Path(bins[-1]).parent
    folder = Path(tempfile.mkdtemp(prefix="raqib-pg-"))
    data = folder / "data"
    shutil.chown(folder, "postgres")
    port = _free_port()
    done = _as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                         "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
    if done.returncode:
        pytest.skip(f"initdb failed: {done.stderr.strip()[-300:]}")
    options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c max_connections=200")
    done = _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l",
                         str(folder / "server.log"), "-o", options, "start"])
    if done.returncode:
        pytest.skip(f"pg_ctl start failed: {done.stderr.strip()[-300:]}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL to a new, empty database on the server; dropped after the test."""
    name = f"raqib_test_{secrets.token_hex(5)}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
