"""Health, login sessions and who am I."""

from __future__ import annotations

from fastapi import APIRouter, Request

from raqib import __version__
from raqib.services import users
from raqib.web.api.common import ERRORS, OPEN_ERRORS, WS
from raqib.web.api.models import Credentials, Done, Health, Me, SessionInfo
from raqib.web.auth import PERMISSIONS, Reader, csrf_token, log_in, log_out
from raqib.web.errors import ApiError

router = APIRouter(prefix="/api", tags=["session"])


@router.get("/health", responses=OPEN_ERRORS)
def health() -> Health:
    """Whether the server is up (no credentials needed)."""
    return Health(status="ok", version=__version__)


@router.post("/session", responses={**OPEN_ERRORS, 401: ERRORS[401]})
def open_session(body: Credentials, request: Request, ws: WS) -> SessionInfo:
    """Log in with a password: sets the session cookie; returns the CSRF token that every
    cookie-authenticated write must send as ``X-CSRF-Token``."""
    account = users.by_password(ws, body.name, body.password)
    if account is None:
        raise ApiError(401, "wrong user name or password")
    log_in(request, account)
    return SessionInfo(user=account.name, role=account.role, csrf_token=csrf_token(request))


@router.delete("/session", responses=ERRORS)
def close_session(request: Request, account: Reader) -> Done:
    """Log out (forget the session cookie)."""
    log_out(request)
    return Done()


@router.get("/me", responses=ERRORS)
def me(account: Reader) -> Me:
    """The caller: name, role and what the role may do."""
    return Me(user=account.name, role=account.role,
              permissions=sorted(PERMISSIONS.get(account.role, frozenset())))
