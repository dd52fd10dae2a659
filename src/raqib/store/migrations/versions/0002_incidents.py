"""Incidents: sources, processing, reports, claims, incidents, agreements, reviews, search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NOW = sa.DateTime


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("side", sa.String(20), nullable=False),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("language", sa.String(12)),
        sa.Column("edited_by", sa.String(120)),
    )
    op.create_table(
        "processing",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), index=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("components", sa.JSON),
        sa.Column("processed_at", NOW, nullable=False),
    )
    _incidents()
    _reports_and_claims()
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("definition", sa.JSON, nullable=False),
        sa.Column("added_at", NOW, nullable=False),
        sa.Column("added_by", sa.String(120), nullable=False),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("target", sa.String(40), nullable=False, index=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("before", sa.JSON, nullable=False),
        sa.Column("after", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("reviewer", sa.String(120), nullable=False),
        sa.Column("at", NOW, nullable=False),
        sa.Column("leaf_index", sa.BigInteger, nullable=False, unique=True),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, "
            "title, body, tokenize = 'unicode61 remove_diacritics 2')"
        )


def _incidents() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_type", sa.String(80), index=True),
        sa.Column("sub_event_type", sa.String(80)),
        sa.Column("event_date", sa.Date, index=True),
        sa.Column("location", sa.String(200)),
        sa.Column("admin1", sa.String(200)),
        sa.Column("country", sa.String(100)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities_min", sa.Integer, nullable=False),
        sa.Column("fatalities_max", sa.Integer, nullable=False),
        sa.Column("grade", sa.String(20), index=True),
        sa.Column("contested", sa.Boolean, nullable=False, index=True),
        sa.Column("summary", sa.JSON),
        sa.Column("corrections", sa.JSON),
        sa.Column("manual_grade", sa.String(20)),
        sa.Column("manual_grade_reason", sa.Text),
        sa.Column("merged_into", sa.Integer, sa.ForeignKey("incidents.id")),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("updated_at", NOW, nullable=False),
    )


def _reports_and_claims() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False,
                  index=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id"), index=True),
        sa.Column("placed_by", sa.String(120)),
        sa.Column("event_type", sa.String(80), nullable=False),
        sa.Column("sub_event_type", sa.String(80), nullable=False),
        sa.Column("event_date", sa.Date, index=True),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("fields", sa.JSON),
        sa.Column("corrections", sa.JSON),
        sa.Column("evidence", sa.Text),
        sa.Column("components", sa.JSON),
        sa.Column("created_at", NOW, nullable=False),
        sa.UniqueConstraint("document_id", "ordinal"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False,
                  index=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), index=True),
        sa.Column("claimant", sa.Text, nullable=False),
        sa.Column("claimant_actor", sa.Text, nullable=False),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("statement", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("hedged", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_index")
    for table in ("reviews", "agreements", "claims", "reports", "incidents", "processing",
                  "sources"):
        op.drop_table(table)
