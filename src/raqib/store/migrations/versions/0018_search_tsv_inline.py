"""search_index.tsv kept in the row: PostgreSQL's ``STORAGE MAIN`` for the tsvector column.

A search tests entries for its words row by row wherever the words are too common to rank:
walking the index newest first (``PostgresSearch.ranked``) and testing each walked
incident's entries (``PostgresSearch.contains``). Each test reads the entry's ``tsv``. Under
the default ``EXTENDED`` storage a row over about 2 kB has its largest value moved out of
line: a document's tsvector (1.3 kB on average for a body of 600 characters, with the title
and body beside it) went to the TOAST table in many rows, 829 MB of it at a million
documents, and each test of such a row read the TOAST index and heap as well (5.9 buffers an
entry where 4 suffice). ``MAIN`` compresses the value in the row first and moves it out only
when the row would not fit a page: at a million documents the table grows 2.1 -> 2.8 GB, the
TOAST table shrinks 829 -> 297 MB, and a contested walk of "market" reads 10,366 buffers
instead of 12,178 (12.8 -> 10.5 ms), the newest 1,000 entries of "chlorine" 4.4 -> 2.7 ms
(docs/benchmarks.md). SQLite: nothing to do.

Rows written before this revision keep their storage until rewritten; ``VACUUM FULL
search_index`` rewrites them all (docs/server.md), which an upgrade should not do unasked
(it locks the table for about a minute a million documents).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_index ALTER COLUMN tsv SET STORAGE MAIN")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_index ALTER COLUMN tsv SET STORAGE EXTENDED")
