"""Sources, agreements and users (changes need the 'manage' permission)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query

from raqib.services import agreement_defs, people, settings, sources, users
from raqib.web.api.common import ERRORS, WS
from raqib.web.api.models import (
    AgreementOut,
    NewUser,
    NewUserOut,
    SettingsOut,
    SourceEdit,
    SourceOut,
    UserOut,
    Violations,
)
from raqib.web.auth import Manager, Reader

router = APIRouter(prefix="/api", tags=["admin"], responses=ERRORS)
Name = Annotated[str, Path(min_length=1, max_length=200)]


@router.get("/sources")
def list_sources(ws: WS, account: Reader) -> list[SourceOut]:
    """Every source seen in processed documents: kind, side, reliability (A–F)."""
    return sources.listing(ws)  # type: ignore[return-value]


@router.patch("/sources/{name}")
def edit_source(name: Name, body: SourceEdit, ws: WS, account: Manager) -> SourceOut:
    """Edit a source (logged; later recognition never overwrites it); its incidents are
    re-graded."""
    return people.edit_source(  # type: ignore[return-value]
        ws, name, account.name, body.reason, kind=body.kind, side=body.side,
        reliability=body.reliability)


@router.get("/agreements")
def list_agreements(ws: WS, account: Reader) -> list[AgreementOut]:
    """The workspace's agreements and the shipped ones."""
    return agreement_defs.listing(ws)  # type: ignore[return-value]


@router.get("/agreements/{name}/violations")
def agreement_violations(
    name: Name, ws: WS, account: Reader,
    by: Annotated[Literal["actor", "month", "type"] | None, Query()] = None,
    parties_only: bool = False,
) -> Violations:
    """Incidents in the agreement's zone and period of a kind it prohibits; with 'by',
    also counted by actor, month or type."""
    return agreement_defs.violations_of(  # type: ignore[return-value]
        ws, name, by, parties_only)


@router.post("/agreements", status_code=201)
def add_agreement(ws: WS, account: Manager,
                  definition: Annotated[dict[str, Any], Body(
                      description="an agreement file's JSON (format raqib.agreement/1)")],
                  ) -> AgreementOut:
    """Add or replace an agreement (logged)."""
    return agreement_defs.add_definition(  # type: ignore[return-value]
        ws, definition, account.name)


@router.get("/settings")
def extraction_settings(ws: WS, account: Manager) -> SettingsOut:
    """What this workspace's processing extracts with (`raqib settings` changes it, on the
    record; not through the API, which would let a request name files on the server)."""
    return settings.extraction(ws)  # type: ignore[return-value]


@router.get("/users")
def list_users(ws: WS, account: Manager) -> list[UserOut]:
    """Every user with role and state."""
    return people.user_listing(ws)  # type: ignore[return-value]


@router.post("/users", status_code=201)
def add_user(body: NewUser, ws: WS, account: Manager) -> NewUserOut:
    """Create a user; the API token is in this answer and never again."""
    created, token = users.add(ws, body.name, body.role, account.name, body.password)
    return NewUserOut(name=created.name, role=created.role, token=token)


@router.post("/users/{name}/disable")
def disable_user(name: Name, ws: WS, account: Manager) -> UserOut:
    """Refuse the user's tokens and logins from now on."""
    return people.disable_user(ws, name, account.name)  # type: ignore[return-value]
