"""Agreements (ceasefires, de-escalation zones) as data, and the incidents that violate them.

An agreement file is one UTF-8 JSON object, format ``raqib.agreement/1``:

| key | required | what |
|---|---|---|
| ``format`` | yes | ``"raqib.agreement/1"`` |
| ``name`` | yes | short identifier, e.g. ``"idlib-2018"`` |
| ``title`` | yes | human title |
| ``zone`` | yes | GeoJSON ``Polygon`` or ``MultiPolygon``, [longitude, latitude] (WGS 84) |
| ``period`` | yes | ``{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD" or null}`` (both days included) |
| ``parties`` | no | ACLED actor names bound by the agreement |
| ``prohibited`` | yes | ACLED event types and/or sub-event types forbidden in the zone |
| ``notes`` | no | free text: how the zone was drawn, how approximate it is |
| ``sources`` | no | list of public descriptions the file was drawn from |

``load(path)`` validates everything and raises ``AgreementError`` (a ``ValueError``) with a
one-line message naming the file and the field. ``violations(agreement, incidents)`` lists
the incidents inside the zone (shapely point-in-polygon on a prepared geometry; a point on
the boundary counts as inside), within the period and of a prohibited type; incidents
without a date or coordinates cannot be judged and are left out. ``summarise`` counts them
by actor, month or type. The shipped agreements are in ``resources/agreements``
(``default_agreements()``); see ``docs/agreements.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from raqib.extract import taxonomy as taxonomy_module
from raqib.incidents.reconcile import Reconciled

FORMAT = "raqib.agreement/1"


class AgreementError(ValueError):
    """An agreement file is missing, unreadable or malformed."""


@dataclass(frozen=True)
class Agreement:
    name: str
    title: str
    zone: BaseGeometry
    """The zone, prepared for fast point-in-polygon tests."""
    start: date
    end: date | None = None
    parties: tuple[str, ...] = ()
    prohibited: tuple[str, ...] = ()
    notes: str = ""
    sources: tuple[str, ...] = ()
    path: str = ""

    def contains(self, latitude: float, longitude: float) -> bool:
        """Whether the point is in the zone (the boundary counts as in)."""
        return bool(self.zone.intersects(Point(longitude, latitude)))

    def in_force(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def forbids(self, event_type: str, sub_event_type: str) -> str | None:
        """The prohibited entry an event of these types falls under, or None."""
        for entry in self.prohibited:
            if entry in (sub_event_type, event_type):
                return entry
        return None


@dataclass(frozen=True)
class Violation:
    agreement: str
    incident_id: int
    event_date: date
    event_type: str
    sub_event_type: str
    prohibited: str
    """The agreement's prohibited entry the incident falls under."""
    actor1: str
    actor2: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    fatalities_min: int
    fatalities_max: int
    by_party: bool
    """Whether actor1 is one of the agreement's parties."""
    parties_involved: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "agreement": self.agreement,
            "incident_id": self.incident_id,
            "event_date": self.event_date.isoformat(),
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "prohibited": self.prohibited,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "fatalities_min": self.fatalities_min,
            "fatalities_max": self.fatalities_max,
            "by_party": self.by_party,
            "parties_involved": list(self.parties_involved),
        }


def default_folder() -> Path:
    return Path(str(resources.files("raqib") / "resources" / "agreements"))


def default_agreements() -> list[Agreement]:
    """The agreements shipped with Raqib, in file-name order."""
    return [load(path) for path in sorted(default_folder().glob("*.json"))]


def load(path: str | Path) -> Agreement:
    """The agreement in ``path``; ``AgreementError`` naming the file and field if malformed."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AgreementError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise AgreementError(f"{path}: not JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(data, dict):
        raise AgreementError(f"{path}: expected a JSON object")
    return parse(data, str(path))


def parse(data: dict[str, Any], where: str = "<agreement>") -> Agreement:
    """An agreement from its JSON object; ``where`` names it in errors."""

    def fail(name: str, problem: str) -> AgreementError:
        return AgreementError(f"{where}: field '{name}': {problem}")

    if data.get("format") != FORMAT:
        raise fail("format", f"expected {FORMAT!r}, got {data.get('format')!r}")
    for name in ("name", "title"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise fail(name, "missing or not a non-empty string")
    start, end = _period(data.get("period"), fail)
    return Agreement(
        name=data["name"],
        title=data["title"],
        zone=_zone(data.get("zone"), fail),
        start=start,
        end=end,
        parties=_strings(data, "parties", fail, required=False),
        prohibited=_prohibited(data, fail),
        notes=str(data.get("notes") or ""),
        sources=_strings(data, "sources", fail, required=False),
        path=where,
    )


def _strings(data: dict[str, Any], name: str, fail: Any, required: bool) -> tuple[str, ...]:
    value = data.get(name, None if required else [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(name, "expected a list of non-empty strings")
    if required and not value:
        raise fail(name, "must not be empty")
    return tuple(value)


def _prohibited(data: dict[str, Any], fail: Any) -> tuple[str, ...]:
    entries = _strings(data, "prohibited", fail, required=True)
    tax = taxonomy_module.load()
    known = {*tax.event_types, *tax.sub_event_types}
    for entry in entries:
        if entry not in known:
            raise fail("prohibited", f"{entry!r} is not an ACLED event or sub-event type")
    return entries


def _period(value: Any, fail: Any) -> tuple[date, date | None]:
    if not isinstance(value, dict):
        raise fail("period", "expected an object with 'start' and optional 'end'")
    start = _day(value.get("start"), "period.start", fail)
    end = None if value.get("end") is None else _day(value["end"], "period.end", fail)
    if end is not None and end < start:
        raise fail("period.end", "is before period.start")
    return start, end


def _day(text: Any, name: str, fail: Any) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise fail(name, f"expected a date YYYY-MM-DD, got {text!r}") from None


def _zone(value: Any, fail: Any) -> BaseGeometry:
    if not isinstance(value, dict) or value.get("type") not in ("Polygon", "MultiPolygon"):
        raise fail("zone", "expected a GeoJSON Polygon or MultiPolygon geometry")
    try:
        geometry = shape(value)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        raise fail("zone", f"bad GeoJSON coordinates: {exc}") from None
    if geometry.is_empty or not geometry.is_valid:
        raise fail("zone", f"invalid polygon: {shapely.is_valid_reason(geometry)}")
    minx, miny, maxx, maxy = geometry.bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        raise fail("zone", "coordinates must be [longitude, latitude] in degrees")
    shapely.prepare(geometry)
    return geometry


def violations(
    agreement: Agreement,
    incidents: Iterable[tuple[int, Reconciled]],
    parties_only: bool = False,
) -> list[Violation]:
    """The incidents that break ``agreement``: in its zone, in its period, of a prohibited
    type; with ``parties_only``, only those whose actor1 or actor2 is a party. In the order
    given."""
    found = []
    for incident_id, fields in incidents:
        day, lat, lon = fields.event_date, fields.latitude, fields.longitude
        if day is None or lat is None or lon is None:
            continue
        rule = agreement.forbids(fields.event_type, fields.sub_event_type)
        if rule is None or not agreement.in_force(day) or not agreement.contains(lat, lon):
            continue
        involved = [a for a in (fields.actor1, fields.actor2) if a and a in agreement.parties]
        if parties_only and not involved:
            continue
        found.append(_violation(agreement, incident_id, fields, (day, lat, lon), rule, involved))
    return found


def _violation(
    agreement: Agreement,
    incident_id: int,
    fields: Reconciled,
    where: tuple[date, float, float],
    rule: str,
    involved: list[str],
) -> Violation:
    return Violation(
        agreement=agreement.name,
        incident_id=incident_id,
        event_date=where[0],
        event_type=fields.event_type,
        sub_event_type=fields.sub_event_type,
        prohibited=rule,
        actor1=fields.actor1,
        actor2=fields.actor2,
        location=fields.location,
        latitude=where[1],
        longitude=where[2],
        geo_precision=fields.geo_precision,
        fatalities_min=fields.fatalities_min,
        fatalities_max=fields.fatalities_max,
        by_party=fields.actor1 in agreement.parties,
        parties_involved=involved,
    )


SummaryKey = Literal["actor", "month", "type"]


def summarise(violations: Iterable[Violation], by: SummaryKey) -> list[tuple[str, int, int]]:
    """(key, incidents, fatalities) per actor1, month (YYYY-MM) or sub-event type.

    Fatalities are the lower bound (``fatalities_min``) summed over distinct incidents.
    Months come in calendar order; actors and types by incidents, most first, then name.
    """
    keys = {
        "actor": lambda v: v.actor1 or "unknown actor",
        "month": lambda v: v.event_date.strftime("%Y-%m"),
        "type": lambda v: v.sub_event_type or v.event_type or "unknown type",
    }
    if by not in keys:
        raise ValueError(f"summarise by 'actor', 'month' or 'type', not {by!r}")
    rows: dict[str, dict[int, int]] = {}
    for v in violations:
        rows.setdefault(keys[by](v), {})[v.incident_id] = v.fatalities_min
    table = [(key, len(ids), sum(ids.values())) for key, ids in rows.items()]
    if by == "month":
        return sorted(table)
    return sorted(table, key=lambda row: (-row[1], row[0]))
