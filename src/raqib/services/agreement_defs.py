"""Agreements as JSON for the API: describing, adding a definition sent as JSON (logged),
and violations listed or counted by actor, month or type."""

from __future__ import annotations

from typing import Any

from raqib.incidents import agreements as rules
from raqib.services.agreements import known, store, violations
from raqib.workspace import Workspace


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
    return describe(store(ws, definition, user, "the agreement sent"))


def violations_of(ws: Workspace, name: str, by: str | None, parties_only: bool = False
                  ) -> dict[str, Any]:
    found = violations(ws, name, parties_only)  # AgreementNotFound, naming the known ones
    summary = ([{"key": key, "incidents": n, "fatalities": killed}
                for key, n, killed in rules.summarise(found, by)]  # type: ignore[arg-type]
               if by else [])
    return {"agreement": name, "by": by, "violations": [v.as_json() for v in found],
            "summary": summary}
