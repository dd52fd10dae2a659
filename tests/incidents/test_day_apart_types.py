"""incidents.linking: two reports a day apart link only as one kind of event. The next day's
bombardment of the suburbs a chemical attack struck is another event, however many words the
two share; the same shelling told a day late is still the same shelling."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.incidents.linking import IncidentIndex, explain, link, link_all
from raqib.incidents.records import ReportView, SourceInfo

REUTERS = SourceInfo("Reuters", "international media", "international", "B", "en")
SNHR = SourceInfo("Syrian Network for Human Rights", "ngo", "opposition", "B", "en")
ZAMALKA = {"latitude": 33.5231, "longitude": 36.3569, "location": "Zamalka",
           "country": "Syria", "admin1": "Rural Damascus"}


def _report(id: int, sub_event_type: str, day: int, text: str) -> ReportView:
    return ReportView(
        id=id, document=f"doc{id}", source=REUTERS if id % 2 else SNHR,
        event_type="Explosions/Remote violence", sub_event_type=sub_event_type,
        event_date=date(2013, 8, day), actor1="Military Forces of Syria (2000-)", **ZAMALKA,
        text=text)


ATTACK = _report(1, "Chemical weapon", 21, "Hundreds killed in gas attack on Zamalka and "
                 "Ein Tarma in eastern Ghouta, activists say; rockets loaded with gas")


@pytest.mark.parametrize(("sub_event_type", "linked"), [
    ("Shelling/artillery/missile attack", False), ("Chemical weapon", True)])
def test_a_day_apart_links_only_one_kind_of_event(sub_event_type: str, linked: bool) -> None:
    """events v73 read "Assad's forces bombard Damascus suburbs after gas attack" as the
    shelling it tells; the linker then still joined it to the gas attack of the day before
    (same place, the regime's forces, "gas attack" and "rockets" in common)."""
    next_day = _report(2, sub_event_type, 22, "Regime forces bombard Zamalka and Ein Tarma "
                       "in eastern Ghouta with rockets after gas attack, activists say")
    placed = link_all([ATTACK, next_day])
    assert (placed[1] == placed[2]) is linked


def test_the_reason_is_given() -> None:
    next_day = _report(2, "Shelling/artillery/missile attack", 22,
                       "Regime forces bombard Zamalka after gas attack, activists say")
    index = IncidentIndex()
    link([ATTACK], index, lambda: 1)
    assert "a day apart and of different sub-event types" in explain(
        next_day, index.members(1), index=index)
