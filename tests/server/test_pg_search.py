"""The search interface on both backends: SQLite FTS5 and PostgreSQL tsvector/GIN give the
same results on the cases of tests/incidents/test_search_index.py, and on the samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clirun import run
from raqib.search import for_session, postgres_fts, sqlite_fts
from raqib.search.postgres_fts import ts_query
from raqib.store.engine import transaction
from raqib.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "public"
RANKERS = {"sqlite": sqlite_fts, "postgresql": postgres_fts}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def ws(backend: str, tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    url = request.getfixturevalue("pg_url") if backend == "postgresql" else None
    workspace = Workspace.create(tmp_path / "ws", url)
    yield workspace
    workspace.close()


def test_user_words_become_quoted_terms() -> None:
    assert ts_query("chlorine Aleppo") == "'chlorine' & 'Aleppo'"
    assert ts_query('bomb* OR NEAR("x" AND') == "'bomb':* & 'OR' & 'NEAR' & 'x' & 'AND'"
    assert ts_query("قصف حلب") == "'قصف' & 'حلب'"
    assert ts_query("'\"()*:&|!") == ""


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
    ws: Workspace, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with transaction(ws.sessions) as session:
        index = for_session(session)
        index.add("document", 1, "Market", "a strike hit the town")
        index.add("document", 2, "Strike on the market", "the market burned")
        index.add("document", 3, "Aid convoy", "a strike near the market road")
    with ws.sessions() as session:
        assert for_session(session).query("strike")[0].ref == 2
        monkeypatch.setattr(RANKERS[backend], "RANK_LIMIT", 2)
        assert [h.ref for h in for_session(session).query("strike")] == [3, 2, 1]


@pytest.mark.parametrize(("words", "expected"), [
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
])
def test_same_words_match_on_both_backends(ws: Workspace, words: str, expected: set) -> None:
    with transaction(ws.sessions) as session:
        index = for_session(session)
        index.add("document", 1, "Chlorine in Aleppo", "shells carrying chlorine fell")
        index.add("document", 2, "قصف حلب", "قصف مدفعي على الأحياء الغربية")
        index.add("report", 3, "", "a chlorine-gas attack was reported")
        index.add("document", 4, "Le café", "un café bombardé")
    with ws.sessions() as session:
        assert {h.ref for h in for_session(session).query(words)} == expected


def _search(ws: Path, *words: str) -> list[tuple]:
    code, out = run(ws, "search", *words, "--json")
    assert code == 0, out
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    for row in rows:  # the words around a hit and the score are each engine's own
        row.pop("snippet", None)
        row.pop("snippet_html", None)
        row.pop("score", None)
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


def test_samples_search_the_same_on_sqlite_and_postgresql(tmp_path: Path, pg_url: str) -> None:
    roots = {}
    for name, url in (("sqlite", None), ("postgresql", pg_url)):
        root = tmp_path / name
        args = ["init", str(root)] + (["--database", url] if url else [])
        assert run(None, *args)[0] == 0
        code, out = run(root, "ingest", "--process", str(SAMPLES))
        assert code == 0, out
        roots[name] = root
    for words in (["chlorine"], ["Aleppo"], ["shell*"], ["قصف"], ["chlorine", "Aleppo"],
                  ["nothingmatchesthis"]):
        lite, pg = _search(roots["sqlite"], *words), _search(roots["postgresql"], *words)
        assert lite == pg, words
    lite = {(h.kind, h.ref) for h in _index_hits(roots["sqlite"], "chlorine")}
    pg = {(h.kind, h.ref) for h in _index_hits(roots["postgresql"], "chlorine")}
    assert lite and lite == pg


def _index_hits(root: Path, words: str):  # type: ignore[no-untyped-def]
    ws = Workspace.open(root)
    try:
        with ws.sessions() as session:
            return for_session(session).query(words)
    finally:
        ws.close()
