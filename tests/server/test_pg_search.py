"""SQLite FTS5 and PostgreSQL tsvector/GIN give the same results on the samples, through
`raqib search` and the index. The index's own cases run on both backends in
tests/incidents/test_search_index.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clirun import run
from raqib.search import for_session
from raqib.workspace import Workspace

pytestmark = pytest.mark.postgresql

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "public"


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


def test_entries_keep_their_tsvector_in_the_row(tmp_path: Path, pg_url: str) -> None:
    """Migration 0018: the tsvector that every row-by-row test of the words reads is stored
    MAIN (compressed in the row), not EXTENDED (moved out of line above ~2 kB a row, which
    cost a TOAST look-up per test)."""
    from sqlalchemy import text

    root = tmp_path / "ws"
    assert run(None, "init", str(root), "--database", pg_url)[0] == 0
    ws = Workspace.open(root)
    try:
        with ws.engine.connect() as conn:
            storage = dict(conn.execute(text(
                "SELECT attname, attstorage FROM pg_attribute "
                "WHERE attrelid = 'search_index'::regclass AND attname IN ('tsv', 'body')")).all())
    finally:
        ws.close()
    assert storage == {"tsv": "m", "body": "x"}
