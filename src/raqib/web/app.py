"""The ASGI application over one workspace."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from raqib import __version__
from raqib.services import answers
from raqib.services.incidents import ensure_schema
from raqib.web import errors
from raqib.web.auth import session_secret
from raqib.workspace import Workspace

STATIC = Path(__file__).with_name("static")


def create_app(ws: Workspace, *, secure_cookies: bool = False,
               answer_cache: int = answers.BUDGET) -> FastAPI:
    """The app for ``ws``: REST API under /api (OpenAPI at /api/openapi.json), pages at /;
    it keeps answers of up to ``answer_cache`` rows (``raqib.services.answers``)."""
    from raqib.web import api, pages

    ensure_schema(ws)
    app = FastAPI(
        title="Raqib", version=__version__,
        description="Evidence, incidents and claims from reports of armed conflict.",
        openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None,
    )
    app.state.ws = ws
    app.state.answers = answers.Answers(answer_cache) if answer_cache else None
    app.add_middleware(SessionMiddleware, secret_key=session_secret(ws),
                       session_cookie="raqib_session", same_site="lax",
                       https_only=secure_cookies, max_age=12 * 3600)
    errors.install(app)
    for router in api.routers():
        app.include_router(router)
    for router in pages.routers():
        app.include_router(router)
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def from_environment() -> FastAPI:
    """The app for the workspace in ``RAQIB_WORKSPACE`` (how `raqib serve --workers N`
    starts each worker process)."""
    import os

    root = os.environ.get("RAQIB_WORKSPACE")
    if not root:
        raise RuntimeError("RAQIB_WORKSPACE is not set")
    secure = os.environ.get("RAQIB_SECURE_COOKIES") == "1"
    cache = int(os.environ.get("RAQIB_ANSWER_CACHE", answers.BUDGET))
    return create_app(Workspace.open(Path(root)), secure_cookies=secure, answer_cache=cache)
