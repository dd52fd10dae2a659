"""Who is asking, and may they: API tokens, password sessions, roles, CSRF.

- API calls send ``Authorization: Bearer TOKEN`` (a token from `raqib users add`).
- The browser logs in with a password (Argon2id) and gets a signed session cookie
  (Starlette's SessionMiddleware; the key lives in the workspace's keys folder).
- Every request that changes something and is authenticated by the cookie must carry the
  session's CSRF token (form field ``csrf_token`` or header ``X-CSRF-Token``); token-
  authenticated calls need none (no cookie, no cross-site risk).
- No credentials: 401. A role without the permission: 403.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request

from raqib.services import users
from raqib.services.users import Account
from raqib.web.errors import ApiError
from raqib.workspace import Workspace

PERMISSIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({"read"}),
    "reviewer": frozenset({"read", "review"}),
    "analyst": frozenset({"read", "review", "upload", "read_sensitive"}),
    "admin": frozenset({"read", "review", "upload", "read_sensitive", "manage"}),
}
"""What each role may do. 'read': everything not sensitive; 'review': correct, merge,
split, grade, accept; 'upload': add documents; 'read_sensitive': sensitive documents (each
read logged); 'manage': users, sources, agreements."""

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SESSION_KEY_FILE = "web-session.key"


def session_secret(ws: Workspace) -> str:
    """The workspace's session-signing key, made on first use (0600)."""
    path: Path = ws.keys_dir / SESSION_KEY_FILE
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def workspace(request: Request) -> Workspace:
    return request.app.state.ws  # type: ignore[no-any-return]


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def optional_user(request: Request) -> Account | None:
    """The caller, or None when no valid credentials came with the request."""
    ws = workspace(request)
    token = _bearer(request)
    if token is not None:
        return users.by_token(ws, token)
    user_id = request.session.get("user_id") if "session" in request.scope else None
    account = users.by_id(ws, int(user_id)) if user_id is not None else None
    if account is not None:
        request.state.via_session = True
    return account


def current_user(request: Request) -> Account:
    account = optional_user(request)
    if account is None:
        raise ApiError(401, "log in or send a valid API token (Authorization: Bearer TOKEN)")
    if request.method not in SAFE_METHODS and getattr(request.state, "via_session", False):
        check_csrf(request, request.headers.get("x-csrf-token"))
    return account


def require(permission: str) -> Callable[..., Account]:
    """A dependency: the caller, who must hold ``permission`` (else 403)."""

    async def dependency(account: Account = Depends(current_user)) -> Account:  # noqa: B008
        if permission not in PERMISSIONS.get(account.role, frozenset()):
            raise ApiError(403, f"role {account.role!r} may not {permission.replace('_', ' ')}")
        return account

    dependency.__name__ = f"require_{permission}"
    return dependency


def allowed(account: Account | None, permission: str) -> bool:
    return account is not None and permission in PERMISSIONS.get(account.role, frozenset())


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use); put it in every form."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return str(token)


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not sent or not hmac.compare_digest(str(expected), sent):
        raise ApiError(403, "missing or wrong CSRF token", code="csrf")


def log_in(request: Request, account: Account) -> None:
    request.session.clear()
    request.session["user_id"] = account.id
    csrf_token(request)


def log_out(request: Request) -> None:
    request.session.clear()


Reader = Annotated[Account, Depends(require("read"))]
"""Parameter type of an endpoint any logged-in role may call."""
Reviewer = Annotated[Account, Depends(require("review"))]
Uploader = Annotated[Account, Depends(require("upload"))]
SensitiveReader = Annotated[Account, Depends(require("read_sensitive"))]
Manager = Annotated[Account, Depends(require("manage"))]
MaybeUser = Annotated[Account | None, Depends(optional_user)]
"""The caller if logged in, else None (pages that redirect to the login form)."""
