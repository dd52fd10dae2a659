"""`raqib import acled FILE`: the rows of an ACLED export become incidents.

An imported incident has no documents and no reports. It keeps the row's columns as text
(``Incident.imported``, dates as YYYY-MM-DD), where it came from (``origin``,
'acled:FILE') and the row's ``event_id_cnty`` (``external_id``): importing a file again
updates the rows that changed and adds none twice. Its reconciled fields are set from the
row (so lists, search, agreements and maps see it); a reviewer's corrections win, and the
ACLED export writes the row back as it was read except for corrected fields.

Its grade is Weak with Admiralty F6 (Raqib holds none of the sources: it cannot judge them)
unless a reviewer grades it. Each import appends one custody leaf (action ``import``, object
``import:<sha256 of the file>``) with the counts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.incidents.grading import LABELS
from raqib.outputs import acled
from raqib.services.incidents import _apply, ensure_schema
from raqib.store.engine import transaction
from raqib.store.models import Incident
from raqib.vault import custody
from raqib.vault.custody import db_now
from raqib.workspace import Workspace


@dataclass
class ImportSummary:
    file: str
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    unreadable: list[tuple[int, str]] = field(default_factory=list)
    """(line, why) for every row that could not be read."""
    incomplete: list[tuple[int, list[str]]] = field(default_factory=list)
    """(line, empty columns) for rows imported although they lack what ACLED always fills."""
    leaf: int | None = None


def import_acled(ws: Workspace, path: str | Path, user: str) -> ImportSummary:
    """Import every readable row of the ACLED export at ``path`` (see the module docstring)."""
    path = Path(path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    summary = ImportSummary(path.name)
    rows: list[acled.Row] = []
    for item in acled.read_rows(path):
        if isinstance(item, acled.BadRow):
            summary.unreadable.append((item.line, item.reason))
            continue
        rows.append(item)
        if gaps := acled.missing(item.values):
            summary.incomplete.append((item.line, gaps))
    summary.rows = len(rows) + len(summary.unreadable)
    ensure_schema(ws)
    with transaction(ws.sessions) as session:
        _store(session, rows, f"acled:{path.name}", summary)
        details = {"file": path.name, "format": "acled", "rows": summary.rows,
                   "new": summary.new, "updated": summary.updated,
                   "unchanged": summary.unchanged, "unreadable": len(summary.unreadable)}
        summary.leaf, _ = custody.append(session, "import", f"import:{sha}", user, details)
    return summary


def _store(session: Session, rows: list[acled.Row], origin: str, summary: ImportSummary) -> None:
    known = {row.external_id: row for row in session.execute(
        select(Incident).where(Incident.external_id.is_not(None))).scalars()}
    now = db_now()
    for item in rows:
        key = acled.key(item.values)
        row = known.get(key)
        if row is None:
            row = Incident(origin=origin, external_id=key, imported=item.values, corrections={},
                           contested=False, created_at=now, updated_at=now)
            session.add(row)
            known[key] = row
            summary.new += 1
        elif row.imported == item.values and row.origin == origin:
            summary.unchanged += 1
            continue
        else:
            row.origin, row.imported, row.updated_at = origin, item.values, now
            summary.updated += 1
        refresh_imported(row)
    session.flush()


def refresh_imported(row: Incident) -> None:
    """Set an imported incident's reconciled fields, grade and summary from its imported
    row and its corrections (what ``services.incidents.refresh`` should do for an incident
    with no reports and an ``imported`` row)."""
    values = row.imported or {}
    fields = {**acled.fields_of(values), **(row.corrections or {})}
    grade = imported_grade(row)
    _apply(row, fields, grade["code"], False)
    row.summary = {"fields": fields, "grade": grade,
                   "contest": {"contested": False, "reasons": [], "by_side": {}},
                   "reports": 0, "origin": row.origin}


def imported_grade(row: Incident) -> dict[str, Any]:
    values = row.imported or {}
    sources = values.get("source") or "unnamed sources"
    reasons = [f"imported from {row.origin}: coded by ACLED from {sources}; Raqib holds none "
               "of its sources, so it cannot judge them"]
    code, admiralty, manual = "weak", "F6", bool(row.manual_grade)
    if row.manual_grade:
        code = row.manual_grade
        admiralty = "F5" if code == "discounted" else admiralty
        reasons = [f"set by a reviewer: {row.manual_grade_reason or 'no reason given'}",
                   f"computed grade would be Weak: {reasons[0]}"]
    return {"code": code, "label": LABELS.get(code, code.capitalize()), "admiralty": admiralty,
            "reasons": reasons, "independent_sources": 0, "sides": [],
            "best_reliability": "F", "manual": manual}
