"""Search entries written before Arabic spelling was folded are folded now.

From this revision the text of every search entry is stored with its Arabic spelling folded
(``raqib.search.folding``: no harakat or tatweel, bare alef for the hamza and madda forms,
ya for alef maqsura, ha for ta marbuta), and the words searched are folded alike, so "نقلوا"
finds "نُقلوا". The entries already stored are folded here, a thousand at a time in the
order of their keys, by the same Python function on both databases (an entry without such
letters is left as it is). PostgreSQL recomputes each updated row's tsvector; FTS5 reindexes
it. Downgrading leaves the entries folded: folding drops marks that cannot be restored, and
folded entries are still found by folded words.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

from raqib.search.folding import fold

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    bind = op.get_bind()
    key = "id" if bind.dialect.name == "postgresql" else "rowid"
    read = sa.text(f"SELECT {key}, title, body FROM search_index WHERE {key} > :last "
                   f"ORDER BY {key} LIMIT {BATCH}")
    write = sa.text(f"UPDATE search_index SET title = :t, body = :b WHERE {key} = :id")
    last = -1
    while rows := bind.execute(read, {"last": last}).all():
        last = rows[-1][0]
        changed = []
        for entry, title, body in rows:
            folded = (fold(title or ""), fold(body or ""))
            if folded != (title or "", body or ""):
                changed.append({"id": entry, "t": folded[0], "b": folded[1]})
        if changed:
            bind.execute(write, changed)


def downgrade() -> None:
    pass  # folded entries stay folded (see above)
