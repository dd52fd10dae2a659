"""An incident's reconciled fields: what its reports, taken together, say happened.

``reconcile(reports)`` first groups the reports into independent accounts
(``independence.independent_groups``: syndicated copies of one story are one account), then
decides each field by the accounts, never by the raw number of copies:

- ``event_date``: the date most accounts give (each account votes once, with the date most
  of its reports give); when any account gives a date to the day (time_precision 1), only
  day-precise dates vote. Earliest date on ties. ``time_precision`` is the best precision
  among the reports giving that date.
- place (``location``, ``admin1``, ``country``, ``latitude``, ``longitude``,
  ``geo_precision``): the most precise level any report reaches wins (a region's name usually
  contains the town's, so it does not contradict it), and within that level the place most
  accounts name, then the heaviest vote, then the name. Coordinates come from the heaviest
  report naming that place with coordinates.
- ``event_type`` / ``sub_event_type``: each account votes for its representative's
  sub-event type with weight = reliability weight × confidence (``independence.weight``).
  Among sub-event types tied at the top, the ACLED codebook's precedence decides
  (``Taxonomy.apply_precedence``: e.g. Air/drone strike over Shelling/artillery/missile
  attack), then the name.
- ``actor1``, ``actor2``, ``weapon``: the value most accounts name (empty values do not
  vote), then the heaviest vote, then the name; ``actor2`` differs from ``actor1``.
- ``fatalities_min`` / ``fatalities_max``: the lowest and highest count among accounts
  (an account's count is the highest its copies give). A count of 0 means the report gave
  none and does not vote unless no account gives a count; duplicate counts are never summed.
- ``injured_min`` / ``injured_max``: likewise over reports that state a count (None: none do).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from raqib.extract import taxonomy as taxonomy_module
from raqib.incidents.independence import independent_groups, representative, weight
from raqib.incidents.records import ReportView

Group = list[ReportView]


@dataclass(frozen=True)
class Reconciled:
    """The reconciled fields of one incident (ACLED names where ACLED has one)."""

    event_date: date | None = None
    time_precision: int = 3
    location: str = ""
    admin1: str = ""
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    actor2: str = ""
    weapon: str = ""
    fatalities_min: int = 0
    fatalities_max: int = 0
    injured_min: int | None = None
    injured_max: int | None = None
    reports: int = 0
    independent_sources: int = 0

    def as_json(self) -> dict[str, Any]:
        """Plain JSON types; keys in a fixed order. (Every field is a scalar: no deep copy,
        which ``asdict`` makes and which cost a tenth of refreshing an incident.)"""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["event_date"] = self.event_date.isoformat() if self.event_date else None
        return data


def reconcile(
    reports: Sequence[ReportView], taxonomy: taxonomy_module.Taxonomy | None = None,
    groups: list[Group] | None = None,
) -> Reconciled:
    """The reconciled fields of the incident told by ``reports`` (see the module docstring).

    ``taxonomy`` (default: the shipped ACLED taxonomy) gives the precedence between
    sub-event types; ``groups``, the reports' ``independent_groups`` when already known. No
    reports give an empty ``Reconciled``.
    """
    if not reports:
        return Reconciled()
    groups = groups if groups is not None else independent_groups(reports)
    event_date, time_precision = _date(groups)
    sub_event, event_type = _event_type(groups, taxonomy or taxonomy_module.load())
    actor1 = _most_named(groups, lambda r: r.actor1)
    fat_min, fat_max = _fatalities(groups)
    inj_min, inj_max = _injured(groups)
    return Reconciled(
        event_date=event_date,
        time_precision=time_precision,
        **_place(groups),
        event_type=event_type,
        sub_event_type=sub_event,
        actor1=actor1,
        actor2=_most_named(groups, lambda r: r.actor2, exclude=actor1),
        weapon=_most_named(groups, lambda r: r.weapon),
        fatalities_min=fat_min,
        fatalities_max=fat_max,
        injured_min=inj_min,
        injured_max=inj_max,
        reports=len(reports),
        independent_sources=len(groups),
    )


def _group_value(group: Group, value: Callable[[ReportView], Any]) -> Any:
    """The value most of a group's reports give (heaviest report on ties); None if none."""
    given = [r for r in group if value(r) not in (None, "")]
    if not given:
        return None
    counts = Counter(value(r) for r in given)
    return value(min(given, key=lambda r: (-counts[value(r)], -weight(r), r.id)))


def _date(groups: list[Group]) -> tuple[date | None, int]:
    dated = [[r for r in g if r.event_date is not None] for g in groups]
    dated = [g for g in dated if g]
    if not dated:
        return None, 3
    precise = [[r for r in g if r.time_precision == 1] for g in dated]
    precise = [g for g in precise if g]
    voters = precise or dated
    votes = Counter(_group_value(g, lambda r: r.event_date) for g in voters)
    best = min(votes, key=lambda d: (-votes[d], d))
    precision = min(r.time_precision for g in voters for r in g if r.event_date == best)
    return best, precision


def _place(groups: list[Group]) -> dict[str, Any]:
    placed = [r for g in groups for r in g if r.location or r.admin1 or r.country]
    if not placed:
        return {}
    level = min(r.geo_precision for r in placed)
    at_level = [r for r in placed if r.geo_precision == level]
    chosen = {id(r) for r in at_level}

    def key(r: ReportView) -> tuple[str, str, str]:
        return (r.location, r.admin1, r.country)

    accounts: Counter[tuple[str, str, str]] = Counter()
    weights: Counter[tuple[str, str, str]] = Counter()
    for group in groups:
        for place in {key(r) for r in group if id(r) in chosen}:
            accounts[place] += 1
            weights[place] += max(weight(r) for r in group if key(r) == place)
    best = min(accounts, key=lambda p: (-accounts[p], -weights[p], p))
    naming = sorted((r for r in at_level if key(r) == best), key=lambda r: (-weight(r), r.id))
    located = [r for r in naming if r.latitude is not None and r.longitude is not None]
    return {
        "location": best[0],
        "admin1": best[1],
        "country": best[2],
        "latitude": located[0].latitude if located else None,
        "longitude": located[0].longitude if located else None,
        "geo_precision": level,
    }


def _event_type(groups: list[Group], tax: taxonomy_module.Taxonomy) -> tuple[str, str]:
    scores: Counter[str] = Counter()
    event_types: dict[str, str] = {}
    for group in groups:
        rep = representative([r for r in group if r.sub_event_type] or group)
        if not rep.sub_event_type:
            continue
        scores[rep.sub_event_type] += weight(rep)
        event_types.setdefault(rep.sub_event_type, rep.event_type)
    if not scores:
        return "", ""
    top = max(scores.values())
    tied = {name: score for name, score in scores.items() if top - score < 1e-9}
    survivors = tax.apply_precedence(tied) if len(tied) > 1 else tied
    best = min(survivors or tied)
    event_type = event_types.get(best) or ""
    if best in tax.sub_event_types:
        event_type = tax.event_type(best)
    return best, event_type


def _most_named(
    groups: list[Group], value: Callable[[ReportView], str], exclude: str = ""
) -> str:
    accounts: Counter[str] = Counter()
    weights: Counter[str] = Counter()
    for group in groups:
        for name in {value(r) for r in group if value(r) and value(r) != exclude}:
            accounts[name] += 1
            weights[name] += max(weight(r) for r in group if value(r) == name)
    if not accounts:
        return ""
    return min(accounts, key=lambda n: (-accounts[n], -weights[n], n))


def _fatalities(groups: list[Group]) -> tuple[int, int]:
    counts = [max(r.fatalities for r in g) for g in groups]
    given = [c for c in counts if c > 0]
    if not given:
        return 0, 0
    return min(given), max(given)


def _injured(groups: list[Group]) -> tuple[int | None, int | None]:
    counts = [
        max(r.injured for r in g if r.injured is not None)
        for g in groups
        if any(r.injured is not None for r in g)
    ]
    if not counts:
        return None, None
    return min(counts), max(counts)
