"""Database models (SQLAlchemy 2). The same models serve SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    """One captured artefact. Its bytes live in the vault under ``blob_key``."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    blob_key: Mapped[str] = mapped_column(String(80), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(32))
    status_reason: Mapped[str | None] = mapped_column(Text)
    reader: Mapped[str | None] = mapped_column(String(64))
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    salt: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(64))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    published_tz: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str | None] = mapped_column(String(12))
    url: Mapped[str | None] = mapped_column(Text)
    filename: Mapped[str | None] = mapped_column(Text)
    source_name: Mapped[str | None] = mapped_column(Text)
    captured_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    ingested_by: Mapped[str] = mapped_column(String(120))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    leaf_index: Mapped[int] = mapped_column(BigInteger, unique=True)
    meta: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class CustodyLeaf(Base):
    """One leaf of the append-only custody log; ``idx`` is the Merkle leaf index."""

    __tablename__ = "custody_leaves"

    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SignedCheckpoint(Base):
    """A signed checkpoint (C2SP signed note) over the first ``tree_size`` leaves."""

    __tablename__ = "checkpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tree_size: Mapped[int] = mapped_column(BigInteger)
    root_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    note: Mapped[str] = mapped_column(Text)


# -- incidents (issue 4): sources, processing, reports, claims, incidents, agreements, reviews


class Source(Base):
    """Who published a document: an outlet, a body, a witness. Editable by analysts."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="unknown")
    side: Mapped[str] = mapped_column(String(20), default="unknown")
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    language: Mapped[str | None] = mapped_column(String(12))
    edited_by: Mapped[str | None] = mapped_column(String(120))
    """Set when a person edited the entry: recognition never overwrites it."""


class Processing(Base):
    """One document's extraction run: which components, when, and how it ended."""

    __tablename__ = "processing"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    """'done' or 'failed'."""
    error: Mapped[str | None] = mapped_column(Text)
    components: Mapped[list[str]] = mapped_column(JSON, default=list)
    processed_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))


class Incident(Base):
    """One real-world event; its fields are reconciled from its reports unless corrected."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_type: Mapped[str | None] = mapped_column(String(80), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(String(80))
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    admin1: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    fatalities_min: Mapped[int] = mapped_column(Integer, default=0)
    fatalities_max: Mapped[int] = mapped_column(Integer, default=0)
    grade: Mapped[str | None] = mapped_column(String(20), index=True)
    contested: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    sides: Mapped[str | None] = mapped_column(String(120))
    """The sides of the sources of its reports, each between bars ("|government|opposition|",
    ``raqib.incidents.records.packed_sides``; migration 0012): what search filters and counts
    by side. Written by refresh with the other reconciled fields."""
    stale: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(),
                                        index=True)
    """Its fields, grade and contest wait to be recomputed from its reports (migration 0009):
    set by linking, cleared by refreshing."""
    stands: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    """It holds a report or was imported (migration 0013): not merged and standing is what
    lists, counts and search show (``raqib.services.incidents.live``). Written by refresh,
    which every change of an incident's reports calls; an incident is made with a report."""
    summary: Mapped[dict] = mapped_column(JSON, default=dict)
    """Reconciled fields, grade and contest as JSON (what pages and exports show)."""
    corrections: Mapped[dict] = mapped_column(JSON, default=dict)
    """Fields set by a reviewer (name -> value): they win over reconciled values."""
    manual_grade: Mapped[str | None] = mapped_column(String(20))
    manual_grade_reason: Mapped[str | None] = mapped_column(Text)
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    # -- imported records (issue 6, migration 0004) --
    origin: Mapped[str | None] = mapped_column(String(200))
    """Where an imported incident came from ('acled:FILE'); None for Raqib's own."""
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    """The imported record's own id (ACLED event_id_cnty): re-imports update, never add."""
    imported: Mapped[dict | None] = mapped_column(JSON)
    """The imported record's coded columns as text, exactly as read."""


class Report(Base):
    """One event extracted from one document, with the words it came from."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("document_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"), index=True)
    placed_by: Mapped[str | None] = mapped_column(String(120))
    """Who put the report in its incident when a person did (merge/split): never re-linked."""
    event_type: Mapped[str] = mapped_column(String(80))
    sub_event_type: Mapped[str] = mapped_column(String(80))
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    confidence: Mapped[float | None] = mapped_column(Float)
    """The extractor's confidence, copied out of ``fields`` (the review queue's test)."""
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
    """Every coded field as `raqib extract` writes it (after corrections)."""
    corrections: Mapped[dict] = mapped_column(JSON, default=dict)
    """Fields set by a reviewer (name -> value): re-runs keep them."""
    evidence: Mapped[str | None] = mapped_column(Text)
    components: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))


class ClaimRecord(Base):
    """Who says what about an event, as extracted from a document."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"), index=True)
    claimant: Mapped[str] = mapped_column(Text)
    claimant_actor: Mapped[str] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(16))
    statement: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    claimant_side: Mapped[str | None] = mapped_column(Text)
    """The actor dictionary's side of the claimant; None when it is no dictionary actor."""


class Agreement(Base):
    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    definition: Mapped[dict] = mapped_column(JSON)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    added_by: Mapped[str] = mapped_column(String(120))


class Review(Base):
    """One human change (a correction, merge, split or grade), mirrored in the custody log."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(40), index=True)
    """'incident:12' or 'report:40'."""
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict] = mapped_column(JSON)
    after: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    leaf_index: Mapped[int] = mapped_column(BigInteger, unique=True)


# -- users of the web application and the API (issue 5) ---------------------------------------


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(Text)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))


class ApiToken(Base):
    """An API token; only its SHA-256 is stored (the token is shown once, at creation)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=False))
