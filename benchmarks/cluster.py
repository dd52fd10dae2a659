"""`raqib process` throughput locally and on a Dask LocalCluster of 1 and 2 workers.

Runnable alone: ``python -m benchmarks.cluster [COUNT [JOIN]]`` (default 2,000 documents of one
report each) prints the markdown rows; ``bench_cluster(root, count, join)`` returns them for
`make bench`. ``JOIN`` > 1 makes each document ``JOIN`` reports long, so that extraction
rather than the single writer dominates.

Each mode processes an identical copy of one workspace holding ``count`` synthetic
ACLED-length reports (``benchmarks.extract._documents``). Two measurements per mode:
the whole `raqib process` command (start-up, cluster start, extraction, storing, linking), and
in process the processing phase alone (pipeline build or plugin registration, extraction and
storing; the LocalCluster already running, linking excluded), which is what the scaling ratio
is taken from.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import RAQIB, fresh_workspace, timed
from benchmarks.extract import _documents

MODES = ("local", "local:1", "local:2")


def write_reports(folder: Path, count: int, join: int = 1) -> Path:
    """``folder`` (emptied first) with ``count`` text files of ``join`` synthetic reports each,
    a thousand files per subfolder."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    reports = _documents(count * join)
    for i in range(count):
        text = " ".join(reports[i * join:(i + 1) * join])
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"report-{i:06d}.txt").write_text(f"Report {i}\n\n{text}\n", encoding="utf-8")
    return folder


def _corpus(root: Path, count: int, join: int = 1) -> Path:
    """A workspace with ``count`` text documents (of ``join`` reports each) ingested,
    nothing processed."""
    folder = write_reports(root / "cluster-docs", count, join)
    ws = fresh_workspace(root, "ws-cluster")
    subprocess.run([*RAQIB, "-w", str(ws), "ingest", str(folder)], check=True,
                   capture_output=True)
    return ws


def _copy(ws: Path, name: str) -> Path:
    target = ws.parent / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ws, target)
    return target


def _phase(ws_path: Path, mode: str, chunk: int | None = None) -> tuple[float, float]:
    """Seconds of the processing phase alone, in this process; and of extraction alone (no
    storing: the same payloads through the workers again, results only gathered)."""
    from raqib.extract.model import Options
    from raqib.services import incidents, processing
    from raqib.workspace import Workspace

    ws = Workspace.open(ws_path)
    incidents.ensure_schema(ws)
    try:
        if mode == "local":
            from raqib.extract.pipeline import Pipeline

            started = time.perf_counter()
            pipeline = Pipeline(Options())
            summary = processing.process(ws, pipeline)
            seconds = time.perf_counter() - started
            payloads = _all_payloads(ws)
            started = time.perf_counter()
            for item in payloads:
                processing.extract(pipeline, item)
            extraction = time.perf_counter() - started
        else:
            from raqib.cluster import dask_runner

            chunk = chunk or dask_runner.CHUNK  # documents per task: as `raqib process`
            with dask_runner.connect(mode) as client:
                client.wait_for_workers(int(mode.removeprefix("local:")), timeout=60)
                started = time.perf_counter()
                summary = dask_runner.process_on(client, ws, Options(), chunk=chunk)
                seconds = time.perf_counter() - started
                payloads = _all_payloads(ws)  # the plugin is registered by now
                started = time.perf_counter()
                parts = [payloads[i:i + chunk] for i in range(0, len(payloads), chunk)]
                client.gather(client.map(_extract_only, parts, pure=False))
                extraction = time.perf_counter() - started
        assert not summary.failed, summary.failed[:3]
    finally:
        ws.close()
    return seconds, extraction


def _extract_only(payloads: list[dict]) -> list[dict]:
    """A task: extraction alone with the worker's pipeline, nothing read or stored."""
    from raqib.cluster import dask_runner
    from raqib.services import processing

    pipeline = dask_runner.worker_plugin().pipeline
    return [processing.extract(pipeline, payload) for payload in payloads]


def _all_payloads(ws: object) -> list[dict]:
    from sqlalchemy import select

    from raqib.services import processing
    from raqib.store.models import Document

    with ws.sessions() as session:  # type: ignore[attr-defined]
        ids = list(session.execute(select(Document.id).order_by(Document.id)).scalars())
    return [item for _, item in processing.payloads(ws, ids)]  # type: ignore[arg-type,misc]


def bench_cluster(root: Path, count: int = 2000, join: int = 1) -> list[str]:
    """Rows for ``count`` documents of ``join`` ACLED-length reports each (~70 words x join)."""
    base = _corpus(root, count, join)
    what = f"{count:,} reports" if join == 1 else f"{count:,} documents of ~{70 * join} words"
    command: dict[str, float] = {}
    phase: dict[str, float] = {}
    extraction: dict[str, float] = {}
    for mode in MODES:
        ws = _copy(base, f"ws-cluster-{mode.replace(':', '-')}-cmd")
        extra = [] if mode == "local" else ["--cluster", mode]
        run = timed([*RAQIB, "-w", str(ws), "process", *extra])
        assert run.returncode == 0, run.stderr[-2000:]
        command[mode] = run.seconds
        phase[mode], extraction[mode] = _phase(
            _copy(base, f"ws-cluster-{mode.replace(':', '-')}-phase"), mode)
    rows = []
    for mode in MODES:
        label = "in process, one core" if mode == "local" else f"`--cluster {mode}`"
        rows.append(
            f"| `raqib process`, {what}, {label} "
            f"| **{count / phase[mode]:,.0f} docs/s** processing phase "
            f"| {count / command[mode]:,.0f} docs/s whole command ({command[mode]:,.1f} s) "
            f"| extraction alone, no storing: {count / extraction[mode]:,.0f} docs/s |")
    ratio = phase["local:1"] / phase["local:2"]
    single = {mode: _phase(_copy(base, f"ws-cluster-{mode.replace(':', '-')}-single"), mode,
                           1)[0] for mode in MODES[1:]}
    for mode in MODES[1:]:
        rows.append(
            f"| `raqib process`, {what}, `--cluster {mode}`, one document per task "
            f"(API `chunk=1`) | **{count / single[mode]:,.0f} docs/s** processing phase | | |")
    whole = command["local:1"] / command["local:2"]
    alone = extraction["local:1"] / extraction["local:2"]
    rows.append(
        f"| Dask scaling 1 -> 2 workers ({what}), target >= 1.7 | **{ratio:.2f}x** processing "
        f"phase | {whole:.2f}x whole command | {alone:.2f}x extraction alone; "
        f"{single['local:1'] / single['local:2']:.2f}x with one document per task |")
    return rows


def main() -> None:
    """``python -m benchmarks.cluster [COUNT [JOIN]]``."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    join = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with tempfile.TemporaryDirectory(prefix="raqib-bench-cluster-") as tmp:
        for row in bench_cluster(Path(tmp), count, join):
            print(row, flush=True)


if __name__ == "__main__":
    main()
