"""Ingest + process throughput (documents per second) on SQLite, PostgreSQL and Dask.

Two parts, each with a block of its own in docs/benchmarks.md (at 100,000 documents each
takes most of an hour): ``python -m benchmarks.run throughput`` (SQLite and PostgreSQL) and
``python -m benchmarks.run throughput_dask`` (Dask 1 and 2 workers and their ratio), both
sized by ``RAQIB_BENCH_THROUGHPUT_DOCS`` (default 100,000); ``bench_throughput(root, count,
modes)`` returns the rows.

One folder of ``count`` synthetic ACLED-length reports (``benchmarks.cluster.write_reports``,
one text file each) goes through the real commands, each timed as a subprocess:

- SQLite: ``raqib init``, ``raqib ingest FOLDER``, ``raqib process`` (one core, in process);
- PostgreSQL: the same with ``raqib init --database URL`` on a fresh database, dropped
  afterwards. The server is $RAQIB_BENCH_PG_URL or $RAQIB_TEST_PG_URL, else the throwaway one
  ``scripts/ci_postgres.sh`` starts; without one the mode is skipped with a row saying why;
- Dask 1 and 2 workers: ``raqib process --cluster local:1`` / ``local:2`` on copies of the
  SQLite workspace as ingested (ingest does not use Dask, so its figure is SQLite's).

Each ingest and process must report every document done (none failed). The 1 -> 2 worker
ratio is taken over the whole ``raqib process --cluster`` command (target >= 1.7);
``benchmarks/cluster.py`` breaks the processing phase down further.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from benchmarks.cluster import _copy, write_reports
from benchmarks.common import RAQIB, fresh_workspace, one_line, pg_database, pg_server, timed

DASK = ("local:1", "local:2")
TARGET = 1.7


@dataclass(frozen=True)
class Run:
    ingest_s: float
    process_s: float
    steps: str = ""
    """The command's own "took" line: each step's seconds (starting, processing, linking,
    refreshing)."""


class Failed(RuntimeError):
    """A command did not do every document (the message says which and why)."""


def _ingest(ws: Path, folder: Path, count: int) -> float:
    run = timed([*RAQIB, "-w", str(ws), "ingest", str(folder)])
    done = re.search(r"ingested (\d+) document", run.stderr)
    if run.returncode or not done or int(done.group(1)) != count:
        raise Failed(f"ingest (exit {run.returncode}): {run.stderr.strip()[-300:]}")
    return run.seconds


def _process(ws: Path, count: int, cluster: str | None = None) -> tuple[float, str]:
    """The seconds of ``raqib process`` over ``count`` documents, and its steps' times."""
    extra = [] if cluster is None else ["--cluster", cluster]
    run = timed([*RAQIB, "-w", str(ws), "process", *extra])
    done = re.search(r"processed (\d+) documents \((\d+) failed\)", run.stdout + run.stderr)
    if run.returncode or not done or int(done.group(1)) != count or int(done.group(2)):
        raise Failed(f"process {' '.join(extra)} (exit {run.returncode}): "
                     f"{(run.stdout + run.stderr).strip()[-300:]}")
    took = re.search(r"^took [\d.,]+ s: (.+)$", run.stdout, re.MULTILINE)
    return run.seconds, took.group(1) if took else "steps not told"


MODES = ("sqlite", "postgresql", *DASK)
DATABASES = ("sqlite", "postgresql")


def _sqlite_and_dask(root: Path, folder: Path, count: int, wanted: tuple[str, ...] = MODES
                     ) -> dict[str, Run]:
    """SQLite ingest once; SQLite and each Dask mode (those ``wanted``) process their own copy
    of it."""
    base = fresh_workspace(root, "ws-throughput")
    ingest_s = _ingest(base, folder, count)
    copies = {mode: _copy(base, f"ws-throughput-{mode.replace(':', '-')}") for mode in DASK
              if mode in wanted}
    runs = {"sqlite": Run(ingest_s, *_process(base, count))} if "sqlite" in wanted else {}
    for mode, ws in copies.items():
        runs[mode] = Run(ingest_s, *_process(ws, count, mode))
    return runs


def _postgresql(root: Path, folder: Path, count: int) -> Run | str:
    """The PostgreSQL run, or why there is none (one line)."""
    server, origin = pg_server()
    if server is None:
        return f"no PostgreSQL server ({origin})"
    try:
        with pg_database(server, "raqib_bench_throughput") as url:
            ws = fresh_workspace(root, "ws-throughput-pg", url)
            return Run(_ingest(ws, folder, count), *_process(ws, count))
    except Failed as exc:
        return f"failed: {one_line(exc, 400)}"
    except subprocess.CalledProcessError as exc:
        stderr = (exc.stderr or b"").decode(errors="replace")
        return f"failed: raqib init --database: {' '.join(stderr.split())[-300:]}"
    except Exception as exc:  # an unreachable server must not stop the bench
        return f"no PostgreSQL database ({origin}): {one_line(exc)}"


def _row(label: str, count: int, run: Run, ingest_note: str = "") -> str:
    total = run.ingest_s + run.process_s
    return (f"| ingest + process, {count:,} synthetic reports, {label} "
            f"| **{count / total:,.0f} docs/s** ({total:,.1f} s) "
            f"| ingest {count / run.ingest_s:,.0f} docs/s ({run.ingest_s:,.1f} s{ingest_note}) "
            f"| process {count / run.process_s:,.0f} docs/s ({run.process_s:,.1f} s; "
            f"{run.steps}) |")


def _rows(count: int, runs: dict[str, Run], pg: Run | str | None) -> list[str]:
    rows = []
    if "sqlite" in runs:
        rows.append(_row("SQLite (`raqib process`, one core)", count, runs["sqlite"]))
    if isinstance(pg, Run):
        rows.append(_row("PostgreSQL (`raqib init --database`, `raqib process`)", count, pg))
    elif pg is not None:
        rows.append(f"| ingest + process, {count:,} synthetic reports, PostgreSQL "
                    f"| skipped | {pg.replace('|', '/')} | |")
    if not set(DASK) <= set(runs):
        return rows
    for mode in DASK:
        rows.append(_row(f"Dask `raqib process --cluster {mode}`", count, runs[mode],
                         ", as SQLite"))
    one, two = runs["local:1"].process_s, runs["local:2"].process_s
    both = (runs["local:1"].ingest_s + one) / (runs["local:2"].ingest_s + two)
    rows.append(
        f"| Dask scaling 1 -> 2 workers, `raqib process --cluster`, {count:,} reports "
        f"(whole command) | **{one / two:.2f}x** | {both:.2f}x ingest + process "
        f"| target >= {TARGET} on {os.cpu_count()} cores |")
    return rows


def bench_throughput(root: Path, count: int = 100_000,
                     wanted: tuple[str, ...] = MODES) -> list[str]:
    """Rows for ``count`` synthetic reports through each mode ``wanted``."""
    folder = write_reports(root / "throughput-docs", count)
    runs = (_sqlite_and_dask(root, folder, count, wanted)
            if {"sqlite", *DASK} & set(wanted) else {})
    pg = _postgresql(root, folder, count) if "postgresql" in wanted else None
    return _rows(count, runs, pg)
