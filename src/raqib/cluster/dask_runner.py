"""`raqib process --cluster ADDRESS`: extraction on Dask workers, storing on the client.

- Workers only extract. The extraction pipeline (heavy to build: gazetteer index, model) is
  built once per worker by ``PipelinePlugin.setup``; the plugin carries only the pipeline's
  ``Options`` (paths that must be readable on every worker). A task takes a document payload
  (``raqib.services.processing.payload``) and returns the JSON result of
  ``processing.extract``: it reads and writes nothing else, so the scheduler may run it again
  elsewhere when a worker dies.
- The client is the only writer. It keeps a bounded window of tasks in flight (``client.map``
  over batches of payloads, ``as_completed``), and stores the results through the same
  storing as a local run (``processing.store_results``: a batch per transaction, a savepoint
  per document), which leaves a document already done as it is: nothing is stored twice.
  Results are stored in document order, so a cluster run writes exactly what a local run
  writes, ids included. A document whose task finally fails (an error, or ``KilledWorker``
  after the scheduler's allowed failures) is recorded as failed, as in a local run, and a
  re-run retries it.
- Sensitive documents are extracted on the client: their text never leaves it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from raqib.extract.model import Options
from raqib.services import processing
from raqib.services.processing import ProcessSummary
from raqib.vault.custody import utc_now
from raqib.workspace import Workspace

PLUGIN = "raqib-pipeline"


class ClusterUnavailable(RuntimeError):
    """The scheduler could not be reached (or the local cluster not started)."""


class PipelinePlugin(WorkerPlugin):
    """Builds the extraction pipeline once when a worker starts (or joins) and keeps it."""

    name = PLUGIN

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.pipeline: Any = None
        self.builds = 0
        self.documents = 0

    def setup(self, worker: Any) -> None:
        from raqib.extract.pipeline import Pipeline

        self.pipeline = Pipeline(self.options)
        self.builds += 1

    def teardown(self, worker: Any) -> None:
        self.pipeline = None

    def __getstate__(self) -> dict[str, Any]:  # ship the options, never a built pipeline
        return {"options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["options"])  # type: ignore[misc]


def worker_plugin() -> PipelinePlugin:
    plugin = get_worker().plugins.get(PLUGIN)
    if not isinstance(plugin, PipelinePlugin) or plugin.pipeline is None:
        raise RuntimeError("this worker has no raqib pipeline (plugin not registered)")
    return plugin


def extract_task(payload: dict[str, Any]) -> dict[str, Any]:
    """A task: one document's extraction with the worker's pipeline (pure)."""
    return extract_many([payload])[0]


def extract_many(payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A task: a few documents' extractions, one after the other (pure); each result is still
    stored in its own transaction. Amortises the per-task cost (~ms) over short documents."""
    plugin = worker_plugin()
    results = [processing.extract(plugin.pipeline, payload) for payload in payloads]
    plugin.documents += len(results)
    return results


def plugin_counts(dask_worker: Any) -> dict[str, int]:
    """For ``client.run``: how often this worker built the pipeline, how many documents."""
    plugin = dask_worker.plugins.get(PLUGIN)
    return {"builds": getattr(plugin, "builds", 0), "documents": getattr(plugin, "documents", 0)}


def parse_local(address: str) -> int | None:
    """N for ``local:N``, None for a scheduler address."""
    if not address.startswith("local:"):
        return None
    try:
        count = int(address.removeprefix("local:"))
    except ValueError:
        count = 0
    if count < 1:
        raise ValueError(f"{address!r}: expected local:N with N >= 1 worker processes")
    return count


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a new ``local:N`` LocalCluster (N
    worker processes with one thread each), closed afterwards."""
    count = parse_local(address)
    try:
        if count is None:
            client = Client(address)
        else:
            cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ClusterUnavailable(f"no Dask scheduler at {address}: {exc}") from exc
    if count is None:
        with client:
            yield client
    else:
        with cluster, client:  # the client closes first
            yield client


def process(ws: Workspace, address: str, options: Options | None = None, again: bool = False,
            progress: Callable[[int, int], None] | None = None,
            window: int | None = None, chunk: int = 1) -> ProcessSummary:
    """``processing.process`` with extraction on the cluster at ``address``."""
    todo = processing.pending(ws, again)
    if not todo:
        return ProcessSummary()
    with connect(address) as client:
        return process_on(client, ws, options, again, progress, window, chunk, todo)


def process_on(client: Client, ws: Workspace, options: Options | None = None,
               again: bool = False, progress: Callable[[int, int], None] | None = None,
               window: int | None = None, chunk: int = 1, todo: list[int] | None = None,
               ) -> ProcessSummary:
    """Process ``todo`` (default: the pending documents of ``ws``) with the workers of
    ``client``: at most ``window`` documents in flight (default 8 per worker thread, times
    ``chunk``), ``chunk`` documents per task (1: one task per document)."""
    summary = ProcessSummary()
    todo = processing.pending(ws, again) if todo is None else todo
    if not todo:
        return summary
    options = options or Options()
    client.register_plugin(PipelinePlugin(options), name=PLUGIN)
    threads = sum(client.nthreads().values()) or 1
    chunk = max(1, chunk)
    window = max(2, window or 8 * threads * chunk)
    started = utc_now()
    run = uuid.uuid4().hex[:12]
    local: list[Any] = []  # the client's own pipeline, for sensitive documents only

    results: dict[int, dict[str, Any] | str] = {}  # doc id -> result, or why it failed
    owner: dict[str, list[int]] = {}  # task key -> doc ids
    pending = as_completed(with_results=True, raise_errors=False)  # results come meanwhile
    submitted = stored = 0

    def submit() -> None:
        nonlocal submitted
        room = window - (submitted - stored)
        left = len(todo) - submitted
        if room <= 0 or left <= 0 or (room < window // 2 and room < left):
            return  # batches of at least half the window
        batch = todo[submitted:submitted + room]
        submitted += len(batch)
        remote = []
        for doc_id, item in processing.payloads(ws, batch):
            if isinstance(item, str):
                results[doc_id] = item
            elif item["sensitive"]:
                results[doc_id] = _local_extract(local, options, item)
            else:
                remote.append(item)
        if not remote:
            return
        chunks = [remote[i:i + chunk] for i in range(0, len(remote), chunk)]
        keys = [f"raqib-extract-{run}-{part[0]['id']}" for part in chunks]
        futures = client.map(extract_many, chunks, key=keys, pure=False)
        for future, part in zip(futures, chunks, strict=True):
            owner[future.key] = [int(item["id"]) for item in part]
        pending.update(futures)

    ready: list[tuple[int, Any]] = []  # results taken in order, waiting to be stored

    def store() -> None:
        nonlocal stored
        processing.store_results(ws, summary, ready, done_since=started if again else None)
        stored += len(ready)
        ready.clear()
        if progress:
            progress(stored, len(todo))
        submit()

    submit()
    while stored + len(ready) < len(todo):
        head = todo[stored + len(ready)]
        if head in results:
            ready.append((head, results.pop(head)))
            if len(ready) >= processing.BATCH:
                store()
            continue
        if ready:  # store what is in hand before waiting for the workers
            store()
            continue
        future, value = next(pending)  # the head is in flight: wait for any task
        doc_ids = owner.pop(future.key)
        results.update(zip(doc_ids, _outcomes(future, value, len(doc_ids)), strict=True))
        future.release()
    if ready:
        store()
    return summary


def _outcomes(future: Any, value: Any, count: int) -> list[dict[str, Any] | str]:
    """A task's results, or why it finally failed (an error, the worker killed too often,
    cancelled): recorded on each of its documents like a local failure."""
    if future.status == "error" and isinstance(value, tuple) and len(value) == 3:
        value = value[1]
    if isinstance(value, BaseException):
        return [processing.reason(value)] * count
    if not isinstance(value, list) or len(value) != count or not all(
            isinstance(item, dict) for item in value):
        return [f"unexpected task result: {type(value).__name__}"] * count
    return list(value)


def _local_extract(local: list[Any], options: Options, item: dict[str, Any]
                   ) -> dict[str, Any] | str:
    try:
        if not local:
            from raqib.extract.pipeline import Pipeline

            local.append(Pipeline(options))
        return processing.extract(local[0], item)
    except Exception as exc:
        return processing.reason(exc)
