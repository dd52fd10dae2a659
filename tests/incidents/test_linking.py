"""incidents.linking: reports of one event become one incident, reports of others stay apart."""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raqib.incidents.linking import (
    IncidentIndex,
    LinkSettings,
    explain,
    link,
    link_all,
)
from raqib.incidents.records import ReportView, SourceInfo

SANA = SourceInfo("SANA", "state media", "government", "C", "ar")
SNHR = SourceInfo("Syrian Network for Human Rights", "ngo", "opposition", "B", "en")
SOHR = SourceInfo("Syrian Observatory for Human Rights", "ngo", "opposition", "C", "en")
RUDAW = SourceInfo("Rudaw", "local media", "kurdish", "C", "en")

ARIHA = (35.8137, 36.6106)
MAARET = (35.6441, 36.6722)  # Maarat al-Numan, 19 km south of Ariha
SARAQEB = (35.8636, 36.8064)
DOUMA = (33.5711, 36.4028)
JISR = (35.8247, 36.3183)
HAMA = (35.1318, 36.7578)


def report(id: int, **fields) -> ReportView:
    base = {
        "document": f"doc{id}",
        "source": SNHR,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "event_date": date(2019, 5, 14),
        "country": "Syria",
        "admin1": "Idlib",
    }
    base.update(fields)
    return ReportView(id=id, **base)


def at(place: tuple[float, float]) -> dict[str, float]:
    return {"latitude": place[0], "longitude": place[1]}


STATE_SHELLING = report(
    1, source=SANA, **at(ARIHA), location="Ariha", actor1="Unidentified Armed Group (Syria)",
    actor2="Civilians (Syria)", fatalities=2,
    text="Terrorist groups shelled residential neighbourhoods of Ariha with rocket launchers, "
    "killing two civilians and wounding four. Terrorists target Ariha with rockets",
)
OPPOSITION_SHELLING = report(
    2, source=SNHR, **at((35.8201, 36.6050)), location="Ariha",
    actor1="Military Forces of Syria (2000-)", actor2="Civilians (Syria)", fatalities=7,
    text="Regime artillery shelled the city of Ariha in Idlib countryside, killing seven "
    "civilians including three children. Seven civilians killed as regime artillery hits Ariha",
)


def test_same_shelling_by_both_sides_links_despite_numbers_and_actor_names():
    result = link_all([STATE_SHELLING, OPPOSITION_SHELLING])
    assert result[1] == result[2]


def test_same_day_towns_80_km_apart_stay_apart():
    hama = replace(OPPOSITION_SHELLING, latitude=HAMA[0], longitude=HAMA[1], location="Hama",
                   admin1="Hama", text=OPPOSITION_SHELLING.text.replace("Ariha", "Hama"))
    result = link_all([STATE_SHELLING, hama])
    assert result[1] != result[2]


def test_same_day_neighbouring_towns_beyond_the_town_limit_stay_apart():
    maaret = replace(OPPOSITION_SHELLING, latitude=MAARET[0], longitude=MAARET[1],
                     location="Maarat al-Numan")
    assert link_all([STATE_SHELLING, maaret]) == {1: 1, 2: 2}


def test_same_town_weeks_apart_stays_apart():
    later = replace(OPPOSITION_SHELLING, event_date=date(2019, 5, 28))
    result = link_all([STATE_SHELLING, later])
    assert result[1] != result[2]


def test_a_day_apart_links_only_with_a_shared_actor_or_similar_words():
    next_day = report(
        3, source=SOHR, **at(ARIHA), location="Ariha", event_date=date(2019, 5, 15),
        actor1="Hayat Tahrir al-Sham",
        text="A mortar round fell on a school yard in Ariha on Wednesday, no casualties",
    )
    assert link_all([OPPOSITION_SHELLING, next_day]) == {2: 1, 3: 2}
    told_late = replace(next_day, text=OPPOSITION_SHELLING.text.replace("seven", "7"))
    assert link_all([OPPOSITION_SHELLING, told_late]) == {2: 1, 3: 1}
    same_actor = replace(next_day, actor1="Military Forces of Syria (2000-)")
    assert link_all([OPPOSITION_SHELLING, same_actor]) == {2: 1, 3: 1}
    day_after = replace(same_actor, id=4, event_date=date(2019, 5, 16))
    assert link_all([OPPOSITION_SHELLING, same_actor, day_after]) == {2: 1, 3: 1, 4: 2}


def _elsewhere(count: int, actor1: str) -> list[ReportView]:
    """``count`` reports of other incidents (one a week, far north of Idlib) naming
    ``actor1``: what makes an actor common or not."""
    return [report(100 + n, **at((37.0 + n * 0.01, 40.0)), location=f"Village {n}",
                   admin1="Hasakah", event_date=date(2016, 1, 1) + timedelta(weeks=n),
                   actor1=actor1, text=f"Report number {n} of another incident")
            for n in range(count)]


def test_a_day_apart_an_actor_most_reports_name_does_not_vouch_for_the_link():
    """Once a fifth of the placed reports name the government's forces, sharing them says
    little: two shellings of one town a day apart with few words in common stay apart; a
    rarer shared actor still links them (``LinkSettings.common_actor_share``)."""
    next_day = report(
        3, source=SOHR, **at(ARIHA), location="Ariha", event_date=date(2019, 5, 15),
        actor1="Military Forces of Syria (2000-)",
        text="A mortar round fell on a school yard in Ariha on Wednesday, no casualties",
    )
    common = _elsewhere(120, "Military Forces of Syria (2000-)")
    placed = link_all([*common, OPPOSITION_SHELLING, next_day])
    assert placed[2] != placed[3]
    rare = _elsewhere(120, "Islamic State (Syria)")
    placed = link_all([*rare, OPPOSITION_SHELLING, next_day])
    assert placed[2] == placed[3]
    index = IncidentIndex()
    ids = itertools.count(1)
    link([*common, OPPOSITION_SHELLING], index, lambda: next(ids))
    incident = index.incident_of(2)
    assert incident is not None
    reasons = explain(next_day, index.members(incident), index=index)
    assert any("only a common actor shared" in r for r in reasons)
    too_few = link_all([*common[:50], OPPOSITION_SHELLING, next_day])  # under 100 placed
    assert too_few[2] == too_few[3]


KHAN_SHAYKHUN = (35.4412, 36.6510)
IDLIB_CITY = (35.9306, 36.6339)  # 54 km north of Khan Shaykhun


@pytest.mark.parametrize(("sub_event_type", "linked"), [
    ("Chemical weapon", True), ("Suicide bomb", True),
    ("Shelling/artillery/missile attack", False), ("Air/drone strike", False),
])
def test_a_rare_kind_of_event_links_over_days_and_a_province(sub_event_type: str,
                                                              linked: bool):
    """A chemical attack told the next day from the province's capital, or two days later
    from the town, is the same attack; shelling is not the same shelling that way."""
    kind = {"event_type": "Explosions/Remote violence", "sub_event_type": sub_event_type,
            "actor1": "Military Forces of Syria (2000-)"}
    attack = report(1, **kind, **at(KHAN_SHAYKHUN), location="Khan Shaykhun",
                    event_date=date(2017, 4, 4),
                    text="Dozens killed in an attack on Khan Shaykhun, rescuers say")
    next_day = report(2, **kind, **at(IDLIB_CITY), location="Idlib", source=SANA,
                      event_date=date(2017, 4, 5),
                      text="Death toll of the attack on Khan Shaykhun in Idlib rises to 86")
    assert (link_all([attack, next_day]) == {1: 1, 2: 1}) is linked
    two_days = replace(next_day, **at(KHAN_SHAYKHUN), event_date=date(2017, 4, 6))
    assert (link_all([attack, two_days]) == {1: 1, 2: 1}) is linked
    four_days = replace(two_days, event_date=date(2017, 4, 8))
    assert link_all([attack, four_days]) == {1: 1, 2: 2}


ALEPPO_CITY = (36.2021, 37.1343)  # 47 km north-east of Saraqeb, in another province


@pytest.mark.parametrize("sub_event_type", ["Chemical weapon", "Suicide bomb"])
def test_a_rare_kind_of_event_is_not_sought_in_another_province(sub_event_type: str):
    """The wider distance of a rare type is for a follow-up placed at the province's
    capital: a gas attack on Saraqeb (Idlib) and one on Aleppo's quarters two days later,
    47 km apart, are two attacks, though both are chemical and both blamed on the
    government; the same two in one province are compared as one."""
    kind = {"event_type": "Explosions/Remote violence", "sub_event_type": sub_event_type,
            "actor1": "Military Forces of Syria (2000-)"}
    saraqeb = report(1, **kind, **at(SARAQEB), location="Saraqeb", admin1="Idlib",
                     event_date=date(2016, 8, 8),
                     text="Canisters dropped on Saraqeb left dozens choking, medics say")
    aleppo = report(2, **kind, **at(ALEPPO_CITY), location="Aleppo", admin1="Aleppo",
                    event_date=date(2016, 8, 10),
                    text="Suspected gas attack on Aleppo quarters leaves four dead")
    assert link_all([saraqeb, aleppo]) == {1: 1, 2: 2}
    assert link_all([saraqeb, replace(aleppo, admin1="Idlib")]) == {1: 1, 2: 1}


@pytest.mark.parametrize(("sub_event_type", "linked"), [
    ("Chemical weapon", True), ("Shelling/artillery/missile attack", False)])
def test_a_rare_kind_of_event_told_the_next_day_needs_no_words_in_common(
        sub_event_type: str, linked: bool):
    """Reactions to a chemical attack share few words with the first reports ('Turkey says
    tests on victims point to sarin'): a day later from the province's capital, with no actor,
    its day and kind vouch for it; two days later they no longer do alone (the date part
    falls from 1.0 on the day to 0.5 at the rare window's end, as the place part does over
    its distance)."""
    kind = {"event_type": "Explosions/Remote violence", "sub_event_type": sub_event_type}
    attack = report(1, **kind, **at(KHAN_SHAYKHUN), location="Khan Shaykhun",
                    actor1="Military Forces of Syria (2000-)", event_date=date(2017, 4, 4),
                    text="Dozens killed in an attack on Khan Shaykhun, rescuers say")
    reaction = report(2, **kind, **at(IDLIB_CITY), location="Idlib", source=SANA,
                      event_date=date(2017, 4, 5), text="Ankara says tests point to sarin")
    assert (link_all([attack, reaction]) == {1: 1, 2: 1}) is linked
    two_days = replace(reaction, event_date=date(2017, 4, 6))
    assert link_all([attack, two_days]) == {1: 1, 2: 2}


@pytest.mark.parametrize(("sub_event_type", "linked"), [
    ("Chemical weapon", True), ("Shelling/artillery/missile attack", False)])
def test_a_rare_kind_of_event_with_no_place_links_by_its_day(sub_event_type: str,
                                                              linked: bool):
    """A video caption that names the attack and its day but no place ('Victims of the
    chemical attack, 21 August 2013') is the day's chemical attack, or the day before's
    (the place part of an unknown place is 0.5, as an unknown actor's or type's is: the
    Syrian Archive's videos of 22 August are the attack of the 21st); not so for shelling,
    nor four days on, past the rare window."""
    kind = {"event_type": "Explosions/Remote violence", "sub_event_type": sub_event_type}
    attack = report(1, **kind, **at(DOUMA), location="Douma", admin1="Rif Dimashq",
                    event_date=date(2013, 8, 21), text="Victims of the attack in Douma")
    caption = report(2, **kind, country="", admin1="", event_date=date(2013, 8, 21),
                     text="Victims filmed in a field hospital")
    assert (link_all([attack, caption]) == {1: 1, 2: 1}) is linked
    next_day = replace(caption, event_date=date(2013, 8, 22))
    assert (link_all([attack, next_day]) == {1: 1, 2: 1}) is linked
    later = replace(caption, event_date=date(2013, 8, 25))
    assert link_all([attack, later]) == {1: 1, 2: 2}


@pytest.mark.parametrize(("sub_event_type", "linked"), [
    ("Chemical weapon", True), ("Shelling/artillery/missile attack", False)])
def test_a_report_placed_only_in_its_country_has_no_point(sub_event_type: str,
                                                          linked: bool):
    """'Blaming Assad, Trump says Syria attack cannot be tolerated' is placed only in Syria,
    coded as ACLED codes a country: at its capital, precision 3, no admin1. The capital's
    point says nothing of where the attack was (Khan Shaykhun, 217 km from Damascus): it is
    compared as a report with no place, by its day and kind for a rare type, by its words
    alone otherwise."""
    kind = {"event_type": "Explosions/Remote violence", "sub_event_type": sub_event_type}
    attack = report(1, **kind, latitude=35.442, longitude=36.651, location="Khan Shaykhun",
                    event_date=date(2017, 4, 4), text="Dozens killed in gas attack on town")
    reaction = report(2, **kind, latitude=33.510, longitude=36.291, location="Syria",
                      admin1="", geo_precision=3, event_date=date(2017, 4, 4),
                      text="Trump says the attack cannot be tolerated")
    assert (link_all([attack, reaction]) == {1: 1, 2: 1}) is linked


def test_shared_actor_ignores_qualifiers_and_victims():
    from raqib.incidents.relations import actor_relation

    regime = report(1, actor1="Military Forces of Syria (2000-)", actor2="Civilians (Syria)")
    unknown = report(2, actor1="Unidentified Armed Group (Syria)", actor2="Civilians (Syria)")
    russia = report(3, actor1="Military Forces of Russia (2015-)", actor2="Civilians (Syria)")
    assert actor_relation(regime, unknown)[0] == 0.5
    assert actor_relation(regime, russia)[0] == 0.0
    assert actor_relation(regime, replace(russia, actor2="Military Forces of Syria"))[0] == 1.0


def test_protest_and_air_strike_same_town_same_day_stay_apart():
    protest = report(
        3, **at(ARIHA), location="Ariha", event_type="Protests",
        sub_event_type="Peaceful protest", actor1="Protesters (Syria)",
        text="Hundreds of people demonstrated in Ariha against the regime and its allies",
    )
    strike = report(
        4, **at(ARIHA), location="Ariha", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1="Military Forces of Russia (2000-)",
        text="Russian warplanes struck Ariha; people in Ariha said the raid hit the market",
    )
    result = link_all([protest, strike])
    assert result[3] != result[4]


def test_week_precision_date_within_the_week_links():
    weekly = report(
        5, source=SOHR, **at(SARAQEB), location="Saraqib", event_date=date(2019, 5, 10),
        time_precision=2, actor1="Military Forces of Syria (2000-)",
        text="During the week regime forces shelled Saraqib and its surroundings with heavy "
        "artillery, destroying houses",
    )
    daily = report(
        6, source=SNHR, **at(SARAQEB), location="Saraqib", event_date=date(2019, 5, 14),
        actor1="Military Forces of Syria (2000-)",
        text="Syrian regime forces shelled Saraqib city with artillery on Tuesday",
    )
    result = link_all([weekly, daily])
    assert result[5] == result[6]
    assert link_all([replace(weekly, time_precision=1), daily]) == {5: 1, 6: 2}


def test_no_coordinates_same_admin1_and_very_similar_text_links():
    text = ("Regime helicopters dropped barrel bombs on the village of Kafr Nabudah, "
            "killing a woman and her two children")
    one = report(7, source=SNHR, admin1="Hama", sub_event_type="Air/drone strike", text=text)
    two = report(8, source=SOHR, admin1="Hama", sub_event_type="Air/drone strike",
                 text=text.replace("killing", "and killed") + " overnight")
    other = report(9, source=SOHR, admin1="Hama", sub_event_type="Air/drone strike",
                   text="Warplanes raided the outskirts of Latamneh town in the northern Hama "
                   "countryside, no casualties reported")
    result = link_all([one, two, other])
    assert result[7] == result[8]
    assert result[9] != result[7]


def test_syndicated_copies_without_date_or_place_link():
    story = ("Ministry of Defence said air defences intercepted drones launched by terrorists "
             "towards Hmeimim airbase in Latakia, no damage was caused. " * 3)
    original = report(10, source=SANA, event_date=None, admin1="", country="",
                      sub_event_type="Disrupted weapons use", event_type="Strategic developments",
                      text=story[:150], full_text=story)
    copy = replace(original, id=11, document="doc11", source=RUDAW,
                   text=story[:150] + " (SANA)", full_text="Damascus (SANA) - " + story)
    lonely = replace(original, id=12, document="doc12",
                     text="A drone was seen over Qardaha, officials said",
                     full_text="A drone was seen over Qardaha, officials said, without details")
    result = link_all([original, copy, lonely])
    assert result[10] == result[11]
    assert result[12] != result[10]


def test_missing_date_with_dissimilar_text_stays_alone():
    undated = replace(OPPOSITION_SHELLING, id=3, event_date=None,
                      text="Shelling reported on Ariha, no details")
    result = link_all([STATE_SHELLING, undated])
    assert result[1] != result[3]


def test_incompatible_types_across_event_types_but_near_synonyms_link():
    clash = report(20, **at(JISR), location="Jisr al-Shughur", event_type="Battles",
                   sub_event_type="Armed clash", actor1="Hayat Tahrir al-Sham",
                   text="Fighters of Hayat Tahrir al-Sham clashed with regime forces near "
                   "Jisr al-Shughur")
    attack = replace(clash, id=21, document="doc21", event_type="Violence against civilians",
                     sub_event_type="Attack", source=SANA)
    arrest = replace(clash, id=22, document="doc22", event_type="Strategic developments",
                     sub_event_type="Arrests")
    result = link_all([clash, attack, arrest])
    assert result[20] == result[21]
    assert result[22] != result[20]


def test_a_suicide_bombing_and_an_air_strike_on_one_town_one_day_stay_apart():
    bombing = report(23, **at(ARIHA), location="Ariha", sub_event_type="Suicide bomb",
                     actor1="Unidentified Armed Group (Syria)", actor2="Civilians (Syria)",
                     text="A suicide bomber blew himself up at a checkpoint in Ariha, killing "
                     "six people")
    strike = replace(bombing, id=24, document="doc24", sub_event_type="Air/drone strike",
                     text="Warplanes struck a checkpoint in Ariha, killing six people")
    shelling = replace(strike, id=25, document="doc25",
                       sub_event_type="Shelling/artillery/missile attack")
    car_bomb = replace(bombing, id=26, document="doc26", source=SANA,
                       sub_event_type="Remote explosive/landmine/IED",
                       text="A car bomb exploded at a checkpoint in Ariha, killing six people")
    assert len(set(link_all([bombing, strike]).values())) == 2
    assert len(set(link_all([bombing, shelling]).values())) == 2
    assert len(set(link_all([strike, shelling]).values())) == 1  # bombardment, two words
    assert len(set(link_all([bombing, car_bomb]).values())) == 1  # one blast, two words


def _corpus() -> list[ReportView]:
    towns = [ARIHA, SARAQEB, DOUMA, JISR, HAMA]
    reports = []
    for n, (town, day) in enumerate(itertools.product(towns, [0, 3, 9])):
        for copy in range(2):
            rid = 100 + 2 * n + copy
            reports.append(report(
                rid, source=SANA if copy else SNHR, **at((town[0] + 0.01 * copy, town[1])),
                event_date=date(2019, 6, 1) + timedelta(days=day),
                location=f"town{towns.index(town)}", actor1="Military Forces of Syria (2000-)",
                text=f"Shelling hit town{towns.index(town)} on day {day} killing civilians "
                f"{'according to activists' if copy else 'state media said'}",
            ))
    return reports


def test_link_all_is_independent_of_input_order():
    reports = _corpus()
    expected = link_all(reports)
    assert len(set(expected.values())) == 15
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert link_all(shuffled) == expected


def test_incremental_equals_batch():
    reports = sorted(_corpus(), key=lambda r: (r.event_date, r.id))
    batch = link_all(reports)
    index = IncidentIndex()
    counter = itertools.count(1)
    placed: dict[int, int] = {}
    for start in range(0, len(reports), 7):
        placed |= link(reports[start : start + 7], index, lambda: next(counter))
    assert placed == batch
    assert link(reports, index, lambda: next(counter)) == batch  # already placed: unchanged
    index.add(batch[reports[0].id], reports[0])  # adding again to its incident: no-op
    with pytest.raises(ValueError):
        index.add(batch[reports[0].id] + 1, reports[0])
    assert len(index) == len(reports)
    incident = batch[reports[0].id]
    assert {r.id for r in index.members(incident)} == {
        rid for rid, inc in batch.items() if inc == incident}


def test_candidates_are_limited_to_the_block():
    index = IncidentIndex()
    index.add(1, STATE_SHELLING)
    far = replace(OPPOSITION_SHELLING, id=3, latitude=DOUMA[0], longitude=DOUMA[1],
                  admin1="Rif Dimashq", text="Shelling of Douma", location="Douma")
    assert index.candidates(OPPOSITION_SHELLING) == {1}
    assert index.candidates(far) == set()


@pytest.mark.parametrize(("cap", "seen"), [(0, [set(), set(), set()]),
                                           (1, [{1}, set(), set()]),
                                           (2, [{1}, {1, 2}, set()])])
def test_words_shared_by_more_incidents_than_the_cap_are_boilerplate(cap, seen):
    """An undated report meets others by its words' sketch alone; a sketch key that more than
    ``sketch_bucket_cap`` incidents hold finds none of them, and stops growing (a key held by
    one incident is stored as its bare id, by two or more as a set: the same either way)."""
    index = IncidentIndex(LinkSettings(sketch_bucket_cap=cap))
    copy = replace(STATE_SHELLING, id=99, event_date=None)
    found = []
    for n in (1, 2, 3):
        index.add(n, replace(STATE_SHELLING, id=n, event_date=None))
        index.add(n, replace(STATE_SHELLING, id=n, event_date=None))  # again: nothing changes
        found.append(index.candidates(copy))
    assert found == seen


def test_reports_either_side_of_the_antimeridian_meet():
    """Two accounts of one shelling on Taveuni (Fiji), 3 km apart across longitude 180: the
    blocking cells wrap round, as distances do."""
    east = replace(STATE_SHELLING, latitude=-16.80, longitude=179.99, country="Fiji",
                   admin1="Northern")
    west = replace(OPPOSITION_SHELLING, latitude=-16.81, longitude=-179.98, country="Fiji",
                   admin1="Northern")
    index = IncidentIndex()
    index.add(1, east)
    assert index.candidates(west) == {1}
    result = link_all([east, west])
    assert result[east.id] == result[west.id]


def test_explain_gives_reasons():
    reasons = explain(OPPOSITION_SHELLING, [STATE_SHELLING])
    joined = "\n".join(reasons)
    assert "same day" in joined
    assert "1 km apart" in joined
    assert "text similarity" in joined
    assert reasons[-1].endswith(": link")
    far = replace(OPPOSITION_SHELLING, latitude=HAMA[0], longitude=HAMA[1])
    assert any("km apart (limit 10 km)" in r for r in explain(far, [STATE_SHELLING]))
    assert explain(far, [STATE_SHELLING])[-1].startswith("never link")


def test_settings_are_documented_defaults():
    s = LinkSettings()
    assert s.day_windows == (1, 7, 31) and s.km_windows == (10.0, 25.0, 75.0)
    assert (s.rare_days, s.rare_km) == (3, 75.0) and "Chemical weapon" in s.rare_types
    assert 0 < s.threshold < s.text_only_threshold <= 1


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 30), st.integers(0, 3)),
                min_size=1, max_size=25), st.randoms(use_true_random=False))
def test_property_order_independent_and_gates_hold(rows, rng):
    towns = [ARIHA, SARAQEB, DOUMA, JISR, HAMA]
    reports = [
        report(i, **at(towns[t]), event_date=date(2020, 1, 1) + timedelta(days=d),
               text=f"shelling town {t} word{w} casualties")
        for i, (t, d, w) in enumerate(rows)
    ]
    result = link_all(reports)
    shuffled = reports[:]
    rng.shuffle(shuffled)
    assert link_all(shuffled) == result
    by_id = {r.id: r for r in reports}
    for a, b in itertools.combinations(reports, 2):
        if result[a.id] == result[b.id]:
            assert abs((by_id[a.id].event_date - by_id[b.id].event_date).days) <= 1
            assert (a.latitude, a.longitude) == (b.latitude, b.longitude)


def _forgetful_and_not(reports: list[ReportView], cap: int = 32
                       ) -> tuple[dict[int, int], dict[int, int], IncidentIndex]:
    """Link the reports by date with an index that forgets and with one that does not; both
    results, and the index that forgot."""
    ordered = sorted(reports, key=lambda r: (r.event_date, r.id))
    runs = []
    for forget in (True, False):
        index, counter = IncidentIndex(LinkSettings(sketch_bucket_cap=cap)), itertools.count(1)
        runs.append((link(ordered, index, lambda c=counter: next(c), dated_in_order=forget),
                     index))
    (forgot, forgetful), (kept, _) = runs
    return forgot, kept, forgetful


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 90), st.integers(1, 3),
                          st.integers(0, 3), st.booleans()), min_size=1, max_size=40),
       st.integers(0, 3))
def test_property_forgetting_what_the_pass_left_behind_changes_nothing(rows, cap):
    """Dates to the day, week or month, rare and common types, follow-ups dated by their
    publication (every third report), shared words (the sketch keys, capped or not): the
    same incidents whether or not the index forgets."""
    towns = [ARIHA, SARAQEB, DOUMA, JISR, HAMA]
    reports = [
        report(i, **at(towns[t]), event_date=date(2020, 1, 1) + timedelta(days=d),
               published=date(2020, 1, 1) + timedelta(days=d) if i % 3 == 0 else None,
               time_precision=p, actor1="Military Forces of Syria (2000-)",
               sub_event_type="Chemical weapon" if chem else "Shelling/artillery/missile attack",
               text=f"shelling town {t} word{w} casualties reported by residents" if w else
               f"account {_letters(i)} of bombardment {_letters(i)}")  # met by place keys only
        for i, (t, d, p, w, chem) in enumerate(rows)
    ]
    forgot, kept, _ = _forgetful_and_not(reports, cap)
    assert forgot == kept


def _letters(number: int) -> str:
    """A word of its own for each number (``words`` reads every digit as 0)."""
    return "".join(chr(ord("a") + int(digit)) for digit in str(number))


@pytest.mark.parametrize("day", range(4))  # each place of the day in its 4-day bucket
def test_the_last_day_bucket_a_month_can_reach_is_kept(day):
    """A report dated to the month 31 days after one dated to the day, no words in common:
    they meet only by the place keys of the first's last day bucket."""
    first = report(1, **at(ARIHA), event_date=date(2020, 1, 1) + timedelta(days=day),
                   actor1="Military Forces of Syria (2000-)", text="account bab")
    month = replace(first, id=2, event_date=first.event_date + timedelta(days=31),
                    time_precision=3, text="bombardment cac")
    forgot, kept, _ = _forgetful_and_not([first, month])
    assert forgot == kept == {1: 1, 2: 1}


def test_an_incident_is_forgotten_only_when_no_dated_report_can_join_it():
    month = report(1, **at(ARIHA), time_precision=3, text="Shelling of Ariha this month")
    middle = report(2, **at(HAMA), event_date=month.event_date + timedelta(days=20),
                    text="Shelling of Hama")
    last_day = report(3, **at(ARIHA), event_date=month.event_date + timedelta(days=31),
                      text="Shelling of Ariha this month")
    forgot, kept, index = _forgetful_and_not([month, middle, last_day])
    assert forgot == kept and forgot[1] == forgot[3]  # 31 days: the month's window, joined
    late = replace(last_day, id=4, event_date=month.event_date + timedelta(days=32))
    forgot, kept, index = _forgetful_and_not([month, middle, late])
    assert forgot == kept and forgot[1] != forgot[4]
    assert index.representatives(forgot[1]) == []  # forgotten once day 32 came
    assert index.representatives(forgot[4])  # the current ones are kept
    with pytest.raises(ValueError, match="left behind"):
        index.add(forgot[1], replace(late, id=5))


def test_a_pass_by_date_refuses_reports_out_of_order_or_undated():
    index = IncidentIndex()
    counter = itertools.count(1)
    later = replace(STATE_SHELLING, event_date=date(2019, 6, 1))
    link([later], index, lambda: next(counter), dated_in_order=True)
    with pytest.raises(ValueError, match="out of date order"):
        link([OPPOSITION_SHELLING], index, lambda: next(counter), dated_in_order=True)
    with pytest.raises(ValueError, match="undated"):
        link([replace(OPPOSITION_SHELLING, id=9, event_date=None)], index,
             lambda: next(counter), dated_in_order=True)


@settings(max_examples=300, deadline=None)
@given(lat=st.floats(-85, 85), lon=st.floats(-180, 180), bearing=st.floats(0, 360),
       km=st.floats(0, 90), days=st.integers(0, 40),
       precisions=st.tuples(*[st.integers(1, 3)] * 4), rare=st.booleans(),
       query_admin=st.booleans(), follow=st.booleans())
def test_blocking_finds_every_pair_the_gates_let_through(
        lat, lon, bearing, km, days, precisions, rare, query_admin, follow):
    """Whichever of two reports has the wider windows, and however far apart they lie within
    them (near the poles, across longitude 180), the one placed first is a candidate for the
    other whenever no gate keeps them apart, whichever is placed first: the geo keys of a
    disc on one side meet those of the point on the other, on the grid of the disc's radius,
    and a follow-up (``follow``: the later one dated by its publication day) is keyed by its
    wider window."""
    from raqib.geo import km_apart
    from raqib.incidents.similarity import GATED, compare, text_features

    dlat = km * math.cos(math.radians(bearing)) / 111.2
    dlon = km * math.sin(math.radians(bearing)) / (111.2 * max(0.01, math.cos(math.radians(lat))))
    kind = "Chemical weapon" if rare else "Shelling/artillery/missile attack"
    placed = report(1, latitude=lat, longitude=lon, text="", sub_event_type=kind,
                    geo_precision=precisions[0], time_precision=precisions[1],
                    admin1="North")
    other = report(2, latitude=max(-89.0, min(89.0, lat + dlat)),
                   longitude=(lon + dlon + 180.0) % 360.0 - 180.0, text="", sub_event_type=kind,
                   event_date=placed.event_date + timedelta(days=days),
                   geo_precision=precisions[2], time_precision=precisions[3],
                   admin1="North" if query_admin else "South")
    if follow:
        other = replace(other, published=other.event_date)
    index = IncidentIndex()
    index.add(1, placed)
    s = index.settings
    feats = [text_features(r, s.sketch_size, {}, 0) for r in (other, placed)]
    if compare(other, feats[0], placed, feats[1], s) != GATED:
        assert index.candidates(other) == {1}, km_apart(
            placed.latitude, placed.longitude, other.latitude, other.longitude)
        first = IncidentIndex()
        first.add(2, other)
        assert first.candidates(placed) == {2}
