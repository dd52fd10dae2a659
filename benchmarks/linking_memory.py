"""Memory of one linking pass by date over a growing archive: the index forgetting the
incidents the pass has left behind (``link(..., dated_in_order=True)``, what `raqib process`
does when no new report is undated) against one keeping everything.

Each mode runs in a fresh process (its peak resident memory is its own) over the same
synthetic reports as ``benchmarks.linking``'s growing archive, the undated ones left out (an
undated report meets incidents by its words alone, whatever their day, so a pass with one
keeps everything). Both must place every report in the same incident (a digest of the
placements is compared); the figure is the process's peak resident memory while linking less
its resident memory just before (Linux: the peak, ``VmHWM``, is reset by writing 5 to
``/proc/self/clear_refs`` once the reports are made, so the peak of making them, which can be
higher than linking's, does not count; the process's ``ru_maxrss`` cannot be reset, and with
it both modes once read the same 3,452 MB, the peak of making the reports).
Runnable alone: ``python -m benchmarks.linking_memory SIZE DAYS forget|keep`` (one line of
JSON).
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import resource
import subprocess
import sys
import time


def _resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def _reset_peak() -> None:
    """Make the peak resident memory (``VmHWM``) the memory resident now."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def _peak_mb() -> float:
    """The peak resident memory since the last ``_reset_peak`` (or the start)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def run_one(size: int, days: int, forget: bool) -> dict[str, float | int | str]:
    from benchmarks.linking import synthetic
    from raqib.incidents.linking import IncidentIndex, link

    reports, _ = synthetic(size, days=days)
    dated = sorted((r for r in reports if r.event_date is not None),
                   key=lambda r: (r.event_date, r.id))
    del reports
    gc.collect()
    _reset_peak()  # the peak of making the reports is not linking's
    before = _resident_mb()
    counter = itertools.count(1)
    started = time.perf_counter()
    placed = link(dated, IncidentIndex(), lambda: next(counter), dated_in_order=forget)
    seconds = time.perf_counter() - started
    digest = hashlib.sha256(repr(sorted(placed.items())).encode()).hexdigest()[:16]
    return {"reports": len(dated), "seconds": seconds, "index_mb": _peak_mb() - before,
            "incidents": len(set(placed.values())), "digest": digest}


def memory_rows(size: int, days: int) -> list[str]:
    runs = {}
    for mode in ("keep", "forget"):
        out = subprocess.run([sys.executable, "-m", "benchmarks.linking_memory", str(size),
                              str(days), mode], check=True, capture_output=True, text=True)
        runs[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    keep, forget = runs["keep"], runs["forget"]
    same = "same incidents" if keep["digest"] == forget["digest"] else "**different incidents**"
    return [
        f"| one linking pass by date, {forget['reports']:,} dated synthetic reports over "
        f"{days:,} days (growing archive), the index forgetting what the pass left behind | "
        f"peak memory above the start **{forget['index_mb']:,.0f} MB**, "
        f"{forget['seconds']:,.1f} s | keeping everything: {keep['index_mb']:,.0f} MB, "
        f"{keep['seconds']:,.1f} s ({same}: {forget['incidents']:,}) | "
        f"{keep['index_mb'] / max(forget['index_mb'], 1):.2f}x less |"]


if __name__ == "__main__":
    count, span, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    if mode not in ("keep", "forget"):
        raise SystemExit(f"mode must be keep or forget, not {mode!r}")
    sys.stdout.write(json.dumps(run_one(count, span, mode == "forget")) + "\n")
