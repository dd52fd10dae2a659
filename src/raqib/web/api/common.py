"""What every API router shares: the error shape in the spec, pagination, the workspace."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Path, Query, Request
from pydantic import BaseModel

from raqib.services.answers import Answers
from raqib.services.users import Account
from raqib.web.auth import allowed
from raqib.workspace import Workspace

T = TypeVar("T")
MAX_PER_PAGE = 200


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    """The one shape of every error the API returns."""

    error: ErrorDetail


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("A value the domain cannot use"),
    401: _error("No valid credentials"),
    403: _error("The role lacks the permission, or a missing CSRF token"),
    404: _error("No such item"),
    422: _error("Invalid parameters or body"),
}
"""Error responses documented on every API route (so the spec is complete)."""

OPEN_ERRORS = {k: v for k, v in ERRORS.items() if k not in (401, 403, 404)}


# The dependencies that only read the request are ``async``: FastAPI runs a plain ``def``
# dependency in its thread pool, and each hop there cost about as much as a kept search.


async def get_workspace(request: Request) -> Workspace:
    return request.app.state.ws  # type: ignore[no-any-return]


WS = Annotated[Workspace, Depends(get_workspace)]


async def get_answers(request: Request) -> Answers | None:
    return request.app.state.answers  # type: ignore[no-any-return]


Kept = Annotated[Answers | None, Depends(get_answers)]
"""The app's answer cache (None when `raqib serve --answer-cache 0`)."""


ItemId = Annotated[int, Path(ge=1, le=2**53, description="an id")]
"""A path id (bounded, so that no database sees an integer it cannot hold)."""


class Paging(BaseModel):
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


async def paging(page: Annotated[int, Query(ge=1, le=1_000_000,
                                             description="Page, from 1")] = 1,
                 per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE,
                                                description="Items per page")] = 50) -> Paging:
    return Paging(page=page, per_page=per_page)


Pages = Annotated[Paging, Depends(paging)]


class Page(BaseModel, Generic[T]):
    """One page of a listing."""

    items: list[T]
    total: int
    page: int
    per_page: int


def page_of(items: list[Any], total: int, paging: Paging) -> dict[str, Any]:
    return {"items": items, "total": total, "page": paging.page, "per_page": paging.per_page}


def sensitive_ok(account: Account) -> bool:
    return allowed(account, "read_sensitive")
