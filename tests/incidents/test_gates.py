"""incidents.gates: the gates sought before scoring keep out exactly what the scoring gates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from raqib.incidents.gates import (
    Probe,
    Representatives,
    best_incident,
    incident_score,
)
from raqib.incidents.records import ReportView, SourceInfo
from raqib.incidents.similarity import (
    GATED,
    LinkSettings,
    compare,
    pair_parts,
    parts_score,
    report_key,
    text_features,
)

SOURCE = SourceInfo("SNHR", "ngo", "opposition")
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Chemical weapon"),
    ("Explosions/Remote violence", "Suicide bomb"),
    ("Violence against civilians", "Attack"),
    ("Battles", "Armed clash"),
    ("Strategic developments", "Arrests"),
    ("", ""),
]
DAY = date(2019, 5, 14)
WORDS = ["shelling", "ariha", "rockets", "killed", "civilians", "market", "gas", "sarin"]


@st.composite
def reports(draw: st.DrawFn, id: int, near: ReportView | None = None) -> ReportView:
    """A report; ``near``: one like it, a few days and kilometres away (most are gated by one
    field alone, if at all)."""
    kind = draw(st.sampled_from(TYPES))
    day: date | None = DAY + timedelta(draw(st.integers(-12, 12)))
    latitude, longitude = 35.8 + draw(st.floats(-1.0, 1.0)), 36.6 + draw(st.floats(-1.0, 1.0))
    if near is not None and draw(st.integers(0, 4)):
        kind = (near.event_type, near.sub_event_type) if draw(st.booleans()) else kind
        day = (near.event_date or DAY) + timedelta(draw(st.integers(-2, 2)))
        if near.latitude is not None and near.longitude is not None:
            latitude = near.latitude + draw(st.floats(-1.2, 1.2)) / 10
            longitude = near.longitude + draw(st.floats(-1.2, 1.2)) / 10
    placed = draw(st.integers(0, 4)) > 0
    report = ReportView(
        id=id, document=f"d{id}", source=SOURCE, event_type=kind[0], sub_event_type=kind[1],
        event_date=day if draw(st.integers(0, 9)) else None,
        time_precision=draw(st.sampled_from([1, 1, 1, 2, 3])),
        latitude=latitude if placed else None, longitude=longitude if placed else None,
        geo_precision=draw(st.sampled_from([1, 1, 2, 3])),
        country=draw(st.sampled_from(["Syria", "Syria", "syria ", "", "Iraq", " "])),
        admin1=draw(st.sampled_from(["Idlib", "Idlib", "idlib", "Hama", "", " "])),
        location=draw(st.sampled_from(["Ariha", "ariha", "Syria", "", "Saraqeb"])),
        actor1=draw(st.sampled_from(["", "Military Forces of Syria (2000-)", "Civilians"])),
        fatalities=draw(st.integers(0, 2)),
        text=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=6))),
        published=day if draw(st.booleans()) else None,
    )
    if near is not None and draw(st.integers(0, 4)):
        report = replace(report, country=near.country, admin1=near.admin1,
                         time_precision=near.time_precision, event_type=near.event_type,
                         sub_event_type=near.sub_event_type)
    return report


def reference(report, feats, members, s) -> float:
    """The incident score as linking first computed it: pair by pair, scored in turn."""
    best = 0.0
    for member, member_feats in members:
        score = compare(report, feats, member, member_feats, s)
        if score == GATED:
            return GATED
        best = max(best, score)
    return best


@st.composite
def incidents(draw: st.DrawFn) -> tuple[ReportView, list[ReportView]]:
    report = draw(reports(0))
    return report, draw(st.lists(reports(1, report), min_size=1, max_size=6))


@settings(max_examples=1500, deadline=None)
@given(incidents(), st.floats(0.0, 1.0))
def test_gates_keep_out_what_the_scoring_gates(incident, bar):
    report, members = incident
    s = LinkSettings()
    feats = text_features(report, s.sketch_size, {}, 0)
    scored = [(m, text_features(m, s.sketch_size, {}, 0)) for m in members]
    key = report_key(report, s)
    keyed = [(report_key(m, s), f) for m, f in scored]
    for member, member_feats in scored:
        pair = compare(report, feats, member, member_feats, s)
        parts = pair_parts(key, report_key(member, s), s)
        assert (parts is None) == (pair == GATED)
        if parts is not None:  # a bar changes no score of use
            barred = parts_score(key, feats, report_key(member, s), member_feats, s, parts,
                                 bar=bar)
            if pair >= s.threshold and pair >= bar:
                assert barred == pair
            else:
                assert barred < s.threshold or barred < bar
    expected = reference(report, feats, scored, s)
    assert incident_score(key, feats, keyed, s) == expected
    # with a bar, a score of use is the same, and one of no use stays of no use
    barred = incident_score(key, feats, keyed, s, bar)
    if expected >= s.threshold and expected >= bar:
        assert barred == expected
    else:
        assert barred < s.threshold or barred < bar
    representatives = Representatives()
    for member_key, member_feats in keyed:
        representatives.add(member_key, member_feats)
    if Probe(key, s).rules_out(representatives):
        assert expected == GATED


def test_latitude_rules_out_only_past_the_window():
    """A member due north just inside the distance window is not ruled out by its latitude;
    one just past it is, as the pair's gate would."""
    import math

    from raqib.geo import EARTH_KM

    s = LinkSettings()
    report = ReportView(id=0, document="d0", source=SOURCE, event_type=TYPES[0][0],
                        sub_event_type=TYPES[0][1], event_date=DAY, latitude=35.8,
                        longitude=36.6, country="Syria", admin1="Idlib")
    for km, ruled_out in ((9.999, False), (10.001, True)):
        north = replace(report, id=1, latitude=35.8 + math.degrees(km / EARTH_KM))
        members = Representatives()
        members.add(report_key(north, s), text_features(north, s.sketch_size, {}, 0))
        assert Probe(report_key(report, s), s).rules_out(members) is ruled_out
        pair = pair_parts(report_key(report, s), members.members[0][0], s)
        assert (pair is None) is ruled_out


def test_longitude_rules_out_only_past_the_window():
    """A member due east just inside the distance window is not ruled out by its longitude;
    one just past it is, as the pair's gate would (at the equator and far from it)."""
    import math

    from raqib.geo import EARTH_KM

    s = LinkSettings()
    for latitude in (0.0, 35.8, -60.0):
        report = ReportView(id=0, document="d0", source=SOURCE, event_type=TYPES[0][0],
                            sub_event_type=TYPES[0][1], event_date=DAY, latitude=latitude,
                            longitude=36.6, country="Syria", admin1="Idlib")
        degrees = math.degrees(10.0 / EARTH_KM) / math.cos(math.radians(latitude))
        for scale, ruled_out in ((0.9999, False), (1.0001, True)):
            east = replace(report, id=1, longitude=36.6 + degrees * scale)
            members = Representatives()
            members.add(report_key(east, s), text_features(east, s.sketch_size, {}, 0))
            assert Probe(report_key(report, s), s).rules_out(members) is ruled_out
            pair = pair_parts(report_key(report, s), members.members[0][0], s)
        assert (pair is None) is ruled_out


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_best_incident_is_the_first_best_in_id_order(data):
    """Scored from the newest with bars, the choice is that of scoring every candidate in
    id order in full: the highest at or above the threshold, ties to the lowest id (copies
    of one report in several incidents make ties)."""
    from raqib.incidents.linking import IncidentIndex

    s = LinkSettings()
    first = data.draw(reports(1))
    drawn = [first, *data.draw(st.lists(reports(2, first), max_size=7))]
    index = IncidentIndex(s)
    for number, member in enumerate(drawn, start=1):
        copies = data.draw(st.integers(1, 2))
        for copy in range(copies):
            index.add(data.draw(st.integers(1, 5)),
                      replace(member, id=number * 10 + copy, document=f"d{number}"))
    report = replace(data.draw(reports(0, first)), id=1000)
    key, feats = index.scored(report)
    best_id, best = None, 0.0
    for incident_id in sorted(index.candidates(report)):
        representatives = index.kept.get(incident_id)
        if representatives is None:
            continue
        score = incident_score(key, feats, representatives.members, s)
        if score >= s.threshold and score > best:
            best_id, best = incident_id, score
    assert best_incident(report, index) == (best_id, best)
