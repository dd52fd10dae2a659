"""Reads the pages need that no service offers in bulk (kept here, small and read-only):
the stored reconciled fields of many incidents at once (for search facets), a document's
reports and claims with their spans, and gazetteer points for the
offline map. Everything else goes through ``raqib.services``.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import select

from raqib.incidents.records import unpacked_sides
from raqib.store.idsets import among
from raqib.store.models import ClaimRecord, CustodyLeaf, Document, Incident, Report, Review
from raqib.vault.custody import Entry
from raqib.workspace import Workspace


def incident_facts(ws: Workspace, ids: list[int]) -> dict[int, dict[str, Any]]:
    """id -> {actors, sides}: the actors from each incident's stored summary, the sides of
    the sources that reported it as stored for the side filter (``Incident.sides``), so
    that a side's facet counts what its link finds."""
    out: dict[int, dict[str, Any]] = {}
    with ws.sessions() as session:
        rows = session.execute(select(Incident.id, Incident.summary, Incident.sides)
                               .where(among(session, Incident.id, ids))).all()
    for incident_id, summary, sides in rows:
        fields = (summary or {}).get("fields") or {}
        out[incident_id] = {
            "actors": [a for a in (fields.get("actor1"), fields.get("actor2")) if a],
            "sides": unpacked_sides(sides),
        }
    return out


def document_extractions(ws: Workspace, doc_id: int) -> tuple[list[dict], list[dict]]:
    """The reports (fields, spans, incident) and claims (offsets) extracted from a document."""
    with ws.sessions() as session:
        reports = [{"id": r.id, "incident_id": r.incident_id, "fields": r.fields or {},
                    "corrections": r.corrections or {}}
                   for r in session.execute(select(Report).where(Report.document_id == doc_id)
                                            .order_by(Report.ordinal)).scalars()]
        claims = [{"id": c.id, "report_id": c.report_id, "claimant": c.claimant,
                   "stance": c.stance, "statement": c.statement, "start": c.start,
                   "end": c.end, "hedged": c.hedged}
                  for c in session.execute(select(ClaimRecord).where(
                      ClaimRecord.document_id == doc_id).order_by(ClaimRecord.id)).scalars()]
    return reports, claims


def reviews_of(ws: Workspace, targets: list[str]) -> list[dict[str, Any]]:
    """The reviews of every target in ``targets`` (one indexed query), oldest first."""
    with ws.sessions() as session:
        rows = session.execute(select(Review).where(Review.target.in_(targets))
                               .order_by(Review.id)).scalars().all()
        return [{"target": r.target, "action": r.action, "before": r.before, "after": r.after,
                 "reason": r.reason, "reviewer": r.reviewer, "at": r.at.isoformat() + "Z",
                 "leaf": r.leaf_index} for r in rows]


def incident_custody(ws: Workspace, doc_ids: list[int], review_leaves: list[int]
                     ) -> list[dict[str, Any]]:
    """The custody leaves that made an incident: its documents' ingest leaves and its review
    leaves, read by index (cheap at any log size; views of the documents are on each
    document's own trail, which reads the whole log)."""
    with ws.sessions() as session:
        ingests = session.execute(select(Document.leaf_index)
                                  .where(Document.id.in_(doc_ids))).scalars().all()
        wanted = sorted({*ingests, *review_leaves})
        rows = session.execute(select(CustodyLeaf).where(CustodyLeaf.idx.in_(wanted))
                               .order_by(CustodyLeaf.idx)).scalars().all()
        out = []
        for row in rows:
            entry = Entry.decode(bytes(row.data), strict=False)
            out.append({"index": row.idx, "time": entry.time, "user": entry.user,
                        "action": entry.action, "object": entry.object,
                        "details": entry.details})
    return out


def gazetteer_points(bbox: tuple[float, float, float, float], min_population: int = 15000,
                     limit: int = 600) -> dict[str, Any]:
    """The default gazetteer's regions and towns in ``bbox`` (west, south, east, north) as a
    GeoJSON FeatureCollection, most populous first: the offline map's background."""
    from raqib.extract.gazetteer import ensure_default_index

    west, south, east, north = bbox
    uri = f"file:{ensure_default_index()}?mode=ro&immutable=1"
    with sqlite3.connect(uri, uri=True) as db:
        rows = db.execute(
            "SELECT name, admin1, country, latitude, longitude, population, kind FROM places "
            "WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? AND "
            "(kind = 'admin1' OR (kind = 'town' AND population >= ?)) "
            "ORDER BY kind = 'admin1' DESC, population DESC LIMIT ?",
            (south, north, west, east, min_population, limit)).fetchall()
    features = [{"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [lon, lat]},
                 "properties": {"name": name, "admin1": admin1, "country": country,
                                "population": population, "kind": kind}}
                for name, admin1, country, lat, lon, population, kind in rows]
    return {"type": "FeatureCollection", "features": features}
