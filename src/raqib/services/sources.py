"""Sources in a workspace: listing and editing (each edit logged as a review)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from raqib.errors import RaqibError
from raqib.incidents.records import RELIABILITY, SIDES, SOURCE_KINDS
from raqib.services.incidents import ensure_schema, refresh
from raqib.services.reviews import record_review
from raqib.store.engine import transaction
from raqib.store.models import Processing, Report, Source
from raqib.workspace import Workspace


class SourceProblem(RaqibError):
    """No such source, or a value that is not on its scale."""


def listing(ws: Workspace) -> list[dict[str, Any]]:
    ensure_schema(ws)
    with ws.sessions() as session:
        rows = session.execute(select(Source).order_by(Source.name)).scalars().all()
        return [{"id": s.id, "name": s.name, "kind": s.kind, "side": s.side,
                 "reliability": s.reliability, "language": s.language,
                 "edited_by": s.edited_by} for s in rows]


def edit(ws: Workspace, name: str, user: str, reason: str | None = None,
         **changes: str | None) -> dict[str, str]:
    changes = {k: v for k, v in changes.items() if v}
    if changes.get("kind"):
        changes["kind"] = " ".join(changes["kind"].split()).casefold()
        if changes["kind"] not in SOURCE_KINDS:
            raise SourceProblem(f"kind must be one of {', '.join(SOURCE_KINDS)}; "
                                f"not {changes['kind']!r}")
    if changes.get("side") and changes["side"] not in SIDES:
        raise SourceProblem(f"side must be one of {', '.join(SIDES)}")
    if changes.get("reliability") and changes["reliability"] not in RELIABILITY:
        raise SourceProblem("reliability must be a letter A–F")
    ensure_schema(ws)
    with transaction(ws.sessions) as session:
        row = session.execute(select(Source).where(Source.name == name)).scalar_one_or_none()
        if row is None:
            raise SourceProblem(f"no source named {name!r} (see `raqib sources list`)")
        before = {k: getattr(row, k) for k in changes}
        for key, value in changes.items():
            setattr(row, key, value)
        row.edited_by = user
        record_review(session, f"source:{row.id}", "correct", before, changes, reason, user)
        session.flush()
        touched = session.execute(
            select(Report.incident_id).join(Processing, Processing.document_id ==
                                            Report.document_id)
            .where(Processing.source_id == row.id, Report.incident_id.is_not(None))).scalars()
        refresh(session, set(touched))
    return {k: str(v) for k, v in changes.items()}
