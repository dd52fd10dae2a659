"""Search latency at 1,000,000 documents on PostgreSQL (`make bench`): median and p99.

Runnable alone: ``RAQIB_BENCH_PG_SEARCH_DOCS=COUNT python -m benchmarks.run pg_search``
(default 1,000,000); ``bench_pg_search(root, count)`` returns the row.

The same measurement as ``benchmarks/search.py`` (the same synthetic documents, incidents and
reports from ``benchmarks.search.records`` with the same seed, the same QUERIES through
``raqib.services.finder.find``, median and 99th percentile in process), on a workspace made
with ``raqib init --database`` on a fresh PostgreSQL database (dropped afterwards). The server
is $RAQIB_BENCH_PG_URL or $RAQIB_TEST_PG_URL, else a throwaway one that
``scripts/ci_postgres.sh`` starts for this benchmark alone (its own port and data folder) with
the shared buffers docs/server.md tells a deployment to give PostgreSQL, a quarter of the
machine's memory, and stops afterwards (the test suite's server keeps PostgreSQL's default of
128 MB: a million documents make a 6.5 GB store, and the measured runs then read their pages
from the system's cache or the disk). The row names the shared buffers it ran with; without
a server it says the benchmark was skipped and why.

The fill: ``benchmarks.search._fill`` adds every object through the ORM session and every
search entry through ``SearchIndex.add`` one statement at a time; on PostgreSQL that ran at
about 500 documents a second (measured at 20,000), over half an hour for a million, against
about 1,700 a second this way (10 minutes). Here the same rows go in as
multi-row INSERTs instead: the ORM's bulk ``insert(Model)`` with the same column values
(Python-side defaults and JSON encoding applied by SQLAlchemy as for ``add``), and for the
search index the columns ``PostgresSearch.add`` writes (``id`` = ``rowid(kind, ref)``,
``kind``, ``ref``, ``title``, ``body``: a document's title and text, a report's title and
evidence), whose ``tsv`` the server computes from them (a generated column), into the GIN index
the migration created, 20,000 documents a transaction. So the searched data and the index
are what the product would have stored (checked once at 20,000 documents: every row of
``documents``, ``incidents``, ``reports`` and ``search_index``, ``tsv`` included, equal to the
ORM fill's; the sources and processing records were added later, as the same rows). Then
``VACUUM ANALYZE`` once, which autovacuum would do on its own shortly after such a load: the
planner's word statistics (which the search uses to choose between ranking and
newest-first) and the GIN index's pending list flushed; then a ``CHECKPOINT``, which the server
would make on its own within minutes: the load leaves gigabytes of written pages in the shared
buffers, whose write-back ran through the measured runs (2026-12-07, 6 GB of shared buffers,
one run each: median 38.9 ms without it, 33.9 with it; a superuser's or ``pg_checkpoint``'s
statement).
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.common import CI_POSTGRES, fresh_workspace, one_line, pg_database, pg_server
from benchmarks.search import (
    NOW,
    QUERIES,
    first_round,
    latencies,
    median_p99,
    records,
    source_rows,
)

BATCH = 20_000
TARGETS = "target median < 20 ms, p99 < 150 ms"
SERVER = {"PGPORT": "55434", "PGDATA_DIR": "/tmp/raqib-pgbench-search"}
"""This benchmark's own throwaway server (the test suite's is on 55432)."""


def deployment_buffers() -> str:
    """A quarter of this machine's memory, in megabytes, as docs/server.md advises."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return f"{total // 4 // 2**20}MB"


@contextmanager
def _server() -> Iterator[tuple[str | None, str]]:
    """(maintenance URL, where it came from): a given server (``pg_server`` takes it first),
    else this benchmark's own with deployment-sized shared buffers, stopped afterwards when
    this started it."""
    env = {**SERVER, "PG_OPTIONS": f"-c shared_buffers={deployment_buffers()}"}
    running = Path(SERVER["PGDATA_DIR"], "postmaster.pid").exists()
    try:
        yield pg_server(env)
    finally:
        if not running and Path(SERVER["PGDATA_DIR"], "postmaster.pid").exists():
            subprocess.run(["bash", str(CI_POSTGRES), "stop"], env={**os.environ, **env},
                           capture_output=True, timeout=120, check=False)


def _shared_buffers(ws_path: Path) -> str:
    from sqlalchemy import text

    from raqib.workspace import Workspace

    ws = Workspace.open(ws_path)
    try:
        with ws.engine.connect() as conn:
            return str(conn.execute(text("SHOW shared_buffers")).scalar_one())
    finally:
        ws.close()


def _fill_bulk(ws_path: Path, count: int, seed: int = 11) -> None:
    """The rows ``benchmarks.search._fill`` writes, as multi-row INSERTs (see the docstring)."""
    from sqlalchemy import column, insert, table, text

    from raqib.search import rowid
    from raqib.store.engine import transaction
    from raqib.store.models import Document, Incident, Processing, Report, Source
    from raqib.workspace import Workspace

    index = table("search_index", column("id"), column("kind"), column("ref"), column("title"),
                  column("body"))
    rng = random.Random(seed)
    ws = Workspace.open(ws_path)
    try:
        with transaction(ws.sessions) as session:
            session.execute(insert(Source), source_rows())
        for start in range(0, count, BATCH):
            docs, incidents, reports, processed, entries = [], [], [], [], []
            for i in range(start, min(count, start + BATCH)):
                doc, incident, report, processing = records(rng, i, NOW)
                docs.append(doc)
                incidents.append(incident)
                reports.append(report)
                processed.append(processing)
                title = doc["title"] or ""
                entries.append({"id": rowid("document", i + 1), "kind": "document",
                                "ref": i + 1, "title": title, "body": doc["text"] or ""})
                entries.append({"id": rowid("report", i + 1), "kind": "report", "ref": i + 1,
                                "title": title, "body": report["evidence"] or ""})
            with transaction(ws.sessions) as session:
                session.execute(insert(Document), docs)
                session.execute(insert(Incident), incidents)
                session.execute(insert(Report), reports)
                session.execute(insert(Processing), processed)
                session.execute(insert(index), entries)
        with ws.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("VACUUM ANALYZE"))
            conn.execute(text("CHECKPOINT"))
    finally:
        ws.close()


def bench_pg_search(root: Path, count: int = 1_000_000, repeats: int = 15) -> list[str]:
    """The latency row for ``count`` documents, or a row saying why there is none."""
    what = f"`raqib search` service over {count:,} documents on PostgreSQL"
    with _server() as (server, origin):
        if server is None:
            return [f"| {what} | skipped | no PostgreSQL server ({origin}) | {TARGETS} |"]
        stage = f"no PostgreSQL database ({origin})"
        try:
            with pg_database(server, "raqib_bench_search") as url:
                ws_path = fresh_workspace(root, "ws-pg-search", url)
                stage = "failed"
                buffers = _shared_buffers(ws_path)
                t = time.perf_counter()
                _fill_bulk(ws_path, count)
                fill_s = time.perf_counter() - t
                first, times = latencies(ws_path, repeats)
                median, p99 = median_p99(times)
        except Exception as exc:  # a missing server or a failure is a row, not the end
            return [f"| {what} | skipped | {stage}: {one_line(exc)} | {TARGETS} |"]
    return [
        f"| {what} ({len(QUERIES)} queries x {repeats} after a first round; store filled in "
        f"{fill_s:,.0f} s, {count / fill_s:,.0f} docs/s, bulk INSERTs; shared buffers "
        f"{buffers}) | median **{median:,.1f} ms**, p99 **{p99:,.1f} ms** | "
        f"{first_round(first)} | {TARGETS} |",
    ]
