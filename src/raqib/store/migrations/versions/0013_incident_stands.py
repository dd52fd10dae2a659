"""incidents.stands: the incident holds a report or was imported, stored on it.

Lists, counts, the map and search show the incidents that stand: not merged away, and
holding at least one report (reprocessing a document can empty one) or imported from coded
data. The second half was a test of each incident against the reports table and of its
``imported`` column, so no count could be answered from an index: at 100,000 incidents on
PostgreSQL, the facets of a date range (75,000) read 15,765 heap pages and hashed every
report's incident first (298 ms); from the facets index alone, 38 ms. The flag is written by
the refresh that every change of an incident's reports calls (as ``sides``, migration 0012),
and joins the facets index after ``merged_into``. Existing incidents are filled here.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

OLD_INDEX = ["event_type", "grade", "admin1", "contested", "sides", "event_date",
             "sub_event_type", "latitude", "longitude", "merged_into"]
"""The facets index as migration 0012 made it."""
FACETS_INDEX = [*OLD_INDEX, "stands"]

_FILL = sa.text(  # "imported" None written through the JSON type is the JSON text null
    "UPDATE incidents SET stands = :no WHERE (imported IS NULL OR CAST(imported AS TEXT) = "
    "'null') AND NOT EXISTS (SELECT 1 FROM reports WHERE reports.incident_id = incidents.id)")


def upgrade() -> None:
    op.add_column("incidents", sa.Column("stands", sa.Boolean(), nullable=False,
                                         server_default=sa.true()))
    bind = op.get_bind()
    bind.execute(_FILL, {"no": False})
    op.drop_index("ix_incidents_facets", table_name="incidents")
    op.create_index("ix_incidents_facets", "incidents", FACETS_INDEX)
    _statistics(bind)


def downgrade() -> None:
    op.drop_index("ix_incidents_facets", table_name="incidents")
    op.create_index("ix_incidents_facets", "incidents", OLD_INDEX)
    op.drop_column("incidents", "stands")
    _statistics(op.get_bind())


def _statistics(bind: sa.engine.Connection) -> None:
    """SQLite's statistics for the new index, when statistics were taken (as in 0012)."""
    if bind.dialect.name == "sqlite" and bind.execute(sa.text(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first():
        bind.execute(sa.text("ANALYZE incidents"))
