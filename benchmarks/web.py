"""Web latency under load (issue 5, section 4): the search API and the incident page with ``count``
documents in the workspace under ``clients`` concurrent clients on loopback.

The workspace is filled directly through the store by ``benchmarks.search._fill`` (one document,
report and incident per item, with full-text entries); a viewer is added and its API token
taken. The server is ``raqib serve --workers N`` in a subprocess on 127.0.0.1 and a free port
(default two worker processes, one per core of this machine), so the load generator here does
not share the server's GIL (it does share the machine's cores). The load is ``clients`` asyncio
tasks over one shared ``aiohttp`` session, each sending requests back to back for ``seconds``
seconds (no new request starts after the deadline; each request is bounded by a timeout):
half searches, a quarter ``/api/incidents/{id}`` and a quarter the HTML ``/incidents/{id}``,
ids random in range. aiohttp, not httpx: on this machine httpx spent 2.5-2.9 ms of CPU a
request against aiohttp's 0.3, on the two cores the server has (measured side by side against
one server: 193-229 against 345-425 requests a second).

Two workloads, one after the other against the same server:

- *repeated*: the searches are the six fixed ``SEARCHES`` (words alone, words with filters,
  filters alone), as a team asks the same questions again. The server keeps whole answers
  while the data is unchanged (``raqib.services.answers``; nothing is written during the
  run), so each worker computes each search once and then gives the kept answer.
- *distinct*: no search is asked twice (each is drawn at random from the vocabulary and the
  filters, and drawn again if it was asked before): every search is computed, as when each
  analyst asks their own question.

Then a second server with ``--answer-cache 0`` runs the *repeated* workload again: the same
six searches, each computed every time (the harness as it was before answers were kept).

Every request carries ``Authorization: Bearer TOKEN``; if the pages refuse it, the harness
logs in through ``POST /api/session`` and the shared session keeps the cookie. Latency is
measured per request on the client; medians and 99th percentiles are over answered 2xx
requests; every non-2xx answer and every failed request is counted as an error and reported.
Targets: median < 50 ms, p99 < 300 ms.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import statistics
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import httpx

from benchmarks.common import RAQIB, fresh_workspace
from benchmarks.search import FILLER, TYPES, WORDS, _fill

HOST = "127.0.0.1"
USER, PASSWORD = "bench-viewer", "bench-viewer-password"
TIMEOUT_S = 10.0
KINDS = {
    "search": "search API `GET /api/search`",
    "incident_api": "incident API `GET /api/incidents/{id}`",
    "incident_page": "incident page `GET /incidents/{id}` (HTML)",
}
WEIGHTS = {"search": 2, "incident_api": 1, "incident_page": 1}
SEARCHES: list[dict[str, str]] = [
    {"q": "chlorine"},
    {"q": "hospital strike"},
    {"q": "market", "contested": "true"},
    {"q": "bakery killed", "type": "Air/drone strike"},
    {"type": "Air/drone strike", "from": "2018-01-01", "to": "2018-01-31"},
    {"q": "convoy", "grade": "weak", "from": "2017-06-01"},
]
"""Fixed queries over the vocabulary of benchmarks.search, as in its QUERIES (the API's
parameter names; 'near' is left out: it resolves a place name through the gazetteer)."""
RUNS = ((None, ("repeated", "distinct")), ("0", ("repeated",)))
"""Each server's ``--answer-cache`` (None: the default) and the workloads run against it: the
third run is the first workload again with nothing kept, for the cache's effect."""


@dataclass(frozen=True)
class Sample:
    kind: str
    status: int  # 0: no answer (connection error or timeout)
    ms: float


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _prepare(root: Path, count: int) -> tuple[Path, str, float]:
    """A filled workspace, a viewer's API token, and the seconds the fill took."""
    from raqib.services import users
    from raqib.workspace import Workspace

    ws_path = fresh_workspace(root, "ws-web")
    started = time.perf_counter()
    _fill(ws_path, count)
    fill_s = time.perf_counter() - started
    ws = Workspace.open(ws_path)
    try:
        _, token = users.add(ws, USER, "viewer", by="bench", password=PASSWORD)
    finally:
        ws.close()
    return ws_path, token, fill_s


def _start_server(ws_path: Path, port: int, log: Path, workers: int,
                  answer_cache: str | None = None) -> subprocess.Popen[bytes]:
    cmd = [*RAQIB, "-w", str(ws_path), "serve", "--host", HOST, "--port", str(port),
           "--workers", str(workers)]
    if answer_cache is not None:
        cmd += ["--answer-cache", answer_cache]
    with log.open("wb") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)


def _wait_ready(proc: subprocess.Popen[bytes], base: str, log: Path,
                limit_s: float = 120.0) -> int:
    """Wait until the server answers ``/api/health``; returns the status it answered with."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the web server exited ({proc.returncode}): "
                             f"{log.read_text(errors='replace')[-1000:]}")
        try:
            return httpx.get(f"{base}/api/health", timeout=2.0).status_code
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"the web server did not answer within {limit_s:.0f} s: "
                     f"{log.read_text(errors='replace')[-1000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _distinct_search(rng: random.Random, asked: set[str]) -> dict[str, str]:
    """A search not asked before in this run: none, one or two words (topical words and the
    long tail, as the documents mix them) and each filter with some chance, at least one
    of the two."""
    while True:
        params: dict[str, str] = {}
        words = [rng.choice(WORDS) if rng.random() < 0.6 else rng.choice(FILLER[:2000])
                 for _ in range(rng.choice((0, 1, 1, 1, 2, 2)))]
        if words:
            params["q"] = " ".join(words)
        if rng.random() < 0.3:
            params["type"] = rng.choice(TYPES)[rng.randint(0, 1)]
        if rng.random() < 0.3:
            start = rng.randrange(1500)
            first = f"{2016 + start // 365:04d}-{1 + start % 365 // 31 % 12:02d}-01"
            params["from"] = first
            if rng.random() < 0.5:
                params["to"] = f"{int(first[:4]) + 1}{first[4:]}"
        if rng.random() < 0.2:
            params["grade"] = rng.choice(("weak", "fair"))
        if rng.random() < 0.1:
            params["contested"] = rng.choice(("true", "false"))
        if rng.random() < 0.2:
            params["page"] = str(rng.randint(2, 4))
        key = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
        if params.keys() - {"page"} and key not in asked:
            asked.add(key)
            return params


def _request(kind: str, rng: random.Random, count: int,
             asked: set[str] | None = None) -> tuple[str, dict[str, str]]:
    """A request of ``kind``; searches distinct when ``asked`` holds the searches asked
    before (else one of the fixed six)."""
    if kind == "search":
        return "/api/search", (rng.choice(SEARCHES) if asked is None
                               else _distinct_search(rng, asked))
    ident = rng.randint(1, count)
    return (f"/api/incidents/{ident}" if kind == "incident_api" else f"/incidents/{ident}"), {}


async def _timed_get(client: aiohttp.ClientSession, kind: str, path: str,
                     params: dict[str, str]) -> Sample:
    started = time.perf_counter()
    try:
        async with client.get(path, params=params) as response:
            await response.read()
            status = response.status
    except (TimeoutError, aiohttp.ClientError):
        status = 0
    return Sample(kind, status, (time.perf_counter() - started) * 1000)


async def _client_loop(client: aiohttp.ClientSession, seed: int, count: int,
                       deadline: float, samples: list[Sample],
                       asked: set[str] | None) -> None:
    rng = random.Random(seed)
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        path, params = _request(kind, rng, count, asked)
        samples.append(await _timed_get(client, kind, path, params))


async def _probe(client: aiohttp.ClientSession, count: int) -> dict[str, int]:
    """One unmeasured request of each kind (warms the server); logs in if pages need it."""
    rng = random.Random(0)
    found = {k: (await _timed_get(client, k, *_request(k, rng, count))).status for k in KINDS}
    if found["incident_page"] in (301, 302, 303, 307, 401, 403):
        async with client.post("/api/session",
                               json={"name": USER, "password": PASSWORD}) as login:
            found["login"] = login.status
        found["incident_page"] = (await _timed_get(
            client, "incident_page", *_request("incident_page", rng, count))).status
    return found


async def _load(base: str, token: str, count: int, clients: int, seconds: float,
                workloads: tuple[str, ...]
                ) -> tuple[dict[str, tuple[list[Sample], float]], dict[str, int]]:
    """Each workload's samples and seconds, and the probe's answers."""
    headers = {"Authorization": f"Bearer {token}"}
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_S)
    jar = aiohttp.CookieJar(unsafe=True)  # keep the login cookie of an IP-address host
    runs: dict[str, tuple[list[Sample], float]] = {}
    async with aiohttp.ClientSession(base, headers=headers, connector=connector,
                                     timeout=timeout, cookie_jar=jar) as client:
        probe = await _probe(client, count)
        for workload in workloads:
            asked: set[str] | None = set() if workload == "distinct" else None
            samples: list[Sample] = []
            started = time.monotonic()
            deadline = started + seconds
            await asyncio.wait_for(
                asyncio.gather(*(_client_loop(client, n + 1, count, deadline, samples, asked)
                                 for n in range(clients))),
                timeout=seconds + TIMEOUT_S + 5)
            runs[workload] = samples, time.monotonic() - started
    return runs, probe


def _percentile(sorted_ms: list[float], q: float) -> float:
    return sorted_ms[min(len(sorted_ms) - 1, int(q * len(sorted_ms)))]


def _errors(samples: list[Sample]) -> str:
    bad = Counter("no answer" if s.status == 0 else str(s.status)
                  for s in samples if not 200 <= s.status < 300)
    if not bad:
        return "0 errors"
    detail = ", ".join(f"{status} x{n:,}" for status, n in bad.most_common())
    return f"**{sum(bad.values()):,} errors** ({detail})"


def _kind_row(kind: str, samples: list[Sample], elapsed: float, probe: int,
              setting: str) -> str:
    mine = [s for s in samples if s.kind == kind]
    ok = sorted(s.ms for s in mine if 200 <= s.status < 300)
    latency = (f"median **{statistics.median(ok):,.1f} ms**, p99 **{_percentile(ok, 0.99):,.1f}"
               f" ms**" if ok else "no 2xx answers")
    return (f"| web: {KINDS[kind]}, {setting} | {latency}; {len(mine):,} requests "
            f"({len(mine) / elapsed:,.0f}/s), {_errors(mine)} | first answer {probe} "
            f"| target median < 50 ms, p99 < 300 ms |")


def _rows(runs: dict[str, tuple[list[Sample], float]], probe: dict[str, int], count: int,
          clients: int, fill_s: float, workers: int) -> list[str]:
    rows = []
    for workload, (samples, elapsed) in runs.items():
        setting = (f"{workload} searches, {count:,} documents, {clients} clients x "
                   f"{elapsed:,.0f} s")
        rows += [_kind_row(kind, samples, elapsed, probe[kind], setting) for kind in KINDS]
        login = f"; pages via cookie login ({probe['login']})" if "login" in probe else ""
        rows.append(
            f"| web: all requests ({setting}; {workers} uvicorn worker process(es), load "
            f"generator in another process on the same {os.cpu_count()} cores; store filled "
            f"in {fill_s:,.0f} s{login}) | {len(samples) / elapsed:,.0f} requests/s, "
            f"{len(samples):,} requests, {_errors(samples)} | health answered "
            f"{probe['health']} | |")
    return rows


def _serve_and_load(ws_path: Path, root: Path, token: str, count: int, clients: int,
                    seconds: float, workers: int, answer_cache: str | None,
                    workloads: tuple[str, ...]
                    ) -> tuple[dict[str, tuple[list[Sample], float]], dict[str, int]]:
    """One server, the workloads one after the other; the probe's answers with health's."""
    port = _free_port()
    base = f"http://{HOST}:{port}"
    log = root / "web-server.log"
    proc = _start_server(ws_path, port, log, workers, answer_cache)
    try:
        health = _wait_ready(proc, base, log)
        runs, probe = asyncio.run(_load(base, token, count, clients, seconds, workloads))
    finally:
        _stop(proc)
    return runs, {**probe, "health": health}


def bench_web(root: Path, count: int = 100_000, clients: int = 16,
              seconds: float = 20.0, workers: int = 2) -> list[str]:
    """Latency of the search API and the incident page under load, for repeated and for
    distinct searches, and for repeated ones with nothing kept; markdown table rows."""
    ws_path, token, fill_s = _prepare(root, count)
    rows: list[str] = []
    for answer_cache, workloads in RUNS:
        runs, probe = _serve_and_load(ws_path, root, token, count, clients, seconds, workers,
                                      answer_cache, workloads)
        if answer_cache == "0":
            runs = {f"{name} (answer cache off)": run for name, run in runs.items()}
        rows += _rows(runs, probe, count, clients, fill_s, workers)
    return rows
