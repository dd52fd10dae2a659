"""The database backends of the storage and search tests: SQLite, and a PostgreSQL server.

``backend`` (and ``module_backend``, for fixtures kept for a module) runs a test once per
backend; its ``url()``/``init_args()``/``create()`` give each new workspace a fresh database.
The server is $RAQIB_TEST_PG_URL when set (``scripts/ci_postgres.sh`` prints one), else a
throwaway one started here in a temporary folder when a Debian PostgreSQL is installed and
this runs as root or postgres; else the PostgreSQL variants are skipped with the reason.
Each database a test makes is dropped afterwards.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from backends import NAMES, Backend, DatabaseMaker

# Speed is measured by `make bench`, never by tests: Hypothesis's own timing checks (the
# per-example deadline, the "input generation is slow" health check) fail on a shared, noisy
# machine when one draw waits behind another process, whatever the code does.
settings.register_profile("raqib", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("raqib")


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


@pytest.fixture(scope="session")
def pg_databases(pg_server: str) -> Iterator[DatabaseMaker]:
    maker = DatabaseMaker(pg_server)
    try:
        yield maker
    finally:
        maker.close()


@pytest.fixture
def pg_url(pg_databases: DatabaseMaker) -> Iterator[str]:
    """A URL to a new, empty database on the server; dropped after the test."""
    url = pg_databases.new()
    try:
        yield url
    finally:
        pg_databases.drop([url])


def _backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    name = str(request.param)
    maker = request.getfixturevalue("pg_databases") if name == "postgresql" else None
    backend = Backend(name, maker)
    try:
        yield backend
    finally:
        backend.close()


PARAMS = [pytest.param(name, marks=[pytest.mark.postgresql] if name == "postgresql" else [])
          for name in NAMES]


@pytest.fixture(params=PARAMS)
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """The test runs once on SQLite and once on PostgreSQL (skipped there without a server)."""
    yield from _backend(request)


@pytest.fixture(scope="module", params=PARAMS)
def module_backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """``backend`` for fixtures shared by a module's tests."""
    yield from _backend(request)
