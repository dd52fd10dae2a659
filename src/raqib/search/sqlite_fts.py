"""The SQLite implementation of ``SearchIndex``: an FTS5 table (migration 0002).

Each entry's rowid encodes its kind and id (``ref * 4 + kind code``), so adding, replacing
and removing an entry are lookups by rowid, never scans. Queries are words, not FTS5 syntax:
each word is quoted (so punctuation and operators in user input are harmless) and all must
match; a trailing ``*`` keeps a prefix search. Ranking is FTS5's bm25 (title weighted twice
the body), negated so that larger is better; snippets are made only for the hits returned.
A query matching more than ``rank_limit`` entries (words in most documents, where relevance
ranking says little and costs a pass over every match) returns the newest entries first
instead, in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    bindparam,
    column,
    exists,
    literal_column,
    text,
)
from sqlalchemy import table as sql_table
from sqlalchemy.sql.selectable import TextualSelect

from raqib.search import Entry, Hit, SearchIndex, entry_params, pick_snippet, rowid, terms

FTS = sql_table("search_index", column("rowid", Integer))


def fts_query(words: str) -> str:
    """User words as a safe FTS5 query; '' when there is nothing to search for."""
    return " ".join(f'"{term}"' + ("*" if prefix else "") for term, prefix in terms(words))


class SqliteSearch(SearchIndex):
    def add_many(self, entries: Sequence[Entry]) -> None:
        if entries:  # FTS5 honours OR REPLACE on the rowid: the old entry's words go too
            self.session.execute(
                text("INSERT OR REPLACE INTO search_index (rowid, kind, ref, title, body) "
                     "VALUES (:id, :k, :r, :t, :b)"), entry_params(entries))

    def remove(self, kind: str, ref: int) -> None:
        self.session.execute(text("DELETE FROM search_index WHERE rowid = :id"),
                             {"id": rowid(kind, ref)})

    def common(self, words: str) -> bool:
        match = fts_query(words)
        return bool(match) and self.session.execute(
            text("SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH :q "
                 "LIMIT :cap)"), {"q": match, "cap": self.rank_limit + 1}
        ).scalar_one() > self.rank_limit

    def ranked(self, words: str, limit: int | None, common: bool | None = None
               ) -> TextualSelect | None:
        match = fts_query(words)
        if not match:
            return None
        if common is None:
            common = self.common(words)
        # 'rank' is the table's title-weighted bm25 (migration 0006), negative (smaller is
        # better): one measure orders and scores.
        order, score = ("rowid DESC", "0.0") if common else ("rank", "-rank")
        sql = (f"SELECT rowid / 4 AS ref, rowid % 4 AS code, {score} AS score "  # constants only
               "FROM search_index WHERE search_index MATCH :q")
        params: dict[str, object] = {"q": match}
        if limit is not None:  # FTS5's ORDER BY rank sorts every match: 2.5x the scoring
            sql += f" ORDER BY {order} LIMIT :n"
            params["n"] = limit
        return text(sql).bindparams(**params).columns(ref=Integer, code=Integer, score=Float)

    def contains(self, words: str, key: ColumnElement[int]) -> ColumnElement[bool]:
        # MATCH with the rowid fixed: FTS5 seeks each word's list to that rowid
        return exists().where(literal_column("search_index").op("MATCH")(fts_query(words)),
                              FTS.c.rowid == key)

    def snippets(self, words: str, hits: list[Hit]) -> list[Hit]:
        """The same hits with their snippets (the best-matching words, hits in [[...]])."""
        match = fts_query(words)
        if not match or not hits:
            return hits
        query = text(
            "SELECT rowid, snippet(search_index, 3, '[[', ']]', ' … ', 16), "
            "snippet(search_index, 2, '[[', ']]', ' … ', 16) FROM search_index "
            "WHERE search_index MATCH :q AND rowid IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        found = {key: pick_snippet(body, title) for key, body, title in self.session.execute(
            query, {"q": match, "ids": [rowid(h.kind, h.ref) for h in hits]})}
        return [Hit(h.kind, h.ref, found.get(rowid(h.kind, h.ref), ""), h.score) for h in hits]
