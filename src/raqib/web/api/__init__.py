"""The REST API routers (all under /api; the spec at /api/openapi.json). See docs/api.md."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from raqib.web.api import admin, documents, incidents, reports, review, search, session

    return [session.router, documents.router, documents.uploads_router, reports.router,
            incidents.router, review.router, search.router, admin.router]
