"""An incident's stored sides (``Incident.sides``, migration 0012) are the sides of its
reports' sources: after processing, after a source's side is edited, and as the migration
fills them in; search's side filter and side facet read them. On both backends."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from backends import Backend, downgrade
from clirun import processed_samples
from raqib.incidents.records import SIDES, packed_sides, unpacked_sides
from raqib.services import finder, sources
from raqib.services.finder import Query
from raqib.store import engine as store
from raqib.store.models import Incident, Processing, Report, Source
from raqib.workspace import Workspace


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory, module_backend: Backend) -> Workspace:
    root = tmp_path_factory.mktemp("sides") / "ws"
    return processed_samples(root, module_backend.init_args(root))


def _joined(ws: Workspace) -> dict[int, set[str]]:
    """incident id -> the sides of its reports' sources, read through the joins."""
    found: dict[int, set[str]] = {}
    with ws.sessions() as session:
        for incident_id, side in session.execute(
                select(Report.incident_id, Source.side)
                .join(Processing, Processing.document_id == Report.document_id)
                .join(Source, Source.id == Processing.source_id)
                .join(Incident, Incident.id == Report.incident_id)
                .where(Incident.merged_into.is_(None))):
            found.setdefault(incident_id, set()).add(side)
    return found


def _stored(ws: Workspace) -> dict[int, set[str]]:
    with ws.sessions() as session:
        rows = session.execute(select(Incident.id, Incident.sides)
                               .where(Incident.merged_into.is_(None))).all()
    return {ident: set(unpacked_sides(sides)) for ident, sides in rows if sides}


def test_packed_sides_are_ordered_and_unpack_to_themselves() -> None:
    assert packed_sides(["opposition", "government", "opposition"]) == "|government|opposition|"
    assert packed_sides([]) is None and unpacked_sides(None) == []
    assert unpacked_sides(packed_sides(reversed(SIDES))) == list(SIDES)
    assert packed_sides(["zeta side", "kurdish"]) == "|kurdish|zeta side|"  # others after


def test_stored_sides_are_the_sides_of_the_reports_sources(ws: Workspace) -> None:
    joined = _joined(ws)
    assert len(joined) >= 3 and len(set().union(*joined.values())) >= 2
    assert _stored(ws) == joined


def test_the_migration_fills_in_the_sides_of_existing_incidents(ws: Workspace) -> None:
    downgrade(ws.engine, "0011")  # the column and its index are gone
    store.migrate(ws.engine)  # and back: filled from the reports by SQL, not by refresh
    assert _stored(ws) == _joined(ws)


def test_the_side_filter_and_facet_follow_an_edited_source(ws: Workspace) -> None:
    with ws.sessions() as session:
        name, side = session.execute(
            select(Source.name, Source.side).join(Processing, Processing.source_id == Source.id)
            .join(Report, Report.document_id == Processing.document_id)
            .where(Report.incident_id.is_not(None)).order_by(Source.name)).first()
    new = "neutral" if side != "neutral" else "kurdish"
    sources.edit(ws, name, "tester", reason="checked the outlet's ownership", side=new)
    joined = _joined(ws)
    assert any(new in sides for sides in joined.values())
    assert _stored(ws) == joined
    found = finder.find(ws, Query(side=new), 1, 1000)
    assert {row["id"] for row in found.rows} == {i for i, s in joined.items() if new in s}
    everything = finder.find(ws, Query(), 1, 1000)
    assert everything.facets["side"] == dict(Counter(s for sides in joined.values()
                                                     for s in sides))
    worded = finder.find(ws, Query(words="attack"), 1, 1000)  # counted from the rows
    assert worded.total >= 1
    assert worded.facets["side"] == dict(Counter(
        s for row in worded.rows for s in joined.get(row["id"], ())))


def test_every_source_kind_in_use_is_a_known_kind() -> None:
    """The kinds an edit may set hold every kind the known-sources table and the ACLED
    source scales use (an edit to one of them must not be refused)."""
    from importlib import resources

    from raqib.incidents.records import SOURCE_KINDS
    from raqib.outputs.acled import SCALES

    table = resources.files("raqib") / "resources" / "sources" / "known.tsv"
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert rows and {row[2] for row in rows} <= set(SOURCE_KINDS)
    assert set(SCALES) <= set(SOURCE_KINDS)
