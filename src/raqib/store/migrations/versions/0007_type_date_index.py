"""Type and date together: indexes for the search filter on an incident's type.

The filter compares ``lower(event_type)`` or ``lower(sub_event_type)`` with the wanted type
(either level of the taxonomy, any case) and usually comes with a date range. With only
``event_date`` indexed, a month of a million incidents meant reading every incident of that
month and dropping the other types (62 ms measured for 4,100 of 20,658 rows); with an index
on each lower-cased type column and the date, the database reads the matching rows only.
Both SQLite (3.9+) and PostgreSQL index expressions.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_incidents_event_type_date": "event_type",
    "ix_incidents_sub_event_type_date": "sub_event_type",
}


def upgrade() -> None:
    for name, column in INDEXES.items():
        op.create_index(name, "incidents", [sa.text(f"lower({column})"), "event_date"])


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incidents")
