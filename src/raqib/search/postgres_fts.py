"""The PostgreSQL implementation of ``SearchIndex``: a tsvector column under GIN (migration 0005).

Same contract as ``sqlite_fts``: each entry's ``id`` encodes its kind and id (``ref * 4 +
kind code``), so replacing and removing are primary-key lookups; queries are words, not
tsquery syntax (each word is quoted, all must match, a trailing ``*`` keeps a prefix search);
the ``raqib`` text search configuration folds case and accents without stemming, like FTS5's
``unicode61 remove_diacritics 2``. Ranking is ``ts_rank`` with the title weighted twice the
body (larger is better); above ``rank_limit`` matches the newest entries come first instead
(walking the primary key backwards, which stops after ``limit`` matches). Whether a query
is above the limit is counted exactly (capped) near the limit, and taken from the planner's
estimate (the column's word statistics) when that is far above it.
Snippets come from ``ts_headline`` with the hits marked as [[...]].
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Float,
    Integer,
    bindparam,
    column,
    exists,
    func,
    literal_column,
    text,
)
from sqlalchemy import table as sql_table
from sqlalchemy.sql.selectable import TextualSelect

from raqib.search import Entry, Hit, SearchIndex, entry_params, pick_snippet, rowid, terms

ESTIMATE_FACTOR = 2
"""Above this many times the rank limit, the planner's estimate of the matches is trusted."""
CONFIG = "raqib"
WEIGHTS = "{0, 0, 0.5, 1.0}"
"""ts_rank's weights for D, C, B (body) and A (title)."""
HEADLINE = 'StartSel=[[, StopSel=]], MaxWords=16, MinWords=8, MaxFragments=1'
ELLIPSIS = " … "
INDEX = sql_table("search_index", column("id", BigInteger), column("tsv"))
WHERE = f"tsv @@ to_tsquery('{CONFIG}', :q)"
"""The match condition of the text queries (the words bound as :q)."""


def ts_query(words: str) -> str:
    """User words as a safe ``to_tsquery`` text; '' when there is nothing to search for."""
    return " & ".join(f"'{term}'" + (":*" if prefix else "") for term, prefix in terms(words))


class PostgresSearch(SearchIndex):
    def add_many(self, entries: Sequence[Entry]) -> None:
        if entries:
            self.session.execute(
                text("INSERT INTO search_index (id, kind, ref, title, body) "
                     "VALUES (:id, :k, :r, :t, :b) ON CONFLICT (id) DO UPDATE "
                     "SET kind = EXCLUDED.kind, ref = EXCLUDED.ref, title = EXCLUDED.title, "
                     "body = EXCLUDED.body"), entry_params(entries))

    def remove(self, kind: str, ref: int) -> None:
        self.session.execute(text("DELETE FROM search_index WHERE id = :id"),
                             {"id": rowid(kind, ref)})

    def common(self, words: str) -> bool:
        match = ts_query(words)
        return bool(match) and self._matches(match) > self.rank_limit

    def ranked(self, words: str, limit: int | None, common: bool | None = None
               ) -> TextualSelect | None:
        match = ts_query(words)
        if not match:
            return None
        if common is None:
            common = self.common(words)
        params: dict[str, object] = {"q": match}
        if not common:
            # Few matches (the GIN index finds them): rank them all.
            sql = (f"SELECT id / 4 AS ref, id % 4 AS code, ts_rank('{WEIGHTS}', tsv, "
                   f"to_tsquery('{CONFIG}', :q), 1) AS score FROM search_index WHERE {WHERE}")
            order = " ORDER BY score DESC, id"
        else:  # a word in most entries: walk the primary key from the newest, stop after :n
            sql = (f"SELECT id / 4 AS ref, id % 4 AS code, 0.0 AS score FROM search_index "
                   f"WHERE {WHERE}")
            order = " ORDER BY id DESC"
        if limit is not None:
            sql += order + " LIMIT :n"
            params["n"] = limit
        return text(sql).bindparams(**params).columns(ref=BigInteger, code=Integer, score=Float)

    def contains(self, words: str, key: ColumnElement[int]) -> ColumnElement[bool]:
        query = func.to_tsquery(literal_column(f"'{CONFIG}'::regconfig"), ts_query(words))
        return exists().where(INDEX.c.id == key, INDEX.c.tsv.op("@@")(query))

    def _matches(self, match: str) -> int:
        """How many entries match: the planner's estimate when that is far above the rank
        limit, else counted exactly up to just above it."""
        estimate = self._estimate(match)
        if estimate > ESTIMATE_FACTOR * self.rank_limit:
            return estimate
        return int(self.session.execute(
            text(f"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE {WHERE} "
                 "LIMIT :cap) AS m"), {"q": match, "cap": self.rank_limit + 1}).scalar_one())

    def _estimate(self, match: str) -> int:
        """The planner's estimate of the matches (from the column's word statistics): counting
        tens of thousands of matches exactly costs tens of milliseconds."""
        plan = self.session.execute(
            text(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search_index WHERE {WHERE}"), {"q": match}
        ).scalar_one()
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return int(plan[0]["Plan"]["Plan Rows"])

    def snippets(self, words: str, hits: list[Hit]) -> list[Hit]:
        """The same hits with their snippets (the best-matching words, hits in [[...]])."""
        match = ts_query(words)
        if not match or not hits:
            return hits
        query = text(
            f"SELECT id, body, ts_headline('{CONFIG}', body, to_tsquery('{CONFIG}', :q), :opts), "
            f"title, ts_headline('{CONFIG}', title, to_tsquery('{CONFIG}', :q), :opts) "
            "FROM search_index WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        rows = self.session.execute(
            query, {"q": match, "opts": HEADLINE, "ids": [rowid(h.kind, h.ref) for h in hits]})
        found = {key: pick_snippet(_ellipsised(body, in_body), _ellipsised(title, in_title))
                 for key, body, in_body, title, in_title in rows}
        return [Hit(h.kind, h.ref, found.get(rowid(h.kind, h.ref), ""), h.score) for h in hits]


def _ellipsised(body: str, headline: str) -> str:
    """Mark cut text with " … " at either end, as FTS5's snippet does."""
    plain = headline.replace("[[", "").replace("]]", "")
    start = body.find(plain)
    if start < 0 or not plain:
        return headline
    before = ELLIPSIS if body[:start].strip() else ""
    after = ELLIPSIS if body[start + len(plain):].strip() else ""
    return before + headline + after
