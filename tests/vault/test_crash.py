"""kill -9 an ingest at random points: the vault always verifies, a re-run completes it; on
both backends (``backend``, tests/conftest.py)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backends import Backend, query

RAQIB = [sys.executable, "-c", "from raqib.cli import main; main()"]


def raqib(ws: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [*RAQIB, "-w", str(ws), *args], capture_output=True, text=True, timeout=600
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"raqib {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
    return proc


def make_folder(root: Path, files: int) -> Path:
    rng = random.Random(7)
    folder = root / "incoming"
    for i in range(files):
        sub = folder / f"batch-{i % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        words = " ".join(rng.choice(["shelling", "village", "council", "reported", "the", "of",
                                     "civilians", "strike", "market", "north"]) for _ in range(60))
        (sub / f"report-{i:04d}.txt").write_text(f"Report {i}. {words}.\n")
    (folder / "large.txt").write_text("Long account of the siege. " * 400_000)  # ~11 MB
    return folder


@pytest.mark.slow
def test_kill_minus_nine_at_random_points(tmp_path: Path, backend: Backend) -> None:
    ws = tmp_path / "ws"
    raqib(tmp_path, *backend.init_args(ws))
    folder = make_folder(tmp_path, 240)
    expected = sum(1 for p in folder.rglob("*") if p.is_file())
    rng = random.Random(int(os.environ.get("RAQIB_CRASH_SEED", "2026")))
    kills = 0
    for _ in range(4):
        proc = subprocess.Popen([*RAQIB, "-w", str(ws), "ingest", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.8, 4.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        verdict = raqib(ws, "verify", check=False)
        assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    assert kills >= 1, "the ingest finished before any kill: make the folder larger"
    raqib(ws, "ingest", str(folder))
    raqib(ws, "verify")
    ((docs, distinct),) = query(ws, "select count(*), count(distinct sha256) from documents")
    ingests = sum(json.loads(bytes(data))["action"] == "ingest"
                  for (data,) in query(ws, "select data from custody_leaves"))
    assert docs == distinct == ingests == expected
    assert not list((ws / "vault" / "tmp").iterdir()), "scratch files of killed runs remain"
