"""Server-mode search: the PostgreSQL counterpart of 0002's FTS5 table.

PostgreSQL only (SQLite already has its FTS5 ``search_index`` from 0002; this revision does
nothing there). A ``search_index`` table with the same ``id`` (``ref * 4 + kind code``),
``kind``, ``ref``, ``title`` and ``body``, plus a generated ``tsv`` column (title weighted A,
body B) under a GIN index. The text search configuration ``raqib`` splits words like FTS5's
unicode61 tokenizer and, like ``remove_diacritics``, folds case and accents (``unaccent``)
without stemming, so both backends match the same words. Source names get a trigram index
(``pg_trgm``) for the name look-ups.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE TEXT SEARCH CONFIGURATION raqib (COPY = simple)")
    op.execute(
        "ALTER TEXT SEARCH CONFIGURATION raqib ALTER MAPPING FOR "
        "asciiword, word, numword, hword_asciipart, hword_part, hword_numpart "
        "WITH unaccent, simple"
    )
    # Like unicode61, index a hyphenated word's parts, not the whole.
    op.execute(
        "ALTER TEXT SEARCH CONFIGURATION raqib DROP MAPPING FOR asciihword, hword, numhword"
    )
    op.execute(
        "CREATE TABLE search_index ("
        " id BIGINT PRIMARY KEY,"
        " kind VARCHAR(16) NOT NULL,"
        " ref BIGINT NOT NULL,"
        " title TEXT NOT NULL DEFAULT '',"
        " body TEXT NOT NULL DEFAULT '',"
        " tsv TSVECTOR GENERATED ALWAYS AS ("
        "  setweight(to_tsvector('raqib'::regconfig, title), 'A') ||"
        "  setweight(to_tsvector('raqib'::regconfig, body), 'B')) STORED)"
    )
    op.execute("CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv)")
    op.execute("CREATE INDEX ix_sources_name_trgm ON sources USING gin (name gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_sources_name_trgm")
    op.execute("DROP TABLE search_index")
    op.execute("DROP TEXT SEARCH CONFIGURATION raqib")
