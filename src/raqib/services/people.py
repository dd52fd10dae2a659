"""Users and sources for the API: the same services, with 'not found' told apart from
'cannot be used' (the edge answers 404 for the one, 400 for the other)."""

from __future__ import annotations

from typing import Any

from raqib.errors import RaqibError
from raqib.services import sources, users
from raqib.workspace import Workspace


class UserNotFound(RaqibError):
    """No user has the given name."""


class SourceNotFound(RaqibError):
    """No source has the given name."""


def user_listing(ws: Workspace) -> list[dict[str, Any]]:
    return [{"name": a.name, "role": a.role, "disabled": a.disabled}
            for a in users.listing(ws)]


def disable_user(ws: Workspace, name: str, by: str) -> dict[str, Any]:
    if not any(a.name == name for a in users.listing(ws)):
        raise UserNotFound(f"no user named {name!r}")
    users.set_disabled(ws, name, True, by)
    return next(u for u in user_listing(ws) if u["name"] == name)


def edit_source(ws: Workspace, name: str, by: str, reason: str | None,
                **changes: str | None) -> dict[str, Any]:
    if not any(s["name"] == name for s in sources.listing(ws)):
        raise SourceNotFound(f"no source named {name!r}")
    sources.edit(ws, name, by, reason, **changes)
    return next(s for s in sources.listing(ws) if s["name"] == name)
