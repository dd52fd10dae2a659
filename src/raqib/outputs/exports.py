"""Exports of incidents: ACLED CSV, GeoJSON, JSON lines, and the public version of each.

``records`` reads the selected incidents (the search filters) with their reports, claims,
documents and grade. The public version (``public=True``) leaves out sensitive documents
entirely (their reports, claims, sha256 and sources), re-reconciles and re-grades each
incident on what remains (an incident only sensitive documents tell is left out), names
witnesses 'witness', and coarsens the coordinates of incidents marked ``coarsen`` (or of
all, ``coarsen_all``). Every export appends a custody leaf (action ``export``) naming the
SHA-256 of what was written. The rules are in docs/exports.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.errors import RaqibError
from raqib.extract import taxonomy
from raqib.incidents import contested, grading, reconcile
from raqib.incidents.independence import independent_groups, representative
from raqib.incidents.records import ClaimView, IncidentView, ReportView, SourceInfo
from raqib.outputs import acled
from raqib.outputs.acled_import import imported_grade
from raqib.services.incidents import (
    claim_views,
    ensure_schema,
    get_incident,
    live,
    oldest_first,
    report_views,
)
from raqib.services.reviews import record_review
from raqib.services.search import Filters, matches, structured
from raqib.store.engine import transaction
from raqib.store.models import Document, Incident, Processing, Report, Source
from raqib.vault import custody
from raqib.workspace import Workspace

FORMATS = ("jsonl", "geojson", "acled")
WITNESS = "witness"
CORRECTED_COLUMNS = {
    "event_type": "event_type", "sub_event_type": "sub_event_type",
    "event_date": "event_date", "location": "location", "admin1": "admin1",
    "country": "country", "latitude": "latitude", "longitude": "longitude",
    "fatalities_min": "fatalities", "actor1": "actor1", "actor2": "actor2",
}
"""Incident corrections that change an ACLED column (fatalities: the lower bound)."""
EMPTY_CONTEST = {"contested": False, "reasons": [], "by_side": {}}


class ExportError(RaqibError):
    """An export was asked in a format or way Raqib does not offer."""


@dataclass
class Record:
    incident: Incident
    fields: dict[str, Any]
    grade: dict[str, Any]
    contest: dict[str, Any]
    reports: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    documents: list[dict[str, Any]]
    sources: list[SourceInfo]
    """One per independent account, in report order."""
    coarse: bool = False


# -- selecting and reading -------------------------------------------------------------------


def marked_coarse(row: Incident) -> bool:
    value = (row.corrections or {}).get("coarsen")
    return value is True or str(value).strip().casefold() in ("true", "1", "yes", "on")


def records(session: Session, filters: Filters, public: bool = False,
            coarsen_all: bool = False) -> list[Record]:
    query = structured(live(), filters).order_by(*oldest_first())
    witnesses = set(session.execute(select(Source.name).where(Source.kind == WITNESS))
                    .scalars()) if public else set()
    out = []
    for row in session.execute(query).scalars():
        if not matches(row, filters):
            continue
        record = _record(session, row, public, witnesses)
        if record is None:
            continue
        if public and (coarsen_all or marked_coarse(row)):
            _coarsen(record)
        out.append(record)
    return out


def _record(session: Session, row: Incident, public: bool, witnesses: set[str]
            ) -> Record | None:
    reports = list(session.execute(select(Report).where(Report.incident_id == row.id)
                                   .order_by(Report.id)).scalars())
    doc_ids = {r.document_id for r in reports}
    docs = {d.id: d for d in session.execute(select(Document).where(Document.id.in_(doc_ids)))
            .scalars()}
    views = report_views(session, reports, full_text=True)
    sources = {r.document_id: v.source for r, v in zip(reports, views, strict=True)}
    shas = {d.id: d.sha256 for d in docs.values()}
    claims = claim_views(session, doc_ids, sources, shas)
    secret = {d.sha256 for d in docs.values() if d.sensitive}
    if public:
        kept = [(r, _mask_view(v)) for r, v in zip(reports, views, strict=True)
                if v.document not in secret]
        reports, views = [r for r, _ in kept], [v for _, v in kept]
        claims = [_mask_claim(c, witnesses) for c in claims if c.document not in secret]
        docs = {i: d for i, d in docs.items() if not d.sensitive}
        if not reports and row.imported is None:
            return None
    fields, grade, contest = _judged(row, views, claims, public)
    by_id = dict(zip((r.id for r in reports), views, strict=True))
    return Record(
        incident=row, fields=fields, grade=grade, contest=contest,
        reports=[_report_json(r, docs[r.document_id], by_id[r.id]) for r in reports],
        claims=[_claim_json(c, secret) for c in claims],
        documents=_documents(session, docs, sources),
        sources=[representative(g).source for g in independent_groups(views)])


def _judged(row: Incident, views: list[ReportView], claims: list[ClaimView], public: bool
            ) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Fields, grade and contest: stored, or (public) recomputed from what may be shown."""
    corrections = row.corrections or {}
    if row.imported is not None and not views:
        return ({**acled.fields_of(row.imported), **corrections}, imported_grade(row),
                EMPTY_CONTEST)
    if not public:
        summary = row.summary or {}
        return (summary.get("fields") or {}, summary.get("grade") or {},
                summary.get("contest") or EMPTY_CONTEST)
    view = IncidentView(row.id, views, claims)
    fields = {**reconcile.reconcile(views).as_json(), **corrections}
    contest = contested.contest(view)
    manual = (row.manual_grade, row.manual_grade_reason or "") if row.manual_grade else None
    return fields, grading.grade(view, contest, manual=manual).as_json(), contest.as_json()


def _mask_view(view: ReportView) -> ReportView:
    return replace(view, source=_mask(view.source))


def _mask(source: SourceInfo) -> SourceInfo:
    return replace(source, name=WITNESS) if source.kind == WITNESS else source


def _mask_claim(claim: ClaimView, witnesses: set[str]) -> ClaimView:
    claim = replace(claim, source=_mask(claim.source))
    if claim.source.kind == WITNESS or {claim.claimant, claim.claimant_actor} & witnesses:
        claim = replace(claim, claimant=WITNESS, claimant_actor=WITNESS, claimant_side=None)
    return claim


def _source_json(source: SourceInfo) -> dict[str, Any]:
    return {"name": source.name, "kind": source.kind, "side": source.side,
            "reliability": source.reliability}


def _report_json(report: Report, doc: Document, view: ReportView) -> dict[str, Any]:
    return {
        "id": report.id, "document": None if doc.sensitive else doc.sha256,
        "sensitive": doc.sensitive, "source": _source_json(view.source),
        "fields": {k: v for k, v in (report.fields or {}).items() if k != "evidence"},
        "evidence": None if doc.sensitive else report.evidence,
        "components": list(report.components or []),
        "corrections": report.corrections or {}, "placed_by": report.placed_by,
    }


def _claim_json(claim: ClaimView, secret: set[str]) -> dict[str, Any]:
    return {"id": claim.id, "report_id": claim.report_id,
            "document": None if claim.document in secret else claim.document,
            "source": claim.source.name, "claimant": claim.claimant,
            "claimant_actor": claim.claimant_actor, "claimant_side": claim.claimant_side,
            "stance": claim.stance, "statement": claim.statement, "hedged": claim.hedged}


def _documents(session: Session, docs: dict[int, Document], sources: dict[int, SourceInfo]
               ) -> list[dict[str, Any]]:
    runs = {p.document_id: p for p in session.execute(
        select(Processing).where(Processing.document_id.in_(list(docs)))).scalars()}
    out = []
    for doc_id, doc in sorted(docs.items()):
        run = runs.get(doc_id)
        processing = {"components": list(run.components or []), "status": run.status,
                      "processed_at": _iso(run.processed_at)} if run else None
        if doc.sensitive:
            out.append({"sha256": None, "sensitive": True, "processing": processing})
            continue
        source = _mask(sources.get(doc_id) or SourceInfo("unknown source"))
        out.append({"sha256": doc.sha256, "sensitive": False, "source": source.name,
                    "source_kind": source.kind, "media_type": doc.media_type,
                    "title": doc.title, "url": doc.url, "published_at": _iso(doc.published_at),
                    "captured_at": _iso(doc.captured_at), "processing": processing})
    return out


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() + ("Z" if moment.tzinfo is None else "") if moment else None


def _coarsen(record: Record) -> None:
    """Coordinates to 0.1 degree, geo_precision at least 2, everywhere in the record."""
    record.coarse = True
    for fields in [record.fields, *(r["fields"] for r in record.reports)]:
        for name in ("latitude", "longitude"):
            if fields.get(name) is not None:
                fields[name] = round(float(fields[name]), 1)
        fields["geo_precision"] = max(2, int(fields.get("geo_precision") or 1))


# -- formats ---------------------------------------------------------------------------------


def event_id(record: Record) -> str:
    """ACLED event_id_cnty: the imported one, else ISO alpha-3 + incident id (SYR12)."""
    if record.incident.imported is not None:
        return record.incident.imported.get("event_id_cnty", "")
    found = acled.country(record.fields.get("country"))
    return f"{found.iso3 if found else 'XXX'}{record.incident.id}"


def unix_time(moment: datetime) -> int:
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def acled_row(record: Record) -> dict[str, str]:
    if record.incident.imported is not None:
        return _imported_row(record)
    f = record.fields
    row = {name: _text(f.get(name)) for name in acled.COLUMNS}
    row.update(_actors(f, [r["fields"] for r in record.reports]))
    sub, day = row["sub_event_type"], row["event_date"]
    found = acled.country(row["country"])
    tax = taxonomy.load()
    row.update(
        event_id_cnty=event_id(record), year=day[:4],
        disorder_type=tax.disorder_type(sub) if tax.canonical(sub) == sub and sub else "",
        interaction=acled.interaction(row["inter1"], row["inter2"]),
        civilian_targeting=acled.civilian_targeting(row["event_type"], row["actor2"],
                                                    row["inter2"]),
        iso=found.numeric if found else "", region=found.region if found else "",
        latitude=acled.number(f.get("latitude"), 1 if record.coarse else 4),
        longitude=acled.number(f.get("longitude"), 1 if record.coarse else 4),
        source="; ".join(dict.fromkeys(s.name for s in record.sources)),
        source_scale=acled.source_scale(s.kind for s in record.sources),
        fatalities=str(int(f.get("fatalities_min") or 0)), tags="",
        timestamp=str(unix_time(record.incident.updated_at)))
    row["notes"] = acled.notes({**f, "admin2": row["admin2"]}, bool(record.contest.get(
        "contested")))
    return row


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _actors(fields: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, str]:
    """assoc_actor_N and interN of the incident's actors, admin2 and admin3 of its place,
    from the first report that names the same actor or place."""
    out = {"assoc_actor_1": "", "inter1": "", "assoc_actor_2": "",
           "inter2": "" if fields.get("actor2") else "0", "admin2": "", "admin3": ""}
    for n in ("1", "2"):
        actor = fields.get(f"actor{n}")
        for report, m in ((r, m) for r in reports for m in ("1", "2")):
            if actor and report.get(f"actor{m}") == actor:
                out[f"inter{n}"] = out[f"inter{n}"] or _text(report.get(f"inter{m}"))
                out[f"assoc_actor_{n}"] = (out[f"assoc_actor_{n}"]
                                           or _text(report.get(f"assoc_actor_{m}")))
    for report in reports:
        if report.get("location") == fields.get("location"):
            for name in ("admin2", "admin3"):
                out[name] = out[name] or _text(report.get(name))
    return out


def _imported_row(record: Record) -> dict[str, str]:
    values = record.incident.imported or {}
    row = {name: values.get(name, "") for name in acled.COLUMNS}
    corrected = {name: value for name, value in (record.incident.corrections or {}).items()
                 if name in CORRECTED_COLUMNS}
    for name, value in corrected.items():
        row[CORRECTED_COLUMNS[name]] = _text(value)
    if "event_date" in corrected:
        row["year"] = row["event_date"][:4]
    if "country" in corrected and (found := acled.country(row["country"])):
        row["iso"], row["region"] = found.numeric, found.region
    if corrected:
        row["timestamp"] = str(unix_time(record.incident.updated_at))
    if record.coarse:
        for name in ("latitude", "longitude"):
            if row[name]:
                row[name] = acled.number(float(row[name]), 1)
        row["geo_precision"] = str(max(2, int(row["geo_precision"] or 1)))
    return row


def feature(record: Record) -> dict[str, Any] | None:
    f = record.fields
    if f.get("latitude") is None or f.get("longitude") is None:
        return None
    properties = {
        "id": record.incident.id, "event_id_cnty": event_id(record),
        "event_type": f.get("event_type") or None,
        "sub_event_type": f.get("sub_event_type") or None,
        "date": f.get("event_date"), "time_precision": f.get("time_precision"),
        "location": f.get("location") or None, "admin1": f.get("admin1") or None,
        "country": f.get("country") or None, "geo_precision": f.get("geo_precision"),
        "fatalities_min": f.get("fatalities_min"), "fatalities_max": f.get("fatalities_max"),
        "grade": record.grade.get("code"), "contested": bool(record.contest.get("contested")),
        "sources": len(record.sources) or f.get("independent_sources") or 0,
        "origin": record.incident.origin,
    }
    return {"type": "Feature", "id": record.incident.id,
            "geometry": {"type": "Point",
                         "coordinates": [float(f["longitude"]), float(f["latitude"])]},
            "properties": properties}


def jsonl_object(record: Record) -> dict[str, Any]:
    row = record.incident
    data: dict[str, Any] = {
        "id": row.id, "event_id_cnty": event_id(record), "origin": row.origin,
        "fields": record.fields, "corrections": row.corrections or {},
        "grade": record.grade, "contested": bool(record.contest.get("contested")),
        "contest": record.contest, "coarsened": record.coarse, "reports": record.reports,
        "claims": record.claims, "documents": record.documents,
    }
    if row.imported is not None:
        data["imported"] = _imported_row(record)
    return data


def render(records_: list[Record], fmt: str) -> str:
    if fmt == "acled":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=acled.COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(acled_row(r) for r in records_)
        return out.getvalue()
    if fmt == "geojson":
        features = [f for f in map(feature, records_) if f is not None]
        return json.dumps({"type": "FeatureCollection", "features": features},
                          ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(jsonl_object(r), ensure_ascii=False) + "\n"
                       for r in records_)
    raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def scrub(text: str, names: set[str]) -> str:
    """Every known witness name in ``text`` replaced by 'witness' (longest first)."""
    for name in sorted((n for n in names if len(n) >= 3), key=len, reverse=True):
        text = text.replace(name, WITNESS)
    return text


def export(ws: Workspace, fmt: str, filters: Filters, user: str, public: bool = False,
           coarsen_all: bool = False) -> str:
    """The export as text; one custody leaf records its SHA-256, format and size."""
    ensure_schema(ws)
    with ws.sessions() as session:
        chosen = records(session, filters, public, coarsen_all)
        text = render(chosen, fmt)
        if public:
            text = scrub(text, set(session.execute(
                select(Source.name).where(Source.kind == WITNESS)).scalars()))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with transaction(ws.sessions) as session:
        custody.append(session, "export", f"export:{digest}", user,
                       {"format": fmt, "public": public, "incidents": len(chosen)})
    return text


def mark_coarse(ws: Workspace, ids: list[int], on: bool, reviewer: str,
                reason: str | None = None) -> None:
    """Mark incidents (or unmark) for coarse coordinates in public exports; each change is a
    review (custody-logged) and the mark is kept in the incident's corrections."""
    ensure_schema(ws)
    with transaction(ws.sessions) as session:
        for incident_id in ids:
            row = get_incident(session, incident_id)
            corrections = dict(row.corrections or {})
            before = {"coarsen": corrections.get("coarsen")}
            if on:
                corrections["coarsen"] = True
            else:
                corrections.pop("coarsen", None)
            row.corrections = corrections
            record_review(session, f"incident:{incident_id}", "correct", before,
                          {"coarsen": on}, reason, reviewer)
