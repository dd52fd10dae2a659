"""Documents uploaded through the API: the same path as `raqib ingest --process`.

Each file goes through the ingest service (capture, vault, custody leaf); a checkpoint is
signed; then the uploaded documents are extracted and their reports linked into incidents
(only those: a backlog left by other ingests is `raqib process`'s).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from raqib.ingest.inputs import Input, printable
from raqib.ingest.outcome import Outcome
from raqib.workspace import Workspace

if TYPE_CHECKING:
    from raqib.services.placing import LinkSummary
    from raqib.services.processing import ProcessSummary


@dataclass(frozen=True)
class Upload:
    filename: str
    stream: BinaryIO
    size: int | None = None


def upload(ws: Workspace, files: list[Upload], user: str, source: str | None,
           sensitive: bool, pipeline: Callable[[], Any]) -> dict[str, Any]:
    """Ingest ``files``, sign a checkpoint, then process and link; ``pipeline`` makes the
    extraction pipeline when there is something to extract."""
    from raqib.ingest.service import Ingestor, Options

    ingestor = Ingestor(ws, Options(user=user, source=source or None, sensitive=sensitive))
    outcomes: list[Outcome] = []
    for item in files:
        name = printable(item.filename or "upload")
        entry = Input(name, lambda s=item.stream: s, size=item.size, filename=name)
        outcomes.extend(ingestor.ingest(entry))
    size = ingestor.checkpoint()
    summary, linked = process_uploaded(ws, [o.id for o in outcomes if o.id is not None],
                                       pipeline)
    return {
        "results": [_outcome(o) for o in outcomes],
        "checkpoint_size": size,
        "processed": summary.processed, "failed": len(summary.failed),
        "reports": summary.reports, "claims": summary.claims,
        "linked": linked.placed, "new_incidents": linked.new_incidents,
    }


def process_uploaded(ws: Workspace, doc_ids: list[int], pipeline: Callable[[], Any]
                     ) -> tuple[ProcessSummary, LinkSummary]:
    """Extract the uploaded documents still pending (never a backlog that other ingests left:
    that is `raqib process`'s, and would hold the request for as long), then link."""
    from raqib.services import incidents, placing, processing

    incidents.ensure_schema(ws)
    wanted = set(doc_ids)
    todo = [d for d in processing.pending(ws) if d in wanted]
    summary = processing.process(ws, pipeline() if todo else None, todo=todo)
    linked = placing.link_and_refresh(ws, summary.touched_incidents)
    return summary, linked


def _outcome(o: Outcome) -> dict[str, Any]:
    return {"input": o.name, "status": o.status, "id": o.id, "sha256": o.sha256,
            "title": o.title, "reason": o.reason}
