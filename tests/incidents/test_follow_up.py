"""A report of a rare type dated only by its own publication day may tell of an attack up to
``follow_up_days`` before it (``raqib.incidents.similarity.follow_up``): reactions, test
results and tolls told a week later ('Sarin nerve gas used in Syria, British scientists say',
nine days after Khan Shaykhun) join the attack; a report that names its own day, or one of
a common type, does not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from backends import Backend
from made_incidents import add_report
from raqib.incidents.linking import LinkSettings, explain, link_all
from raqib.incidents.records import ReportView, SourceInfo
from raqib.services import incidents
from raqib.store.engine import transaction
from raqib.store.models import Document, Report

KHAN_SHAYKHUN = {"latitude": 35.4412, "longitude": 36.6510, "location": "Khan Shaykhun",
                 "country": "Syria", "admin1": "Idlib"}
ATTACK_DAY = date(2017, 4, 4)


def pair(sub_event_type: str, days: int, published_days: int | None
         ) -> tuple[ReportView, ReportView]:
    """The attack, and a later report ``days`` after it whose document was published
    ``published_days`` after the attack (None: no publication day known)."""
    kind = {"event_type": "Explosions/Remote violence", "sub_event_type": sub_event_type}
    attack = ReportView(id=1, document="a", source=SourceInfo("Rescuers"), **kind,
                        event_date=ATTACK_DAY, published=ATTACK_DAY, **KHAN_SHAYKHUN,
                        actor1="Military Forces of Syria (2000-)",
                        text="Dozens killed in an attack on Khan Shaykhun, rescuers say")
    published = None if published_days is None else ATTACK_DAY + timedelta(published_days)
    later = ReportView(id=2, document="b", source=SourceInfo("A wire"), **kind,
                       event_date=ATTACK_DAY + timedelta(days), published=published,
                       **KHAN_SHAYKHUN,  # no words in common with the attack's report
                       text="Sarin found in samples from the victims, scientists say")
    return attack, later


@pytest.mark.parametrize("days", [4, 9, 10])
def test_a_rare_attack_told_on_the_day_of_publication_days_later_is_followed_up(days: int):
    attack, later = pair("Chemical weapon", days, days)
    assert link_all([attack, later]) == {1: 1, 2: 1}
    notes = explain(later, [attack])
    assert any("follow-up of a rare type" in note for note in notes), notes


@pytest.mark.parametrize(("sub_event_type", "days", "published_days"), [
    ("Chemical weapon", 11, 11),  # past the follow-up window
    ("Chemical weapon", 9, 10),  # its words named a day of their own: believed
    ("Chemical weapon", 9, None),  # no publication day known
    ("Shelling/artillery/missile attack", 9, 9),  # a common type: other shelling
    ("Air/drone strike", 9, 9),
])
def test_otherwise_days_apart_stay_apart(sub_event_type: str, days: int,
                                         published_days: int | None):
    attack, later = pair(sub_event_type, days, published_days)
    assert link_all([attack, later]) == {1: 1, 2: 2}


def test_a_report_with_its_own_toll_is_news_of_its_day():
    """"Four killed in suspected gas attack on Aleppo", published on its day eight days after
    another attack on the city, is a new attack, not a follow-up."""
    attack, later = pair("Chemical weapon", 8, 8)
    assert link_all([attack, later]) == {1: 1, 2: 1}
    assert link_all([attack, replace(later, fatalities=4)]) == {1: 1, 2: 2}


def test_the_window_is_a_setting():
    attack, later = pair("Chemical weapon", 9, 9)
    assert link_all([attack, later], LinkSettings(follow_up_days=7)) == {1: 1, 2: 2}
    assert LinkSettings().follow_up_days == 10


def test_the_earlier_report_finds_a_follow_up_placed_before_it():
    """Blocking keys a follow-up by its wider window, so an attack report that arrives after
    it (an incremental run) meets it too."""
    from raqib.incidents.linking import IncidentIndex

    attack, later = pair("Chemical weapon", 9, 9)
    index = IncidentIndex()
    index.add(7, later)
    assert index.candidates(attack) == {7}


def _document(session, n: int, published: datetime | None) -> None:  # type: ignore[no-untyped-def]
    add_report(session, n, date(2017, 4, 13), "Explosions/Remote violence")
    session.get(Document, n).published_at = published


def test_a_view_carries_its_documents_publication_day_else_its_capture_day(
        tmp_path: Path, backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            _document(session, 1, datetime(2017, 4, 13, 18, 30))
            _document(session, 2, None)  # captured 2020-01-01 (made_incidents.NOW)
        with ws.sessions() as session:
            rows = session.execute(select(*incidents.REPORT_COLUMNS).order_by(Report.id)).all()
            views = incidents.report_views(session, rows)
        assert [v.published for v in views] == [date(2017, 4, 13), date(2020, 1, 1)]
    finally:
        ws.close()

