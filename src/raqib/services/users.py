"""Users of the web application and the API: roles, passwords, API tokens.

Passwords are hashed with Argon2id (argon2-cffi); API tokens are random (32 bytes,
URL-safe) and only their SHA-256 is stored, so a stolen database yields no usable token.
Creating, disabling and re-enabling users is recorded in the custody log (action
``review``, target ``user:NAME``), like every other change people make.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from raqib.errors import RaqibError
from raqib.services.incidents import ensure_schema
from raqib.services.reviews import record_review
from raqib.store.engine import transaction
from raqib.store.models import ApiToken, User
from raqib.vault.custody import db_now
from raqib.workspace import Workspace

ROLES = ("admin", "analyst", "reviewer", "viewer")
TOKEN_PREFIX = "rq_"


class UserProblem(RaqibError):
    """A user name, role or password that cannot be used."""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    role: str
    disabled: bool


def _hasher() -> PasswordHasher:
    return PasswordHasher()


def _account(row: User) -> Account:
    return Account(row.id, row.name, row.role, row.disabled)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add(ws: Workspace, name: str, role: str, by: str, password: str | None = None
        ) -> tuple[Account, str]:
    """Create a user; returns the account and a new API token (shown once)."""
    name = name.strip()
    if not name or len(name) > 120 or any(c.isspace() for c in name):
        raise UserProblem(f"user name {name!r} must be 1-120 characters without spaces")
    if role not in ROLES:
        raise UserProblem(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    ensure_schema(ws)
    with transaction(ws.sessions) as session:
        if session.execute(select(User).where(User.name == name)).scalar_one_or_none():
            raise UserProblem(f"a user named {name!r} already exists")
        row = User(name=name, role=role, disabled=False, created_at=db_now(),
                   password_hash=_hasher().hash(password) if password else None)
        session.add(row)
        session.flush()
        token = _new_token(session, row.id)
        record_review(session, f"user:{name}", "add", {}, {"role": role}, None, by)
    return _account(row), token


def _new_token(session, user_id: int) -> str:  # type: ignore[no-untyped-def]
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user_id, token_sha256=token_digest(token),
                         created_at=db_now()))
    return token


def new_token(ws: Workspace, name: str, by: str) -> str:
    with transaction(ws.sessions) as session:
        row = _by_name(session, name)
        token = _new_token(session, row.id)
        record_review(session, f"user:{name}", "token", {}, {}, None, by)
    return token


def set_password(ws: Workspace, name: str, password: str, by: str) -> None:
    if len(password) < 8:
        raise UserProblem("a password needs at least 8 characters")
    with transaction(ws.sessions) as session:
        _by_name(session, name).password_hash = _hasher().hash(password)
        record_review(session, f"user:{name}", "password", {}, {}, None, by)


def set_disabled(ws: Workspace, name: str, disabled: bool, by: str) -> None:
    with transaction(ws.sessions) as session:
        row = _by_name(session, name)
        before = row.disabled
        row.disabled = disabled
        record_review(session, f"user:{name}", "disable" if disabled else "enable",
                      {"disabled": before}, {"disabled": disabled}, None, by)


def listing(ws: Workspace) -> list[Account]:
    ensure_schema(ws)
    with ws.sessions() as session:
        return [_account(r) for r in session.execute(select(User).order_by(User.name)).scalars()]


def _by_name(session, name: str) -> User:  # type: ignore[no-untyped-def]
    row = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    if row is None:
        raise UserProblem(f"no user named {name!r}")
    return row


def by_token(ws: Workspace, token: str) -> Account | None:
    """The enabled user holding ``token``, or None (every API request asks: four columns on
    a connection, not an ORM object in a session)."""
    with ws.engine.connect() as conn:
        row = conn.execute(
            select(User.id, User.name, User.role, User.disabled)
            .join(ApiToken, ApiToken.user_id == User.id)
            .where(ApiToken.token_sha256 == token_digest(token))).one_or_none()
    return None if row is None or row.disabled else Account(*row)


def by_password(ws: Workspace, name: str, password: str) -> Account | None:
    """The enabled user ``name`` if ``password`` is theirs, or None (same work either way)."""
    with ws.sessions() as session:
        row = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    stored = row.password_hash if row is not None and row.password_hash else None
    try:
        _hasher().verify(stored or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return None if row is None or row.disabled or stored is None else _account(row)


def by_id(ws: Workspace, user_id: int) -> Account | None:
    with ws.sessions() as session:
        row = session.get(User, user_id)
        return None if row is None or row.disabled else _account(row)


_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$"
    "RdescudvJCsgt3ub+b+dWRWJTmaaJObG2Oq0Fj1bH2s"
)
"""Verified against when a user does not exist, so that timing does not tell names apart."""
