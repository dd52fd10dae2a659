"""Agreements in a workspace: adding definitions (logged) and listing their violations.

A workspace sees its own agreements (``raqib agreements add``) and the shipped examples;
its own win when names clash. Violations are judged on each incident's reconciled fields
after people's corrections.
"""

from __future__ import annotations

import json
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any

from sqlalchemy import Select, or_, select

from raqib.errors import RaqibError
from raqib.incidents import agreements as rules
from raqib.incidents.reconcile import Reconciled
from raqib.services.document_rows import parse_day
from raqib.services.incidents import live, oldest_first
from raqib.store.engine import transaction
from raqib.store.models import Agreement, Incident
from raqib.vault import custody
from raqib.vault.custody import db_now
from raqib.workspace import Workspace

RECONCILED = {f.name for f in dataclass_fields(Reconciled)}


class AgreementProblem(RaqibError):
    """An agreement file is malformed."""


class AgreementNotFound(RaqibError):
    """No agreement has the given name (a 404 on the web, as other missing things)."""


def add(ws: Workspace, path: str, user: str) -> rules.Agreement:
    """Validate the agreement in ``path`` (or a shipped one, by name) and store it."""
    source = Path(path)
    if not source.exists() and (rules.default_folder() / f"{path}.json").is_file():
        source = rules.default_folder() / f"{path}.json"
    try:
        rules.load(source)  # names the file and the field of anything malformed
    except rules.AgreementError as exc:
        raise AgreementProblem(str(exc)) from exc
    return store(ws, json.loads(source.read_text(encoding="utf-8")), user, str(source))


def store(ws: Workspace, definition: dict[str, Any], user: str, where: str) -> rules.Agreement:
    """Validate ``definition`` (an agreement file's JSON object) and store it, logged;
    ``where`` names it in errors."""
    try:
        agreement = rules.parse(definition, where)
    except rules.AgreementError as exc:
        raise AgreementProblem(str(exc)) from exc
    with transaction(ws.sessions) as session:
        row = session.execute(select(Agreement).where(Agreement.name == agreement.name)
                              ).scalar_one_or_none()
        action = "replaced" if row else "added"
        row = row or Agreement(name=agreement.name)
        row.definition, row.added_at, row.added_by = definition, db_now(), user
        session.add(row)
        custody.append(session, "agreement", f"agreement:{agreement.name}", user,
                       {"change": action, "title": agreement.title})
    return agreement


def known(ws: Workspace) -> dict[str, rules.Agreement]:
    found = {a.name: a for a in rules.default_agreements()}
    with ws.sessions() as session:
        for row in session.execute(select(Agreement)).scalars():
            found[row.name] = rules.parse(row.definition, f"agreement {row.name}")
    return found


def get(ws: Workspace, name: str) -> rules.Agreement:
    found = known(ws)
    if name not in found:
        raise AgreementNotFound(f"no agreement named {name!r} "
                                f"(known: {', '.join(sorted(found))})")
    return found[name]


def stored_fields(fields: dict[str, Any] | None) -> Reconciled:
    """An incident's reconciled fields as stored (``summary["fields"]``, corrections
    applied)."""
    data: dict[str, Any] = {k: v for k, v in (fields or {}).items() if k in RECONCILED}
    data["event_date"] = parse_day(data.get("event_date")) if data.get("event_date") else None
    return Reconciled(**data)


def candidates(agreement: rules.Agreement) -> Select[Any]:
    """The standing incidents that may break ``agreement``, oldest first, as (id, reconciled
    fields): those whose stored columns put them in its period, inside the bounds of its zone
    and of a prohibited type. Refresh writes those columns from the same fields the rules
    read (``incidents._apply``), so nothing the rules would find is left out; the rules then
    judge each. Reading every incident whole and judging it in Python took 14-20 s at
    100,000 incidents, most of it decoding their summaries."""
    west, south, east, north = agreement.zone.bounds
    statement = live().with_only_columns(Incident.id, Incident.summary["fields"]).where(
        Incident.event_date >= agreement.start,
        Incident.latitude.between(south, north), Incident.longitude.between(west, east),
        or_(Incident.event_type.in_(agreement.prohibited),
            Incident.sub_event_type.in_(agreement.prohibited)))
    if agreement.end is not None:
        statement = statement.where(Incident.event_date <= agreement.end)
    return statement.order_by(*oldest_first())


def violations(ws: Workspace, name: str, parties_only: bool = False) -> list[rules.Violation]:
    """The incidents that break the agreement ``name``, oldest first (judged on their
    reconciled fields after people's corrections)."""
    agreement = get(ws, name)
    with ws.sessions() as session:
        pairs = [(ident, stored_fields(fields))
                 for ident, fields in session.execute(candidates(agreement))]
    return rules.violations(agreement, pairs, parties_only=parties_only)
