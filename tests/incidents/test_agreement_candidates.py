"""An agreement's violations are judged among the incidents whose stored columns may break
it (period, the zone's bounds, a prohibited type: ``services.agreements.candidates``), not
among every incident read whole: the same violations as judging every standing incident on
its reconciled fields, on both backends, with corrections, merged and undated incidents."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from backends import Backend
from made_incidents import add_incident
from raqib.incidents import agreements as rules
from raqib.services import agreements
from raqib.services.incidents import live, oldest_first, refresh
from raqib.store.engine import transaction
from raqib.store.models import Incident, Report

NOTCHED = {  # the box 36-37 E, 35-36 N with a notch cut from its north side to its middle:
    # points of the box in the notch lie outside the zone
    "format": "raqib.agreement/1", "name": "test-notched", "title": "A test zone",
    "zone": {"type": "Polygon", "coordinates": [[[36, 35], [37, 35], [37, 36], [36.5, 35.5],
                                                 [36, 36], [36, 35]]]},
    "period": {"start": "2019-03-01", "end": "2019-06-30"},
    "parties": ["Military Forces of Syria (2000-)"],
    "prohibited": ["Battles", "Shelling/artillery/missile attack"],
}
TYPES = [("Battles", "Armed clash"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Protests", "Peaceful protest")]
LATITUDES = (34.999, 35.0, 35.25, 35.5, 35.75, 36.0, 36.001)
LONGITUDES = (35.999, 36.0, 36.25, 36.5, 36.75, 37.0, 37.001)
"""Coordinates just outside, on and inside the zone's bounds."""
BOUNDS = (date(2019, 2, 28), date(2019, 3, 1), date(2019, 6, 30), date(2019, 7, 1))
"""The days either side of the test agreement's period's first and last."""


def _fill(session, rng: random.Random, count: int) -> None:  # type: ignore[no-untyped-def]
    for n in range(1, count + 1):
        event_type, sub_event_type = rng.choice(TYPES)
        draw = rng.random()
        day = (None if draw < 0.05 else rng.choice(BOUNDS) if draw < 0.4
               else date(2019, 2, 20) + timedelta(days=rng.randrange(140)))
        add_incident(session, n, day, event_type)
        report = session.get(Report, n)
        report.sub_event_type = sub_event_type
        report.latitude, report.longitude = rng.choice(LATITUDES), rng.choice(LONGITUDES)
        report.fields = {"actor1": rng.choice(["Military Forces of Syria (2000-)", "HTS"]),
                         "sub_event_type": sub_event_type, "location": f"Town {n}",
                         "country": "Syria", "geo_precision": 1}
        if rng.random() < 0.15:  # a person moved it: corrections win over the reports
            session.get(Incident, n).corrections = {
                "latitude": rng.choice(LATITUDES), "event_date": "2019-07-01",
                "event_type": "Battles"}
    session.flush()
    refresh(session, range(1, count + 1))
    for n in rng.sample(range(1, count + 1), 5):  # merged away: not standing
        session.get(Incident, n).merged_into = 1 if n != 1 else 2


def _every_incident_judged(session, agreement: rules.Agreement  # type: ignore[no-untyped-def]
                           ) -> list[dict]:
    rows = session.execute(live().order_by(*oldest_first())).scalars().all()
    pairs = [(r.id, agreements.stored_fields((r.summary or {}).get("fields"))) for r in rows]
    return [v.as_json() for v in rules.violations(agreement, pairs)]


def test_candidates_find_what_judging_every_incident_finds(tmp_path: Path,
                                                          backend: Backend) -> None:
    ws = backend.create(tmp_path / "ws")
    try:
        with transaction(ws.sessions) as session:
            _fill(session, random.Random(7), 400)
        notched = agreements.store(ws, NOTCHED, "test", "test")
        for name, agreement in (("test-notched", notched),
                                ("idlib-2018", agreements.get(ws, "idlib-2018"))):
            with ws.sessions() as session:
                expected = _every_incident_judged(session, agreement)
                considered = len(session.execute(agreements.candidates(agreement)).all())
                standing = len(session.execute(live().with_only_columns(Incident.id)).all())
            found = [v.as_json() for v in agreements.violations(ws, name)]
            assert found == expected
            assert len(found) >= 10, name  # not an empty comparison
            assert considered < standing  # the columns narrowed what was read
        with ws.sessions() as session:  # the corrections moved some in and some out
            corrected = set(session.scalars(select(Incident.id).where(
                Incident.event_date == date(2019, 7, 1))))
        assert corrected
        assert not {v.incident_id for v in agreements.violations(ws, "test-notched")} & corrected
    finally:
        ws.close()
