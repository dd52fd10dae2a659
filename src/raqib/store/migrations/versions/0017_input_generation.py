"""input_generation: one number that grows with every change to what an incident's refresh
reads, and not with the refresh's own writes.

A refresh computed outside the writer's lock (``raqib.services.refreshing``) is written as it
was computed when nothing it read has changed since. It told that by the data generation
(migration 0011), which every write moves, its own included: with two Dask workers
refreshing at once, each found the number moved by the other's writes and read its whole
batch again under the lock to compare (0.15-0.48 s a batch of 500 incidents against 0.08 s),
so the refresh waited on the lock. This number moves with the same tables' writes except an
UPDATE of incidents that sets only the columns a refresh sets (``refreshing.SET``): its
trigger on incidents fires on inserts, deletes and updates of the other columns (``OTHER``,
every column of the table at this revision but those; a test checks the list against the
model). Same mechanics as 0011: SQLite row triggers, a PostgreSQL statement trigger that
moves the number once per transaction. Not one of the models: ``raqib migrate`` neither copies
nor compares it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

TABLES = ("documents", "sources", "processing", "reports")
OTHER = ("id", "corrections", "manual_grade", "manual_grade_reason", "merged_into",
         "created_at", "origin", "external_id", "imported")
"""The incidents' columns that a refresh does not set."""
PG_FUNCTION = "raqib_next_input_generation"
OPERATIONS = ("insert", "update", "delete")


def _name(table: str, operation: str = "") -> str:
    return f"input_generation_{table}" + (f"_{operation}" if operation else "")


def upgrade() -> None:
    op.execute("CREATE TABLE input_generation (n BIGINT NOT NULL)")
    op.execute("INSERT INTO input_generation (n) VALUES (0)")
    other = ", ".join(OTHER)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "BEGIN "
                   "IF current_setting('raqib.input_generation_moved', true) IS DISTINCT FROM "
                   "txid_current()::text THEN "
                   "UPDATE input_generation SET n = n + 1; "
                   "PERFORM set_config('raqib.input_generation_moved', txid_current()::text, "
                   "true); END IF; RETURN NULL; END $$")
        for table in TABLES:
            op.execute(f"CREATE TRIGGER {_name(table)} AFTER INSERT OR UPDATE OR DELETE OR "
                       f"TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION "
                       f"{PG_FUNCTION}()")
        op.execute(f"CREATE TRIGGER {_name('incidents')} AFTER INSERT OR UPDATE OF {other} "
                   f"OR DELETE OR TRUNCATE ON incidents FOR EACH STATEMENT EXECUTE FUNCTION "
                   f"{PG_FUNCTION}()")
        return
    for table, operation in _sqlite_triggers():
        event = operation.upper()
        if table == "incidents" and operation == "update":
            event = f"UPDATE OF {other}"
        op.execute(f"CREATE TRIGGER {_name(table, operation)} AFTER {event} ON {table} "
                   "BEGIN UPDATE input_generation SET n = n + 1; END")


def _sqlite_triggers() -> list[tuple[str, str]]:
    return [(table, operation) for table in (*TABLES, "incidents") for operation in OPERATIONS]


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in (*TABLES, "incidents"):
            op.execute(f"DROP TRIGGER {_name(table)} ON {table}")
        op.execute(f"DROP FUNCTION {PG_FUNCTION}()")
    else:
        for table, operation in _sqlite_triggers():
            op.execute(f"DROP TRIGGER {_name(table, operation)}")
    op.execute("DROP TABLE input_generation")
