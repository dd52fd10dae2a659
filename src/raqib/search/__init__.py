"""Full-text search over documents and reports, behind one interface.

``SearchIndex`` is what services call; ``for_session`` picks the implementation for the
session's database: SQLite FTS5 on a laptop, a PostgreSQL tsvector/GIN index in server mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Hit:
    kind: str
    """'document' or 'report'."""
    ref: int
    """The document's or report's id."""
    snippet: str
    """The best-matching words with the hits marked as [[...]] ('' until ``snippets``)."""
    score: float
    """Larger is better."""


class SearchIndex(Protocol):
    def add(self, kind: str, ref: int, title: str, body: str) -> None: ...

    def remove(self, kind: str, ref: int) -> None: ...

    def query(self, text: str, kinds: tuple[str, ...] = ("document", "report"),
              limit: int = 1000) -> list[Hit]:
        """The best ``limit`` hits, best first, without snippets."""
        ...

    def snippets(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The same hits with their snippets filled in."""
        ...


class SearchUnavailable(RuntimeError):
    """The database has no full-text index Raqib knows how to use."""


def for_session(session: Session) -> SearchIndex:
    name = session.get_bind().dialect.name
    if name == "sqlite":
        from raqib.search.sqlite_fts import SqliteSearch

        return SqliteSearch(session)
    if name == "postgresql":
        from raqib.search.postgres_fts import PostgresSearch

        return PostgresSearch(session)
    raise SearchUnavailable(f"full-text search is not implemented for {name} databases yet")
