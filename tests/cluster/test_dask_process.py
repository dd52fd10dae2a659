"""`raqib process --cluster`: extraction and storing on the workers of a Dask LocalCluster."""

from __future__ import annotations

import json
import os
import random
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("distributed", exc_type=ImportError,
                    reason="needs the `cluster` extra (dask[distributed])")

from sqlalchemy import func, select

from backends import Backend
from clirun import run
from raqib.services.incidents import stale_incidents
from raqib.store.models import ClaimRecord, Document, Processing, Report
from raqib.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "public"
EXAMPLES = ROOT / "src" / "raqib" / "resources" / "examples"


def incidents(ws: Path) -> list[dict]:
    code, out = run(ws, "incidents", "list", "--json")
    assert code == 0, out
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    for row in rows:
        row.pop("id", None)
        row["documents"] = sorted(row["documents"])
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


def reports(ws: Path) -> list[tuple]:
    with Workspace.open(ws).sessions() as session:
        return [(r.document_id, r.ordinal, json.dumps(r.fields, sort_keys=True), r.evidence)
                for r in session.execute(select(Report).order_by(Report.document_id,
                                                                 Report.ordinal)).scalars()]


def test_cluster_run_stores_what_a_local_run_stores(tmp_path: Path, backend: Backend) -> None:
    local, remote = tmp_path / "local", tmp_path / "remote"
    for ws in (local, remote):  # on PostgreSQL the workers write to the server
        assert run(tmp_path, *backend.init_args(ws))[0] == 0
        code, out = run(ws, "ingest", str(SAMPLES))
        assert code == 0, out
    code, local_out = run(local, "process")
    assert code == 0, local_out
    code, remote_out = run(remote, "process", "--cluster", "local:2")
    assert code == 0, remote_out
    summary = [line for line in local_out.splitlines() if line.startswith("processed ")]
    assert summary and summary[0] in remote_out
    assert "processed 0 documents" not in remote_out
    assert reports(remote) == reports(local)
    assert incidents(remote) == incidents(local)  # refreshed on the workers, the same
    assert not stale_incidents(Workspace.open(remote))
    code, out = run(remote, "process", "--cluster", "local:2")  # nothing left to do
    assert code == 0 and "processed 0 documents" in out
    assert run(remote, "verify")[0] == 0


def test_sensitive_documents_are_processed_on_the_client(tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    from raqib.cluster import dask_runner
    from raqib.services import processing

    ws_path = tmp_path / "ws"
    assert run(tmp_path, "init", str(ws_path))[0] == 0
    files = sorted(SAMPLES.glob("*.html"))[:3]
    assert run(ws_path, "ingest", str(files[0]), "--sensitive")[0] == 0
    assert run(ws_path, "ingest", *map(str, files[1:]))[0] == 0
    ws = Workspace.open(ws_path)
    todo = processing.pending(ws)
    secret = processing.sensitive_among(ws, todo)
    assert len(secret) == 1 and len(todo) == 3
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        summary = dask_runner.process_on(client, ws)
        counts = client.run(dask_runner.plugin_counts)
    assert not summary.failed, summary.failed  # a worker given it would have refused it
    assert summary.processed == 3
    assert sum(c["documents"] for c in counts.values()) == 2  # the others, on the worker
    with ws.sessions() as session:
        evidence = session.execute(select(Report.evidence).where(
            Report.document_id.in_(secret))).scalars().all()
    assert evidence and set(evidence) == {None}  # coded, no words
    ws.close()


def test_the_workers_refresh_the_incidents_that_linking_changed(tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    from raqib.cluster import dask_runner
    from raqib.services import incidents as service
    from raqib.services import placing
    from raqib.services.refreshing import refresh_all

    ws_path = tmp_path / "ws"
    assert run(tmp_path, "init", str(ws_path))[0] == 0
    assert run(ws_path, "ingest", *map(str, sorted(SAMPLES.glob("*.html"))))[0] == 0
    ws = Workspace.open(ws_path)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        dask_runner.process_on(client, ws)
        linked = placing.link_new(ws, refresh_now=False)
        waiting = service.stale_incidents(ws)
        assert len(waiting) == linked.touched > 0
        told: list[tuple[int, int]] = []
        dask_runner.refresh_on(client, ws, waiting, chunk=2,
                               progress=lambda *call: told.append(call))
        counts = client.run(dask_runner.plugin_counts)
    assert sum(c["incidents"] for c in counts.values()) == len(waiting)
    assert told[-1] == (len(waiting), len(waiting))  # as each task of 2 ended
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    assert told[0] == (0, len(waiting))  # the step's start
    assert len(told) == 1 + (len(waiting) + 1) // 2
    assert service.stale_incidents(ws) == []
    refreshed = incidents(ws_path)
    refresh_all(ws, waiting)  # the same again, here: nothing changes
    assert incidents(ws_path) == refreshed
    assert all(row["grade"] for row in refreshed)
    ws.close()


def test_cluster_option_is_checked(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert run(tmp_path, "init", str(ws))[0] == 0
    code, out = run(ws, "process", "--cluster", "local:0")
    assert code == 2 and "local:N" in out


def _write_documents(folder: Path, count: int, words: int) -> None:
    sentences = [line.strip() for path in sorted(EXAMPLES.glob("*.txt"))
                 for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
    rng = random.Random(7)
    folder.mkdir()
    for i in range(count):
        text = f"Report {i}\n\n"
        while len(text.split()) < words:
            text += rng.choice(sentences) + " "
        (folder / f"report-{i:03d}.txt").write_text(text, encoding="utf-8")


@contextmanager
def _one_busy_worker_killed(client):  # type: ignore[no-untyped-def]
    """While the block runs, a watcher kills (SIGKILL) the first worker seen with a task in
    flight; yields the list that gets its pid. Watching from a thread, not from the run's
    progress callback: the runner reports progress after storing, when the tasks in flight
    may all have ended (a chunked run on two workers often was, and the kill never came)."""
    killed: list[int] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            busy = [address for address, keys in client.processing().items() if keys]
            if busy:
                try:
                    pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                except Exception:  # the worker went away between the two calls: look again
                    stop.wait(0.01)
                    continue
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            stop.wait(0.01)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield killed
    finally:
        stop.set()
        watcher.join(timeout=60)


def _workspace(tmp_path: Path, count: int, backend: Backend | None = None) -> Workspace:
    ws_path = tmp_path / "ws"
    assert run(tmp_path, *(backend.init_args(ws_path) if backend else ["init", str(ws_path)])
               )[0] == 0
    _write_documents(tmp_path / "docs", count, words=2500)
    code, out = run(ws_path, "ingest", str(tmp_path / "docs"))
    assert code == 0, out
    return Workspace.open(ws_path)


@pytest.mark.parametrize("chunk", [1, 3])
def test_a_killed_worker_loses_and_duplicates_nothing(tmp_path: Path, chunk: int,
                                                     backend: Backend) -> None:
    from distributed import Client, LocalCluster

    from raqib.cluster import dask_runner
    from raqib.extract.pipeline import Pipeline
    from raqib.services import processing

    count = 24
    ws = _workspace(tmp_path, count, backend)  # killed mid-transaction: it rolls back
    todo = processing.pending(ws)
    assert len(todo) == count

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        started = time.perf_counter()
        with _one_busy_worker_killed(client) as killed:
            summary = dask_runner.process_on(client, ws, window=6, chunk=chunk)
        seconds = time.perf_counter() - started
        assert killed, "the worker was never killed"
        assert not summary.failed, summary.failed
        assert summary.processed == count, seconds
        client.wait_for_workers(2, timeout=120)  # the nanny restarts the killed one
        counts = client.run(dask_runner.plugin_counts)
        assert all(c["builds"] == 1 for c in counts.values()), counts  # once per worker

    pipeline = Pipeline()
    expected = {doc_id: len(processing.extract(pipeline, item)["events"])  # type: ignore[arg-type]
                for doc_id, item in processing.payloads(ws, todo)}
    with ws.sessions() as session:
        per_doc = dict(session.execute(select(Report.document_id, func.count())
                                       .group_by(Report.document_id)).all())
        pairs = session.execute(select(Report.document_id, Report.ordinal)).all()
        done = session.execute(select(Processing.document_id, Processing.status)).all()
        assert session.scalar(select(func.count()).select_from(Document)) == count
        claims = session.execute(select(ClaimRecord.document_id, ClaimRecord.start,
                                        ClaimRecord.end)).all()
    assert len(pairs) == len(set(pairs))  # no report stored twice
    assert len(claims) == len(set(claims))
    assert {d: n for d, n in expected.items() if n} == per_doc
    assert sorted(done) == [(doc_id, "done") for doc_id in todo]
    assert summary.reports == sum(expected.values())
    assert run(ws.root, "verify")[0] == 0
    ws.close()


def test_a_task_that_finally_fails_is_recorded_and_retried(tmp_path: Path) -> None:
    import dask
    from distributed import Client, LocalCluster

    from raqib.cluster import dask_runner
    from raqib.services import processing

    count = 12
    for attempt in range(3):  # a kill can race the task's own end; then nothing failed: again
        ws = _workspace(tmp_path / f"try{attempt}", count)
        with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
                LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                             dashboard_address=None) as cluster, Client(cluster) as client:
            with _one_busy_worker_killed(client) as killed:
                summary = dask_runner.process_on(client, ws, window=4)
            assert killed
            if summary.failed:
                break
        ws.close()
    assert summary.failed, "three kills in a row missed their task"
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                         dashboard_address=None) as cluster, Client(cluster) as client:
        assert all("KilledWorker" in m for _, m in summary.failed)
        assert summary.processed + len(summary.failed) == count
        failed = sorted(d for d, _ in summary.failed)
        assert sorted(d for d, _ in processing.failures(ws)) == failed
        client.wait_for_workers(2, timeout=120)
        again = dask_runner.process_on(client, ws, window=4)  # a re-run retries only those
    assert again.processed == len(failed) and not again.failed
    assert not list(processing.failures(ws))
    with ws.sessions() as session:
        pairs = session.execute(select(Report.document_id, Report.ordinal)).all()
    assert len(pairs) == len(set(pairs)) == summary.reports + again.reports
    ws.close()
