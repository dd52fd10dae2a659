"""The SQLite implementation of ``SearchIndex``: an FTS5 table (migration 0002).

Queries are words, not FTS5 syntax: each word is quoted (so punctuation and operators in
user input are harmless) and all must match; a trailing ``*`` keeps a prefix search.
Scores are FTS5's bm25, negated so that larger is better.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

from raqib.search import Hit

_TERM = re.compile(r"[\w\u0600-\u06FF]+\*?")


def fts_query(words: str) -> str:
    """User words as a safe FTS5 query; '' when there is nothing to search for."""
    terms = []
    for term in _TERM.findall(words):
        prefix = term.endswith("*")
        term = term.rstrip("*")
        if term:
            terms.append(f'"{term}"' + ("*" if prefix else ""))
    return " ".join(terms)


class SqliteSearch:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, kind: str, ref: int, title: str, body: str) -> None:
        self.remove(kind, ref)
        self.session.execute(
            text("INSERT INTO search_index (kind, ref, title, body) VALUES (:k, :r, :t, :b)"),
            {"k": kind, "r": ref, "t": title or "", "b": body or ""},
        )

    def remove(self, kind: str, ref: int) -> None:
        self.session.execute(
            text("DELETE FROM search_index WHERE kind = :k AND ref = :r"), {"k": kind, "r": ref}
        )

    def query(self, words: str, kinds: tuple[str, ...] = ("document", "report"),
              limit: int = 1000) -> list[Hit]:
        match = fts_query(words)
        if not match:
            return []
        rows = self.session.execute(
            text(
                "SELECT kind, ref, snippet(search_index, 3, '[[', ']]', ' … ', 16), "
                "bm25(search_index, 0, 0, 2.0, 1.0) AS rank FROM search_index "
                "WHERE search_index MATCH :q ORDER BY rank LIMIT :n"
            ),
            {"q": match, "n": limit * 2},
        ).all()
        hits = [Hit(kind, int(ref), snip, -float(rank)) for kind, ref, snip, rank in rows
                if kind in kinds]
        return hits[:limit]
