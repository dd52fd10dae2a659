"""SQLite search ranks as it scores: FTS5's ``rank`` column set to the title-weighted bm25.

Until this revision ``ORDER BY rank`` used bm25 with equal column weights while the score
returned used the title weighted twice the body, so the best ``limit`` hits were chosen by a
different measure than the one they reported (a short body hit could push out a title hit).
Setting the table's persistent ``rank`` option makes the order and the score one measure.
PostgreSQL needs nothing: its query orders by the score it returns.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

RANK = "bm25(0.0, 0.0, 2.0, 1.0)"
"""kind and ref are unindexed; the title counts twice the body."""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"INSERT INTO search_index(search_index, rank) VALUES('rank', '{RANK}')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO search_index(search_index, rank) VALUES('rank', 'bm25()')")
