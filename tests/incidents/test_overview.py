"""The dashboard's and incident list's numbers, computed by the database, agree with the
incidents listed one by one; on both backends."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from backends import Backend
from clirun import SIDED, processed_samples
from made_incidents import add_incident
from raqib.services import finder, overview
from raqib.services.finder import Query
from raqib.services.incidents import list_incidents
from raqib.services.search import Filters
from raqib.store.engine import transaction
from raqib.workspace import Workspace


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory, module_backend: Backend) -> Workspace:
    root = tmp_path_factory.mktemp("overview") / "ws"
    return processed_samples(root, module_backend.init_args(root))


def test_counts_and_chart_match_the_listed_incidents(ws: Workspace) -> None:
    listed = list_incidents(ws)
    assert len(listed) >= 3
    counts = overview.counts(ws)
    assert counts["incidents"] == len(listed)
    assert counts["contested"] == sum(1 for i in listed if i["contested"])
    assert counts["reports"] == sum(i["reports"] for i in listed)
    assert counts["documents"] >= len(SIDED) and counts["sensitive"] == 0
    assert overview.month_counts(ws) == Counter(
        (i["event_date"][:7], i["event_type"] or "unknown") for i in listed if i["event_date"])
    assert overview.event_types(ws) == sorted({i["event_type"] or "unknown" for i in listed})


def test_newest_pages_and_map_follow_the_list_order(ws: Workspace) -> None:
    listed = list_incidents(ws)  # by date, then id
    ids = [i["id"] for i in listed]
    assert overview.newest(ws, 2) == ids[::-1][:2]
    assert overview.newest(ws, 50, contested=True) == [i["id"] for i in listed[::-1]
                                                        if i["contested"]]
    first, second = overview.page(ws, 1, 2), overview.page(ws, 2, 2)
    assert first.ids + second.ids == ids[:4]
    assert first.total == len(ids) and first.pages == -(-len(ids) // 2)
    assert overview.page(ws, 999, 2) == overview.page(ws, first.pages, 2)  # kept in range
    placed = [i for i in listed if i["latitude"] is not None]
    points, total = overview.mapped(ws, 2), overview.placed_count(ws)
    assert total == len(placed)
    assert [p["id"] for p in points] == [i["id"] for i in placed][-2:]
    assert all(p["event_date"] == i["event_date"] for p, i in zip(points, placed[-2:], strict=True))


@pytest.mark.parametrize("filters", [Filters(), Filters(contested=True),
                                     Filters(date_from=date(2018, 11, 24)),
                                     Filters(type="Explosions/Remote violence")])
def test_paging_in_the_database_matches_paging_the_whole_set(ws: Workspace,
                                                             filters: Filters) -> None:
    query = Query(filters=filters)
    whole = finder.find(ws, query, 1, 1000)  # one page holding every match
    assert whole.total >= 1  # every filter here keeps some of the samples
    for page in (1, 2, 3):
        paged = finder.find(ws, query, page, 2, with_facets=False)
        assert paged.total == whole.total
        assert paged.rows == whole.rows[(page - 1) * 2: page * 2]


@pytest.mark.parametrize("filters", [Filters(), Filters(contested=True),
                                     Filters(date_from=date(2018, 11, 24)),
                                     Filters(type="Explosions/Remote violence")])
def test_facets_counted_by_the_database_match_the_rows_counted_one_by_one(
        ws: Workspace, filters: Filters) -> None:
    """Without words the database counts the facets; with words (or filters it cannot
    apply) they are counted from the matching rows. Both ways agree, order included."""
    query = Query(filters=filters)
    found = finder.find(ws, query, 1, 2)
    with ws.sessions() as session:
        rows, _ = finder._matching(session, query, None)
        by_rows = finder._facets(rows)
    assert found.facets == by_rows
    assert list(found.facets["event_type"]) == list(by_rows["event_type"])
    assert sum(found.facets["contested"].values()) == found.total == len(rows)
    assert found.facets["side"]  # the samples' sources have sides


def test_the_chart_leaves_undated_incidents_out(tmp_path: Path, backend: Backend) -> None:
    """The month chart counts dated standing incidents by month and type; an undated one is
    left out (in Python: the SQL reads every standing incident)."""
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            for n, day, kind in ((1, date(2019, 5, 2), "Battles"), (2, None, "Battles"),
                                 (3, date(2019, 5, 9), None)):
                add_incident(session, n, day, kind)
        assert overview.month_counts(ws) == Counter({("2019-05", "Battles"): 1,
                                                     ("2019-05", "unknown"): 1})
    finally:
        ws.close()
