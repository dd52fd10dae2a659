"""Plain records that the incident logic works on, independent of the database.

The store turns its rows into these (``raqib.services.incidents``); linking, reconciliation,
grading, contested detection and agreement checks are pure functions over them, so each can
be tested alone on hand-written records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

WITHHELD = "[sensitive]"
"""What a sensitive document's claims show instead of their words."""

SIDES = ("government", "opposition", "kurdish", "international", "neutral", "unknown")
"""Allegiance of a source, as the grading counts sides. 'international' and 'neutral' count
as independent of both warring sides."""


def side_order(side: str) -> tuple[int, str]:
    """Sides in the order of ``SIDES`` (any other after them, by name)."""
    return (SIDES.index(side), "") if side in SIDES else (len(SIDES), side)


def packed_sides(sides: Iterable[str]) -> str | None:
    """Sides as an incident stores them (``Incident.sides``): each between bars, in
    ``SIDES`` order ("|government|opposition|"), so that one side is a substring test;
    None for none."""
    found = sorted({s for s in sides if s}, key=side_order)
    return "|" + "|".join(found) + "|" if found else None


def unpacked_sides(text: str | None) -> list[str]:
    """The sides of a ``packed_sides`` text."""
    return [side for side in (text or "").split("|") if side]


SOURCE_KINDS = (
    "state media", "government body", "allied media", "opposition body", "opposition media",
    "local media", "national media", "regional media", "international media", "new media",
    "social media", "ngo", "un body", "local partner", "witness", "unknown",
)
"""What a source is: the kinds of the known-sources table, each with its ACLED source scale
(``raqib.outputs.acled.SCALES``; a body of a government or the opposition and an unknown
source are 'Other')."""
RELIABILITY = ("A", "B", "C", "D", "E", "F")
"""Admiralty source reliability: A completely reliable .. E unreliable, F cannot be judged."""


@dataclass(frozen=True)
class SourceInfo:
    name: str
    kind: str = "unknown"
    """'state media' | 'opposition body' | 'ngo' | 'international media' | 'un body' |
    'witness' | 'local media' | 'unknown'."""
    side: str = "unknown"
    reliability: str = "F"
    language: str | None = None


UNKNOWN_SOURCE = SourceInfo("unknown source")
"""The source of a document nothing names one for."""

@dataclass(frozen=True, slots=True)
class ReportView:
    """One event extracted from one document (a 'report' of an incident)."""

    id: int
    document: str
    """sha256 of the document the report came from."""
    source: SourceInfo
    event_type: str
    sub_event_type: str
    event_date: date | None = None
    time_precision: int = 1
    """ACLED: 1 the day, 2 the week, 3 the month."""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    """ACLED: 1 the town, 2 near a town, 3 a region."""
    country: str = ""
    admin1: str = ""
    location: str = ""
    actor1: str = ""
    actor2: str = ""
    fatalities: int = 0
    injured: int | None = None
    weapon: str = ""
    text: str = ""
    """The words the report came from (the evidence sentence(s), with the title)."""
    full_text: str = ""
    """The whole document text, used to recognise syndicated copies of one story."""
    confidence: float = 0.0
    published: date | None = None
    """The day the report's document was published (the reference date its extraction
    counted from: its capture day when it names none). A report dated that very day may tell
    of an earlier attack (``raqib.incidents.similarity.follow_up``)."""


@dataclass(frozen=True)
class ClaimView:
    id: int
    report_id: int | None
    """The report (event) the claim is about, when the extraction tied it to one."""
    document: str
    source: SourceInfo
    claimant: str
    claimant_actor: str
    stance: str
    """'asserts' | 'denies' | 'accuses' | 'alleges' | 'calls_for'."""
    statement: str
    hedged: bool = False
    claimant_side: str | None = None
    """The actor dictionary's side of ``claimant_actor``; None when it is no dictionary actor."""


@dataclass
class IncidentView:
    id: int
    reports: list[ReportView] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)
