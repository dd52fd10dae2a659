"""Monthly reports: the incidents of one calendar month, counted and charted by type, actor,
governorate and day, the most serious ones with their grades, contested ones with each
side's account, an agreement's violations, and a methodology note; as HTML or PDF.

``gather(ws, "2018-11", agreement=None)`` reads the month from the store (incidents as they
stand after people's corrections); ``raqib.outputs.report_sections.sections`` turns it into
``render.Section``s; ``report(...)`` renders them (``render.html`` / ``render.pdf``).
An incident belongs to the month of its reconciled date. See ``docs/reports.md``.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.errors import RaqibError
from raqib.incidents.agreements import Agreement, Violation
from raqib.services.incidents import ensure_schema, live, oldest_first
from raqib.store.models import Document, Incident, Processing, Report, Source
from raqib.workspace import Workspace

GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
"""Grade codes, strongest first (the order of the charts' stacks)."""


class ReportError(RaqibError):
    """A report cannot be made as asked (a bad month, PDF without a file)."""

    exit_code = 2


@dataclass(frozen=True)
class Claim:
    side: str
    source: str
    claimant: str
    stance: str
    statement: str
    hedged: bool


@dataclass(frozen=True)
class SourceRef:
    name: str
    kind: str
    side: str
    reliability: str
    title: str
    document: str
    """sha256 of the document, '' when it is sensitive."""


@dataclass
class Entry:
    """One incident of the month, as the report shows it."""

    id: int
    day: date
    event_type: str
    sub_event_type: str
    location: str
    admin1: str
    country: str
    latitude: float | None
    longitude: float | None
    actor1: str
    actor2: str
    fatalities_min: int | None
    """The lowest count among independent accounts; None when no account gives one."""
    fatalities_max: int | None
    grade: str
    grade_label: str
    admiralty: str
    reasons: list[str]
    contested: bool
    independent_sources: int = 0
    claims: list[Claim] = field(default_factory=list)
    contest_reasons: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def place(self) -> str:
        parts = [p for p in (self.location, self.admin1, self.country) if p]
        return ", ".join(dict.fromkeys(parts)) or "unknown place"

    @property
    def kind(self) -> str:
        return self.sub_event_type or self.event_type or "unknown type"

    @property
    def killed(self) -> str:
        """'12', '12–20', or 'no figure'."""
        if self.fatalities_min is None:
            return "no figure"
        if self.fatalities_max is not None and self.fatalities_max != self.fatalities_min:
            return f"{self.fatalities_min}–{self.fatalities_max}"
        return str(self.fatalities_min)


@dataclass
class Month:
    """What a monthly report is made from."""

    month: str
    start: date
    end: date
    entries: list[Entry]
    agreement: Agreement | None = None
    violations: list[Violation] = field(default_factory=list)
    generated: datetime | None = None

    @property
    def title(self) -> str:
        return f"Monthly report: {self.start.strftime('%B %Y')}"


def parse_month(text: str) -> tuple[date, date]:
    """'2018-11' -> (2018-11-01, 2018-11-30); a ReportError for anything else."""
    try:
        year, month = (int(part) for part in text.split("-"))
        first = date(year, month, 1)
    except ValueError:
        raise ReportError(f"--month: expected YYYY-MM, got {text!r}") from None
    return first, date(year, month, calendar.monthrange(year, month)[1])


def gather(ws: Workspace, month: str, agreement: str | None = None,
           generated: datetime | None = None) -> Month:
    """The month's incidents (by reconciled date) with their claims and sources, and the
    agreement's violations in the month when one is named."""
    start, end = parse_month(month)
    ensure_schema(ws)
    found: Agreement | None = None
    violations: list[Violation] = []
    if agreement:
        from raqib.services import agreements as agreements_service

        found = agreements_service.get(ws, agreement)
        violations = [v for v in agreements_service.violations(ws, agreement)
                      if start <= v.event_date <= end]
    with ws.sessions() as session:
        rows = session.execute(live().where(Incident.event_date.between(start, end))
                               .order_by(*oldest_first())).scalars().all()
        sources = _sources(session, [row.id for row in rows])
        entries = [_entry(row, sources.get(row.id, [])) for row in rows]
    return Month(month, start, end, entries, found, violations, generated)


def _entry(row: Incident, sources: list[SourceRef]) -> Entry:
    summary: dict[str, Any] = row.summary or {}
    fields: dict[str, Any] = summary.get("fields") or {}
    grade: dict[str, Any] = summary.get("grade") or {}
    contest: dict[str, Any] = summary.get("contest") or {}
    claims = [Claim(side, c.get("source") or "", c.get("claimant") or "", c.get("stance") or "",
                    " ".join((c.get("statement") or "").split()), bool(c.get("hedged")))
              for side, items in (contest.get("by_side") or {}).items() for c in items]
    return Entry(
        id=row.id, day=row.event_date or date.min,
        event_type=row.event_type or "", sub_event_type=row.sub_event_type or "",
        location=row.location or "", admin1=row.admin1 or "", country=row.country or "",
        latitude=row.latitude, longitude=row.longitude,
        actor1=fields.get("actor1") or "", actor2=fields.get("actor2") or "",
        fatalities_min=_count(fields.get("fatalities_min")),
        fatalities_max=_count(fields.get("fatalities_max")),
        grade=row.grade or "ungraded", grade_label=grade.get("label") or (row.grade or ""),
        admiralty=grade.get("admiralty") or "", reasons=list(grade.get("reasons") or []),
        contested=row.contested, independent_sources=int(fields.get("independent_sources") or 0),
        claims=list(dict.fromkeys(claims)),
        contest_reasons=list(contest.get("reasons") or []), sources=sources,
    )


def _count(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)


def _sources(session: Session, incident_ids: list[int]) -> dict[int, list[SourceRef]]:
    """Each incident's documents with their sources, one entry per document."""
    if not incident_ids:
        return {}
    rows = session.execute(
        select(Report.incident_id, Document.sha256, Document.title, Document.sensitive,
               Source.name, Source.kind, Source.side, Source.reliability)
        .join(Document, Report.document_id == Document.id)
        .outerjoin(Processing, Processing.document_id == Document.id)
        .outerjoin(Source, Processing.source_id == Source.id)
        .where(Report.incident_id.in_(incident_ids)).distinct()
        .order_by(Report.incident_id, Source.name, Document.sha256)).all()
    found: dict[int, list[SourceRef]] = {}
    for incident, sha, title, sensitive, name, kind, side, reliability in rows:
        found.setdefault(incident, []).append(SourceRef(
            name or "unknown source", kind or "unknown", side or "unknown", reliability or "F",
            "" if sensitive else (title or ""), "" if sensitive else sha))
    return found


# -- counting --------------------------------------------------------------------------------


@dataclass
class Tally:
    """Incidents per key and grade, and fatalities (sum of lower and of upper bounds)."""

    labels: list[str]
    by_grade: dict[str, list[int]]
    incidents: list[int]
    killed_min: list[int]
    killed_max: list[int]

    def rows(self) -> list[list[str]]:
        return [[label, str(n), str(low), f"{low}–{high}" if high != low else str(low)]
                for label, n, low, high in zip(self.labels, self.incidents, self.killed_min,
                                               self.killed_max, strict=True)]


def tally(entries: list[Entry], key: Callable[[Entry], str],
          order: list[str] | None = None) -> Tally:
    """Count ``entries`` by ``key``: in ``order`` when given (every key shown, even empty),
    else most incidents first, then most killed, then name."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(key(entry), []).append(entry)
    labels = order if order is not None else sorted(groups, key=lambda k: (
        -len(groups[k]), -sum(e.fatalities_min or 0 for e in groups[k]), k))
    grades = [g for g in GRADES if any(e.grade == g for e in entries)]
    grades += sorted({e.grade for e in entries} - set(grades))
    return Tally(
        labels=labels,
        by_grade={g: [sum(1 for e in groups.get(k, []) if e.grade == g) for k in labels]
                  for g in grades},
        incidents=[len(groups.get(k, [])) for k in labels],
        killed_min=[sum(e.fatalities_min or 0 for e in groups.get(k, [])) for k in labels],
        killed_max=[sum(e.fatalities_max or e.fatalities_min or 0 for e in groups.get(k, []))
                    for k in labels],
    )


def by_type(entries: list[Entry]) -> Tally:
    return tally(entries, lambda e: e.kind)


def by_actor(entries: list[Entry]) -> Tally:
    return tally(entries, lambda e: e.actor1 or "unidentified")


def by_governorate(entries: list[Entry]) -> Tally:
    return tally(entries, lambda e: e.admin1 or (f"{e.country} (no governorate)" if e.country
                                                 else "unknown"))


def by_day(month: Month) -> Tally:
    days = [str(d) for d in range(1, month.end.day + 1)]
    return tally(month.entries, lambda e: str(e.day.day), order=days)


SERIOUS_RANK = {"confirmed": 0, "fair": 1, "contested": 2, "weak": 3, "discounted": 5}


def most_serious(entries: list[Entry], limit: int = 10) -> list[Entry]:
    """Violent incidents by fatalities (lower bound, then upper), then grade (confirmed,
    fair, contested, weak, discounted), then independent sources, then date. Strategic
    developments (agreements, troop movements) count only when someone was killed."""
    violent = [e for e in entries if e.event_type != "Strategic developments"
               or (e.fatalities_min or 0) > 0]
    return sorted(violent, key=lambda e: (
        -(e.fatalities_min or 0), -(e.fatalities_max or 0), SERIOUS_RANK.get(e.grade, 4),
        -e.independent_sources, e.day, e.id))[:limit]


# -- rendering -------------------------------------------------------------------------------

Format = Literal["html", "pdf"]


def report(ws: Workspace, month: str, agreement: str | None = None, fmt: Format = "html",
           generated: datetime | None = None) -> str | bytes:
    """The month's report: HTML text or PDF bytes."""
    from raqib.outputs import render
    from raqib.outputs.report_sections import sections, subtitle

    if fmt not in ("html", "pdf"):
        raise ReportError(f"--format: expected html or pdf, got {fmt!r}")
    data = gather(ws, month, agreement, render.creation_date(generated))
    parts = sections(data)
    if fmt == "pdf":
        return render.pdf(data.title, parts, subtitle(data), created=data.generated)
    return render.html(data.title, parts, subtitle(data))
