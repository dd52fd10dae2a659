"""reports.confidence: the extractor's confidence, stored as a column and indexed with the
report's incident.

The review queue holds incidents with a report the extractor was unsure of (confidence
below 0.6), and the unsure reports themselves; both tested each report's confidence inside
its ``fields`` JSON, so every report's fields (about 1.2 kB) were parsed on every visit of
the review page: 18,000 incidents of 31,700 real reports, 278 ms for that test alone; with
the column, read from an index on (incident_id, confidence), a probe per incident. Written
where the other indexed fields are copied out of ``fields`` (``apply_columns``); existing
reports are filled here.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

INDEX = "ix_reports_incident_confidence"


def upgrade() -> None:
    op.add_column("reports", sa.Column("confidence", sa.Float(), nullable=True))
    bind = op.get_bind()
    value = ("CAST(json_extract(fields, '$.confidence') AS REAL)"
             if bind.dialect.name == "sqlite" else "CAST(fields ->> 'confidence' AS FLOAT)")
    bind.execute(sa.text(f"UPDATE reports SET confidence = {value}"))  # constants only
    op.create_index(INDEX, "reports", ["incident_id", "confidence"])
    if bind.dialect.name == "sqlite" and bind.execute(sa.text(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first():
        bind.execute(sa.text("ANALYZE reports"))


def downgrade() -> None:
    op.drop_index(INDEX, table_name="reports")
    op.drop_column("reports", "confidence")
