"""What every page shares: the route class that turns errors into pages, the templates,
the page context, and the dependencies that authorise a page.

- Not logged in: a redirect to ``/login?next=…``. A role without the permission: a 403 page.
  A domain error (no such incident, a review value that cannot be used): an HTML page with
  the message, never the API's JSON.
- Forms post the session's CSRF token (field ``csrf_token``); ``FormUser`` checks it before
  the handler runs. Bearer-token callers need none (no cookie, no cross-site risk).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Coroutine, Hashable
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from raqib.errors import RaqibError
from raqib.services.answers import Answers, generation, rows_of
from raqib.services.users import Account
from raqib.web.auth import (
    PERMISSIONS,
    SAFE_METHODS,
    MaybeUser,
    allowed,
    check_csrf,
    csrf_token,
)
from raqib.web.errors import ApiError
from raqib.workspace import Workspace

from . import assets

T = TypeVar("T")

log = logging.getLogger("raqib.web.pages")

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TILE_URL_ENV = "RAQIB_TILE_URL"
TILE_ATTRIBUTION_ENV = "RAQIB_TILE_ATTRIBUTION"


class LoginNeeded(Exception):
    """The page needs a logged-in user."""


class PageRoute(APIRoute):
    """A route whose errors are pages: 401 becomes a redirect to the login form."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except (LoginNeeded, ApiError, RaqibError, RequestValidationError) as exc:
                return error_page(request, exc)

        return page_handler


def error_page(request: Request, exc: Exception) -> Response:
    if isinstance(exc, LoginNeeded) or (isinstance(exc, ApiError) and exc.status == 401):
        return RedirectResponse(login_url(request), status_code=303)
    if isinstance(exc, ApiError):
        status, message = exc.status, exc.message
    elif isinstance(exc, RequestValidationError):
        status = 422
        message = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                            for e in exc.errors()[:5]) or "invalid request"
    else:
        name = type(exc).__name__
        status = 404 if name.endswith("NotFound") else 400
        message = str(exc)
    titles = {403: "Not allowed", 404: "Not found", 422: "Invalid request"}
    return render(request, "error.html", {"status": status, "message": message,
                                          "heading": titles.get(status, "Cannot do that")},
                  status_code=status)


def login_url(request: Request) -> str:
    target = request.url.path if request.method in SAFE_METHODS else "/"
    if request.method in SAFE_METHODS and request.url.query:
        target += "?" + request.url.query
    return "/login?next=" + quote(target, safe="/")


def workspace(request: Request) -> Workspace:
    return request.app.state.ws  # type: ignore[no-any-return]


def kept(request: Request, question: Hashable, compute: Callable[[], T],
         weight: Callable[[T], int] = rows_of) -> T:
    """``compute()``, or the app's kept answer to ``question`` while the data is unchanged
    (``raqib.services.answers``; always computed with `raqib serve --answer-cache 0`)."""
    answers: Answers | None = request.app.state.answers
    if answers is None:
        return compute()
    with workspace(request).sessions() as session:
        now = generation(session)
    return answers.at(now, question, compute, weight)


def kept_json(request: Request, question: tuple[Hashable, ...],
              compute: Callable[[], Any]) -> Response:
    """``compute()`` (kept as ``kept`` keeps it) as JSON for a page's script to fetch: the
    browser keeps it too, its ETag names the data generation and the question, and it is
    answered ``304`` while that generation stands (``Cache-Control: private, no-cache``: asked
    again each time, sent again only when the data changed)."""
    with workspace(request).sessions() as session:
        now = generation(session)
    what = hashlib.sha256(repr(question).encode()).hexdigest()[:16]
    headers = {"ETag": f'W/"{what}-{now}"', "Cache-Control": "private, no-cache"}
    if headers["ETag"] in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return JSONResponse(kept(request, question, compute), headers=headers)


# -- templates --------------------------------------------------------------------------


def templates(request: Request) -> Jinja2Templates:
    """The app's templates, made on first use (one per app, nothing at import)."""
    found = getattr(request.app.state, "page_templates", None)
    if found is None:
        env = Environment(loader=FileSystemLoader(TEMPLATES),
                          autoescape=select_autoescape(default=True, default_for_string=True),
                          trim_blocks=True, lstrip_blocks=True)
        from . import fmt

        env.filters.update(fmt.FILTERS)
        found = Jinja2Templates(env=env)
        request.app.state.page_templates = found
    return found  # type: ignore[no-any-return]


def base_context(request: Request) -> dict[str, Any]:
    user: Account | None = getattr(request.state, "page_user", None)
    can = {perm: allowed(user, perm) for perm in PERMISSIONS["admin"]}
    return {
        "user": user, "can": can, "csrf": csrf_token(request) if "session" in request.scope
        else "", "flashes": pop_flashes(request), "assets_ok": assets.installed(),
        "tile_url": os.environ.get(TILE_URL_ENV, ""),
        "tile_attribution": os.environ.get(TILE_ATTRIBUTION_ENV, ""),
        "path": request.url.path,
    }


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200
           ) -> HTMLResponse:
    data = {**base_context(request), **context}
    return templates(request).TemplateResponse(request, name, data, status_code=status_code)


def flash(request: Request, message: str, kind: str = "ok") -> None:
    if "session" in request.scope:
        request.session["flash"] = [*request.session.get("flash", []), [kind, message]]


def pop_flashes(request: Request) -> list[list[str]]:
    if "session" not in request.scope:
        return []
    return list(request.session.pop("flash", []) or [])


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# -- authorisation ----------------------------------------------------------------------


def needs(permission: str) -> Callable[..., Any]:
    """A dependency: the logged-in user holding ``permission``; for a write, with the
    session's CSRF token in the form (or the X-CSRF-Token header)."""

    async def dependency(request: Request, account: MaybeUser) -> Account:
        if account is None:
            raise LoginNeeded
        request.state.page_user = account
        if not allowed(account, permission):
            raise ApiError(403, f"your role ({account.role}) may not "
                                f"{permission.replace('_', ' ')} here")
        if request.method not in SAFE_METHODS and getattr(request.state, "via_session", False):
            sent = request.headers.get("x-csrf-token")
            if sent is None and _is_form(request):
                value = (await request.form()).get("csrf_token")
                sent = value if isinstance(value, str) else None
            check_csrf(request, sent)
        return account

    dependency.__name__ = f"page_{permission}"
    return dependency


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


PageReader = Annotated[Account, Depends(needs("read"))]
PageReviewer = Annotated[Account, Depends(needs("review"))]
PageUploader = Annotated[Account, Depends(needs("upload"))]
