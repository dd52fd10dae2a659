"""`make bench`: ingest throughput vs sha256sum, verify at 100,000 documents, WARC memory,
extraction speed, incident linking at growing sizes, search latency at 100,000 documents,
ingest + process throughput on SQLite, PostgreSQL and Dask (1 and 2 workers) at 100,000
documents, search latency on PostgreSQL at 1,000,000 documents, and the commands and pages
a user reaches for at 100,000 incidents (exports, lists, agreements, reports, review queue).

Scale with RAQIB_BENCH_LARGE_MB, RAQIB_BENCH_SMALL_DOCS, RAQIB_BENCH_WARC_MB,
RAQIB_BENCH_EXTRACT_DOCS, RAQIB_BENCH_LINK_SIZES, RAQIB_BENCH_SEARCH_DOCS,
RAQIB_BENCH_WEB_DOCS, RAQIB_BENCH_CLUSTER_DOCS, RAQIB_BENCH_CLUSTER_ARTICLES,
RAQIB_BENCH_THROUGHPUT_DOCS, RAQIB_BENCH_PG_SEARCH_DOCS and RAQIB_BENCH_SCALE_DOCS; the
PostgreSQL parts use RAQIB_BENCH_PG_URL or RAQIB_TEST_PG_URL, else start
scripts/ci_postgres.sh's server, else say they were skipped. Results are printed and written
into docs/benchmarks.md between the RESULTS markers, one block per part
(``python -m benchmarks.run [PART ...]`` runs only the parts named; see PARTS).
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.cluster import bench_cluster
from benchmarks.common import RAQIB, fresh_workspace, timed, warm
from benchmarks.corpora import make_large_files, make_small_docs, make_warc
from benchmarks.extract import bench_extract
from benchmarks.linking import bench_linking
from benchmarks.pg_search import bench_pg_search
from benchmarks.scale import bench_scale
from benchmarks.search import bench_search
from benchmarks.throughput import DASK, DATABASES, bench_throughput
from benchmarks.web import bench_web

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
BEGIN, END = "<!-- RESULTS BEGIN -->", "<!-- RESULTS END -->"


def _env(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def bench_large(root: Path, total_mb: int) -> list[str]:
    files = make_large_files(root / "large", total_mb)
    warm(files)
    sha = timed(["sha256sum", *map(str, files)])
    ws = fresh_workspace(root, "ws-large")
    ingest = timed([*RAQIB, "-w", str(ws), "ingest", *map(str, files)])
    mb = sum(f.stat().st_size for f in files) / 1e6
    ratio = (mb / ingest.seconds) / (mb / sha.seconds)
    return [
        f"| ingest of {len(files)} large files ({mb:,.0f} MB) | {mb / ingest.seconds:,.0f} MB/s "
        f"| sha256sum {mb / sha.seconds:,.0f} MB/s | **{ratio:.2f}** (target >= 0.7) |",
    ]


def bench_verify(root: Path, count: int) -> list[str]:
    folder = make_small_docs(root / "small", count)
    ws = fresh_workspace(root, "ws-small")
    ingest = timed([*RAQIB, "-w", str(ws), "ingest", str(folder)])
    if ingest.returncode != 0:
        raise SystemExit(f"ingest of small documents failed: {ingest.stderr[-500:]}")
    blobs = sorted(str(p) for p in (ws / "vault" / "blobs").glob("*/*"))
    warm([Path(p) for p in blobs])
    list_file = root / "blobs.txt"
    list_file.write_text("\0".join(blobs))
    sha = timed(["sh", "-c", f"xargs -0 sha256sum < {list_file} > /dev/null"])
    verify = timed([*RAQIB, "-w", str(ws), "verify"])
    if verify.returncode != 0:
        raise SystemExit(f"verify failed: {verify.stdout[-500:]}")
    hashing = float(re.search(r"re-hashed in ([0-9.]+)s", verify.stdout).group(1))  # type: ignore[union-attr]
    mb = sum(Path(p).stat().st_size for p in blobs) / 1e6
    return [
        f"| ingest of {count:,} small documents ({mb:,.1f} MB) | {count / ingest.seconds:,.0f} "
        f"docs/s ({ingest.seconds:,.1f} s) | | |",
        f"| `raqib verify` re-hashing {count:,} blobs (its hashing phase) | {hashing:,.2f} s, "
        f"{mb / hashing:,.1f} MB/s | sha256sum {sha.seconds:,.2f} s, {mb / sha.seconds:,.1f} MB/s "
        f"| **{sha.seconds / hashing:.2f}** (target >= 0.6) |",
        f"| `raqib verify`, whole command (start-up, log, tree, signatures, rows, blobs) | "
        f"{verify.seconds:,.2f} s | sha256sum {sha.seconds:,.2f} s "
        f"| {sha.seconds / verify.seconds:.2f} |",
    ]


def bench_warc(root: Path, total_mb: int) -> list[str]:
    warc = make_warc(root / "big.warc", total_mb)
    ws = fresh_workspace(root, "ws-warc")
    run = timed([*RAQIB, "-w", str(ws), "ingest", str(warc)])
    mb = warc.stat().st_size / 1e6
    return [
        f"| ingest of one {mb:,.0f} MB WARC | {mb / run.seconds:,.0f} MB/s ({run.seconds:,.0f} s)"
        f" | peak RSS **{run.peak_rss_mb:,.0f} MB** | target < 500 MB |",
    ]


def _sha256sum_version() -> str:
    out = subprocess.run(["sha256sum", "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else "sha256sum"


PARTS: dict[str, Callable[[Path], list[str]]] = {
    "ingest": lambda root: [*bench_large(root, _env("RAQIB_BENCH_LARGE_MB", 1024)),
                            *bench_verify(root, _env("RAQIB_BENCH_SMALL_DOCS", 100_000)),
                            *bench_warc(root, _env("RAQIB_BENCH_WARC_MB", 2048))],
    "extract": lambda root: bench_extract(root, _env("RAQIB_BENCH_EXTRACT_DOCS", 5000)),
    "linking": lambda root: bench_linking(),
    "search": lambda root: bench_search(root, _env("RAQIB_BENCH_SEARCH_DOCS", 100_000)),
    "web": lambda root: bench_web(root, _env("RAQIB_BENCH_WEB_DOCS", 100_000)),
    # short reports (storing weighs as much as extracting) and ~700-word articles (extraction
    # dominates, as with news articles): the two ends of what workers are given
    "cluster": lambda root: [
        *bench_cluster(root, _env("RAQIB_BENCH_CLUSTER_DOCS", 2000)),
        *bench_cluster(root, _env("RAQIB_BENCH_CLUSTER_ARTICLES", 300), join=10)],
    "throughput": lambda root: bench_throughput(
        root, _env("RAQIB_BENCH_THROUGHPUT_DOCS", 100_000), DATABASES),
    "throughput_dask": lambda root: bench_throughput(
        root, _env("RAQIB_BENCH_THROUGHPUT_DOCS", 100_000), DASK),
    "pg_search": lambda root: bench_pg_search(
        root, _env("RAQIB_BENCH_PG_SEARCH_DOCS", 1_000_000)),
    "scale": lambda root: bench_scale(root, _env("RAQIB_BENCH_SCALE_DOCS", 100_000)),
}
"""Each part's rows go to docs/benchmarks.md in a block of their own, stamped with the time
they were measured: ``python -m benchmarks.run linking web`` re-measures those two and keeps
the others' last results (and times) as they were."""


def main(argv: list[str]) -> None:
    names = argv or list(PARTS)
    unknown = [name for name in names if name not in PARTS]
    if unknown:
        raise SystemExit(f"unknown benchmark part(s) {', '.join(unknown)}; "
                         f"the parts are {', '.join(PARTS)}")
    with tempfile.TemporaryDirectory(prefix="raqib-bench-", dir=os.environ.get("TMPDIR")) as tmp:
        for name in names:
            started = datetime.now(UTC)
            rows: list[str] = []
            for row in PARTS[name](Path(tmp)):
                print(row, flush=True)
                rows.append(row)
            _record(name, [_stamp(name, started), "", "| what | raqib | reference | ratio |",
                           "|---|---|---|---|", *rows])


def _stamp(name: str, started: datetime) -> str:
    return (f"**{name}**: measured {started:%Y-%m-%d %H:%M}-{datetime.now(UTC):%H:%M} UTC on "
            f"{platform.node() or 'this machine'}: {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, {_sha256sum_version()}; "
            f"`python -m benchmarks.run {name}` (or `make bench`).")


def _record(name: str, lines: list[str]) -> None:
    """Replace part ``name``'s block between the RESULTS markers (or add it at their end)."""
    text = DOCS.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        return
    head, rest = text.split(BEGIN, 1)
    body, tail = rest.split(END, 1)
    begin, end = f"<!-- {name} BEGIN -->", f"<!-- {name} END -->"
    block = "\n".join([begin, *lines, end])
    if begin in body and end in body:
        before, after = body.split(begin, 1)
        body = before + block + after.split(end, 1)[1]
    else:
        body = body.rstrip("\n") + "\n\n" + block + "\n"
    DOCS.write_text(f"{head}{BEGIN}{body}{END}{tail}", encoding="utf-8")
    print(f"recorded {name} in {DOCS}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
