"""Helpers shared by the benchmarks: timing commands, fresh workspaces, peak memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

RAQIB = [sys.executable, "-c", "from raqib.cli import main; main()"]


@dataclass(frozen=True)
class Timed:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def timed(cmd: list[str], cwd: Path | None = None) -> Timed:
    """Run a command; wall time and the peak resident memory of it (and its children)."""
    wrapper = [
        sys.executable, "-c",
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:])\n"
        "dt = time.perf_counter() - t\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(f'@@TIMED {dt} {kb}', file=sys.stderr)\n"
        "sys.exit(p.returncode)\n",
        *cmd,
    ]
    os.sync()  # start every timed command with no writeback pending from the last one
    proc = subprocess.run(wrapper, capture_output=True, text=True, cwd=cwd)
    marker = [ln for ln in proc.stderr.splitlines() if ln.startswith("@@TIMED ")][-1]
    _, seconds, kb = marker.split()
    stderr = "\n".join(ln for ln in proc.stderr.splitlines() if not ln.startswith("@@TIMED "))
    return Timed(float(seconds), int(kb) / 1024, proc.returncode, proc.stdout, stderr)


def fresh_workspace(root: Path, name: str) -> Path:
    ws = root / name
    if ws.exists():
        shutil.rmtree(ws)
    subprocess.run([*RAQIB, "init", str(ws)], check=True, capture_output=True)
    return ws


def warm(paths: list[Path]) -> None:
    for path in paths:
        with path.open("rb") as handle:
            while handle.read(1 << 22):
                pass
