"""The commands and pages a user reaches for, on a workspace of ``count`` incidents.

The store is the search benchmark's (``benchmarks.search._fill``: one document, report and
incident per item, with sources, summaries of real weight and search entries; its documents
have no blobs, so case bundles and ``raqib verify`` are not measured here). Each command runs
as a user runs it, a subprocess timed with its peak resident memory (``common.timed``; the
memory includes the database's memory-mapped pages that the command read); the review queue
in process, the median of five calls after a first. Runnable alone:
``RAQIB_BENCH_SCALE_DOCS=COUNT python -m benchmarks.run scale`` (default 100,000).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import RAQIB, fresh_workspace, timed
from benchmarks.search import _fill

REVIEW_QUEUE = """
import statistics, sys, time
from pathlib import Path
from raqib.services import queue
from raqib.workspace import Workspace
ws = Workspace.open(Path(sys.argv[1]))
first = time.perf_counter(); queue.review_queue(ws, 1, 50); first = time.perf_counter() - first
runs = []
for _ in range(5):
    t = time.perf_counter(); rows, total = queue.review_queue(ws, 1, 50)
    runs.append(time.perf_counter() - t)
print(first, statistics.median(runs), total)
"""


def _busiest_month(ws: Path) -> str:
    """The month holding most incidents (what a monthly report at this scale looks like)."""
    from sqlalchemy import func, select

    from raqib.store.models import Incident
    from raqib.workspace import Workspace

    workspace = Workspace.open(ws)
    try:
        with workspace.sessions() as session:
            days = session.execute(select(Incident.event_date)).scalars()
            months = statistics.multimode(d.strftime("%Y-%m") for d in days if d)
            count = session.scalar(select(func.count(Incident.id)))
    finally:
        workspace.close()
    assert count, "the store is empty"
    return months[0]


def _row(what: str, args: list[str], ws: Path, out: Path | None = None) -> str:
    run = timed([*RAQIB, "-w", str(ws), *args])
    if run.returncode:
        return f"| {what} | failed (exit {run.returncode}) | {run.stderr.strip()[-200:]} | |"
    size = f"{out.stat().st_size / 1e6:,.1f} MB written" if out else ""
    return f"| {what} | **{run.seconds:,.1f} s** | peak RSS {run.peak_rss_mb:,.0f} MB | {size} |"


def bench_scale(root: Path, count: int = 100_000) -> list[str]:
    ws = fresh_workspace(root, "ws-scale")
    started = time.perf_counter()
    _fill(ws, count)
    fill_s = time.perf_counter() - started
    month = _busiest_month(ws)
    outs = {fmt: root / f"scale.{fmt}" for fmt in ("jsonl", "acled", "pdf")}
    rows = [
        _row(f"`raqib export jsonl`, {count:,} incidents (store filled in {fill_s:,.0f} s)",
             ["export", "jsonl", "--out", str(outs["jsonl"])], ws, outs["jsonl"]),
        _row(f"`raqib export acled`, {count:,} incidents",
             ["export", "acled", "--out", str(outs["acled"])], ws, outs["acled"]),
        _row(f"`raqib incidents list --json`, {count:,} incidents",
             ["incidents", "list", "--json"], ws),
        _row(f"`raqib agreements violations idlib-2018`, {count:,} incidents",
             ["agreements", "violations", "idlib-2018", "--json"], ws),
        _row(f"`raqib report monthly --month {month} --agreement idlib-2018` (HTML), "
             "the busiest month", ["report", "monthly", "--month", month,
                                  "--agreement", "idlib-2018"], ws),
        _row(f"`raqib report monthly --month {month} --format pdf`, the busiest month",
             ["report", "monthly", "--month", month, "--format", "pdf", "--out",
              str(outs["pdf"])], ws, outs["pdf"]),
    ]
    probe = subprocess.run([sys.executable, "-c", REVIEW_QUEUE, str(ws)], capture_output=True,
                           text=True, check=True)
    first, median, total = probe.stdout.split()
    rows.append(f"| review queue (`/review`, `/api/review/queue`: first page and count), "
                f"{count:,} incidents, {int(total):,} queued | **median {float(median) * 1000:,.0f}"
                f" ms** of 5 | first call {float(first) * 1000:,.0f} ms | in process |")
    return rows
