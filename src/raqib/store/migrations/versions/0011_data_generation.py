"""data_generation: one number that grows with every change to what searches read.

A trigger on each table that search answers are drawn from (documents, sources, processing,
reports, incidents) adds one to it in the writing transaction, whoever writes: a command, a
server worker, another process. A reader that finds the same number in its own transaction
knows those tables are as they were, so an answer kept from then is still true (the web
app's answer cache, ``raqib.services.answers``). The full-text index is written in the same
transactions as the documents' processing and the reports, so it needs no trigger (FTS5
tables cannot have one). SQLite has row triggers only (one small UPDATE per row written,
about a microsecond, in place); PostgreSQL fires once per statement and moves the number
once per transaction (a setting local to the transaction remembers it did). The table is
not one of the models: ``raqib migrate`` neither copies nor compares it, and each database
keeps its own count.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TABLES = ("documents", "sources", "processing", "reports", "incidents")
OPERATIONS = ("insert", "update", "delete")
PG_FUNCTION = "raqib_next_generation"


def _name(table: str, operation: str = "") -> str:
    return f"data_generation_{table}" + (f"_{operation}" if operation else "")


def upgrade() -> None:
    op.execute("CREATE TABLE data_generation (n BIGINT NOT NULL)")
    op.execute("INSERT INTO data_generation (n) VALUES (0)")
    if op.get_bind().dialect.name == "postgresql":
        # once a transaction: every UPDATE of the one row leaves a row version behind, and a
        # transaction of 20,000 single-row INSERTs (an executemany) made the next update walk
        # them all (a million documents filled at 350 a second instead of 2,700)
        op.execute(f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN "
                   "IF current_setting('raqib.generation_moved', true) IS DISTINCT FROM "
                   "txid_current()::text THEN "
                   "UPDATE data_generation SET n = n + 1; "
                   "PERFORM set_config('raqib.generation_moved', txid_current()::text, true); "
                   "END IF; RETURN NULL; END $$")
        for table in TABLES:
            op.execute(f"CREATE TRIGGER {_name(table)} AFTER INSERT OR UPDATE OR DELETE OR "
                       f"TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION "
                       f"{PG_FUNCTION}()")
        return
    for table in TABLES:
        for operation in OPERATIONS:
            op.execute(f"CREATE TRIGGER {_name(table, operation)} AFTER {operation.upper()} "
                       f"ON {table} BEGIN UPDATE data_generation SET n = n + 1; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {_name(table)} ON {table}")
        op.execute(f"DROP FUNCTION {PG_FUNCTION}()")
    else:
        for table in TABLES:
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER {_name(table, operation)}")
    op.execute("DROP TABLE data_generation")
