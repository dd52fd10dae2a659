"""Words and filters together (``finder.find``), on both backends: each incident once, with
its best hit's snippet, the best-hit incidents first, the filters applied in the same SQL
statement; the type filter in any case and at either level of the taxonomy."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from backends import Backend
from clirun import run
from raqib.cli import incidents as cli_incidents
from raqib.search import SearchIndex, for_session
from raqib.services import finder
from raqib.services.answers import Answers, generation
from raqib.services.finder import Query, find
from raqib.services.search import Filters
from raqib.store.engine import transaction
from raqib.store.models import Document, Incident, Report
from raqib.workspace import Workspace

NOW = datetime(2020, 1, 1)
ROWS = [  # incident id, sub-event type, day, contested, [(title, text), ...] one per document
    (1, "Air/drone strike", date(2019, 5, 1), False,
     [("Strike on the bakery", "Warplanes hit the queue."),
      ("Night report", "People said the bakery was hit at dawn.")]),
    (2, "Shelling/artillery/missile attack", date(2019, 5, 3), True,
     [("Shelling", "Shells fell near the bakery and the school.")]),
    (3, "Air/drone strike", date(2019, 5, 2), False, [("Market", "A strike on the market.")]),
]
EVENT_TYPE = "Explosions/Remote violence"


def _fill(ws) -> None:  # type: ignore[no-untyped-def]
    doc_id = 0
    with transaction(ws.sessions) as session:
        index = for_session(session)
        for incident_id, sub, day, contested, docs in ROWS:
            session.add(Incident(id=incident_id, event_type=EVENT_TYPE, sub_event_type=sub,
                                 event_date=day, contested=contested, summary={"reports": 1},
                                 corrections={}, created_at=NOW, updated_at=NOW))
            session.flush()
            for title, text in docs:
                doc_id += 1
                session.add(Document(id=doc_id, sha256=f"{doc_id:064x}", blob_key=f"k/{doc_id}",
                                     size=len(text), media_type="text/plain", status="new",
                                     sensitive=False, title=title, text=text, captured_at=NOW,
                                     ingested_at=NOW, ingested_by="t", leaf_index=-doc_id,
                                     meta={}))
                session.flush()
                session.add(Report(id=doc_id, document_id=doc_id, ordinal=0,
                                   incident_id=incident_id, event_type=EVENT_TYPE,
                                   sub_event_type=sub, event_date=day, fatalities=0, fields={},
                                   corrections={}, evidence=text, components=[],
                                   created_at=NOW))
                index.add("document", doc_id, title, text)
                index.add("report", doc_id, title, text)


def test_words_and_filters_in_one_statement(tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        found = find(ws, Query("bakery"), 1, 10)
        ids = [row["id"] for row in found.rows]
        assert sorted(ids) == [1, 2] and found.total == 2  # incident 1 once, for 4 hits
        assert ids[0] == 1  # the title hit ranks first
        assert found.rows[0]["snippet"] == "Strike on the [[bakery]]"  # its title, marked
        assert "[[bakery]]" in found.rows[1]["snippet"].lower()  # its body hit, marked
        assert found.facets["contested"] == {"false": 1, "true": 1}

        contested = find(ws, Query("bakery", Filters(contested=True)), 1, 10)
        assert [row["id"] for row in contested.rows] == [2]

        for wanted in ("air/drone STRIKE", "explosions/remote violence"):
            typed = find(ws, Query("strike", Filters(type=wanted)), 1, 10)
            assert sorted(row["id"] for row in typed.rows) == [1, 3], wanted
        alone = find(ws, Query("", Filters(type="air/drone strike")), 1, 10)
        assert [row["id"] for row in alone.rows] == [3, 1]  # newest first
        assert find(ws, Query("bakery", Filters(date_from=date(2019, 5, 2))), 1, 10
                    ).total == 1
        assert find(ws, Query("!!"), 1, 10).total == 0  # nothing searchable
    finally:
        ws.close()


def test_filters_choose_among_the_ranked_hits_and_change_none(
        tmp_path: Path, backend: Backend) -> None:
    """The filters are applied before each incident's best hit is picked (``within``): the
    incidents they let through come in the unfiltered order, with the same best hit."""
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        everyone = [(r["id"], r["snippet"]) for r in find(ws, Query("bakery"), 1, 10).rows]
        assert [i for i, _ in everyone] == [1, 2]
        for filters, kept in ((Filters(contested=False), {1}),
                              (Filters(contested=True), {2}),
                              (Filters(date_from=date(2019, 5, 1)), {1, 2}),
                              (Filters(type="air/drone strike"), {1}),
                              (Filters(grade="weak"), set())):
            found = find(ws, Query("bakery", filters), 1, 10)
            assert [(r["id"], r["snippet"]) for r in found.rows] == [
                pair for pair in everyone if pair[0] in kept], filters
            assert found.total == len(kept)
    finally:
        ws.close()


def test_words_in_too_many_entries_to_rank_still_meet_every_filter(
    tmp_path: Path, backend: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the rank limit the filters are not applied to a cut of the newest hits: the
    incidents that pass them are walked newest first and kept when they hold the words."""
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        ranked = find(ws, Query("bakery", Filters(contested=True)), 1, 10)
        monkeypatch.setattr(finder, "NEWEST_DEPTH", 1)
        assert find(ws, Query("strike"), 1, 1).total == 2  # ranked: every match, never cut
        monkeypatch.setattr(SearchIndex, "rank_limit", 1)
        with ws.sessions() as session:
            assert for_session(session).common("bakery")
        newest = find(ws, Query("bakery", Filters(contested=True)), 1, 10)
        assert [r["id"] for r in newest.rows] == [r["id"] for r in ranked.rows] == [2]
        assert "[[bakery]]" in newest.rows[0]["snippet"].lower()
        assert not newest.capped
        since = Filters(date_from=date(2019, 1, 1))  # a filter every incident passes
        everything = find(ws, Query("bakery", since), 1, 2)
        assert [r["id"] for r in everything.rows] == [2, 1]  # newest first, every one
        assert "[[bakery]]" in everything.rows[1]["snippet"].lower()  # its newest entry
        assert not everything.capped
        cut = find(ws, Query("bakery", since), 1, 1)
        assert [r["id"] for r in cut.rows] == [2] and cut.total == 1 and cut.capped
        deeper = find(ws, Query("bakery", since), 2, 1)  # a deeper page walks further
        assert [r["id"] for r in deeper.rows] == [1] and deeper.total == 2
        assert not deeper.capped  # no third one
        # no filter to miss: the incidents of the newest entries (2 x depth) holding the
        # words; more entries match than were taken, so it says capped
        plain = find(ws, Query("bakery"), 1, 2)
        assert [r["id"] for r in plain.rows] == [2, 1] and plain.capped
        assert "[[bakery]]" in plain.rows[0]["snippet"].lower()
        assert find(ws, Query("", Filters(type="air/drone strike")), 1, 1).total == 2
        monkeypatch.setattr(cli_incidents, "SEARCH_LIMIT", 1)
        code, out = run(ws.root, "search", "bakery", "--from", "2019-01-01")
        assert code == 0 and "1 of 1+ incidents (the first 1)" in out, out
    finally:
        ws.close()


def _generation(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.sessions() as session:
        return generation(session)


def test_every_write_to_what_searches_read_moves_the_generation(
    tmp_path: Path, backend: Backend
) -> None:
    """The triggers of migration 0011: an insert, an update and a delete on each table that
    answers are drawn from moves the number, whoever writes; other tables do not."""
    ws = backend.create(tmp_path / "ws")
    try:
        _fill(ws)
        writes = {
            "sources": ["INSERT INTO sources (id, name, kind, side, reliability) "
                        "VALUES (9, 's', 'ngo', 'unknown', 'F')",
                        "UPDATE sources SET side = 'opposition' WHERE id = 9"],
            "processing": ["INSERT INTO processing (document_id, source_id, status, components,"
                           " processed_at) VALUES (1, 9, 'done', '[]', '2020-01-01')",
                           "UPDATE processing SET status = 'failed' WHERE document_id = 1",
                           "DELETE FROM processing WHERE document_id = 1"],
            "incidents": ["UPDATE incidents SET grade = 'weak' WHERE id = 3"],
            "reports": ["UPDATE reports SET incident_id = 3 WHERE id = 1",
                        "DELETE FROM reports WHERE id = 4"],
            "documents": ["UPDATE documents SET sensitive = true WHERE id = 4"],
            "after": ["DELETE FROM sources WHERE id = 9", "DELETE FROM reports WHERE id = 3",
                      "DELETE FROM incidents WHERE id = 2"],
        }
        for table, statements in writes.items():
            for sql in statements:
                before = _generation(ws)
                with transaction(ws.sessions) as session:
                    session.execute(text(sql))
                assert _generation(ws) > before, (table, sql)
        before = _generation(ws)
        with transaction(ws.sessions) as session:  # PostgreSQL: once a transaction (each
            for _ in range(3):  # update of the one row would leave a version behind)
                session.execute(text("UPDATE incidents SET grade = 'fair' WHERE id = 3"))
        assert _generation(ws) - before == (1 if backend.name == "postgresql" else 3)
        before = _generation(ws)
        with transaction(ws.sessions) as session:  # users and the log are not searched
            session.execute(text("INSERT INTO users (name, role, disabled, created_at) "
                                 "VALUES ('u', 'viewer', false, '2020-01-01')"))
        assert _generation(ws) == before
    finally:
        ws.close()


def test_a_kept_answer_while_nothing_changes_and_never_after_a_write(
    tmp_path: Path, backend: Backend
) -> None:
    ws = backend.create(tmp_path / "ws")
    other = None
    try:
        _fill(ws)
        kept = Answers()
        question = Query("bakery", Filters(contested=False))
        first = find(ws, question, 1, 10, answers=kept)
        assert [r["id"] for r in first.rows] == [1]
        assert find(ws, question, 1, 10, answers=kept) is first  # kept, not computed
        assert find(ws, question, 2, 10, answers=kept) is not first  # another page
        assert (kept.counts.hits, kept.counts.misses) == (1, 2)
        mapped = finder.geo(ws, Query(), answers=kept)
        assert finder.geo(ws, Query(), answers=kept) is mapped == finder.geo(ws, Query())
        assert (kept.counts.hits, kept.counts.misses) == (2, 3)
        other = Workspace.open(ws.root)  # another engine: as another process would write
        with transaction(other.sessions) as session:
            session.execute(text("UPDATE incidents SET contested = false WHERE id = 2"))
        again = find(ws, question, 1, 10, answers=kept)
        assert sorted(r["id"] for r in again.rows) == [1, 2]  # the write is seen at once
        assert kept.counts.misses == 4
    finally:
        if other is not None:
            other.close()
        ws.close()


def test_arabic_snippets_come_back_in_their_own_spelling(tmp_path: Path,
                                                         backend: Backend) -> None:
    """The index keeps Arabic folded (``raqib.search.folding``); the hits' snippets are laid
    back on the words as written, hits marked, and stay folded if that text has changed."""
    ws = backend.create(tmp_path / "ws")
    title, body = "إصابة مدنيين في حلب", "ذكر مصدر أن المصابين نُقلوا إلى مشفى الرازي."
    try:
        with transaction(ws.sessions) as session:
            session.add(Incident(id=9, event_type=EVENT_TYPE, sub_event_type="Chemical weapon",
                                 event_date=date(2018, 11, 24), summary={"reports": 1},
                                 corrections={}, created_at=NOW, updated_at=NOW))
            session.add(Document(id=9, sha256=f"{9:064x}", blob_key="k/9", size=len(body),
                                 media_type="text/plain", status="new", sensitive=False,
                                 title=title, text=body, captured_at=NOW, ingested_at=NOW,
                                 ingested_by="t", leaf_index=-9, meta={}))
            session.flush()
            session.add(Report(id=9, document_id=9, ordinal=0, incident_id=9,
                               event_type=EVENT_TYPE, sub_event_type="Chemical weapon",
                               event_date=date(2018, 11, 24), fatalities=0, fields={},
                               corrections={}, evidence=body, components=[], created_at=NOW))
            for_session(session).add("document", 9, title, body)
        for words, marked in (("مشفي", "[[مشفى]]"), ("نقلوا", "[[نُقلوا]]"),
                              ("اصابة", "[[إصابة]]")):
            snippet = find(ws, Query(words), 1, 10).rows[0]["snippet"]
            assert marked in snippet, (words, snippet)
        with transaction(ws.sessions) as session:  # the text changed since it was indexed
            session.get(Document, 9).text = "نص آخر"  # type: ignore[union-attr]
        snippet = find(ws, Query("مشفي"), 1, 10).rows[0]["snippet"]
        assert "[[مشفي]]" in snippet  # left as indexed
    finally:
        ws.close()
