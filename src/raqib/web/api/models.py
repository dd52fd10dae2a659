"""Response and request schemas of the API (documents, reports, claims, people, vault)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Json = dict[str, Any]


class Health(BaseModel):
    status: Literal["ok"]
    version: str


class Credentials(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=1024)


class SessionInfo(BaseModel):
    user: str
    role: str
    csrf_token: str


class Me(BaseModel):
    user: str
    role: str
    permissions: list[str]


class Done(BaseModel):
    ok: bool = True


class DocumentSummary(BaseModel):
    id: int
    status: str
    kind: str | None
    title: str | None
    publisher: str | None
    published_at: str | None
    language: str | None
    media_type: str
    size: int
    sha256: str | None = Field(description="null for sensitive documents")
    parent_id: int | None
    sensitive: bool


class DocumentDetail(BaseModel):
    id: int
    sha256: str
    status: str
    reason: str | None
    media_type: str
    size: int
    reader: str | None
    sensitive: bool
    title: str | None
    kind: str | None
    publisher: str | None
    department: str | None
    author: str | None
    published_at: str | None
    language: str | None
    url: str | None
    filename: str | None
    source: str | None
    captured_at: str
    ingested_at: str
    ingested_by: str
    parent_id: int | None
    leaf_index: int
    metadata: dict[str, Any]
    text: str | None


class ProofDocument(BaseModel):
    id: int
    sha256: str
    size: int
    media_type: str
    salt: str | None = None


class ProofLeaf(BaseModel):
    index: int
    data: str


class ProofBundle(BaseModel):
    """A self-contained inclusion proof (check it with `raqib verify-proof`)."""

    format: str
    document: ProofDocument
    leaf: ProofLeaf
    tree_size: int
    inclusion_proof: list[str]
    checkpoint: str
    public_key: str


class Span(BaseModel):
    field: str
    part: Literal["title", "text"] = Field(
        description="offsets are into the document's title or into its text")
    start: int
    end: int
    text: str | None


class Review(BaseModel):
    action: str
    before: Json
    after: Json
    reason: str | None
    reviewer: str
    at: str
    leaf: int


class ReportOut(BaseModel):
    id: int
    document_id: int
    incident_id: int | None
    sensitive: bool
    document: str | None = Field(description="sha256; null for a sensitive document")
    event_type: str
    sub_event_type: str
    event_date: str | None
    latitude: float | None
    longitude: float | None
    fatalities: int
    location: str | None
    actor1: str | None
    actor2: str | None
    confidence: float | None
    evidence: str | None
    fields: Json = Field(description="every coded field (ACLED names)")
    corrections: Json
    placed_by: str | None


class ReportWithSpans(ReportOut):
    spans: list[Span]


class ReportDetail(ReportWithSpans):
    reviews: list[Review]


class ClaimOut(BaseModel):
    id: int
    document_id: int
    report_id: int | None
    claimant: str
    claimant_actor: str
    stance: str
    statement: str
    start: int
    end: int
    hedged: bool
    sensitive: bool
    claimant_side: str | None = None


class UploadResult(BaseModel):
    input: str
    status: Literal["new", "duplicate", "stored-without-text", "failed"]
    id: int | None
    sha256: str | None
    title: str | None
    reason: str | None


class UploadOut(BaseModel):
    results: list[UploadResult]
    checkpoint_size: int | None
    processed: int
    failed: int
    reports: int
    claims: int
    linked: int
    new_incidents: int


class SourceOut(BaseModel):
    id: int
    name: str
    kind: str
    side: str
    reliability: str
    language: str | None
    edited_by: str | None


class SourceEdit(BaseModel):
    kind: str | None = Field(default=None, max_length=40)
    side: str | None = Field(default=None, max_length=20)
    reliability: str | None = Field(default=None, max_length=1)
    reason: str | None = Field(default=None, max_length=2000)


class AgreementOut(BaseModel):
    name: str
    title: str
    start: str
    end: str | None
    parties: list[str]
    prohibited: list[str]
    notes: str
    sources: list[str]


class ViolationOut(BaseModel):
    agreement: str
    incident_id: int
    event_date: str
    event_type: str
    sub_event_type: str
    prohibited: str
    actor1: str
    actor2: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    fatalities_min: int
    fatalities_max: int
    by_party: bool
    parties_involved: list[str]


class ViolationCount(BaseModel):
    key: str
    incidents: int
    fatalities: int


class Violations(BaseModel):
    agreement: str
    by: str | None
    violations: list[ViolationOut]
    summary: list[ViolationCount] = Field(description="counts by 'by' (empty without it)")


class CheckpointOut(BaseModel):
    tree_size: int
    root_hash: str
    created_at: str
    note: str = Field(description="the signed checkpoint note (C2SP format)")


class LogEntry(BaseModel):
    index: int
    time: str
    user: str
    action: str
    object: str
    details: Json


class Log(BaseModel):
    entries: list[LogEntry]


class SettingsOut(BaseModel):
    """The workspace's extraction settings (`raqib settings`): paths as raqib.toml holds
    them, relative to the workspace folder when inside it."""

    extract_model: str | None
    extract_gazetteers: list[str]
    extract_actors: list[str]
    extract_country: str | None


class UserOut(BaseModel):
    name: str
    role: str
    disabled: bool


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=120, pattern=r"^\S+$")
    role: Literal["admin", "analyst", "reviewer", "viewer"]
    password: str | None = Field(default=None, min_length=8, max_length=1024)


class NewUserOut(BaseModel):
    name: str
    role: str
    token: str = Field(description="the API token, shown only now")
