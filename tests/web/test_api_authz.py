"""Authorisation matrix: every /api route of the app × every role and no credentials.

The routes are enumerated from ``app.routes``, so a new route that is not in ``NEEDS``
fails the test until someone says which permission it needs.
"""

from __future__ import annotations

from typing import Any

import pytest
from websupport import ROLES, Site

from raqib.web.auth import PERMISSIONS

OPEN = None
NEEDS: dict[tuple[str, str], str | None] = {
    ("GET", "/api/openapi.json"): OPEN,
    ("GET", "/api/docs"): OPEN,
    ("GET", "/api/health"): OPEN,
    ("POST", "/api/session"): OPEN,
    ("DELETE", "/api/session"): "read",
    ("GET", "/api/me"): "read",
    ("GET", "/api/documents"): "read",
    ("GET", "/api/documents/{ref}"): "read",
    ("GET", "/api/documents/{ref}/original"): "read",
    ("GET", "/api/documents/{ref}/proof"): "read",
    ("GET", "/api/documents/{ref}/reports"): "read",
    ("POST", "/api/documents"): "upload",
    ("GET", "/api/reports"): "read",
    ("GET", "/api/reports/{report_id}"): "read",
    ("GET", "/api/claims"): "read",
    ("GET", "/api/incidents"): "read",
    ("GET", "/api/incidents/geo"): "read",
    ("GET", "/api/incidents/{incident_id}"): "read",
    ("GET", "/api/incidents/{incident_id}/trail"): "read",
    ("POST", "/api/incidents/{incident_id}/review"): "review",
    ("POST", "/api/reports/{report_id}/review"): "review",
    ("POST", "/api/incidents/merge"): "review",
    ("POST", "/api/incidents/{incident_id}/split"): "review",
    ("GET", "/api/review/queue"): "review",
    ("GET", "/api/search"): "read",
    ("GET", "/api/checkpoints/latest"): "read",
    ("GET", "/api/log"): "read",
    ("GET", "/api/sources"): "read",
    ("PATCH", "/api/sources/{name}"): "manage",
    ("GET", "/api/agreements"): "read",
    ("GET", "/api/agreements/{name}/violations"): "read",
    ("POST", "/api/agreements"): "manage",
    ("GET", "/api/settings"): "manage",
    ("GET", "/api/users"): "manage",
    ("POST", "/api/users"): "manage",
    ("POST", "/api/users/{name}/disable"): "manage",
}
"""(method, path) -> the permission it needs (None: open to anyone)."""

PATH_VALUES = {"ref": "2", "incident_id": "9", "report_id": "1", "name": "no-such-name"}
"""Harmless targets: allowed roles may get a 404 or a 422, but change nothing that matters."""


def _flat_routes(app: Any) -> list[Any]:
    """The app's routes, with included routers flattened (FastAPI >= 0.160 keeps them
    nested; ``iter_route_contexts`` is what its OpenAPI generator walks)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: app.routes is already flat
        return list(app.routes)
    return list(iter_route_contexts(app.routes))


def api_routes(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every route under /api, from the app itself."""
    found = set()
    for route in _flat_routes(app):
        path = getattr(route, "path", "")
        if path == "/api" or path.startswith("/api/"):
            methods = getattr(route, "methods", None) or {"GET"}
            found |= {(m, path) for m in methods if m != "HEAD"}
    assert len(found) > 20, "the routes were not found: has FastAPI's routing changed?"
    return sorted(found)


def _call(client: Any, method: str, path: str) -> Any:
    url = path.format(**PATH_VALUES)
    if method == "POST" and url == "/api/documents":
        return client.post(url, files=[("files", ("empty.txt", b"", "text/plain"))])
    return client.request(method, url, json={} if method in ("POST", "PATCH") else None)


def test_every_api_route_is_in_the_table(site: Site) -> None:
    routes = api_routes(site.client().app)
    missing = [r for r in routes if r not in NEEDS]
    assert not missing, f"add these routes to NEEDS with their permission: {missing}"
    gone = [r for r in NEEDS if r not in routes]
    assert not gone, f"routes in NEEDS that the app no longer has: {gone}"


@pytest.mark.parametrize("role", [None, *ROLES])
def test_the_matrix(site: Site, role: str | None) -> None:
    client = site.client(role)
    wrong = []
    for method, path in api_routes(client.app):
        needs = NEEDS[(method, path)]
        status = _call(client, method, path).status_code
        if needs is OPEN:
            expected_refusal = None
        elif role is None:
            expected_refusal = 401
        elif needs not in PERMISSIONS[role]:
            expected_refusal = 403
        else:
            expected_refusal = None
        allowed_but_refused = expected_refusal is None and status in (401, 403)
        if status >= 500 or allowed_but_refused or (
                expected_refusal is not None and status != expected_refusal):
            wrong.append((method, path, status, expected_refusal))
    assert not wrong, f"{role}: (method, path, got, expected refusal): {wrong}"


def test_refusals_have_the_error_shape(site: Site) -> None:
    client = site.client("viewer")
    body = client.post("/api/users", json={"name": "x", "role": "viewer"}).json()
    assert body["error"]["status"] == 403 and body["error"]["code"] == "forbidden"
    body = site.client().get("/api/search").json()
    assert body["error"]["status"] == 401
