"""incidents.stale: an incident whose reconciled fields, grade and contest wait to be
recomputed.

Linking marks every incident it changes stale in the transaction that places the reports;
refreshing an incident clears the mark. `raqib process` refreshes in the same transaction
when it links in process, but on a cluster the workers refresh afterwards (each incident
apart from the others), so a run that stops between the two leaves marks behind, and the
next `raqib process` refreshes what they mark. Existing incidents are refreshed already.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (SQLite has it for a constant default): no batch copy of the table,
    # which would not carry its expression indexes over
    op.add_column("incidents", sa.Column("stale", sa.Boolean(), nullable=False,
                                         server_default=sa.false()))
    op.create_index("ix_incidents_stale", "incidents", ["stale"])


def downgrade() -> None:
    op.drop_index("ix_incidents_stale", table_name="incidents")
    op.drop_column("incidents", "stale")
