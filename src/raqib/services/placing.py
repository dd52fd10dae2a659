"""Placing new reports in incidents: `raqib process`'s last step.

Linking is incremental: only reports not yet in an incident are placed, in one ordered pass
(``raqib.incidents.linking``), against an index of the placed reports near them in time; a
report a person placed (merge, split) is never moved by a re-run. The incidents a pass
changes are marked stale in its transaction and refreshed (``incidents.refresh``), there or,
on a cluster, by the workers afterwards.

Reports are read as columns and turned into views a batch at a time
(``incidents.streamed_views``), so a pass holds views, not ORM objects: linking and
refreshing the 94,824 reports of 30,000 short documents peaked at 2.05 GB of resident memory
as objects and at 1.16 GB as views, with the same incidents. The new reports are read as the
pass goes, and when none is undated the index forgets the incidents the pass has left behind
(``linking.IncidentIndex.forget_before``): a backlog of 63,255 reports took 321 MB of Python
objects at the peak with every view held, 116 MB so, with the same incidents.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy import func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from raqib.incidents import linking
from raqib.incidents.records import ReportView
from raqib.services.incidents import (
    REPORT_COLUMNS,
    refresh,
    stale_incidents,
    streamed_views,
)
from raqib.services.refreshing import refresh_all
from raqib.store import engine as store
from raqib.store.engine import transaction
from raqib.store.idsets import among, id_rows, pair_rows
from raqib.store.models import Incident, Report
from raqib.vault.custody import db_now
from raqib.workspace import Workspace

T = TypeVar("T")
Steps = Callable[[str, int, int], None]
"""Progress of a run's steps: ``(step, done, total)``, for the steps "processing"
(documents extracted and stored), "linking" (reports placed), "refreshing" (the incidents
the linking changed, recomputed) and ``RESTALE`` (those of re-extracted reports and those an
earlier run left stale); `raqib process` shows a bar for each (linking a backlog of 300,000
reports takes minutes, which the bar of the documents alone left silent). Each step has one
total: before, the second refresh reported as "refreshing" too, and its bar started over."""
RESTALE = "refreshing re-extracted/stale"
EVERY = 1000
"""Reports placed between two progress calls of a linking pass."""
WINDOW = timedelta(days=45)
"""Placed reports this far around the new ones are loaded into the linking index: wider than
any date window linking uses (a month for month precision)."""
MAX_RANGES = 200
"""More separate stretches of days than this are read as one, from the first to the last: an
OR of that many date ranges would cost the database more than the rows it spares."""
IN_ORDER = (Report.event_date.asc().nulls_last(), Report.document_id, Report.ordinal)
"""The order of a linking pass: by date (not by id: writers on a cluster store in any order),
undated last as ``link_all`` places them, on both databases (SQLite puts NULL first unless
told)."""


@dataclass
class LinkSummary:
    placed: int = 0
    new_incidents: int = 0
    touched: int = 0


def link_new(ws: Workspace, settings: linking.LinkSettings | None = None,
             refresh_now: bool = True, progress: Steps | None = None) -> LinkSummary:
    """Place every report not yet in an incident; the incidents that changed are marked
    stale, and refreshed in the same transaction unless ``refresh_now`` is False (a cluster
    run refreshes them on its workers afterwards: ``stale_incidents``). ``progress``: the
    steps "linking" and (with ``refresh_now``) "refreshing"."""
    summary = LinkSummary()
    unplaced = Report.incident_id.is_(None)
    with transaction(ws.sessions) as session:
        days = list(session.scalars(select(Report.event_date).where(unplaced)))
        if not days:
            return summary
        if progress:
            progress("linking", 0, len(days))
        index = linking.IncidentIndex(settings)
        for incident_id, view in _placed_near(session, days):
            index.add(incident_id, view)
        created: list[int] = []  # provisional ids of new incidents, after every real one
        first = (session.scalar(select(func.max(Incident.id))) or 0) + 1

        def new_incident() -> int:
            created.append(first + len(created))
            return created[-1]

        new = _counted((view for _, view in streamed_views(
            session, select(*REPORT_COLUMNS).where(unplaced).order_by(*IN_ORDER))),
            len(days), progress)
        placed = linking.link(new, index, new_incident, dated_in_order=None not in days)
        real = _create_incidents(session, created)
        placed = {report_id: real.get(incident_id, incident_id)
                  for report_id, incident_id in placed.items()}
        _write_placements(session, placed)
        touched = set(placed.values())
        session.execute(update(Incident).where(among(session, Incident.id, touched))
                        .values(stale=True).execution_options(synchronize_session=False))
        if refresh_now:
            refresh(session, touched, step(progress, "refreshing"))
        summary.placed, summary.new_incidents, summary.touched = (
            len(placed), len(created), len(touched))
    store.refresh_statistics(ws.engine)
    return summary


def link_and_refresh(ws: Workspace, touched: Iterable[int] = (),
                     progress: Steps | None = None) -> LinkSummary:
    """Link the new reports (refreshing what they change), then refresh ``touched`` (the
    incidents of re-extracted reports) and whatever an earlier run left stale."""
    linked = link_new(ws, progress=progress)
    refresh_all(ws, set(touched) | set(stale_incidents(ws)), step(progress, RESTALE))
    return linked


def step(progress: Steps | None, name: str) -> Callable[[int, int], None] | None:
    """``progress`` for the one step ``name``: a ``(done, total)`` callback."""
    if progress is None:
        return None
    return lambda done, total: progress(name, done, total)


class StepTimes:
    """A ``Steps`` callback that passes each report on to ``progress`` and keeps when each
    step first reported. Every step reports ``(0, total)`` as it begins, so a step's time
    runs from its first report to the next step's first (the last step's to the call of
    ``seconds``); the time before the first step is "starting" (opening the store, finding
    the pending documents, starting a cluster)."""

    def __init__(self, progress: Steps | None = None,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.progress, self.clock = progress, clock
        self.start = clock()
        self.began: dict[str, float] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        self.began.setdefault(step, self.clock())
        if self.progress:
            self.progress(step, done, total)

    def seconds(self) -> dict[str, float]:
        """Each step's seconds in the order they began, "starting" first, and "total"."""
        now = self.clock()
        marks = [("starting", self.start), *sorted(self.began.items(), key=lambda m: m[1])]
        ends = [when for _, when in marks[1:]] + [now]
        times = {name: end - begun for (name, begun), end in zip(marks, ends, strict=True)}
        return {**times, "total": now - self.start}


def _counted(views: Iterator[ReportView], total: int, progress: Steps | None
             ) -> Iterator[ReportView]:
    """``views`` as they are, telling ``progress`` of the step "linking" every ``EVERY``
    reports (a report is counted when the pass asks for the next one: it has been placed)
    and once at the end; ``link_new`` told it of the start."""
    if progress is None:
        yield from views
        return
    done = 0  # the step's first report, (0, total), came before the placed were read
    for view in views:
        yield view
        done += 1
        if done % EVERY == 0:
            progress("linking", done, total)
    progress("linking", done, total)


def _create_incidents(session: Session, provisional: list[int]) -> dict[int, int]:
    """One new incident row for each provisional id, one ``INSERT ... SELECT`` per
    ``WRITE_BATCH`` over the ids as rows (``idsets.id_rows``); provisional id -> stored id,
    both in ascending order. The rows are alike until refreshed, so the ids need not come back
    in the order of the rows: asking for that order (``sort_by_parameter_order``) made SQLite
    insert one row a statement (3.2 s for 18,000 incidents). An executemany of one parameter
    set a row cost 1.8 s for 62,986 incidents, the statement 0.2 s (SQLite)."""
    now = db_now()
    values = {"fatalities_min": 0, "fatalities_max": 0, "contested": False, "summary": {},
              "corrections": {}, "created_at": now, "updated_at": now, "stale": True}
    columns = [getattr(Incident, name) for name in values]
    row = [literal(value, type_=column.type) for value, column in zip(
        values.values(), columns, strict=True)]
    real: dict[int, int] = {}
    for batch in _batches(provisional):
        rows = select(*row).select_from(id_rows(session, batch))
        ids = sorted(session.scalars(insert(Incident).from_select(list(values), rows)
                                     .returning(Incident.id)))
        real.update(zip(batch, ids, strict=True))
    return real


def _write_placements(session: Session, placed: dict[int, int]) -> None:
    """Set each report's incident (report id -> incident id): one ``UPDATE ... FROM`` per
    ``WRITE_BATCH`` over the pairs as rows (``idsets.pair_rows``), by report id. Not a
    unit-of-work UPDATE per report object, nor an executemany, whose parameter sets, one a
    report, cost twice the database's work: 118,591 reports 4.2 -> 1.5 s (SQLite). By report
    id, so that a statement's rows lie together in the table, not across it by date."""
    for batch in _batches(sorted(placed.items())):
        rows = pair_rows(session, batch)
        session.execute(update(Report).where(Report.id == rows.c.key)
                        .values(incident_id=rows.c.value)
                        .execution_options(synchronize_session=False))


WRITE_BATCH = 10_000
"""Rows written per statement by a pass (its ids or pairs, in the statement's one
parameter)."""


def _batches(items: Iterable[T]) -> Iterator[list[T]]:
    """``items`` in lists of ``WRITE_BATCH`` (the last shorter)."""
    it = iter(items)
    while batch := list(itertools.islice(it, WRITE_BATCH)):
        yield batch


def _placed_near(session: Session, days: Sequence[date | None]
                 ) -> list[tuple[int, ReportView]]:
    """The placed reports (of incidents not merged away) that new reports of ``days`` could
    meet: those within ``WINDOW`` of a new report's day, and the undated ones; every placed
    report when a new one is undated (it meets others by its words alone). The days around
    each new report, not the span from the first to the last: a day's news with one report
    of an attack two years back read the two years between. In the pass's order, so that an
    incident's first members (those a new report is compared with) are the same on both
    databases and as in one pass over everything."""
    dated = [day for day in days if day]
    query = select(*REPORT_COLUMNS).join(Incident, Report.incident_id == Incident.id).where(
        Incident.merged_into.is_(None))
    if dated and len(dated) == len(days):
        near = [Report.event_date.between(start, end) for start, end in day_ranges(dated)]
        query = query.where(or_(Report.event_date.is_(None), *near))
    return [(incident_id, view) for incident_id, view in streamed_views(
        session, query.order_by(*IN_ORDER)) if incident_id is not None]


def day_ranges(days: Iterable[date], around: timedelta = WINDOW,
               most: int = MAX_RANGES) -> list[tuple[date, date]]:
    """The stretches of days within ``around`` of any of ``days``, in order, joined where they
    meet; a single one from the first to the last when there would be more than ``most``."""
    spans: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if spans and day - around <= spans[-1][1]:
            spans[-1] = (spans[-1][0], day + around)
        else:
            spans.append((day - around, day + around))
    return spans if len(spans) <= most else [(spans[0][0], spans[-1][1])]
