"""incidents.sides: the sides of the sources that reported an incident, stored on it.

Search filters incidents by the side of their sources and counts them by side (a facet).
Both joined every matching incident's reports to their documents' processing records and
sources: at 100,000 incidents, a date range of 75,000 spent 400 ms on that join alone. The
sides now live on the incident as the other fields that filters read do (grade, contest),
written by the same refresh (``raqib.services.incidents``), which every change of a report,
a document's source or a source's side already calls; the text is each side between bars
("|government|opposition|") so that one side is a ``LIKE`` and a facet a ``GROUP BY``.
Existing incidents are filled here from their reports, one statement per side.

And an index that holds every column the facets and the filters read (the facets' five
first, in their ``GROUP BY`` order): counting the facets of many incidents reads this narrow
index instead of the incidents' rows, which carry their summaries (0.8-9 kB of JSON each,
a row a page or more in SQLite). At 100,000 incidents with summaries of 1.8 kB on average,
the facets of a date range of 75,000 took 337 ms, 56 ms with the index; of one grade
(50,000) 224 -> 31 ms; of one event type (40,000) 181 -> 44 ms.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from raqib.incidents.records import side_order

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_FILL = sa.text(
    "UPDATE incidents SET sides = COALESCE(sides, '|') || :side || '|' WHERE EXISTS ("
    "SELECT 1 FROM reports JOIN processing ON processing.document_id = reports.document_id "
    "JOIN sources ON sources.id = processing.source_id "
    "WHERE reports.incident_id = incidents.id AND sources.side = :side)")


FACETS_INDEX = ["event_type", "grade", "admin1", "contested", "sides", "event_date",
                "sub_event_type", "latitude", "longitude", "merged_into"]


def upgrade() -> None:
    op.add_column("incidents", sa.Column("sides", sa.String(120), nullable=True))
    op.create_index("ix_incidents_facets", "incidents", FACETS_INDEX)
    bind = op.get_bind()
    present = bind.execute(sa.text("SELECT DISTINCT side FROM sources")).scalars()
    for side in sorted((s for s in present if s), key=side_order):
        bind.execute(_FILL, {"side": side})
    if bind.dialect.name == "sqlite" and bind.execute(sa.text(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first():
        # the planner's statistics were taken (``store.refresh_statistics``): without the new
        # index's, it walked another index and the rows for a grade's facets (302 ms, not 31)
        bind.execute(sa.text("ANALYZE incidents"))


def downgrade() -> None:
    op.drop_index("ix_incidents_facets", table_name="incidents")
    op.drop_column("incidents", "sides")
