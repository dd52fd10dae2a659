"""Refreshing incidents outside the writer's lock: the work is done from a read, and only the
writing waits for the lock.

Every writing transaction takes the store's one writer lock first (``BEGIN IMMEDIATE`` on
SQLite, an advisory lock on PostgreSQL: ``raqib.store.engine``), so a refresh computed inside
its transaction (reading an incident's reports and claims, reconciling, grading, judging the
contest) held the lock all along, and refresh tasks on two Dask workers ran one after the
other: at 20,000 documents the refresh took 22 s with one worker and 22 s with two.

``refresh_all`` now takes each batch of incidents in two steps. ``computed`` reads the
incidents and their views in a plain read transaction (no lock: other writers go on), runs the
same ``recompute`` on those rows and keeps, for each incident, the values it set and the
exact inputs it read (the incident's own inputs and its view, as text), with the input
generation the read saw (migration 0017: a number that every write to what a refresh reads
moves, but not a refresh's own writes, so refreshes of other incidents at the same time leave
it as it was). ``write`` then, in a short writing transaction, writes every kept value in one
statement when the input generation is the same (nothing a refresh reads was written since
the read); else it reads the batch again and keeps the values of each incident whose inputs
are the same text as before, and an incident whose inputs changed in between (a report
placed, corrected or re-extracted, a claim or source changed, a grade set) is recomputed
there, under the lock. So the result is what a refresh under the lock would have written at
the moment the lock was taken. Claims have no generation trigger of their own: they are
written only with their document's processing record, which has one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text, update
from sqlalchemy.orm import Session

from raqib.incidents.records import IncidentView
from raqib.services.incidents import REFRESH_BATCH, batch_of, recompute
from raqib.store.engine import transaction
from raqib.store.models import Incident
from raqib.workspace import Workspace

SET = ("stale", "stands", "sides", "summary", "grade", "contested", "updated_at", "event_type",
       "sub_event_type", "event_date", "location", "admin1", "country", "latitude",
       "longitude", "fatalities_min", "fatalities_max")
"""The incident's columns ``recompute`` sets (by attribute name); a test checks that it
sets no other. Writing only these does not move the input generation (migration 0017)."""


def input_generation(session: Session) -> int:
    """The input generation that the session's transaction sees (read it first: on SQLite
    the first read fixes the transaction's snapshot)."""
    return int(session.execute(text("SELECT n FROM input_generation")).scalar_one())


@dataclass(frozen=True)
class Computed:
    inputs: str
    """What the values were computed from, as text (``inputs``)."""
    values: dict[str, Any]
    """The incident's columns in ``SET`` as the refresh left them."""


def inputs(row: Incident, view: IncidentView) -> str:
    """Everything ``recompute`` reads of an incident, as text: its own columns that it
    reads, its reports and their claims (views of plain values, so their text is exact)."""
    return repr((row.imported, row.corrections, row.manual_grade, row.manual_grade_reason,
                 row.origin, row.merged_into, view))


@dataclass(frozen=True)
class Batch:
    generation: int
    """The input generation the read saw (``input_generation``)."""
    items: dict[int, Computed]
    """Each incident that exists, by id."""


def computed(ws: Workspace, ids: list[int]) -> Batch:
    """The refreshed values of the incidents ``ids`` (those that exist), computed from a read:
    nothing is written and no lock is taken."""
    out: dict[int, Computed] = {}
    with ws.sessions() as session, session.no_autoflush:
        seen = input_generation(session)  # first: every later read is as new or newer
        rows, views = batch_of(session, ids)
        for incident_id, row in rows.items():
            read = inputs(row, views[incident_id])
            recompute(row, views[incident_id])
            out[incident_id] = Computed(read, {name: getattr(row, name) for name in SET})
        session.rollback()
    return Batch(seen, out)


def write(session: Session, batch: Batch) -> int:
    """Write ``computed``'s values in the writing transaction of ``session``: all of them when
    nothing a refresh reads was written since the read (the input generation is the same),
    else each incident's only if its inputs are the same text as read (else it is recomputed
    here). Returns how many were recomputed."""
    done = batch.items
    again: list[int] = []
    if input_generation(session) == batch.generation:
        kept = sorted(done)
    else:
        rows, views = batch_of(session, sorted(done))
        again = [incident_id for incident_id, row in rows.items()
                 if inputs(row, views[incident_id]) != done[incident_id].inputs]
        kept = sorted(rows.keys() - set(again))
        for incident_id in again:
            recompute(rows[incident_id], views[incident_id])
        session.flush()
    if kept:  # one statement for the batch (ORM bulk UPDATE by primary key)
        session.execute(update(Incident), [{"id": i, **done[i].values} for i in kept])
    return len(again)


def refresh_all(ws: Workspace, incident_ids: Iterable[int],
                progress: Callable[[int, int], None] | None = None) -> None:
    """Recompute the incidents (reconciled fields, contest, grade; corrections win), a batch
    of ``REFRESH_BATCH`` at a time, each computed outside the writer's lock and written in a
    transaction of its own (a run that stops leaves the rest stale, for the next run).
    ``progress(done, total)`` after each batch."""
    ids = sorted(set(incident_ids))
    if progress and ids:
        progress(0, len(ids))
    for start in range(0, len(ids), REFRESH_BATCH):
        chunk = ids[start:start + REFRESH_BATCH]
        batch = computed(ws, chunk)
        if batch.items:
            with transaction(ws.sessions) as session:
                write(session, batch)
        if progress:
            progress(start + len(chunk), len(ids))
