"""The server-rendered pages (Jinja2 templates in ``raqib/web/templates``).

Each module makes its router when asked (nothing is built at import): login and logout,
the dashboard and incident list with map and timeline, search, one incident (with the
verify action), one document, the review queue and actions, agreements, upload, and the
front-end libraries under /vendor. ``core`` holds what they share. See docs/web.md.
"""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from . import (
        agreements,
        assets,
        document,
        incident,
        overview,
        review,
        search,
        session,
        upload,
    )

    return [module.router() for module in (session, overview, search, incident, document,
                                           review, agreements, upload, assets)]
