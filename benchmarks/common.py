"""Helpers shared by the benchmarks: timing commands, fresh workspaces, peak memory, and a
PostgreSQL server with a throwaway database for the server-mode benchmarks."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

RAQIB = [sys.executable, "-c", "from raqib.cli import main; main()"]


@dataclass(frozen=True)
class Timed:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def timed(cmd: list[str], cwd: Path | None = None) -> Timed:
    """Run a command; wall time and the peak resident memory of it (and its children)."""
    wrapper = [
        sys.executable, "-c",
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:])\n"
        "dt = time.perf_counter() - t\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(f'@@TIMED {dt} {kb}', file=sys.stderr)\n"
        "sys.exit(p.returncode)\n",
        *cmd,
    ]
    os.sync()  # start every timed command with no writeback pending from the last one
    proc = subprocess.run(wrapper, capture_output=True, text=True, cwd=cwd)
    marker = [ln for ln in proc.stderr.splitlines() if ln.startswith("@@TIMED ")][-1]
    _, seconds, kb = marker.split()
    stderr = "\n".join(ln for ln in proc.stderr.splitlines() if not ln.startswith("@@TIMED "))
    return Timed(float(seconds), int(kb) / 1024, proc.returncode, proc.stdout, stderr)


def fresh_workspace(root: Path, name: str, database: str | None = None) -> Path:
    """``raqib init`` in ``root/name`` (SQLite, or the server database URL ``database``)."""
    ws = root / name
    if ws.exists():
        shutil.rmtree(ws)
    extra = [] if database is None else ["--database", database]
    subprocess.run([*RAQIB, "init", str(ws), *extra], check=True, capture_output=True)
    return ws


CI_POSTGRES = Path(__file__).resolve().parents[1] / "scripts" / "ci_postgres.sh"


def pg_server(script_env: dict[str, str] | None = None) -> tuple[str | None, str]:
    """A PostgreSQL server's maintenance-database URL, found the way the tests find one:
    $RAQIB_BENCH_PG_URL, $RAQIB_TEST_PG_URL, else the throwaway server that
    ``scripts/ci_postgres.sh`` starts (or finds running; ``script_env``: its settings, such
    as PGPORT, PGDATA_DIR, PG_OPTIONS). ``(None, why)`` when there is none."""
    for name in ("RAQIB_BENCH_PG_URL", "RAQIB_TEST_PG_URL"):
        if os.environ.get(name):
            return os.environ[name], name
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg is not installed"
    try:
        proc = subprocess.run(["bash", str(CI_POSTGRES)], capture_output=True, text=True,
                              timeout=180, env={**os.environ, **(script_env or {})})
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"scripts/ci_postgres.sh did not run: {exc}"
    line = next((ln for ln in proc.stdout.splitlines() if "RAQIB_TEST_PG_URL=" in ln), "")
    if proc.returncode or not line:
        why = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        return None, f"scripts/ci_postgres.sh: {why}"
    return line.split("=", 1)[1].strip(), "scripts/ci_postgres.sh"


def one_line(exc: BaseException, limit: int = 200) -> str:
    """An exception as one short line that fits a markdown table cell."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text[:limit].replace("|", "/")


@contextmanager
def pg_database(server: str, prefix: str = "raqib_bench") -> Iterator[str]:
    """A new, empty database on ``server`` (its URL), dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from raqib.store.engine import normalise_url

    server = normalise_url(server)
    name = f"{prefix}_{secrets.token_hex(5)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def warm(paths: list[Path]) -> None:
    for path in paths:
        with path.open("rb") as handle:
            while handle.read(1 << 22):
                pass
