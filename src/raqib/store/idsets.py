"""A large set of ids as one bound parameter: ``column IN (ids)`` without one parameter per id.

``column.in_(ids)`` renders one placeholder per id; with thousands of ids (a search's hits, its
matching incidents) building the statement and converting the parameters costs more than the
query itself (about 20 ms per search on PostgreSQL for 2,000 ids), and SQLite caps a statement
at 32,766 parameters. ``among`` passes the ids as one value instead: a PostgreSQL array
(``column = ANY(:ids)``) or, on SQLite, a JSON array read by ``json_each``.

``id_rows`` and ``pair_rows`` read such a value as rows, for statements that write a row for
each: a pass of linking creates its incidents and writes its placements with one statement per
batch (``raqib.services.placing``) instead of an executemany, whose per-row parameters cost
more than the database's own work.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import BigInteger, Integer, any_, cast, func, literal, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import FromClause


def among(session: Session, column: Any, ids: Iterable[int]) -> ColumnElement[bool]:
    """``column`` is one of ``ids``, as one parameter for the session's database."""
    values = [int(i) for i in ids]
    if _postgresql(session):
        return column == any_(_array(values))
    return column.in_(select(id_rows(session, values).c.value))


def id_rows(session: Session, ids: Iterable[int]) -> FromClause:
    """A row for each of ``ids`` (in their order, repeats kept), its one column ``value``."""
    values = [int(i) for i in ids]
    if _postgresql(session):
        return func.unnest(_array(values)).table_valued("value").render_derived()
    return func.json_each(json.dumps(values)).table_valued("value")


def pair_rows(session: Session, pairs: Iterable[tuple[int, int]]) -> FromClause:
    """A row for each pair, its columns ``key`` and ``value``: what an ``UPDATE ... FROM``
    joins to set one column by another (``key`` the row's id, ``value`` the new value)."""
    listed: Sequence[tuple[int, int]] = [(int(k), int(v)) for k, v in pairs]
    if _postgresql(session):
        keys, values = _array([k for k, _ in listed]), _array([v for _, v in listed])
        return func.unnest(keys, values).table_valued("key", "value").render_derived()
    each = func.json_each(json.dumps(listed)).table_valued("value")
    return select(cast(func.json_extract(each.c.value, "$[0]"), Integer).label("key"),
                  cast(func.json_extract(each.c.value, "$[1]"), Integer).label("value")
                  ).subquery()


def _postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _array(values: list[int]) -> ColumnElement[Any]:
    return literal(values, type_=ARRAY(BigInteger))
