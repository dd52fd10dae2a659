"""Response and request schemas of the API: incidents, search, map, review."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from raqib.web.api.models import Review

Json = dict[str, Any]
GradeCode = Literal["confirmed", "fair", "weak", "contested", "discounted"]


class IncidentBase(BaseModel):
    id: int
    event_type: str | None
    sub_event_type: str | None
    event_date: str | None
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    fatalities_min: int
    fatalities_max: int
    grade: str | None
    contested: bool
    documents: list[str] = Field(description="sha256 of every non-sensitive document")
    sensitive_documents: int


class IncidentSummary(IncidentBase):
    reports: int


class SearchHit(IncidentSummary):
    snippet: str | None = Field(default=None, description="hits marked as [[...]]")
    snippet_html: str | None = Field(default=None, description="escaped, hits in <mark>")


class Facets(BaseModel):
    event_type: dict[str, int]
    grade: dict[str, int]
    admin1: dict[str, int]
    side: dict[str, int]
    contested: dict[str, int]


class SearchOut(BaseModel):
    results: list[SearchHit]
    total: int
    page: int
    per_page: int
    facets: Facets
    capped: bool = False
    """The words are in too many entries to rank: ``total`` and ``facets`` cover the newest
    500 matching incidents (more for a deeper page), and more match."""


class GradeOut(BaseModel):
    code: str
    label: str
    admiralty: str
    reasons: list[str]
    independent_sources: int
    sides: list[str]
    best_reliability: str
    manual: bool


class ContestClaim(BaseModel):
    id: int
    source: str
    claimant: str
    claimant_actor: str
    stance: str
    statement: str
    hedged: bool
    document: str | None
    report_id: int | None
    claimant_side: str | None = None
    holder_side: str | None = None


class ContestOut(BaseModel):
    contested: bool
    reasons: list[str]
    by_side: dict[str, list[ContestClaim]]


class IncidentState(BaseModel):
    fields: Json = Field(default_factory=dict, description="reconciled, corrections applied")
    grade: GradeOut | None = None
    contest: ContestOut | None = None
    reports: int = 0


class IncidentReport(BaseModel):
    id: int
    document_id: int | None
    document: str | None
    sensitive: bool
    title: str | None
    source: str
    source_kind: str
    side: str
    reliability: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    location: str | None
    actor1: str | None
    actor2: str | None
    fatalities: int
    injured: int | None
    weapon: str | None
    evidence: str | None
    confidence: float | None
    corrections: Json
    placed_by: str | None


class IncidentDetail(IncidentBase):
    summary: IncidentState
    corrections: Json
    reports: list[IncidentReport]
    reviews: list[Review]


class TrailEntry(BaseModel):
    index: int
    time: str
    user: str
    action: str
    object: str
    document_id: int | None
    details: Json


class Trail(BaseModel):
    incident: int
    entries: list[TrailEntry]


class Point(BaseModel):
    type: Literal["Point"]
    coordinates: list[float] = Field(min_length=2, max_length=2,
                                     description="[longitude, latitude]")


class GeoProperties(BaseModel):
    id: int
    event_type: str | None
    sub_event_type: str | None
    event_date: str | None
    location: str | None
    fatalities_min: int
    fatalities_max: int
    grade: str | None
    contested: bool


class Feature(BaseModel):
    type: Literal["Feature"]
    id: int
    geometry: Point
    properties: GeoProperties


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"]
    features: list[Feature]
    total: int = Field(description="matching incidents with coordinates")
    truncated: bool = Field(description="true when only the newest 'limit' are in features")


class ReviewIn(BaseModel):
    set: dict[str, str | int | float | None] = Field(
        default_factory=dict, description="field -> new value; null or '' clears it")
    grade: GradeCode | None = None
    reason: str | None = Field(default=None, max_length=4000)
    accept: bool = False


class Change(BaseModel):
    field: str
    before: Any = None
    after: Any = None


class ReviewDone(BaseModel):
    target: str
    changes: list[Change]
    grade: str | None
    accepted: bool
    reviews: list[Review]


class MergeIn(BaseModel):
    ids: list[int] = Field(min_length=2, max_length=100)
    reason: str | None = Field(default=None, max_length=4000)


class SplitIn(BaseModel):
    reports: list[int] = Field(min_length=1, max_length=1000)
    reason: str | None = Field(default=None, max_length=4000)


class IncidentRef(BaseModel):
    incident: int
