"""Full-text search over documents and reports, behind one interface.

``SearchIndex`` is what services call; ``for_session`` picks the implementation for the
session's database: SQLite FTS5 on a laptop, a PostgreSQL tsvector/GIN index in server mode.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import TextualSelect

from raqib.search.folding import fold

KINDS = {"document": 0, "report": 1}
"""Each entry's key is ``ref * 4 + code``: its kind and id in one integer."""
CODES = {code: kind for kind, code in KINDS.items()}
Entry = tuple[str, int, str, str]
"""kind, id, title, body."""
RANK_LIMIT = 20_000
"""Words in more entries than this are answered newest first: ranking them would cost a pass
over most of the index, and a word in most documents says little about relevance."""


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


def rowid(kind: str, ref: int) -> int:
    """An entry's key in the index: its kind and id in one integer."""
    return ref * 4 + KINDS[kind]


def key_of(kind: str, ref: ColumnElement[int]) -> ColumnElement[int]:
    """``rowid`` in SQL: the index key of the entry of ``kind`` whose id is the column ``ref``."""
    return ref * 4 + KINDS[kind]


def entry_params(entries: Sequence[Entry]) -> list[dict[str, object]]:
    """The bound parameters of each entry's row, its words' Arabic spelling folded
    (``folding``: what is searched is folded alike)."""
    return [{"id": rowid(kind, ref), "k": kind, "r": ref, "t": fold(title or ""),
             "b": fold(body or "")} for kind, ref, title, body in entries]


def pick_snippet(body: str, title: str) -> str:
    """The body's snippet when the words are found there, else the title's (a title hit
    shows its title marked, not the opening of a body without a mark)."""
    return body if "[[" in body or "[[" not in title else title


_TERM = re.compile(r"[\w\u0600-\u06FF]+\*?")


def terms(words: str) -> list[tuple[str, bool]]:
    """The searchable words of user input, each with whether it ends in ``*`` (a prefix):
    only letters, digits and Arabic letters, so no quote or operator reaches a query; their
    Arabic spelling folded as the index's is."""
    found = []
    for term in _TERM.findall(fold(words)):
        prefix = term.endswith("*")
        term = term.rstrip("*")
        if term:
            found.append((term, prefix))
    return found


class SearchIndex(ABC):
    """What services call. The two implementations write and rank their own way; adding one
    entry and the list of hits are shared here."""

    rank_limit = RANK_LIMIT

    def __init__(self, session: Session) -> None:
        self.session = session

    @abstractmethod
    def add_many(self, entries: Sequence[Entry]) -> None:
        """Index the entries, each replacing the one with the same kind and id, in one
        statement."""

    @abstractmethod
    def remove(self, kind: str, ref: int) -> None: ...

    @abstractmethod
    def common(self, text: str) -> bool:
        """Whether the words are in more than ``rank_limit`` entries (then ``ranked`` gives
        the newest first, all scored 0)."""

    @abstractmethod
    def ranked(self, text: str, limit: int | None, common: bool | None = None
               ) -> TextualSelect | None:
        """The best ``limit`` entries, best first, as a SQL select with columns ``ref``,
        ``code`` (the kind's code in ``KINDS``) and ``score`` (larger is better), for a
        caller to join in SQL (to reports, incidents) rather than carry thousands of hits
        through Python; None when the words hold nothing to search for. ``limit`` None: every
        match, scored but in no order (for a caller that orders after joining: sorting them
        all first cost more than scoring them). ``common``: ``common(text)`` when the caller
        has asked already."""

    @abstractmethod
    def contains(self, text: str, key: ColumnElement[int]) -> ColumnElement[bool]:
        """A SQL condition: the entry whose key (``key_of``) is ``key`` holds the words (for
        a correlated ``EXISTS``: a few index look-ups per row, whatever the words)."""

    @abstractmethod
    def snippets(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The same hits with their snippets filled in."""

    def add(self, kind: str, ref: int, title: str, body: str) -> None:
        self.add_many([(kind, ref, title, body)])

    def query(self, text: str, kinds: tuple[str, ...] = ("document", "report"),
              limit: int = 1000) -> list[Hit]:
        """The best ``limit`` hits of the wanted kinds, best first, without snippets."""
        ranked = self.ranked(text, limit * len(KINDS))
        if ranked is None:
            return []
        wanted = {KINDS[k] for k in kinds if k in KINDS}
        return [Hit(CODES[code], int(ref), "", float(score))
                for ref, code, score in self.session.execute(ranked) if code in wanted][:limit]


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
