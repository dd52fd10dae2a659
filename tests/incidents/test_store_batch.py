"""Storing extraction results in batches: one transaction, a savepoint per document, so a
document that cannot be stored is rolled back alone (no half-written reports), recorded as
failed with its reason, and the rest of the batch is kept."""

from __future__ import annotations

import copy
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from raqib.cli import cli
from raqib.extract.model import Options
from raqib.extract.pipeline import Pipeline
from raqib.services import incidents, processing
from raqib.store.models import ClaimRecord, Processing, Report
from raqib.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "public"
FILES = ["press-release-2018-11-27.html", "news-sana-2018-11-25.html"]


def _workspace(tmp_path: Path) -> Workspace:
    ws_path = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(ws_path)]).exit_code == 0
    result = runner.invoke(cli, ["-w", str(ws_path), "ingest",
                                 *(str(SAMPLES / name) for name in FILES)])
    assert result.exit_code == 0, result.output
    ws = Workspace.open(ws_path)
    incidents.ensure_schema(ws)
    return ws


def _counts(ws: Workspace, doc_id: int) -> tuple[str | None, int, int]:
    with ws.sessions() as session:
        record = session.get(Processing, doc_id)
        reports = session.execute(select(func.count()).select_from(Report)
                                  .where(Report.document_id == doc_id)).scalar_one()
        claims = session.execute(select(func.count()).select_from(ClaimRecord)
                                 .where(ClaimRecord.document_id == doc_id)).scalar_one()
    return (record.status if record else None), reports, claims


def test_one_bad_document_is_rolled_back_alone(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    pipeline = Pipeline(Options())
    first, second = processing.pending(ws)
    good = {d: processing.extract(pipeline, item)  # type: ignore[arg-type]
            for d, item in processing.payloads(ws, [first, second])}
    assert good[second]["events"] and good[second]["claims"]
    broken = copy.deepcopy(good[second])
    del broken["claims"][-1]["stance"]  # its reports are written before this claim fails

    summary = processing.ProcessSummary()
    processing.store_results(ws, summary, [(first, good[first]), (second, broken)])
    assert summary.processed == 1
    assert [(doc, reason.split(":")[0]) for doc, reason in summary.failed] == [
        (second, "KeyError")]
    assert _counts(ws, first)[0] == "done" and _counts(ws, first)[1] > 0
    assert _counts(ws, second) == ("failed", 0, 0)  # nothing half-written

    summary = processing.ProcessSummary()  # a re-run retries only what failed
    processing.store_results(ws, summary, [(first, good[first]), (second, good[second])])
    assert summary.processed == 1 and not summary.failed
    status, reports, claims = _counts(ws, second)
    assert status == "done" and reports == len(good[second]["events"])
    assert claims == len(good[second]["claims"])


def test_a_failure_reason_is_recorded_in_the_same_batch(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    first, second = processing.pending(ws)
    pipeline = Pipeline(Options())
    result = processing.extract(pipeline, dict(processing.payloads(ws, [first]))[first])
    summary = processing.ProcessSummary()
    processing.store_results(ws, summary, [(first, result),
                                           (second, "RuntimeError: worker lost\ntrace")])
    assert summary.processed == 1
    assert summary.failed == [(second, "RuntimeError: worker lost")]
    with ws.sessions() as session:
        assert session.get(Processing, second).error == "RuntimeError: worker lost"
    assert processing.pending(ws) == [second]
