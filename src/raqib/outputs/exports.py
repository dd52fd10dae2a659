"""Exports of incidents: ACLED CSV, GeoJSON, JSON lines, and the public version of each.

``records`` reads the selected incidents (the search filters) with their reports, claims,
documents and grade. The public version (``public=True``) leaves out sensitive documents
entirely (their reports, claims, sha256 and sources), re-reconciles and re-grades each
incident on what remains (an incident only sensitive documents tell is left out), names
witnesses 'witness', and coarsens the coordinates of incidents marked ``coarsen`` (or of
all, ``coarsen_all``). Every export appends a custody leaf (action ``export``) naming the
SHA-256 of what was written. The rules are in docs/exports.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

from raqib.errors import RaqibError
from raqib.extract import taxonomy
from raqib.outputs import acled
from raqib.outputs.export_records import WITNESS, Record, records, witness_names
from raqib.services.incidents import ensure_schema, get_incident
from raqib.services.reviews import record_review
from raqib.services.search import Filters
from raqib.store.engine import transaction
from raqib.vault import custody
from raqib.workspace import Workspace

FORMATS = ("jsonl", "geojson", "acled")
CORRECTED_COLUMNS = {
    "event_type": "event_type", "sub_event_type": "sub_event_type",
    "event_date": "event_date", "location": "location", "admin1": "admin1",
    "country": "country", "latitude": "latitude", "longitude": "longitude",
    "fatalities_min": "fatalities", "actor1": "actor1", "actor2": "actor2",
}
"""Incident corrections that change an ACLED column (fatalities: the lower bound)."""


class ExportError(RaqibError):
    """An export was asked in a format or way Raqib does not offer."""


# -- formats ---------------------------------------------------------------------------------


def event_id(record: Record) -> str:
    """ACLED event_id_cnty: the imported one, else ISO alpha-3 + incident id (SYR12)."""
    if record.incident.imported is not None:
        return record.incident.imported.get("event_id_cnty", "")
    found = acled.country(record.fields.get("country"))
    return f"{found.iso3 if found else 'XXX'}{record.incident.id}"


def unix_time(moment: datetime) -> int:
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def acled_row(record: Record) -> dict[str, str]:
    if record.incident.imported is not None:
        return _imported_row(record)
    f = record.fields
    row = {name: _text(f.get(name)) for name in acled.COLUMNS}
    row.update(_actors(f, [r["fields"] for r in record.reports]))
    sub, day = row["sub_event_type"], row["event_date"]
    found = acled.country(row["country"])
    tax = taxonomy.load()
    row.update(
        event_id_cnty=event_id(record), year=day[:4],
        disorder_type=tax.disorder_type(sub) if tax.canonical(sub) == sub and sub else "",
        interaction=acled.interaction(row["inter1"], row["inter2"]),
        civilian_targeting=acled.civilian_targeting(row["event_type"], row["actor2"],
                                                    row["inter2"]),
        iso=found.numeric if found else "", region=found.region if found else "",
        latitude=acled.number(f.get("latitude"), 1 if record.coarse else 4),
        longitude=acled.number(f.get("longitude"), 1 if record.coarse else 4),
        source="; ".join(dict.fromkeys(s.name for s in record.sources)),
        source_scale=acled.source_scale(s.kind for s in record.sources),
        fatalities=str(int(f.get("fatalities_min") or 0)), tags="",
        timestamp=str(unix_time(record.incident.updated_at)))
    row["notes"] = acled.notes({**f, "admin2": row["admin2"]}, bool(record.contest.get(
        "contested")))
    return row


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _actors(fields: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, str]:
    """assoc_actor_N and interN of the incident's actors, admin2 and admin3 of its place,
    from the first report that names the same actor or place."""
    out = {"assoc_actor_1": "", "inter1": "", "assoc_actor_2": "",
           "inter2": "" if fields.get("actor2") else "0", "admin2": "", "admin3": ""}
    for n in ("1", "2"):
        actor = fields.get(f"actor{n}")
        for report, m in ((r, m) for r in reports for m in ("1", "2")):
            if actor and report.get(f"actor{m}") == actor:
                out[f"inter{n}"] = out[f"inter{n}"] or _text(report.get(f"inter{m}"))
                out[f"assoc_actor_{n}"] = (out[f"assoc_actor_{n}"]
                                           or _text(report.get(f"assoc_actor_{m}")))
    for report in reports:
        if report.get("location") == fields.get("location"):
            for name in ("admin2", "admin3"):
                out[name] = out[name] or _text(report.get(name))
    return out


def _imported_row(record: Record) -> dict[str, str]:
    values = record.incident.imported or {}
    row = {name: values.get(name, "") for name in acled.COLUMNS}
    corrected = {name: value for name, value in (record.incident.corrections or {}).items()
                 if name in CORRECTED_COLUMNS}
    for name, value in corrected.items():
        row[CORRECTED_COLUMNS[name]] = _text(value)
    if "event_date" in corrected:
        row["year"] = row["event_date"][:4]
    if "country" in corrected and (found := acled.country(row["country"])):
        row["iso"], row["region"] = found.numeric, found.region
    if corrected:
        row["timestamp"] = str(unix_time(record.incident.updated_at))
    if record.coarse:
        for name in ("latitude", "longitude"):
            if row[name]:
                row[name] = acled.number(float(row[name]), 1)
        row["geo_precision"] = str(max(2, int(row["geo_precision"] or 1)))
    return row


def feature(record: Record) -> dict[str, Any] | None:
    f = record.fields
    if f.get("latitude") is None or f.get("longitude") is None:
        return None
    properties = {
        "id": record.incident.id, "event_id_cnty": event_id(record),
        "event_type": f.get("event_type") or None,
        "sub_event_type": f.get("sub_event_type") or None,
        "date": f.get("event_date"), "time_precision": f.get("time_precision"),
        "location": f.get("location") or None, "admin1": f.get("admin1") or None,
        "country": f.get("country") or None, "geo_precision": f.get("geo_precision"),
        "fatalities_min": f.get("fatalities_min"), "fatalities_max": f.get("fatalities_max"),
        "grade": record.grade.get("code"), "contested": bool(record.contest.get("contested")),
        "sources": len(record.sources) or f.get("independent_sources") or 0,
        "origin": record.incident.origin,
    }
    return {"type": "Feature", "id": record.incident.id,
            "geometry": {"type": "Point",
                         "coordinates": [float(f["longitude"]), float(f["latitude"])]},
            "properties": properties}


def jsonl_object(record: Record) -> dict[str, Any]:
    row = record.incident
    data: dict[str, Any] = {
        "id": row.id, "event_id_cnty": event_id(record), "origin": row.origin,
        "fields": record.fields, "corrections": row.corrections or {},
        "grade": record.grade, "contested": bool(record.contest.get("contested")),
        "contest": record.contest, "coarsened": record.coarse, "reports": record.reports,
        "claims": record.claims, "documents": record.documents,
    }
    if row.imported is not None:
        data["imported"] = _imported_row(record)
    return data


def chunks(records_: Iterable[Record], fmt: str) -> Iterator[str]:
    """The export's text in pieces, each whole record in one: the ACLED CSV's header and
    rows, a GeoJSON FeatureCollection's opening, features and close, or JSON lines; joined,
    the same text as rendering every record at once. ``fmt`` is one of ``FORMATS``
    (``export`` checks it before reading anything)."""
    if fmt == "acled":
        yield _csv_line(None)
        yield from (_csv_line(acled_row(r)) for r in records_)
    elif fmt == "geojson":
        yield '{"type": "FeatureCollection", "features": ['
        first = True
        for found in filter(None, map(feature, records_)):
            yield ("" if first else ", ") + json.dumps(found, ensure_ascii=False)
            first = False
        yield "]}\n"
    else:
        yield from (json.dumps(jsonl_object(r), ensure_ascii=False) + "\n" for r in records_)


def _csv_line(row: dict[str, str] | None) -> str:
    """One ACLED CSV row (None: the header)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=acled.COLUMNS, lineterminator="\n")
    if row is None:
        writer.writeheader()
    else:
        writer.writerow(row)
    return out.getvalue()


def scrub(text: str, names: set[str]) -> str:
    """Every known witness name in ``text`` replaced by 'witness' (longest first)."""
    for name in sorted((n for n in names if len(n) >= 3), key=len, reverse=True):
        text = text.replace(name, WITNESS)
    return text


@dataclass(frozen=True)
class Exported:
    sha256: str
    """Of the bytes written (UTF-8)."""
    incidents: int
    size: int


class _Counted:
    """The records as they pass, counted."""

    def __init__(self, records_: Iterable[Record]) -> None:
        self.records, self.count = records_, 0

    def __iter__(self) -> Iterator[Record]:
        for record in self.records:
            self.count += 1
            yield record


def export(ws: Workspace, fmt: str, filters: Filters, user: str, out: TextIO,
           public: bool = False, coarsen_all: bool = False) -> Exported:
    """Write the export to ``out`` as it is made, a record at a time (nothing holds the
    whole export); then one custody leaf records its SHA-256, format and incidents. A
    public export's witness names are replaced in each record's text (a name never spans
    two records)."""
    if fmt not in FORMATS:
        raise ExportError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    ensure_schema(ws)
    digest, size = hashlib.sha256(), 0
    with ws.sessions() as session:
        names = witness_names(session) if public else set()
        chosen = _Counted(records(session, filters, public, coarsen_all))
        for piece in chunks(chosen, fmt):
            data = (scrub(piece, names) if public else piece)
            out.write(data)
            encoded = data.encode("utf-8")
            digest.update(encoded)
            size += len(encoded)
    exported = Exported(digest.hexdigest(), chosen.count, size)
    with transaction(ws.sessions) as session:
        custody.append(session, "export", f"export:{exported.sha256}", user,
                       {"format": fmt, "public": public, "incidents": chosen.count})
    return exported


def mark_coarse(ws: Workspace, ids: list[int], on: bool, reviewer: str,
                reason: str | None = None) -> None:
    """Mark incidents (or unmark) for coarse coordinates in public exports; each change is a
    review (custody-logged) and the mark is kept in the incident's corrections."""
    ensure_schema(ws)
    with transaction(ws.sessions) as session:
        for incident_id in ids:
            row = get_incident(session, incident_id)
            corrections = dict(row.corrections or {})
            before = {"coarsen": corrections.get("coarsen")}
            if on:
                corrections["coarsen"] = True
            else:
                corrections.pop("coarsen", None)
            row.corrections = corrections
            record_review(session, f"incident:{incident_id}", "correct", before,
                          {"coarsen": on}, reason, reviewer)
