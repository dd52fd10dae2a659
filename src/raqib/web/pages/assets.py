"""Front-end libraries, served from ``node_modules`` under /vendor.

They are installed by npm at build or install time (``npm ci --prefix src/raqib/web``) and
never committed. Only the ``dist`` folders of the packages named in ``PACKAGES`` are served.
Without them the pages still work (tables instead of the map and charts) and tell the
reader what to run; a missing file is a plain-text 404 that says the same.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse, Response

NODE_MODULES_ENV = "RAQIB_WEB_ASSETS"
"""Another node_modules folder to serve from (for installs outside the source tree)."""
INSTALL = "npm ci --prefix src/raqib/web"
PACKAGES = ("leaflet", "leaflet.markercluster", "chart.js")
REQUIRED = ("leaflet/dist/leaflet.js", "chart.js/dist/chart.umd.js")


def node_modules() -> Path:
    configured = os.environ.get(NODE_MODULES_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[1] / "node_modules"


def installed() -> bool:
    root = node_modules()
    return all((root / name).is_file() for name in REQUIRED)


def resolve(package: str, path: str) -> Path | None:
    """The file of ``package``'s dist folder at ``path``, or None (unknown or outside)."""
    if package not in PACKAGES:
        return None
    dist = (node_modules() / package / "dist").resolve()
    target = (dist / path).resolve()
    if not target.is_relative_to(dist) or not target.is_file():
        return None
    return target


def router() -> APIRouter:
    router = APIRouter()

    @router.get("/vendor/{package}/{path:path}", include_in_schema=False)
    def vendor(package: str, path: str) -> Response:
        target = resolve(package, path)
        if target is None:
            return PlainTextResponse(
                f"/* missing front-end asset {package}/{path}: the libraries are installed "
                f"with `{INSTALL}`; the pages work without them (no map or charts) */",
                status_code=404)
        return FileResponse(target, headers={"Cache-Control": "public, max-age=86400"})

    return router
