"""Imported incidents: where an incident came from when not from Raqib's own documents.

``origin`` ('acled:FILE'), ``external_id`` (the record's own id, ACLED's event_id_cnty: the key
that makes a re-import update instead of duplicate) and ``imported`` (the record's coded
columns as text, exactly as read).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("origin", sa.String(200)))
    op.add_column("incidents", sa.Column("external_id", sa.String(64)))
    op.add_column("incidents", sa.Column("imported", sa.JSON))
    op.create_index("ix_incidents_external_id", "incidents", ["external_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_incidents_external_id", table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("imported")
        batch.drop_column("external_id")
        batch.drop_column("origin")
