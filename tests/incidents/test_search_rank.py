"""The best hits are chosen by the score they report: the top of a short list is the top of a
long one (migration 0006 made SQLite's ``ORDER BY rank`` the title-weighted score)."""

from __future__ import annotations

from pathlib import Path

from raqib.search import for_session
from raqib.store.engine import transaction
from raqib.workspace import Workspace


def test_the_best_hit_does_not_depend_on_the_limit(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws")
    with transaction(ws.sessions) as session:
        index = for_session(session)
        # A title hit in a longer entry against a body hit in a short one: with equal column
        # weights the short body hit ranks first; with the title counted twice, the title hit.
        index.add("document", 1, "Chlorine attack", "word word word word word word")
        index.add("document", 2, "Night", "a chlorine barrel fell")
        for n in range(10):
            index.add("document", 10 + n, f"Other {n}", f"filler words {n}")
    with ws.sessions() as session:
        index = for_session(session)
        longer = index.query("chlorine", limit=10)
        assert [h.ref for h in longer] == [1, 2]
        assert longer[0].score > longer[1].score
        assert [h.ref for h in index.query("chlorine", limit=1)] == [1]
