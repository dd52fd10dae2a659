"""``among``: a large set of ids as one parameter, the same answer on both backends."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from backends import Backend
from raqib.store.engine import transaction
from raqib.store.idsets import among, id_rows, pair_rows
from raqib.store.models import Source


def test_among_selects_exactly_the_listed_ids(tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            session.add_all(Source(name=f"source {n}") for n in range(50))
        with ws.sessions() as session:
            ids = session.execute(select(Source.id).order_by(Source.id)).scalars().all()
            wanted = set(ids[::3]) | {10**12}  # one id that no row has
            # far more ids than SQLite allows parameters in one statement
            many = list(wanted) + list(range(-40_000, 0))

            def found(values: object) -> set[int]:
                return set(session.execute(select(Source.id).where(
                    among(session, Source.id, values))).scalars())  # type: ignore[arg-type]

            assert found(many) == set(ids[::3])
            assert found([]) == set()
            assert found(iter(ids[:2])) == set(ids[:2])
    finally:
        ws.close()


def test_id_rows_and_pair_rows_give_a_row_for_each_value(tmp_path: Path, backend: Backend
                                                        ) -> None:
    """What a pass of linking writes from: every id in its order (repeats kept), and every
    pair with its key and value in their places, beyond SQLite's limit of parameters."""
    ws = backend.create(tmp_path / "ws")
    try:
        with ws.sessions() as session:
            ids = [5, 3, 5, 10**12, *range(40_000)]
            rows = id_rows(session, ids)
            assert list(session.execute(select(rows.c.value)).scalars()) == ids
            pairs = [(n, 3 * n + 1) for n in range(40_000, 0, -1)] + [(10**12, 7)]
            rows = pair_rows(session, pairs)
            assert session.execute(select(rows.c.key, rows.c.value)).all() == pairs
            assert session.execute(select(id_rows(session, []).c.value)).all() == []
    finally:
        ws.close()
