"""The login form and logging out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response

from raqib.services import users
from raqib.web.auth import MaybeUser, check_csrf, log_in, log_out

from .core import PageRoute, flash, render, see_other, workspace


def safe_next(target: str | None) -> str:
    """Only a path on this site: never another host ('//evil', 'https://…', '/\\evil')."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/login")
    def login_form(request: Request, account: MaybeUser, next: str = "/") -> Response:
        request.state.page_user = account
        return render(request, "login.html", {"next": safe_next(next), "name": ""})

    @router.post("/login")
    def login(request: Request, name: Annotated[str, Form()],
              password: Annotated[str, Form()], csrf_token: Annotated[str, Form()] = "",
              next: Annotated[str, Form()] = "/") -> Response:
        check_csrf(request, csrf_token)
        account = users.by_password(workspace(request), name.strip(), password)
        if account is None:
            return render(request, "login.html", {
                "next": safe_next(next), "name": name,
                "error": "Wrong user name or password (or the account is disabled)."},
                status_code=401)
        log_in(request, account)
        return see_other(safe_next(next))

    @router.post("/logout")
    def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
        check_csrf(request, csrf_token)
        log_out(request)
        flash(request, "You are logged out.")
        return see_other("/login")

    return router
