"""Incidents in the store: reading reports as linking and grading see them, refreshing
reconciled fields and grades (fields a person corrected win over reconciled ones), and
reading incidents for the command line and the API. Placing new reports in incidents is
``raqib.services.placing``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, defer

from raqib.errors import RaqibError
from raqib.incidents import contested, grading, reconcile
from raqib.incidents.independence import independent_groups
from raqib.incidents.records import (
    UNKNOWN_SOURCE,
    ClaimView,
    IncidentView,
    ReportView,
    SourceInfo,
    packed_sides,
)
from raqib.services.document_rows import parse_day, reference_day
from raqib.store import engine as store
from raqib.store.idsets import among
from raqib.store.models import ClaimRecord, Document, Incident, Processing, Report, Source
from raqib.vault.custody import db_now
from raqib.workspace import Workspace


class IncidentNotFound(RaqibError):
    """No incident has the given id."""


class IncidentMerged(IncidentNotFound):
    """The incident was merged into another (its reports moved there): ``into``."""

    def __init__(self, incident_id: int, into: int) -> None:
        super().__init__(f"incident {incident_id} was merged into {into}")
        self.into = into


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


_SOURCE_COLUMNS = (Source.name, Source.kind, Source.side, Source.reliability, Source.language)
"""A ``SourceInfo``'s fields, in its order."""


VIEW_FIELDS = ("time_precision", "geo_precision", "country", "admin1", "location", "actor1",
               "actor2", "injured", "weapon", "confidence")
"""The keys of a report's ``fields`` that its view holds."""
REPORT_COLUMNS = (Report.id, Report.document_id, Report.incident_id, Report.event_type,
                  Report.sub_event_type, Report.event_date, Report.latitude, Report.longitude,
                  Report.fatalities, Report.evidence,
                  *(Report.fields[key].as_string().label(key) for key in VIEW_FIELDS))
"""What ``report_views`` reads of a report, the keys of ``fields`` last (``_view`` reads them
by position). Selected as columns, reports cost no ORM object
each: with a run's 94,824 new reports loaded as objects, the process stood at 1.4 GB resident
before linking began; with their views only, at 0.5 GB. The ``fields`` are read key by key
(``json_extract``, ``->>``: text on PostgreSQL, hence the conversions in ``_view``), not as
the whole JSON document with its spans (1.2 kB a report), whose decoding was a third of
reading 31,741 reports for a linking pass (5.0 s)."""
VIEW_BATCH = 5_000
"""Reports read and turned into views at a time by ``streamed_views``."""


def report_views(session: Session, reports: Sequence[Any], full_text: bool = False,
                 docs: dict[int, Any] | None = None) -> list[ReportView]:
    """The reports (``Report`` objects or rows of ``REPORT_COLUMNS``) as linking and grading
    read them; ``docs``: their documents, when the caller has read them already."""
    doc_ids = {r.document_id for r in reports}
    if docs is None:
        columns = [Document.id, Document.sha256, Document.sensitive, Document.title,
                   Document.published_at, Document.captured_at]
        if full_text:  # a document's text only when wanted
            columns.append(Document.text)
        docs = {d.id: d for d in session.execute(
            select(*columns).where(among(session, Document.id, doc_ids)))} if doc_ids else {}
    sources = _document_sources(session, doc_ids) if doc_ids else {}
    return [_view(r, docs[r.document_id], sources.get(r.document_id, UNKNOWN_SOURCE), full_text)
            for r in reports]


def _document_sources(session: Session, doc_ids: set[int]) -> dict[int, SourceInfo]:
    """Each document's source (those with one), one ``SourceInfo`` per source, shared: read as
    columns, not as a ``Source`` object a row (0.3 s of making 118,591 views)."""
    infos: dict[int, SourceInfo] = {}
    found: dict[int, SourceInfo] = {}
    for doc_id, source_id, *info in session.execute(
            select(Processing.document_id, Source.id, *_SOURCE_COLUMNS)
            .join(Source, Processing.source_id == Source.id)
            .where(among(session, Processing.document_id, doc_ids))):
        found[doc_id] = infos.get(source_id) or infos.setdefault(source_id, SourceInfo(*info))
    return found


def streamed_views(session: Session, statement: Any, full_text: bool = False
                   ) -> Iterator[tuple[int | None, ReportView]]:
    """(incident id, view) of each report ``statement`` selects (``REPORT_COLUMNS``), in its
    order, made ``VIEW_BATCH`` at a time as they are read: only the views are kept, not the
    rows with their ``fields``, and only as long as the caller keeps them. Executed on the
    session's connection, as a Core statement: columns need none of the ORM's loading, which
    cost 0.5 s of reading 118,591 reports (1.6 s); nor is anything flushed first (a linking
    pass has nothing pending)."""
    result = session.connection().execute(statement.execution_options(yield_per=VIEW_BATCH))
    for rows in result.partitions():
        yield from zip([r.incident_id for r in rows], report_views(session, rows, full_text),
                       strict=True)


def _view(report: Any, doc: Any, source: SourceInfo, full_text: bool) -> ReportView:
    """``report``: a ``Report`` or a row of ``REPORT_COLUMNS``."""
    f = (report.fields or {}) if isinstance(report, Report) else dict(
        zip(VIEW_FIELDS, report[-len(VIEW_FIELDS):], strict=True))  # a dict's get is cheap
    title = "" if doc.sensitive else (doc.title or "")
    return ReportView(
        id=report.id, document=doc.sha256, source=source,
        event_type=report.event_type, sub_event_type=report.sub_event_type,
        event_date=report.event_date, time_precision=_whole(f.get("time_precision")) or 1,
        latitude=report.latitude, longitude=report.longitude,
        geo_precision=_whole(f.get("geo_precision")) or 1, country=f.get("country") or "",
        admin1=f.get("admin1") or "", location=f.get("location") or "",
        actor1=f.get("actor1") or "", actor2=f.get("actor2") or "",
        fatalities=report.fatalities, injured=_whole(f.get("injured")),
        weapon=f.get("weapon") or "",
        text=f"{title}\n{report.evidence or ''}".strip(),
        full_text=(doc.text or "") if full_text and not doc.sensitive else "",
        confidence=float(f.get("confidence") or 0.0),
        published=reference_day(doc),
    )


def _whole(value: Any) -> int | None:
    """A count from ``fields`` (text when read on PostgreSQL)."""
    return None if value is None else int(float(value))


def claim_views(session: Session, doc_ids: Iterable[int], sources: dict[int, SourceInfo],
                shas: dict[int, str]) -> list[ClaimView]:
    rows = session.execute(select(ClaimRecord).where(
        among(session, ClaimRecord.document_id, doc_ids))).scalars().all()
    return [ClaimView(c.id, c.report_id, shas[c.document_id], sources[c.document_id],
                      c.claimant, c.claimant_actor, c.stance, c.statement, c.hedged,
                      c.claimant_side)
            for c in rows]


# -- reconciled fields, grade, contest -------------------------------------------------------


def incident_view(session: Session, incident_id: int, full_text: bool = True) -> IncidentView:
    return incident_views(session, [incident_id], full_text)[incident_id]


def incident_views(session: Session, incident_ids: Sequence[int], full_text: bool = True
                   ) -> dict[int, IncidentView]:
    """Each incident's reports (by id) and the claims of their documents (by id), read in a
    few queries for all of them."""
    reports = session.execute(select(*REPORT_COLUMNS).where(
        among(session, Report.incident_id, incident_ids)).order_by(Report.id)).all()
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


def refresh(session: Session, incident_ids: Iterable[int],
            progress: Callable[[int, int], None] | None = None) -> None:
    """Recompute each incident's reconciled fields, contest and grade; corrections win.
    ``progress(done, total)`` after each batch."""
    ids = sorted(set(incident_ids))
    if progress and ids:
        progress(0, len(ids))
    session.flush()  # what the caller changed is read below; nothing is flushed meanwhile
    with session.no_autoflush:
        for start in range(0, len(ids), REFRESH_BATCH):
            chunk = ids[start:start + REFRESH_BATCH]
            rows, views = batch_of(session, chunk)
            for incident_id, row in rows.items():
                recompute(row, views[incident_id])
            session.flush()  # written, the batch's rows are clean: the session lets them go
            if progress:
                progress(start + len(chunk), len(ids))


def batch_of(session: Session, ids: list[int]
             ) -> tuple[dict[int, Incident], dict[int, IncidentView]]:
    """The incidents ``ids`` that exist, as stored (their stale marks too), in the order of
    ``ids``, and their views."""
    found = {row.id: row for row in session.execute(
        select(Incident).where(among(session, Incident.id, ids))
        .execution_options(populate_existing=True)).scalars()}
    rows = {incident_id: found[incident_id] for incident_id in ids if incident_id in found}
    return rows, incident_views(session, list(rows))


def recompute(row: Incident, view: IncidentView) -> None:
    """Set ``row``'s computed columns from ``view`` (its reports, claims and sources): whether
    it stands, its sides, reconciled fields (corrections win), contest, grade and summary;
    an imported incident with no reports of its own keeps its imported fields."""
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
    return list(streamed_incidents(ws, ids))


def streamed_incidents(ws: Workspace, ids: Iterable[int] | None = None
                       ) -> Iterator[dict[str, Any]]:
    """The standing incidents (of ``ids``, when given) as ``incidents_json`` shows them,
    oldest first, read and made ``VIEW_BATCH`` at a time: `raqib incidents list --json` over
    100,000 incidents held every record at once (0.9 GB at the peak), a million would have
    held ten times that."""
    with ws.sessions() as session:
        query = live()
        if ids is not None:
            query = query.where(among(session, Incident.id, ids))
        result = session.execute(query.with_only_columns(*LISTED).order_by(*oldest_first())
                                 .execution_options(yield_per=VIEW_BATCH))
        for rows in result.partitions():
            yield from incidents_json(session, rows)


def get_incident(session: Session, incident_id: int) -> Incident:
    row = session.get(Incident, incident_id)
    if row is None:
        raise IncidentNotFound(f"no incident {incident_id}")
    if row.merged_into:
        raise IncidentMerged(incident_id, row.merged_into)
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
