"""Indexes for the filtered newest-first walk: the flags with the date, the date with the place.

A search whose words are too common to rank walks the incidents that pass its filters newest
first, testing each for the words, until it has enough (``raqib.services.finder``). With only
``event_date`` to walk, a filter on contested incidents (5% of them in the benchmark) read
every incident of the period and dropped the others: "market" + contested at 100,000
documents took 41 ms, 21 ms with an index on (contested, event_date) that walks the
contested ones only. A grade that few incidents have gains the same way from (grade,
event_date). A place filter (a box of latitude and longitude around the place) cannot lead
an index walked by date, but (event_date, latitude, longitude) lets the walk test the box in
the index and read only the incidents inside it: "bakery killed" near Aleppo at 1,000,000
documents on PostgreSQL, 99.7 -> 51.7 ms (31,393 incidents read for 3,848 in the box,
before). The single-column indexes stay: other queries count by them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_incidents_contested_date": ["contested", "event_date"],
    "ix_incidents_grade_date": ["grade", "event_date"],
    "ix_incidents_date_place": ["event_date", "latitude", "longitude"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "incidents", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incidents")
