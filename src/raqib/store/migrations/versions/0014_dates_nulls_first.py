"""PostgreSQL's date indexes in SQLite's order of NULL: an undated incident before every date.

Lists of incidents are ordered by date and id, newest first or oldest first. SQLite sorts
NULL before every value; PostgreSQL after, unless a query says otherwise, so an undated
incident led PostgreSQL's newest-first lists (the dashboard's recent incidents, the incident
list, search without words) and ended its chronological ones, where on SQLite it came last
and first. The queries now name the order (``oldest_first`` / ``newest_first`` in
``raqib.services.incidents``: NULL first ascending, last descending). A PostgreSQL B-tree
index built ``NULLS LAST`` (the default) serves neither of those by its order, so the
newest-first walks would sort every matching incident instead of stopping after a page:
the indexes whose date orders a walk are rebuilt ``NULLS FIRST``, read forwards for oldest
first and backwards for newest first, as SQLite reads its own. SQLite is left as it is (its
index order already is this one, and its CREATE INDEX has no NULLS clause). PostgreSQL's
statistics are taken again afterwards: the expression indexes' go with them.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_incidents_event_date": ["event_date"],
    "ix_incidents_event_type_date": ["lower(event_type)", "event_date"],
    "ix_incidents_sub_event_type_date": ["lower(sub_event_type)", "event_date"],
    "ix_incidents_contested_date": ["contested", "event_date"],
    "ix_incidents_grade_date": ["grade", "event_date"],
    "ix_incidents_date_place": ["event_date", "latitude", "longitude"],
}
"""The indexes whose date column orders a newest-first walk, and their columns."""


def _rebuild(nulls: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, columns in INDEXES.items():
        op.drop_index(name, table_name="incidents")
        op.create_index(name, "incidents", [
            sa.text(f"{column} {nulls}" if column == "event_date" else column)
            for column in columns])
    op.execute("ANALYZE incidents")  # the expression indexes' statistics go with them


def upgrade() -> None:
    _rebuild("NULLS FIRST")


def downgrade() -> None:
    _rebuild("NULLS LAST")
