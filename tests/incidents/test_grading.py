"""grade(): each rule of the scale, each way, on hand-written incidents."""

from __future__ import annotations

import json
from datetime import date

import pytest

from raqib.incidents.contested import Contest
from raqib.incidents.grading import GRADES, Grade, GradeError, Manual, grade
from raqib.incidents.records import ClaimView, IncidentView, ReportView, SourceInfo

SANA = SourceInfo("SANA", "state media", "government", "C")
TASS = SourceInfo("TASS", "state media", "government", "C")
SOHR = SourceInfo("SOHR", "ngo", "opposition", "B")
SNHR = SourceInfo("SNHR", "ngo", "opposition", "B")
COALITION = SourceInfo("Syrian Coalition", "opposition body", "opposition", "C")
OCHA = SourceInfo("UN OCHA", "un body", "international", "A")
LOCAL = SourceInfo("Enab Baladi", "local media", "opposition", "C")
BLOG = SourceInfo("A blog", "unknown", "unknown", "F")

STORY = (
    "Shelling killed four people on Sunday in the village of Kafr Zita in the northern Hama "
    "countryside, residents said, as fighting continued along the edge of the buffer zone."
)


def report(number: int, source: SourceInfo, **fields: object) -> ReportView:
    values: dict[str, object] = {
        "document": f"doc{number}",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "event_date": date(2018, 11, 4),
        "location": "Kafr Zita",
        "actor1": "Military Forces of Syria (2000-)",
    }
    values.update(fields)
    return ReportView(id=number, source=source, **values)  # type: ignore[arg-type]


def incident(*reports: ReportView, claims: list[ClaimView] | None = None) -> IncidentView:
    return IncidentView(1, list(reports), claims or [])


NOT_CONTESTED = Contest(False)


def test_one_source_is_weak() -> None:
    result = grade(incident(report(1, SANA)), NOT_CONTESTED)
    assert (result.code, result.label, result.admiralty) == ("weak", "Weak", "C3")
    assert result.reasons == ["only one source (SANA, state media, government side)"]
    assert (result.independent_sources, result.sides, result.best_reliability) == (
        1, ["government"], "C"
    )


def test_syndicated_copies_do_not_corroborate() -> None:
    copies = [report(n, src, full_text=STORY) for n, src in ((1, SANA), (2, TASS), (3, LOCAL))]
    result = grade(incident(*copies), NOT_CONTESTED)
    assert result.code == "weak"
    assert result.independent_sources == 1


def test_one_unjudged_source_cannot_be_judged() -> None:
    assert grade(incident(report(1, BLOG)), NOT_CONTESTED).admiralty == "F6"
    assert grade(incident(), NOT_CONTESTED).admiralty == "F6"
    assert grade(incident(), NOT_CONTESTED).reasons == ["no reports"]


def test_one_reliable_source_is_fair() -> None:
    result = grade(incident(report(1, SOHR)), NOT_CONTESTED)
    assert (result.code, result.admiralty) == ("fair", "B2")
    assert result.reasons == ["only one source, rated B (SOHR, ngo, opposition side); no denial"]


def test_two_sources_of_one_side_are_fair() -> None:
    result = grade(incident(report(1, SANA), report(2, TASS)), NOT_CONTESTED)
    assert (result.code, result.admiralty) == ("fair", "C2")
    assert result.reasons == ["2 independent sources from 1 side (government); no denial"]


def test_two_sides_confirm() -> None:
    result = grade(incident(report(1, SANA), report(2, COALITION), report(3, LOCAL)),
                   NOT_CONTESTED)
    assert (result.code, result.label, result.admiralty) == ("confirmed", "Confirmed", "C1")
    assert result.reasons == [
        "3 independent sources from 2 sides (government, opposition); no denial"
    ]


def test_reliable_source_plus_another_confirms() -> None:
    result = grade(incident(report(1, SOHR), report(2, LOCAL)), NOT_CONTESTED)
    assert (result.code, result.admiralty) == ("confirmed", "B2")
    assert "one rated B (SOHR)" in result.reasons[0]


def test_international_source_counts_as_a_side() -> None:
    result = grade(incident(report(1, OCHA), report(2, SOHR)), NOT_CONTESTED)
    assert (result.code, result.admiralty, result.sides) == (
        "confirmed", "A1", ["international", "opposition"]
    )


def test_unknown_sides_are_not_sides() -> None:
    other = SourceInfo("Another blog", side="unknown", reliability="F")
    result = grade(incident(report(1, BLOG), report(2, other)), NOT_CONTESTED)
    assert (result.code, result.sides) == ("fair", [])
    assert result.reasons == ["2 independent sources, sides unknown; no denial"]


def test_contested_wins_over_corroboration_and_lowers_credibility() -> None:
    contest = Contest(True, ["denied by the Syrian Coalition (opposition side), against SANA"])
    result = grade(incident(report(1, SANA), report(2, OCHA)), contest)
    assert (result.code, result.label, result.admiralty) == ("contested", "Contested", "A2")
    assert result.reasons[1] == "denied by the Syrian Coalition (opposition side), against SANA"


def test_contest_is_computed_when_not_given() -> None:
    denial = ClaimView(1, 1, "doc9", COALITION, "Syrian Coalition", "", "denies",
                       "The regime's claims about Kafr Zita are lies.")
    result = grade(incident(report(1, SANA), report(9, COALITION), claims=[denial]))
    assert result.code == "contested"
    assert result.independent_sources == 1  # the denier does not corroborate
    assert result.admiralty == "C4"
    assert any(r.startswith("denied by Syrian Coalition") for r in result.reasons)
    assert grade(incident(report(1, SANA), report(2, LOCAL))).code == "confirmed"


def test_manual_grade_wins_and_says_so() -> None:
    result = grade(incident(report(1, SANA), report(2, LOCAL)), NOT_CONTESTED,
                   manual=Manual("discounted", "the video is from 2016", reviewer="amal"))
    assert (result.code, result.label, result.manual) == ("discounted", "Discounted", True)
    assert result.admiralty == "C5"
    assert result.reasons[0] == "set by a reviewer (amal): the video is from 2016"
    assert result.reasons[1].startswith("computed grade would be Confirmed: 2 independent")


def test_manual_grade_as_a_tuple_and_with_a_code() -> None:
    result = grade(incident(report(1, SANA)), NOT_CONTESTED,
                   manual=("confirmed", "checked against satellite imagery"))
    assert (result.code, result.admiralty) == ("confirmed", "C3")
    manual = Manual("confirmed", "site visit", admiralty="B1")
    assert grade(incident(report(1, SANA)), NOT_CONTESTED, manual=manual).admiralty == "B1"


def test_manual_grade_off_the_scale_is_an_error() -> None:
    with pytest.raises(GradeError, match="grade must be one of"):
        grade(incident(report(1, SANA)), NOT_CONTESTED, manual=("certain", "sure"))


def test_json_is_stable() -> None:
    result = grade(incident(report(1, SANA)), NOT_CONTESTED)
    assert isinstance(result, Grade)
    data = result.as_json()
    assert list(data) == ["code", "label", "admiralty", "reasons", "independent_sources",
                          "sides", "best_reliability", "manual"]
    assert json.loads(json.dumps(data)) == data
    assert set(GRADES) == {"confirmed", "fair", "weak", "contested", "discounted"}
