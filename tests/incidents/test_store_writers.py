"""Several writers storing extraction results at once (Dask workers, two `raqib process` runs
on one workspace): they take the store's writer lock in turn, so a document is stored once
and whoever comes second finds it done, and a new source is created once; a task that
finally failed settles its documents by what is stored. On both backends."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from backends import Backend
from raqib.cli import cli
from raqib.extract.model import Options
from raqib.extract.pipeline import Pipeline
from raqib.incidents.sources import recognise
from raqib.services import document_rows, incidents, processing
from raqib.store.engine import transaction
from raqib.store.models import Processing, Report, Source
from raqib.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "public"
FILES = ["press-release-2018-11-27.html", "news-sana-2018-11-25.html"]
HOLD = 0.5
"""Seconds the first writer keeps its transaction open after the second one has started."""


def _workspace(tmp_path: Path, backend: Backend, *extra: str) -> Workspace:
    ws_path = tmp_path / "ws"
    runner = CliRunner()
    result = runner.invoke(cli, backend.init_args(ws_path))
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["-w", str(ws_path), "ingest", *extra,
                                 *(str(SAMPLES / name) for name in FILES)])
    assert result.exit_code == 0, result.output
    ws = Workspace.open(ws_path)
    incidents.ensure_schema(ws)
    return ws


def _results(ws: Workspace) -> dict[int, dict]:
    pipeline = Pipeline(Options())
    return {doc_id: processing.extract(pipeline, item)  # type: ignore[arg-type]
            for doc_id, item in processing.payloads(ws, processing.pending(ws))}


def _held_open(ws: Workspace, work, started: threading.Event):  # type: ignore[no-untyped-def]
    """A thread that does ``work(session)`` in a transaction, then waits for ``started`` and
    HOLD seconds more before committing."""
    def run() -> None:
        with transaction(ws.sessions) as session:
            work(session)
            started.wait(10)
            time.sleep(HOLD)
    return threading.Thread(target=run)


def test_a_document_stored_by_another_writer_meanwhile_is_stored_once(
        tmp_path: Path, backend: Backend) -> None:
    ws = _workspace(tmp_path, backend)
    results = _results(ws)
    doc_id = next(d for d, r in results.items() if r["events"])
    other = Workspace.open(ws.root)  # a second writer: its own engine and connections
    started = threading.Event()
    first = _held_open(ws, lambda s: document_rows.store_one(
        s, ws, doc_id, results[doc_id], None, document_rows.Batch.read(s, [doc_id])), started)
    first.start()
    time.sleep(0.2)  # the first writer holds its uncommitted result by now
    summary = processing.ProcessSummary()
    started.set()
    processing.store_results(other, summary, [(doc_id, results[doc_id])])
    first.join()
    other.close()

    with ws.sessions() as session:
        stored = session.scalar(select(func.count()).select_from(Report)
                                .where(Report.document_id == doc_id))
        record = session.get(Processing, doc_id)
        report_ids = sorted(session.execute(select(Report.id)
                                            .where(Report.document_id == doc_id)).scalars())
    assert stored == len(results[doc_id]["events"])  # not twice
    assert record is not None and record.status == "done"
    assert not summary.failed and summary.processed == 0
    assert summary.found_done == [doc_id]  # found done, left as it was
    processing.count_found(ws, summary)  # a cluster run counts it, with what is stored
    assert summary.processed == 1 and not summary.found_done
    assert sorted(summary.new_report_ids) == report_ids
    assert summary.claims == len(results[doc_id]["claims"])
    ws.close()


def test_a_new_source_made_by_two_writers_at_once_is_made_once(
        tmp_path: Path, backend: Backend) -> None:
    ws = _workspace(tmp_path, backend)  # the second writer waits for the first's commit
    info = recognise("The Example Observatory for Testing", None, None)
    other = Workspace.open(ws.root)
    started = threading.Event()
    made: list[int] = []
    first = _held_open(ws, lambda s: made.append(document_rows.source_row(s, info).id), started)
    first.start()
    time.sleep(0.2)
    started.set()
    with transaction(other.sessions) as session:
        second = document_rows.source_row(session, info).id
    first.join()
    other.close()
    with ws.sessions() as session:
        ids = list(session.execute(select(Source.id).where(Source.name == info.name)).scalars())
    assert ids == made == [second]
    ws.close()


def test_settle_counts_what_is_done_and_records_the_rest_as_failed(
        tmp_path: Path, backend: Backend) -> None:
    ws = _workspace(tmp_path, backend)
    results = _results(ws)
    done, lost = sorted(results)
    processing.store_results(ws, processing.ProcessSummary(), [(done, results[done])])
    summary = processing.ProcessSummary()
    processing.settle(ws, summary, [done, lost], "KilledWorker: attempts exhausted")
    assert summary.processed == 0 and summary.found_done == [done]
    assert summary.failed == [(lost, "KilledWorker: attempts exhausted")]
    assert dict(processing.failures(ws)) == {lost: "KilledWorker: attempts exhausted"}
    with ws.sessions() as session:
        assert session.get(Processing, done).status == "done"  # type: ignore[union-attr]
    ws.close()


def test_a_writer_that_may_not_read_sensitive_documents_refuses_them(
        tmp_path: Path, backend: Backend) -> None:
    ws = _workspace(tmp_path, backend, "--sensitive")
    todo = processing.pending(ws)
    assert processing.sensitive_among(ws, todo) == set(todo)
    summary = processing.process(ws, Pipeline(Options()), todo=todo, sensitive=False)
    assert summary.processed == 0
    assert [(d, why.split(":")[0]) for d, why in summary.failed] == [
        (d, "PermissionError") for d in todo]
    with ws.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 0
    ws.close()
