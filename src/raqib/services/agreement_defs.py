"""Agreements as JSON for the API: describing, adding a definition sent as JSON (logged),
and violations listed or counted by actor, month or type."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from raqib.errors import RaqibError
from raqib.incidents import agreements as rules
from raqib.services.agreements import AgreementProblem, known, violations
from raqib.store.engine import transaction
from raqib.store.models import Agreement
from raqib.vault import custody
from raqib.vault.custody import db_now
from raqib.workspace import Workspace


class AgreementNotFound(RaqibError):
    """No agreement has the given name."""


def describe(agreement: rules.Agreement) -> dict[str, Any]:
    return {
        "name": agreement.name, "title": agreement.title,
        "start": agreement.start.isoformat(),
        "end": agreement.end.isoformat() if agreement.end else None,
        "parties": list(agreement.parties), "prohibited": list(agreement.prohibited),
        "notes": agreement.notes, "sources": list(agreement.sources),
    }


def listing(ws: Workspace) -> list[dict[str, Any]]:
    return [describe(a) for _, a in sorted(known(ws).items())]


def add_definition(ws: Workspace, definition: dict[str, Any], user: str) -> dict[str, Any]:
    """Validate ``definition`` (the agreement file's JSON object) and store it (logged)."""
    try:
        agreement = rules.parse(definition, "the agreement sent")
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
    return describe(agreement)


def violations_of(ws: Workspace, name: str, by: str | None, parties_only: bool = False
                  ) -> dict[str, Any]:
    if name not in known(ws):
        raise AgreementNotFound(f"no agreement named {name!r}")
    found = violations(ws, name, parties_only)
    summary = ([{"key": key, "incidents": n, "fatalities": killed}
                for key, n, killed in rules.summarise(found, by)]  # type: ignore[arg-type]
               if by else [])
    return {"agreement": name, "by": by, "violations": [v.as_json() for v in found],
            "summary": summary}
