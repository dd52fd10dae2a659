"""Authentication and roles at the edge: tokens, sessions, CSRF, 401 vs 403."""

from __future__ import annotations

from fastapi import APIRouter, Request
from websupport import Site

from raqib.web.auth import PERMISSIONS, Reader, Reviewer


def _probe(site: Site):  # type: ignore[no-untyped-def]
    client = site.client()
    router = APIRouter()

    @router.get("/api/_probe/{permission}")
    def probe_get(permission: str, account: Reader) -> dict:
        return {"user": account.name}

    @router.post("/api/_probe/review")
    def probe_post(account: Reviewer) -> dict:
        return {"user": account.name}

    client.app.include_router(router)  # type: ignore[attr-defined]
    return client


def test_no_credentials_is_401_and_a_bad_token_too(site: Site) -> None:
    client = _probe(site)
    response = client.get("/api/_probe/read")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    response = client.get("/api/_probe/read", headers={"Authorization": "Bearer rq_nope"})
    assert response.status_code == 401


def test_roles_get_403_for_what_they_may_not_do(site: Site) -> None:
    client = _probe(site)
    for role in ("admin", "analyst", "reviewer", "viewer"):
        headers = {"Authorization": f"Bearer {site.tokens[role]}"}
        assert client.get("/api/_probe/read", headers=headers).status_code == 200
        status = client.post("/api/_probe/review", headers=headers).status_code
        assert status == (200 if "review" in PERMISSIONS[role] else 403), role


def test_a_disabled_user_is_refused(site: Site) -> None:
    from raqib.services import users

    client = _probe(site)
    users.set_disabled(site.workspace(), "viewer", True, "test")
    headers = {"Authorization": f"Bearer {site.tokens['viewer']}"}
    assert client.get("/api/_probe/read", headers=headers).status_code == 401


def test_session_writes_need_the_csrf_token(site: Site) -> None:
    from raqib.services import users
    from raqib.web.auth import csrf_token, log_in

    client = _probe(site)
    router = APIRouter()

    @router.post("/api/_probe/login")
    def login(request: Request) -> dict:
        account = users.by_password(site.workspace(), "reviewer", "correct horse battery")
        assert account is not None
        log_in(request, account)
        return {"csrf": csrf_token(request)}

    client.app.include_router(router)  # type: ignore[attr-defined]
    csrf = client.post("/api/_probe/login").json()["csrf"]
    assert client.get("/api/_probe/read").status_code == 200
    refused = client.post("/api/_probe/review")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf"
    assert client.post("/api/_probe/review", headers={"X-CSRF-Token": csrf}).status_code == 200


def test_passwords_are_checked_and_never_stored_plain(site: Site) -> None:
    import sqlite3

    from raqib.services import users

    ws = site.workspace()
    assert users.by_password(ws, "admin", "correct horse battery") is not None
    assert users.by_password(ws, "admin", "wrong") is None
    assert users.by_password(ws, "nobody", "correct horse battery") is None
    with sqlite3.connect(site.root / "raqib.db") as db:
        stored = [row[0] for row in db.execute("select password_hash from users")]
        tokens = [row[0] for row in db.execute("select token_sha256 from api_tokens")]
    assert all(h.startswith("$argon2id$") for h in stored)
    assert site.tokens["admin"] not in tokens and all(len(t) == 64 for t in tokens)
