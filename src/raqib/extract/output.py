"""The `raqib extract` output contract: one JSON object per input document."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from raqib.extract.model import Analysis, Claim, Event

EVENT_FIELDS = (
    "event_type", "sub_event_type", "disorder_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "event_date", "time_precision", "fatalities",
    "injured", "weapon", "targets", "confidence",
)


def event_json(event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(event, name) for name in EVENT_FIELDS}
    data["confidence"] = round(float(event.confidence), 3)
    data["evidence"] = event.evidence.as_json() if event.evidence else None
    data["spans"] = {name: span.as_json() for name, span in sorted(event.spans.items())}
    return data


def claim_json(claim: Claim) -> dict[str, Any]:
    return asdict(claim)


def document_json(doc: Analysis) -> dict[str, Any]:
    return {
        "id": doc.id,
        "events": [event_json(e) for e in doc.events],
        "claims": [claim_json(c) for c in doc.claims],
        "errors": list(doc.errors),
        "stages": list(doc.stages),
        "resources": list(doc.resources),
    }


def error_json(doc_id: str | None, message: str) -> dict[str, Any]:
    return {"id": doc_id, "events": [], "claims": [], "errors": [message], "stages": []}
