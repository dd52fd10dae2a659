"""Incidents in the store: linking new reports, refreshing reconciled fields and grades,
and reading incidents for the command line and the API.

Linking is incremental: only reports not yet in an incident are placed, against an index of
the placed reports near them in time; a report a person placed (merge, split) is never moved
by a re-run, and fields a person corrected win over reconciled ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, insert, or_, select, text, update
from sqlalchemy.orm import Session, defer
from sqlalchemy.orm.attributes import set_committed_value

from raqib.errors import RaqibError
from raqib.incidents import contested, grading, linking, reconcile
from raqib.incidents.independence import independent_groups
from raqib.incidents.records import (
    ClaimView,
    IncidentView,
    ReportView,
    SourceInfo,
    packed_sides,
)
from raqib.services.document_rows import parse_day
from raqib.store import engine as store
from raqib.store.engine import transaction
from raqib.store.idsets import among
from raqib.store.models import ClaimRecord, Document, Incident, Processing, Report, Source
from raqib.vault.custody import db_now
from raqib.workspace import Workspace

WINDOW = timedelta(days=45)
"""Placed reports this far around the new ones are loaded into the linking index: wider than
any date window linking uses (a month for month precision)."""


class IncidentNotFound(RaqibError):
    """No incident has the given id."""


def ensure_schema(ws: Workspace) -> None:
    """Bring an older workspace's database up to the incident tables (migration 0002)."""
    with ws.sessions() as session:
        try:
            version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # no table: let the migration report what is wrong
            version = None
    if version != store.HEAD_REVISION:
        store.migrate(ws.engine)


# -- reading rows as records -----------------------------------------------------------------


def _source_info(source: Source | None) -> SourceInfo:
    if source is None:
        return SourceInfo("unknown source")
    return SourceInfo(source.name, source.kind, source.side, source.reliability, source.language)


def report_views(session: Session, reports: Sequence[Report], full_text: bool = False,
                 docs: dict[int, Document] | None = None) -> list[ReportView]:
    """The reports as linking and grading read them; ``docs``: their documents, when the
    caller has read them already."""
    doc_ids = {r.document_id for r in reports}
    if docs is None:
        wanted = (select(Document) if full_text
                  else select(Document).options(defer(Document.text)))
        docs = {d.id: d for d in session.execute(  # a document's text only when wanted
            wanted.where(among(session, Document.id, doc_ids))).scalars()} if doc_ids else {}
    sources = dict(session.execute(
        select(Processing.document_id, Source).join(Source, Processing.source_id == Source.id)
        .where(among(session, Processing.document_id, doc_ids))).all()) if doc_ids else {}
    return [_view(r, docs[r.document_id], sources.get(r.document_id), full_text)
            for r in reports]


def _view(report: Report, doc: Document, source: Source | None, full_text: bool) -> ReportView:
    f = report.fields or {}
    title = "" if doc.sensitive else (doc.title or "")
    return ReportView(
        id=report.id, document=doc.sha256, source=_source_info(source),
        event_type=report.event_type, sub_event_type=report.sub_event_type,
        event_date=report.event_date, time_precision=int(f.get("time_precision") or 1),
        latitude=report.latitude, longitude=report.longitude,
        geo_precision=int(f.get("geo_precision") or 1), country=f.get("country") or "",
        admin1=f.get("admin1") or "", location=f.get("location") or "",
        actor1=f.get("actor1") or "", actor2=f.get("actor2") or "",
        fatalities=report.fatalities, injured=f.get("injured"), weapon=f.get("weapon") or "",
        text=f"{title}\n{report.evidence or ''}".strip(),
        full_text=(doc.text or "") if full_text and not doc.sensitive else "",
        confidence=float(f.get("confidence") or 0.0),
    )


def claim_views(session: Session, doc_ids: Iterable[int], sources: dict[int, SourceInfo],
                shas: dict[int, str]) -> list[ClaimView]:
    rows = session.execute(select(ClaimRecord).where(
        among(session, ClaimRecord.document_id, doc_ids))).scalars().all()
    return [ClaimView(c.id, c.report_id, shas[c.document_id], sources[c.document_id],
                      c.claimant, c.claimant_actor, c.stance, c.statement, c.hedged,
                      c.claimant_side)
            for c in rows]


# -- linking ---------------------------------------------------------------------------------


@dataclass
class LinkSummary:
    placed: int = 0
    new_incidents: int = 0
    touched: int = 0


def link_new(ws: Workspace, settings: linking.LinkSettings | None = None,
             refresh_now: bool = True) -> LinkSummary:
    """Place every report not yet in an incident; the incidents that changed are marked
    stale, and refreshed in the same transaction unless ``refresh_now`` is False (a cluster
    run refreshes them on its workers afterwards: ``stale_incidents``)."""
    summary = LinkSummary()
    with transaction(ws.sessions) as session:
        # not by id (writers on a cluster store in any order); undated last, as link_all
        # places them, on both databases (SQLite puts NULL first unless told)
        new = session.execute(
            select(Report).where(Report.incident_id.is_(None))
            .order_by(Report.event_date.asc().nulls_last(), Report.document_id, Report.ordinal)
        ).scalars().all()
        if not new:
            return summary
        index = linking.IncidentIndex(settings)
        for incident_id, view in _placed_near(session, new):
            index.add(incident_id, view)
        created: list[int] = []  # provisional ids of new incidents, after every real one
        first = (session.scalar(select(func.max(Incident.id))) or 0) + 1

        def new_incident() -> int:
            created.append(first + len(created))
            return created[-1]

        placed = linking.link(report_views(session, new), index, new_incident)
        real = _create_incidents(session, created)
        placed = {report_id: real.get(incident_id, incident_id)
                  for report_id, incident_id in placed.items()}
        # one executemany by primary key, not a unit-of-work UPDATE per report object
        session.execute(update(Report), [{"id": report_id, "incident_id": incident_id}
                                         for report_id, incident_id in placed.items()])
        for report in new:  # the loaded objects agree with the rows (no reload)
            set_committed_value(report, "incident_id", placed[report.id])
        touched = set(placed.values())
        session.execute(update(Incident).where(among(session, Incident.id, touched))
                        .values(stale=True).execution_options(synchronize_session=False))
        if refresh_now:
            refresh(session, touched)
        summary.placed, summary.new_incidents, summary.touched = (
            len(placed), len(created), len(touched))
    store.refresh_statistics(ws.engine)
    return summary


def _create_incidents(session: Session, provisional: list[int]) -> dict[int, int]:
    """One new incident row for each provisional id, in one executemany that returns the ids
    in order (multi-row INSERTs, not one statement per incident); provisional id -> stored
    id."""
    if not provisional:
        return {}
    now = db_now()
    rows = [{"fatalities_min": 0, "fatalities_max": 0, "contested": False, "summary": {},
             "corrections": {}, "created_at": now, "updated_at": now, "stale": True}
            for _ in provisional]
    ids = session.scalars(insert(Incident).returning(Incident.id,
                                                     sort_by_parameter_order=True), rows)
    return dict(zip(provisional, ids, strict=True))


def _placed_near(session: Session, new: Sequence[Report]) -> list[tuple[int, ReportView]]:
    days = [r.event_date for r in new if r.event_date]
    query = select(Report).join(Incident, Report.incident_id == Incident.id).where(
        Incident.merged_into.is_(None))
    if days and len(days) == len(new):
        query = query.where(or_(Report.event_date.is_(None), Report.event_date.between(
            min(days) - WINDOW, max(days) + WINDOW)))
    placed = session.execute(query).scalars().all()
    views = report_views(session, placed)
    return [(r.incident_id, v) for r, v in zip(placed, views, strict=True)
            if r.incident_id is not None]


# -- reconciled fields, grade, contest -------------------------------------------------------


def incident_view(session: Session, incident_id: int, full_text: bool = True) -> IncidentView:
    return incident_views(session, [incident_id], full_text)[incident_id]


def incident_views(session: Session, incident_ids: Sequence[int], full_text: bool = True
                   ) -> dict[int, IncidentView]:
    """Each incident's reports (by id) and the claims of their documents (by id), read in a
    few queries for all of them."""
    reports = session.execute(select(Report).where(among(session, Report.incident_id,
                                                         incident_ids))
                              .order_by(Report.id)).scalars().all()
    views = report_views(session, reports, full_text=full_text)
    sources = {r.document_id: v.source for r, v in zip(reports, views, strict=True)}
    shas = {r.document_id: v.document for r, v in zip(reports, views, strict=True)}
    claims_of: dict[str, list[ClaimView]] = {}
    for claim in claim_views(session, sources.keys(), sources, shas):
        claims_of.setdefault(claim.document, []).append(claim)
    mine: dict[int, list[ReportView]] = {incident_id: [] for incident_id in incident_ids}
    for report, view in zip(reports, views, strict=True):
        mine[report.incident_id].append(view)  # type: ignore[index]
    out = {}
    for incident_id, own in mine.items():
        shas_of = dict.fromkeys(v.document for v in own)
        claims = [c for sha in shas_of for c in claims_of.get(sha, [])]
        out[incident_id] = IncidentView(incident_id, own, sorted(claims, key=lambda c: c.id))
    return out


REFRESH_BATCH = 500
"""Incidents read and recomputed together."""


def refresh(session: Session, incident_ids: Iterable[int]) -> None:
    """Recompute each incident's reconciled fields, contest and grade; corrections win."""
    ids = sorted(set(incident_ids))
    session.flush()  # what the caller changed is read below; nothing is flushed meanwhile
    with session.no_autoflush:
        for start in range(0, len(ids), REFRESH_BATCH):
            chunk = ids[start:start + REFRESH_BATCH]
            rows = {row.id: row for row in session.execute(  # as stored (stale marks)
                select(Incident).where(among(session, Incident.id, chunk))
                .execution_options(populate_existing=True)).scalars()}
            views = incident_views(session, chunk)
            for incident_id in chunk:
                if incident_id in rows:
                    _refresh_one(rows[incident_id], views[incident_id])


def _refresh_one(row: Incident, view: IncidentView) -> None:
    row.stale = False
    row.stands = bool(view.reports) or row.imported is not None
    row.sides = packed_sides(report.source.side for report in view.reports)
    if not view.reports and row.imported is not None:
        from raqib.outputs.acled_import import refresh_imported

        refresh_imported(row)
        return
    if not view.reports:
        row.summary, row.grade = {"empty": True}, None
        return
    groups = independent_groups(view.reports)  # shared by the fields and the grade
    merged = reconcile.reconcile(view.reports, groups=groups)
    fields = {**merged.as_json(), **(row.corrections or {})}
    contest = contested.contest(view)
    manual = (row.manual_grade, row.manual_grade_reason or "") if row.manual_grade else None
    result = grading.grade(view, contest, manual=manual, groups=groups)
    _apply(row, fields, result.code, contest.contested)
    row.summary = {"fields": fields, "grade": result.as_json(), "contest": contest.as_json(),
                   "reports": len(view.reports)}
    row.updated_at = db_now()


def refresh_all(ws: Workspace, incident_ids: Iterable[int]) -> None:
    if incident_ids:
        with transaction(ws.sessions) as session:
            refresh(session, incident_ids)


def link_and_refresh(ws: Workspace, touched: Iterable[int] = ()) -> LinkSummary:
    """Link the new reports (refreshing what they change), then refresh ``touched`` (the
    incidents of re-extracted reports) and whatever an earlier run left stale."""
    linked = link_new(ws)
    refresh_all(ws, set(touched) | set(stale_incidents(ws)))
    return linked


def stale_incidents(ws: Workspace) -> list[int]:
    """The incidents whose refresh is pending (a cluster run's, or one that stopped)."""
    with ws.sessions() as session:
        return list(session.execute(select(Incident.id).where(Incident.stale.is_(True))
                                    .order_by(Incident.id)).scalars())


def live() -> Any:
    """Incidents that stand: not merged away, and holding at least one report or imported
    from coded data (`raqib import acled`): the stored flag ``stands`` (migration 0013),
    which the facets index holds, so counts need not read the incidents' rows."""
    return select(Incident).where(Incident.merged_into.is_(None), Incident.stands.is_(True))


def oldest_first() -> tuple[Any, Any]:
    """Incidents by date, then id, an undated one before every dated one. SQLite orders NULL
    so on its own; PostgreSQL puts it last unless told, so every list named the order
    (before, an undated incident led PostgreSQL's newest-first lists and ended its
    chronological ones). Its date indexes are built NULLS FIRST (migration 0014), so both
    databases walk them in this order and in ``newest_first``'s, its reverse."""
    return Incident.event_date.asc().nulls_first(), Incident.id.asc()


def newest_first() -> tuple[Any, Any]:
    """Incidents newest first, then the higher id, undated ones last (``oldest_first``
    reversed)."""
    return Incident.event_date.desc().nulls_last(), Incident.id.desc()


def _apply(row: Incident, fields: dict[str, Any], grade: str, is_contested: bool) -> None:
    row.event_type = fields.get("event_type") or None
    row.sub_event_type = fields.get("sub_event_type") or None
    row.event_date = parse_day(fields.get("event_date"))
    row.location = fields.get("location") or None
    row.admin1 = fields.get("admin1") or None
    row.country = fields.get("country") or None
    row.latitude = fields.get("latitude")
    row.longitude = fields.get("longitude")
    row.fatalities_min = int(fields.get("fatalities_min") or 0)
    row.fatalities_max = int(fields.get("fatalities_max") or 0)
    row.grade = grade
    row.contested = is_contested


# -- reading ---------------------------------------------------------------------------------


LISTED = (Incident.id, Incident.event_type, Incident.sub_event_type, Incident.event_date,
          Incident.location, Incident.admin1, Incident.country, Incident.latitude,
          Incident.longitude, Incident.fatalities_min, Incident.fatalities_max, Incident.grade,
          Incident.contested, Incident.summary["reports"].as_integer().label("reports"))
"""What a list shows of an incident: its columns and the count of reports from its summary,
read by the database; not the whole row, whose summary (every claim quoted, 2-9 kB) and
other JSON columns a list does not show."""


def incidents_json(session: Session, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """The rows (``LISTED`` columns) as the CLI and the API show them, with their documents
    found in one query (not one per incident)."""
    docs: dict[int, set[tuple[str, bool]]] = {row.id: set() for row in rows}
    if docs:
        for incident_id, sha, sensitive in session.execute(
                select(Report.incident_id, Document.sha256, Document.sensitive)
                .join(Document, Report.document_id == Document.id)
                .where(among(session, Report.incident_id, docs)).distinct()):
            docs[incident_id].add((sha, sensitive))
    return [_incident_dict(row, docs[row.id], row.reports or 0) for row in rows]


def _incident_dict(row: Any, docs: set[tuple[str, bool]], reports: int) -> dict[str, Any]:
    return {
        "id": row.id, "event_type": row.event_type, "sub_event_type": row.sub_event_type,
        "event_date": row.event_date.isoformat() if row.event_date else None,
        "location": row.location, "admin1": row.admin1, "country": row.country,
        "latitude": row.latitude, "longitude": row.longitude,
        "fatalities_min": row.fatalities_min, "fatalities_max": row.fatalities_max,
        "grade": row.grade, "contested": row.contested,
        "documents": sorted(sha for sha, sensitive in docs if not sensitive),
        "sensitive_documents": sum(1 for _, sensitive in docs if sensitive),
        "reports": reports,
    }


def list_incidents(ws: Workspace, ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    with ws.sessions() as session:
        query = live()
        if ids is not None:
            query = query.where(among(session, Incident.id, ids))
        rows = session.execute(query.with_only_columns(*LISTED).order_by(*oldest_first())
                               ).all()
        return incidents_json(session, rows)


def get_incident(session: Session, incident_id: int) -> Incident:
    row = session.get(Incident, incident_id)
    if row is None:
        raise IncidentNotFound(f"no incident {incident_id}")
    if row.merged_into:
        raise IncidentNotFound(f"incident {incident_id} was merged into {row.merged_into}")
    return row


def details(ws: Workspace, incident_id: int) -> dict[str, Any]:
    """One incident for a reader: its fields, grade with reasons, contest, every report by
    source, the claims by side, and the reviews that changed it."""
    from raqib.services.reviews import history_in

    with ws.sessions() as session:  # four statements (seven before; 2.1-2.5 -> 1.5-1.6 ms)
        row = get_incident(session, incident_id)
        reports = session.execute(select(Report, Document).options(defer(Document.text)).join(
            Document, Report.document_id == Document.id).where(Report.incident_id == row.id)
            .order_by(Report.id)).all()
        docs = {d.id: d for _, d in reports}
        data = _incident_dict(row, {(d.sha256, d.sensitive) for d in docs.values()}, 0)
        views = report_views(session, [r for r, _ in reports], docs=docs)
        data["summary"] = row.summary or {}
        data["corrections"] = row.corrections or {}
        data["reports"] = [_report_json(r, d, v) for (r, d), v in zip(reports, views,
                                                                       strict=True)]
        data["reviews"] = history_in(session, f"incident:{incident_id}")
    return data


def _report_json(report: Report, doc: Document, view: ReportView) -> dict[str, Any]:
    f = report.fields or {}
    return {
        "id": report.id, "document_id": doc.id,
        "document": None if doc.sensitive else doc.sha256, "sensitive": doc.sensitive,
        "title": None if doc.sensitive else doc.title,
        "source": view.source.name, "source_kind": view.source.kind, "side": view.source.side,
        "reliability": view.source.reliability,
        "event_type": report.event_type, "sub_event_type": report.sub_event_type,
        "event_date": f.get("event_date"), "location": f.get("location"),
        "actor1": f.get("actor1"), "actor2": f.get("actor2"), "fatalities": report.fatalities,
        "injured": f.get("injured"), "weapon": f.get("weapon"), "evidence": report.evidence,
        "confidence": f.get("confidence"), "corrections": report.corrections or {},
        "placed_by": report.placed_by,
    }
