"""`raqib process --cluster ADDRESS`: extraction and storing on Dask workers.

- A task is a few document ids. The worker reads those documents from the workspace,
  extracts them and stores the results through the store (``processing.process``: a batch per
  transaction, a savepoint per document), and returns its ``ProcessSummary``. The client only
  hands out ids, adds up the summaries and links the reports afterwards, so it is no longer
  the one writer that every worker waits for.
- Each worker builds the extraction pipeline (heavy: gazetteer index, model) and opens the
  workspace once, in ``PipelinePlugin.setup``; the plugin carries only the pipeline's
  ``Options`` and the workspace folder, which every worker must reach at the same path (its
  config names the database: the SQLite file or the PostgreSQL server).
- Idempotent: the workers' transactions take the store's writer lock in turn, and storing
  leaves a document already done as it is, so a task that the scheduler runs again after its
  worker died (or twice) stores nothing twice; a document that the run finds done (pending
  when it began) counts as processed, with what is stored for it. A task that finally fails (an
  error, or ``KilledWorker`` after the scheduler's allowed failures) has its documents that
  are not done recorded as failed, as in a local run, and a re-run retries them.
- Linking orders new reports by date, document and ordinal, not by report id, so the
  incidents do not depend on the order in which the workers stored. It runs here, one
  ordered pass (each report's place depends on those placed before it); the incidents it
  changed are marked stale in its transaction and refreshed (fields, grade, contest: each
  incident apart from the others) on the workers, a few hundred per task. A refresh task
  that fails is redone here; a run that stops before the refreshes end leaves the marks, and
  the next `raqib process` refreshes what they mark.
- Sensitive documents are processed on the client: their text never leaves it (a worker
  given one would refuse it).
"""

from __future__ import annotations

import itertools
import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from raqib.extract.model import Options
from raqib.services import incidents, placing, processing, refreshing
from raqib.services.processing import ProcessSummary
from raqib.vault.custody import utc_now
from raqib.workspace import Workspace

PLUGIN = "raqib-pipeline"
CHUNK = 16
"""Documents per task by default: amortises the per-task cost (a few ms) over short ones."""


class ClusterUnavailable(RuntimeError):
    """The scheduler could not be reached (or the local cluster not started)."""


class PipelinePlugin(WorkerPlugin):
    """Builds the extraction pipeline and opens the workspace once when a worker starts (or
    joins), and keeps both."""

    name = PLUGIN

    def __init__(self, options: Options | None = None, root: str | None = None) -> None:
        self.options = options or Options()
        self.root = root
        self.pipeline: Any = None
        self.workspace: Workspace | None = None
        self.builds = 0
        self.documents = 0
        self.incidents = 0

    def setup(self, worker: Any) -> None:
        from pathlib import Path

        from raqib.extract.pipeline import Pipeline

        self.pipeline = Pipeline(self.options)
        self.workspace = Workspace.open(Path(self.root)) if self.root else None
        self.builds += 1

    def teardown(self, worker: Any) -> None:
        if self.workspace is not None:
            self.workspace.close()
        self.pipeline = self.workspace = None

    def __getstate__(self) -> dict[str, Any]:  # ship the settings, never a built pipeline
        return {"options": self.options, "root": self.root}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["options"], state.get("root"))  # type: ignore[misc]


def worker_plugin() -> PipelinePlugin:
    plugin = get_worker().plugins.get(PLUGIN)
    if not isinstance(plugin, PipelinePlugin) or plugin.pipeline is None:
        raise RuntimeError("this worker has no raqib pipeline (plugin not registered)")
    return plugin


def process_task(ids: list[int], since: datetime | None = None) -> ProcessSummary:
    """A task: extract and store the documents ``ids`` with the worker's pipeline and
    workspace (never a sensitive one); ``since``: the run's start, for ``--again``."""
    plugin = worker_plugin()
    if plugin.workspace is None:
        raise RuntimeError("this worker's raqib plugin has no workspace")
    summary = processing.process(plugin.workspace, plugin.pipeline, todo=ids, since=since,
                                 sensitive=False)
    plugin.documents += len(ids)
    return summary


def refresh_task(ids: list[int]) -> int:
    """A task: recompute the incidents ``ids`` (fields, grade, contest) in the worker's
    workspace, in one transaction; idempotent."""
    plugin = worker_plugin()
    if plugin.workspace is None:
        raise RuntimeError("this worker's raqib plugin has no workspace")
    refreshing.refresh_all(plugin.workspace, ids)
    plugin.incidents += len(ids)
    return len(ids)


def plugin_counts(dask_worker: Any) -> dict[str, int]:
    """For ``client.run``: how often this worker built the pipeline, how many documents it
    processed and how many incidents it refreshed."""
    plugin = dask_worker.plugins.get(PLUGIN)
    return {key: getattr(plugin, key, 0) for key in ("builds", "documents", "incidents")}


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
            progress: placing.Steps | None = None,
            window: int | None = None, chunk: int = CHUNK,
            ) -> tuple[ProcessSummary, placing.LinkSummary]:
    """`raqib process --cluster`: extract and store on the workers of the cluster at
    ``address``, link here (one ordered pass), then refresh the changed incidents on the
    workers. With nothing to extract no cluster is started: linking and any refresh left
    pending by an earlier run happen here. ``progress``: the steps "processing" (documents),
    "linking" and "refreshing"."""
    todo = processing.pending(ws, again)
    if not todo:
        return ProcessSummary(), placing.link_and_refresh(ws, progress=progress)
    with connect(address) as client:
        summary = process_on(client, ws, options, again, placing.step(progress, "processing"),
                             window, chunk, todo)
        linked = placing.link_new(ws, refresh_now=False, progress=progress)
        pending = set(incidents.stale_incidents(ws)) | summary.touched_incidents
        refresh_on(client, ws, sorted(pending), progress=placing.step(progress, "refreshing"))
    return summary, linked


def refresh_on(client: Client, ws: Workspace, ids: list[int],
               chunk: int = incidents.REFRESH_BATCH,
               progress: Callable[[int, int], None] | None = None) -> None:
    """Refresh the incidents ``ids`` on the workers of ``client`` (whose plugin holds the
    workspace: ``process_on`` registered it), ``chunk`` per task; the incidents of a task
    that finally failed are refreshed here, so none stays stale. ``progress(done, total)``
    as tasks end (those refreshed here count at the end)."""
    if progress and ids:
        progress(0, len(ids))
    parts = [ids[i:i + chunk] for i in range(0, len(ids), chunk)]
    run = uuid.uuid4().hex[:12]
    futures = {client.submit(refresh_task, part, pure=False,
                             key=f"raqib-refresh-{run}-{part[0]}"): part for part in parts}
    left: list[int] = []
    done = 0
    for future in as_completed(futures, raise_errors=False):
        if future.status != "finished":
            left.extend(futures[future])
        else:
            done += len(futures[future])
            if progress:
                progress(done, len(ids))
        future.release()
    refreshing.refresh_all(ws, left)
    if progress and left:
        progress(len(ids), len(ids))


def process_on(client: Client, ws: Workspace, options: Options | None = None,
               again: bool = False, progress: Callable[[int, int], None] | None = None,
               window: int | None = None, chunk: int = CHUNK, todo: list[int] | None = None,
               ) -> ProcessSummary:
    """Process ``todo`` (default: the pending documents of ``ws``) on the workers of
    ``client``: ``chunk`` documents per task, at most ``window`` documents in flight (default
    4 tasks per worker thread)."""
    summary = ProcessSummary()
    todo = processing.pending(ws, again) if todo is None else todo
    if not todo:
        return summary
    options = options or Options()
    since = utc_now() if again else None
    if progress:
        progress(0, len(todo))
    secret = processing.sensitive_among(ws, todo)
    if secret:
        from raqib.extract.pipeline import Pipeline

        summary.merge(processing.process(ws, Pipeline(options), todo=sorted(secret),
                                         since=since))
    remote = [doc_id for doc_id in todo if doc_id not in secret]
    try:
        client.register_plugin(PipelinePlugin(options, str(ws.root)), name=PLUGIN)
    except Exception as exc:  # a worker could not build the pipeline or open the workspace
        raise ClusterUnavailable(f"the workers cannot process {ws.root}: {exc}") from exc
    chunk = max(1, chunk)
    threads = sum(client.nthreads().values()) or 1
    done = [len(secret)]

    def advance(count: int) -> None:
        done[0] += count
        if progress:
            progress(done[0], len(todo))

    _stream(client, ws, [remote[i:i + chunk] for i in range(0, len(remote), chunk)], since,
            max(1, (window or 4 * threads * chunk) // chunk), summary, advance)
    processing.count_found(ws, summary)
    return summary


def _stream(client: Client, ws: Workspace, parts: list[list[int]], since: datetime | None,
            in_flight: int, summary: ProcessSummary, advance: Callable[[int], None]) -> None:
    """Submit ``parts`` as tasks, at most ``in_flight`` at a time, and merge each result as
    it comes; a task that failed or was lost has its documents recorded as failed
    (``processing.settle``)."""
    queued = iter(parts)
    run = uuid.uuid4().hex[:12]
    owner: dict[str, list[int]] = {}  # task key -> its document ids
    pending = as_completed(with_results=True, raise_errors=False)

    def submit(count: int) -> None:
        for part in itertools.islice(queued, count):
            future = client.submit(process_task, part, since, pure=False,
                                   key=f"raqib-process-{run}-{part[0]}")
            owner[future.key] = part
            pending.add(future)

    submit(in_flight)
    for future, value in pending:
        part = owner.pop(future.key)
        if future.status == "finished" and isinstance(value, ProcessSummary):
            summary.merge(value)
        else:
            processing.settle(ws, summary, part, _why(future, value), since)
        future.release()
        advance(len(part))
        submit(1)


def _why(future: Any, value: Any) -> str:
    """Why a task finally failed (an error, the worker killed too often, cancelled)."""
    if future.status == "error" and isinstance(value, tuple) and len(value) == 3:
        value = value[1]
    if isinstance(value, BaseException):
        return processing.reason(value)
    return f"unexpected task result: {type(value).__name__}"
