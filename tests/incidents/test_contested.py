"""contest() on hand-written incidents, among them the 24 November 2018 Aleppo chlorine case."""

from __future__ import annotations

import json
from datetime import date

from raqib.incidents.contested import camp, claims_about, contest
from raqib.incidents.records import WITHHELD, ClaimView, IncidentView, ReportView, SourceInfo

SANA = SourceInfo("SANA (Syrian Arab News Agency)", "state media", "government", "C")
RUSSIA = SourceInfo("Ministry of Defence of Russia", "government body", "government", "D")
COALITION = SourceInfo("Syrian Coalition (Etilaf)", "opposition body", "opposition", "C")
SOHR = SourceInfo("Syrian Observatory for Human Rights", "ngo", "opposition", "B")
REUTERS = SourceInfo("Reuters", "international media", "international", "B")

REBELS = "Opposition Rebels (Syria)"
SYRIA = "Military Forces of Syria (2000-)"
ETILAF = "Syrian Coalition: National Coalition of Syrian Revolution and Opposition Forces"


def report(number: int, source: SourceInfo, **fields: object) -> ReportView:
    values: dict[str, object] = {
        "document": f"doc{number}",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Chemical weapon",
        "event_date": date(2018, 11, 24),
        "country": "Syria",
        "admin1": "Aleppo",
        "location": "Aleppo",
        "actor1": REBELS,
        "actor2": "Civilians (Syria)",
        "weapon": "chlorine",
    }
    values.update(fields)
    return ReportView(id=number, source=source, **values)  # type: ignore[arg-type]


def claim(number: int, source: SourceInfo, stance: str, statement: str, **fields: object
          ) -> ClaimView:
    values: dict[str, object] = {
        "report_id": None,
        "document": f"doc{number}",
        "claimant": source.name,
        "claimant_actor": "",
        "hedged": False,
    }
    values.update(fields)
    return ClaimView(id=number, source=source, stance=stance, statement=statement,
                     **values)  # type: ignore[arg-type]


def aleppo_chlorine() -> IncidentView:
    """SANA and the Russian MoD accuse armed groups of shelling Aleppo with chlorine; the
    Syrian Coalition, in a press release that also covers other matters, calls it lies."""
    reports = [
        report(1, SANA, fatalities=0, injured=107),
        report(2, RUSSIA, injured=46),
        report(3, COALITION, actor1="", actor2=""),
    ]
    claims = [
        claim(1, SANA, "accuses", "Terrorist groups fired shells containing toxic gases on "
              "residential neighbourhoods of Aleppo.", report_id=1),
        claim(2, RUSSIA, "accuses", "Militants shelled Aleppo with munitions filled with "
              "chlorine.", report_id=2, claimant="Russian Defence Ministry",
              claimant_actor="Military Forces of Russia (2000-)"),
        claim(3, COALITION, "denies", "The Russian and regime allegations of a chemical attack "
              "on Aleppo are lies and a fabrication meant to justify an assault on Idlib.",
              document="doc3"),
        claim(4, COALITION, "calls_for", "The Coalition calls for the revival of the Joint "
              "Investigative Mechanism on chemical weapons in Aleppo.", document="doc3"),
        claim(5, COALITION, "denies", "The opposition factions are committed to the "
              "agreement.", document="doc3"),
    ]
    return IncidentView(7, reports, claims)


def test_aleppo_chlorine_is_contested_with_each_sides_account() -> None:
    result = contest(aleppo_chlorine())
    assert result.contested
    assert any(r.startswith("denied by Syrian Coalition (Etilaf) (opposition side)")
               for r in result.reasons)
    assert sorted(result.by_side) == ["government", "opposition"]
    assert [c.id for c in result.by_side["government"]] == [1, 2]
    assert [c.id for c in result.by_side["opposition"]] == [3]
    assert "lies and a fabrication" in result.by_side["opposition"][0].statement


def test_unattached_claims_must_say_what_they_are_about() -> None:
    ids = [c.id for c in claims_about(aleppo_chlorine())]
    assert ids == [1, 2, 3]  # 4 is a call, 5 names neither the place, the weapon nor the type


def test_unattached_claims_from_outside_documents_are_ignored() -> None:
    incident = aleppo_chlorine()
    incident.claims = [c for c in incident.claims if c.id != 3]
    incident.claims.append(claim(9, COALITION, "denies", "The chemical attack on Aleppo is a "
                                 "fabrication.", document="elsewhere"))
    assert not contest(incident).contested


def test_two_sources_that_agree_are_not_contested() -> None:
    reports = [
        report(1, SOHR, sub_event_type="Air/drone strike", actor1=SYRIA, weapon=""),
        report(2, REUTERS, sub_event_type="Air/drone strike", actor1=SYRIA, weapon=""),
    ]
    claims = [
        claim(1, SOHR, "asserts", "Regime warplanes struck Aleppo.", report_id=1),
        claim(2, REUTERS, "asserts", "Warplanes struck Aleppo, a monitor said.", report_id=2),
    ]
    result = contest(IncidentView(1, reports, claims))
    assert not result.contested
    assert result.reasons == []


def test_denial_by_the_same_holder_does_not_contest() -> None:
    reports = [report(1, SANA)]
    claims = [
        claim(1, SANA, "accuses", "Terrorists fired chlorine at Aleppo.", report_id=1),
        claim(2, SANA, "denies", "The army denied any role in Aleppo.", report_id=1),
    ]
    assert not contest(IncidentView(1, reports, claims)).contested


def test_denial_by_another_claimant_actor_in_one_source_contests() -> None:
    reports = [report(1, REUTERS)]
    claims = [
        claim(1, REUTERS, "accuses", "Russia accused rebels of a chlorine attack on Aleppo.",
              report_id=1, claimant="Russia", claimant_actor="Military Forces of Russia (2000-)",
              claimant_side="government"),
        claim(2, REUTERS, "denies", "Rebels denied using chemical weapons.", report_id=1,
              claimant="rebels", claimant_actor=REBELS, claimant_side="opposition"),
    ]
    result = contest(IncidentView(1, reports, claims))
    assert result.contested  # each claimant holds its own side, not the wire's
    assert result.reasons == ["denied by rebels (opposition side), against Russia, Reuters"]
    assert sorted(result.by_side) == ["government", "opposition"]


def test_claimants_the_dictionary_cannot_place_are_held_by_their_source() -> None:
    reports = [report(1, REUTERS)]
    claims = [
        claim(1, REUTERS, "accuses", "Officials accused rebels of a chlorine attack.",
              report_id=1, claimant="the source", claimant_actor="source"),
        claim(2, REUTERS, "denies", "Rebels denied using chemical weapons.", report_id=1,
              claimant="it", claimant_actor="it"),
    ]
    result = contest(IncidentView(1, reports, claims))
    assert not result.contested  # one wire, no named holders: nothing stands against anything
    assert list(result.by_side) == ["international"]


def test_denial_against_another_sides_report_contests() -> None:
    reports = [report(1, SANA)]
    claims = [claim(2, COALITION, "denies", "No chlorine was used.", report_id=1)]
    result = contest(IncidentView(1, reports, claims))
    assert result.contested
    assert "against SANA (Syrian Arab News Agency)" in result.reasons[0]


def test_sides_blaming_different_perpetrators_contest() -> None:
    reports = [report(1, SANA, actor1=REBELS), report(2, SOHR, actor1=SYRIA)]
    result = contest(IncidentView(1, reports, []))
    assert result.contested
    assert result.reasons == [
        f"government side sources blame {REBELS}; opposition side sources blame {SYRIA}"
    ]


def test_syrian_or_russian_jet_is_not_a_contest() -> None:
    reports = [
        report(1, REUTERS, actor1="Military Forces of Russia (2000-)"),
        report(2, SOHR, actor1=SYRIA),
        report(3, SANA, actor1="Unidentified Armed Group (Syria)"),
    ]
    assert not contest(IncidentView(1, reports, [])).contested
    assert camp("Military Forces of Russia (2000-)") == camp(SYRIA)
    assert camp(REBELS) == REBELS


def test_json_is_plain_and_ordered() -> None:
    data = contest(aleppo_chlorine()).as_json()
    assert list(data) == ["contested", "reasons", "by_side"]
    assert list(data["by_side"]) == ["government", "opposition"]
    first = data["by_side"]["government"][0]
    assert first["source"] == "SANA (Syrian Arab News Agency)"
    assert first["stance"] == "accuses"
    assert json.loads(json.dumps(data)) == data


def test_a_denial_of_these_accusations_answers_the_accusation_in_its_own_document() -> None:
    reports = [report(1, SANA), report(2, COALITION, actor1="", actor2="")]
    claims = [
        claim(1, SANA, "accuses", "Terrorists fired toxic gas shells at Aleppo.", report_id=1),
        claim(2, COALITION, "accuses", "opposition factions of firing chlorine shells at Aleppo",
              report_id=2, claimant="the Assad regime and Moscow",
              claimant_actor=SYRIA, claimant_side="government", document="doc2"),
        claim(3, COALITION, "denies", "these accusations outright", document="doc2",
              claimant="The Syrian Coalition", claimant_actor=ETILAF, claimant_side="opposition"),
    ]
    result = contest(IncidentView(8, reports, claims))
    assert result.contested
    assert any(r.startswith("denied by The Syrian Coalition") for r in result.reasons)


def test_a_claimant_the_dictionary_cannot_place_is_named_by_its_source() -> None:
    """A misread claimant span ('on the evening of 24 November shells ...') says less than
    the outlet that printed it; more than four holders are counted, not listed."""
    reports = [report(1, COALITION)]
    claims = [claim(n, SANA, "asserts", "Shells carrying chlorine hit Aleppo.", report_id=1,
                    claimant=f"misread phrase {n}") for n in range(1, 3)]
    claims += [claim(n, s, "accuses", "Rebels fired chlorine at Aleppo.", report_id=1,
                     claimant=f"official {n}", claimant_actor=f"Actor {n}", claimant_side="")
               for n, s in ((3, RUSSIA), (4, RUSSIA), (5, RUSSIA), (6, RUSSIA), (7, RUSSIA))]
    claims.append(claim(9, COALITION, "denies", "No chlorine was used.", report_id=1,
                        claimant="The Syrian Coalition", claimant_actor=ETILAF,
                        claimant_side="opposition"))
    reason = contest(IncidentView(10, reports, claims)).reasons[0]
    assert "misread phrase" not in reason
    assert reason == ("denied by The Syrian Coalition (opposition side), against SANA (Syrian "
                      "Arab News Agency), official 3, official 4, official 5 and 2 more")


def test_a_denial_pointing_back_needs_an_accusation_in_its_own_document() -> None:
    reports = [report(1, SANA), report(2, COALITION, actor1="", actor2="")]
    claims = [
        claim(1, SANA, "accuses", "Terrorists fired toxic gas shells at Aleppo.", report_id=1),
        claim(3, COALITION, "denies", "these accusations outright", document="doc2",
              claimant="The Syrian Coalition"),
    ]
    assert not contest(IncidentView(9, reports, claims)).contested


def _monthly_report() -> tuple[IncidentView, IncidentView]:
    """One monitor's monthly report: a chlorine accusation and its denial, and, elsewhere in
    it, the shelling of a town in Hama that government media also reported."""
    chlorine = report(1, SOHR, document="month")
    shelling = report(2, SOHR, document="month", sub_event_type="Shelling/artillery/missile "
                      "attack", location="Kafr Zita", admin1="Hama", weapon="artillery",
                      actor1="", actor2="")
    claims = [
        claim(1, SOHR, "accuses", "armed groups of firing shells carrying chlorine on western "
              "Aleppo", report_id=1, document="month", claimant="the Russian defence ministry",
              claimant_actor="Military Forces of Russia (2000-)", claimant_side="government"),
        claim(2, SOHR, "denies", "firing any such shells", document="month",
              claimant="other factions", claimant_actor=REBELS, claimant_side="opposition"),
        claim(3, SOHR, "asserts", "shelling of government-held areas near the zone by armed "
              "groups", report_id=2, document="month", claimant="Government media"),
    ]
    return IncidentView(20, [chlorine], claims), IncidentView(21, [shelling], claims)


def test_a_denial_of_such_things_belongs_to_the_claim_it_points_back_at() -> None:
    chlorine, shelling = _monthly_report()
    assert [c.id for c in claims_about(chlorine)] == [1, 2]
    assert [c.id for c in claims_about(shelling)] == [3]  # "shells" names shelling, but no
    assert contest(chlorine).contested  # the denial answers the chlorine accusation
    assert not contest(shelling).contested


def test_copies_of_one_text_are_listed_once_per_side() -> None:
    reports = [report(1, SANA), report(2, SANA, document="doc2")]
    words = "Terrorists fired toxic gas shells at Aleppo."
    claims = [claim(1, SANA, "accuses", words, report_id=1),
              claim(2, SANA, "accuses", words.replace(" ", "\n", 1), report_id=2,
                    document="doc2"),
              claim(3, SANA, "asserts", "107 people were treated.", report_id=2,
                    document="doc2")]
    listed = contest(IncidentView(1, reports, claims)).by_side["government"]
    assert [c.id for c in listed] == [1, 3]  # the first copy kept, in id order


def test_factions_of_one_side_do_not_contest_each_other() -> None:
    reports = [report(1, SOHR)]
    claims = [
        claim(1, SOHR, "asserts", "The opposition never used chemical weapons.",
              report_id=1, claimant="the Front", claimant_actor="NLF: National Liberation Front",
              claimant_side="opposition"),
        claim(2, SOHR, "denies", "Rebels denied using chemical weapons.", report_id=1,
              claimant="rebels", claimant_actor=REBELS, claimant_side="opposition"),
    ]
    assert not contest(IncidentView(1, reports, claims)).contested


def test_an_allegiance_outside_the_source_sides_still_holds_a_claim() -> None:
    reports = [report(1, REUTERS, actor1="", actor2="")]
    claims = [
        claim(1, REUTERS, "alleges", "Its fighters killed 20 soldiers.", report_id=1,
              claimant="it", claimant_actor="IS: Islamic State", claimant_side="jihadist"),
        claim(2, REUTERS, "denies", "No soldier was killed.", report_id=1, claimant="the SDF",
              claimant_actor="QSD: Syrian Democratic Forces", claimant_side="kurdish"),
    ]
    result = contest(IncidentView(1, reports, claims))
    assert result.reasons == ["denied by the SDF (kurdish side), against IS: Islamic State, "
                              "Reuters"]  # a pronoun's holder is named by its actor
    assert sorted(result.by_side) == ["jihadist", "kurdish"]


def test_a_holder_is_named_once_whatever_its_wording() -> None:
    russia = {"claimant_actor": "Military Forces of Russia (2000-)", "claimant_side": "government"}
    claims = [claim(1, REUTERS, "asserts", "Shells with chlorine hit Aleppo.", report_id=1,
                    claimant="The Russian defence ministry", **russia),
              claim(2, REUTERS, "asserts", "The shelling came from the west.", report_id=1,
                    claimant="it", **russia),
              claim(3, REUTERS, "accuses", "Rebels fired the shells.", report_id=1,
                    claimant="the Russian defence ministry", **russia),
              claim(4, REUTERS, "denies", "No such shells were fired.", report_id=1,
                    claimant="rebels", claimant_actor=REBELS, claimant_side="opposition")]
    result = contest(IncidentView(1, [report(1, SOHR)], claims))
    assert result.reasons == ["denied by rebels (opposition side), against The Russian defence "
                              "ministry"]


def test_a_withheld_claimant_is_named_by_its_source() -> None:
    witness = SourceInfo("witness W-017", "witness", "unknown", "F")
    claims = [claim(1, witness, "asserts", WITHHELD, report_id=1, claimant=WITHHELD,
                    claimant_actor="Civilians (Syria)", claimant_side="civilian"),
              claim(2, COALITION, "denies", "No strike hit the village.", report_id=1,
                    claimant="The Syrian Coalition", claimant_actor=ETILAF,
                    claimant_side="opposition")]
    reason = contest(IncidentView(1, [report(1, witness)], claims)).reasons[0]
    assert WITHHELD not in reason and "witness W-017" in reason


def test_one_reason_per_denying_side_and_each_holder_named_once() -> None:
    """Two opposition factions deny SANA's account: one reason for the opposition side names
    both; SANA's correspondent (the actor SANA) and a SANA claim whose claimant the dictionary
    cannot place (held by the source SANA) are one holder."""
    sana_actor = "SANA: Syrian Arab News Agency"
    claims = [
        claim(1, SANA, "asserts", "Shells carrying chlorine fell on Aleppo.", report_id=1,
              claimant="SANA's correspondent in Aleppo", claimant_actor=sana_actor,
              claimant_side="government"),
        claim(2, SANA, "asserts", "Signs pointed to chlorine in Aleppo.", report_id=1,
              claimant="the source", claimant_actor="the source", claimant_side=None),
        claim(3, SOHR, "denies", "Opposition factions denied firing chlorine at Aleppo.",
              document="doc1", claimant="opposition factions", claimant_actor=REBELS,
              claimant_side="opposition"),
        claim(4, SOHR, "denies", "The NLF denied any chlorine attack on Aleppo.",
              document="doc1", claimant="The NLF", claimant_side="opposition",
              claimant_actor="NLF: National Liberation Front"),
    ]
    result = contest(IncidentView(9, [report(1, SANA)], claims))
    assert result.reasons == ["denied by opposition factions, The NLF (opposition side), "
                              "against SANA's correspondent in Aleppo"]
