"""Extraction throughput on one core, start-up time and peak memory (`make bench`)."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import RAQIB, timed

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "raqib" / "resources" / "examples"
TOKEN = re.compile(r"\w+|[^\w\s]")


def _documents(count: int) -> list[str]:
    """ACLED-length reports (about 60-100 words) made of the project's own example sentences."""
    sentences = [
        line.strip() for path in sorted(EXAMPLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    rng = random.Random(3)
    docs = []
    for _ in range(count):
        text = ""
        while len(text.split()) < 60:
            text += rng.choice(sentences) + " "
        docs.append(text.strip())
    return docs


def bench_extract(root: Path, count: int) -> list[str]:
    from raqib.extract.pipeline import Pipeline

    docs = _documents(count)
    words = sum(len(d.split()) for d in docs)
    pipeline = Pipeline()
    pipeline.run("warm-up", docs[0])
    started = time.perf_counter()
    for i, text in enumerate(docs):
        pipeline.run(str(i), text)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    for text in docs:
        TOKEN.findall(text)
    bare = time.perf_counter() - started
    long_text = " ".join(docs[: max(1, count // 2)])
    started = time.perf_counter()
    pipeline.run("long", long_text)
    long_seconds = time.perf_counter() - started
    source = root / "docs.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n"
                              for i, t in enumerate(docs)), encoding="utf-8")
    run = timed([*RAQIB, "extract", str(source)])
    return [
        f"| `raqib extract`, {count:,} reports of ~{words // count} words, in process, one core "
        f"| {count / seconds:,.0f} docs/s, {words / seconds:,.0f} words/s "
        f"| bare regex tokenizer {words / bare:,.0f} words/s | {bare / seconds:.4f} "
        "(target >= 50 docs/s) |",
        f"| `raqib extract` as a command over the same file (start-up included) "
        f"| {run.seconds:,.1f} s, peak RSS **{run.peak_rss_mb:,.0f} MB** | | target < 1 GB |",
        f"| start-up: first output line of `raqib extract` | **{_first_line():.2f} s** | | "
        "target < 5 s |",
        f"| one long report of {len(long_text) // 1000:,} kB (the reports above joined) | "
        f"{long_seconds:,.1f} s, {len(long_text.split()) / long_seconds:,.0f} words/s | | "
        "grows with length, not its square |",
    ]


def _first_line() -> float:
    started = time.perf_counter()
    proc = subprocess.Popen([*RAQIB, "extract"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps({"id": "1", "text": "Troops shelled the village."}) + "\n")
    proc.stdin.flush()
    proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.stdin.close()
    proc.wait()
    return elapsed


if __name__ == "__main__":
    for row in bench_extract(Path(sys.argv[1]), int(sys.argv[2])):
        print(row)
