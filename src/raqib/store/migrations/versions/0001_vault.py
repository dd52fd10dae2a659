"""Vault: documents, the custody log and signed checkpoints.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY = ("custody_leaves", "checkpoints")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True, index=True),
        sa.Column("blob_key", sa.String(80), nullable=False, unique=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(120), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("status_reason", sa.Text),
        sa.Column("reader", sa.String(64)),
        sa.Column("sensitive", sa.Boolean, nullable=False),
        sa.Column("salt", sa.LargeBinary(32)),
        sa.Column("sealed", sa.LargeBinary),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("department", sa.Text),
        sa.Column("kind", sa.String(64)),
        sa.Column("published_at", sa.DateTime),
        sa.Column("published_tz", sa.String(8)),
        sa.Column("language", sa.String(12)),
        sa.Column("url", sa.Text),
        sa.Column("filename", sa.Text),
        sa.Column("source_name", sa.Text),
        sa.Column("captured_at", sa.DateTime, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("ingested_by", sa.String(120), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("documents.id"), index=True),
        sa.Column("leaf_index", sa.BigInteger, nullable=False, unique=True),
        sa.Column("meta", sa.JSON),
    )
    op.create_table(
        "custody_leaves",
        sa.Column("idx", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "checkpoints",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tree_size", sa.BigInteger, nullable=False),
        sa.Column("root_hash", sa.LargeBinary(32), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    _append_only_triggers()


def _append_only_triggers() -> None:
    """Refuse UPDATE and DELETE on the log tables in the database itself (R-L2)."""
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        elif dialect == "postgresql":
            op.execute(
                f"CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$ BEGIN "
                f"RAISE EXCEPTION '{table} is append-only'; END $$ LANGUAGE plpgsql"
            )
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            )


def downgrade() -> None:
    for table in ("checkpoints", "custody_leaves", "documents"):
        op.drop_table(table)
