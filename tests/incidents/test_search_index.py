"""The full-text index on both backends (``backend``, tests/conftest.py): SQLite FTS5 and
PostgreSQL tsvector/GIN give the same results: safe queries, replace by id, ranking and its
fallback. tests/server/test_pg_search.py compares the two on the samples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import Backend
from raqib.search import SearchIndex, for_session
from raqib.search.postgres_fts import ts_query
from raqib.search.sqlite_fts import fts_query
from raqib.store.engine import transaction
from raqib.workspace import Workspace


def test_user_words_become_quoted_terms() -> None:
    assert fts_query('chlorine Aleppo') == '"chlorine" "Aleppo"'
    assert fts_query('bomb* OR NEAR("x" AND') == '"bomb"* "OR" "NEAR" "x" "AND"'
    assert fts_query("قصف حلب") == '"قصف" "حلب"'
    assert fts_query('"()*') == ""
    assert ts_query("chlorine Aleppo") == "'chlorine' & 'Aleppo'"
    assert ts_query('bomb* OR NEAR("x" AND') == "'bomb':* & 'OR' & 'NEAR' & 'x' & 'AND'"
    assert ts_query("قصف حلب") == "'قصف' & 'حلب'"
    assert ts_query("'\"()*:&|!") == ""


@pytest.fixture
def ws(tmp_path: Path, backend: Backend) -> Iterator[Workspace]:
    workspace = backend.create(tmp_path / "ws")
    yield workspace
    workspace.close()


def test_add_replaces_and_remove_deletes(ws: Workspace) -> None:
    with transaction(ws.sessions) as session:
        index = for_session(session)
        index.add("document", 7, "Shelling of Douma", "shells struck the market")
        index.add("document", 7, "Shelling of Douma", "rockets struck the bakery")
        index.add("report", 7, "", "rockets struck the bakery")
    with ws.sessions() as session:
        index = for_session(session)
        assert index.query("market") == []
        hits = index.query("bakery")
        assert {(h.kind, h.ref) for h in hits} == {("document", 7), ("report", 7)}
        assert [h.kind for h in index.query("bakery", kinds=("report",))] == ["report"]
        snippets = index.snippets("bakery", hits)
        assert all("[[bakery]]" in h.snippet for h in snippets)
    with transaction(ws.sessions) as session:
        for_session(session).remove("report", 7)
    with ws.sessions() as session:
        assert [h.kind for h in for_session(session).query("bakery")] == ["document"]


def test_title_words_rank_first_and_broad_queries_fall_back_to_newest(
    ws: Workspace, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    with transaction(ws.sessions) as session:
        index = for_session(session)
        index.add("document", 1, "Market", "a strike hit the town")
        index.add("document", 2, "Strike on the market", "the market burned")
        index.add("document", 3, "Aid convoy", "a strike near the market road")
    with ws.sessions() as session:
        assert for_session(session).query("strike")[0].ref == 2
        assert not for_session(session).common("strike")
        monkeypatch.setattr(SearchIndex, "rank_limit", 2)
        assert for_session(session).common("strike")
        assert not for_session(session).common("convoy")
        assert [h.ref for h in for_session(session).query("strike")] == [3, 2, 1]


def test_every_match_unordered_scores_as_the_best_first(ws: Workspace) -> None:
    """``ranked(words, None)``: every match, with the scores the ordered form gives."""
    with transaction(ws.sessions) as session:
        index = for_session(session)
        for n in range(1, 8):
            index.add("document", n, "Strike" if n % 3 == 0 else "Report",
                      "a strike " * n + "on the market")
        index.add("document", 9, "Convoy", "no match here")
    with ws.sessions() as session:
        index = for_session(session)
        ordered = session.execute(index.ranked("strike", 3)).all()  # type: ignore[arg-type]
        every = session.execute(index.ranked("strike", None)).all()  # type: ignore[arg-type]
    assert [r.ref for r in ordered] == [r.ref for r in sorted(
        every, key=lambda r: (-r.score, r.ref))][:3]
    assert {r.ref for r in every} == set(range(1, 8))
    assert {(r.ref, r.code) for r in ordered} <= {(r.ref, r.code) for r in every}
    scores = {r.ref: r.score for r in every}
    assert all(abs(scores[r.ref] - r.score) < 1e-9 for r in ordered)


WORDS = [
    ("chlorine", {1, 3}),
    ("CHLORINE aleppo", {1}),
    ("chlor*", {1, 3}),
    ("chlor", set()),
    ("قصف", {2}),
    ("حلب قصف", {2}),
    ("cafe", {4}),
    ("Café", {4}),
    ("gas", {3}),
    ('chlorine" OR NEAR(', set()),
    ("!!", set()),
]


def test_the_same_words_match_the_same_entries(ws: Workspace) -> None:
    with transaction(ws.sessions) as session:
        index = for_session(session)
        index.add("document", 1, "Chlorine in Aleppo", "shells carrying chlorine fell")
        index.add("document", 2, "قصف حلب", "قصف مدفعي على الأحياء الغربية")
        index.add("report", 3, "", "a chlorine-gas attack was reported")
        index.add("document", 4, "Le café", "un café bombardé")
    with ws.sessions() as session:
        index = for_session(session)
        found = {words: {h.ref for h in index.query(words)} for words, _ in WORDS}
    assert found == dict(WORDS)
