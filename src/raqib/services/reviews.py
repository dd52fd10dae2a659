"""People in the loop: corrections, merges, splits and grades, each on the record.

Every change is one transaction that writes the change, a ``reviews`` row and a custody
leaf (action ``review``) with the target, before, after, reason, reviewer and time; the
row points at its leaf. Corrections are kept in the target's ``corrections`` so that
automated re-runs (``raqib process --again``, re-linking, refreshes) never undo them.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.errors import RaqibError
from raqib.extract.output import EVENT_FIELDS
from raqib.services.document_rows import apply_columns
from raqib.services.field_values import value as field_value
from raqib.services.incidents import IncidentNotFound, get_incident, refresh
from raqib.services.listing import ReportNotFound
from raqib.store.engine import transaction
from raqib.store.models import Incident, Report, Review
from raqib.vault import custody
from raqib.vault.custody import db_now
from raqib.workspace import Workspace

INCIDENT_FIELDS = (
    "event_type", "sub_event_type", "event_date", "location", "admin1", "country",
    "latitude", "longitude", "fatalities_min", "fatalities_max", "actor1", "actor2", "weapon",
    "coarsen",
)
GRADES = ("confirmed", "fair", "weak", "contested", "discounted")


class ReviewError(RaqibError):
    """A review action names something that does not exist or a value that cannot be used."""


def record_review(session: Session, target: str, action: str, before: dict, after: dict,
            reason: str | None, reviewer: str) -> Review:
    details = {"target": target, "change": action,
               "before": json.dumps(before, sort_keys=True, ensure_ascii=False),
               "after": json.dumps(after, sort_keys=True, ensure_ascii=False)}
    if reason:
        details["reason"] = reason
    leaf, _ = custody.append(session, "review", target, reviewer, details)
    review = Review(target=target, action=action, before=before, after=after, reason=reason,
                    reviewer=reviewer, at=db_now(), leaf_index=leaf)
    session.add(review)
    return review


def parse_target(target: str) -> tuple[str, int]:
    """('report' or 'incident', N) of 'report:N' or 'incident:N'; ReviewError otherwise."""
    kind, _, number = target.partition(":")
    if kind not in ("report", "incident") or not number.isascii() or not number.isdigit():
        raise ReviewError(f"target must be report:N or incident:N, not {target!r}")
    return kind, int(number)


def find_target(session: Session, target: str, live: bool = True) -> Report | Incident:
    """The report or incident ``target`` names: ReviewError when the form is wrong,
    ReportNotFound or IncidentNotFound when there is none. ``live``: an incident merged into
    another is refused too (its reports moved); without it, it is found (its history stays
    readable)."""
    kind, number = parse_target(target)
    if kind == "incident":
        if live:
            return get_incident(session, number)
        row = session.get(Incident, number)
        if row is None:
            raise IncidentNotFound(f"no incident {number}")
        return row
    report = session.get(Report, number)
    if report is None:
        raise ReportNotFound(f"no report {number}")
    return report


def correct(ws: Workspace, target: str, name: str, raw: str, reviewer: str,
            reason: str | None = None) -> dict[str, Any]:
    """Set field ``name`` of 'report:N' or 'incident:N' to ``raw`` (converted to its type)."""
    kind, _ = parse_target(target)
    allowed = EVENT_FIELDS if kind == "report" else INCIDENT_FIELDS
    if name not in allowed:
        raise ReviewError(f"{kind}s have no correctable field {name!r} "
                          f"(fields: {', '.join(allowed)})")
    value = field_value(name, raw)
    with transaction(ws.sessions) as session:
        row = find_target(session, target)
        if isinstance(row, Report):
            report = row
            before = {name: (report.fields or {}).get(name)}
            report.fields = {**(report.fields or {}), name: value}
            report.corrections = {**(report.corrections or {}), name: value}
            apply_columns(report, report.fields)
            touched = [report.incident_id] if report.incident_id else []
        else:
            incident = row
            before = {name: ((incident.summary or {}).get("fields") or {}).get(name)}
            incident.corrections = {**(incident.corrections or {}), name: value}
            touched = [incident.id]
        record_review(session, target, "correct", before, {name: value}, reason, reviewer)
        session.flush()
        refresh(session, touched)
    return {"target": target, "field": name, "before": before[name], "after": value}


def set_grade(ws: Workspace, incident_id: int, grade: str, reason: str, reviewer: str) -> None:
    if grade not in GRADES:
        raise ReviewError(f"grade must be one of {', '.join(GRADES)}, not {grade!r}")
    if not reason.strip():
        raise ReviewError("a grade set by hand needs a reason (--reason)")
    with transaction(ws.sessions) as session:
        incident = get_incident(session, incident_id)
        before = {"grade": incident.grade, "manual": incident.manual_grade}
        incident.manual_grade, incident.manual_grade_reason = grade, reason
        record_review(session, f"incident:{incident_id}", "grade", before, {"grade": grade},
                reason, reviewer)
        session.flush()
        refresh(session, [incident_id])


def accept(ws: Workspace, target: str, reviewer: str, reason: str | None = None) -> None:
    """Record that a person checked ``target`` and found it right."""
    with transaction(ws.sessions) as session:
        find_target(session, target)
        record_review(session, target, "accept", {}, {}, reason, reviewer)


def merge(ws: Workspace, ids: list[int], reviewer: str, reason: str | None = None) -> int:
    """Move every report of ``ids[1:]`` into ``ids[0]``; the others are marked merged."""
    if len(set(ids)) < 2:
        raise ReviewError("merge needs two or more different incidents")
    keep, *others = ids
    with transaction(ws.sessions) as session:
        for incident_id in ids:
            get_incident(session, incident_id)
        moved = session.execute(select(Report).where(Report.incident_id.in_(others))
                                ).scalars().all()
        for report in moved:
            report.incident_id, report.placed_by = keep, reviewer
        for incident_id in others:
            session.get(Incident, incident_id).merged_into = keep  # type: ignore[union-attr]
        record_review(session, f"incident:{keep}", "merge", {"incidents": ids},
                {"incident": keep, "reports": sorted(r.id for r in moved)}, reason, reviewer)
        session.flush()
        refresh(session, [keep])
    return keep


def split(ws: Workspace, incident_id: int, report_ids: list[int], reviewer: str,
          reason: str | None = None) -> int:
    """Move ``report_ids`` out of ``incident_id`` into a new incident; returns its id."""
    with transaction(ws.sessions) as session:
        get_incident(session, incident_id)
        reports = session.execute(select(Report).where(Report.id.in_(report_ids))).scalars().all()
        wrong = sorted(set(report_ids) - {r.id for r in reports if r.incident_id == incident_id})
        if wrong:
            raise ReviewError(f"reports {wrong} are not in incident {incident_id}")
        if len(reports) == session.query(Report).filter_by(incident_id=incident_id).count():
            raise ReviewError("a split must leave at least one report in the incident")
        now = db_now()
        new = Incident(fatalities_min=0, fatalities_max=0, contested=False, summary={},
                       corrections={}, created_at=now, updated_at=now)
        session.add(new)
        session.flush()
        for report in reports:
            report.incident_id, report.placed_by = new.id, reviewer
        record_review(session, f"incident:{incident_id}", "split", {"incident": incident_id},
                {"incident": new.id, "reports": sorted(report_ids)}, reason, reviewer)
        session.flush()
        refresh(session, [incident_id, new.id])
    return new.id


def history(ws: Workspace, target: str) -> list[dict[str, Any]]:
    """Every review of ``target`` (one merged away included); an error naming it when there
    is no such report or incident (``find_target``), rather than an empty history."""
    with ws.sessions() as session:
        find_target(session, target, live=False)
        return history_in(session, target)


def history_in(session: Session, target: str) -> list[dict[str, Any]]:
    """``history`` in a session the caller has open."""
    rows = session.execute(select(Review).where(Review.target == target)
                           .order_by(Review.id)).scalars().all()
    return [{"action": r.action, "before": r.before, "after": r.after, "reason": r.reason,
             "reviewer": r.reviewer, "at": r.at.isoformat() + "Z", "leaf": r.leaf_index}
            for r in rows]
