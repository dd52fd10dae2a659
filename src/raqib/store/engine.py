"""The storage adapter: the one place that knows which database engine is underneath.

SQLite (the laptop default) gets WAL mode, ``synchronous=FULL``, foreign keys, and
``BEGIN IMMEDIATE`` transactions so that two writers serialise instead of racing for the
next log index. PostgreSQL (server mode) gets the same guarantee from a transaction-scoped
advisory lock that every writing transaction takes first (``pg_advisory_xact_lock``): writers
run one at a time, so custody appends and checkpoint signing see the latest committed leaf and
the log can have no gaps, forks or two leaves with one index. Readers never take it.
Everything else in Raqib speaks plain SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD_REVISION = "0018"
"""The newest migration; a test checks it against the migrations folder."""
WRITE_OPTION = "raqib_write"
"""Execution option marking a transaction that will write (see ``transaction``)."""
SQLITE_POOL = 48
"""Connections a process keeps open to a SQLite database (more than uvicorn's 40 threads)."""
SQLITE_MMAP = 2**31
"""Bytes of a SQLite database read through memory mapping (SQLite caps it near 2 GiB): a
search that reads 13,600 incidents by id at 100,000 documents took 25-30 % less time than
with reads copied through SQLite's page cache (each page a system call). Reads only: writes
still go through the file; an I/O error on a mapped page stops the process (SIGBUS) where a
read call would have failed; the mapped pages are the operating system's file cache, counted
in a process's resident memory while it reads them."""
WRITER_LOCK = 0x7261716962  # 'raqib': the advisory lock key every PostgreSQL writer takes


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean the psycopg (3) driver Raqib ships with."""
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme):]
    return url


def is_server(url: str) -> bool:
    return normalise_url(url).startswith("postgresql")


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # let SQLAlchemy's begin event issue BEGIN
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.execute(f"PRAGMA mmap_size={SQLITE_MMAP}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Writers take the write lock up front (no deadlock, no stale snapshot); readers
        # start a plain transaction and, in WAL mode, never block a writer.
        writes = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # The driver opens the transaction with this first statement; the lock is held until
        # commit or rollback, so writers (every process, every server user) serialise here.
        if conn.get_execution_options().get(WRITE_OPTION, False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("postgresql"):
        # No JIT: Raqib's queries are short, and compiling one costs more than it saves
        # (135 ms of a 650 ms search measured at a million incidents).
        engine = create_engine(url, future=True, pool_pre_ping=True,
                               connect_args={"options": "-c jit=off"})
        _configure_postgresql(engine)
        return engine
    if url.startswith("sqlite:///") and ":memory:" not in url:
        # A server worker runs up to 40 requests in threads: with SQLAlchemy's default pool
        # (5 kept, 10 more opened and closed again each time) most requests under load
        # opened a new connection (file, WAL, its PRAGMAs). SQLite connections are cheap
        # to keep; past the pool, more are opened as needed (no waiting, no limit).
        engine = create_engine(url, future=True, pool_size=SQLITE_POOL, max_overflow=-1)
    else:
        engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


STATS_DRIFT = 0.25
"""SQLite's statistics are taken again when the incidents grew or shrank by this share."""


def refresh_statistics(engine: Engine) -> bool:
    """SQLite: ``ANALYZE`` when the query planner has no statistics yet, or the number of
    incidents has changed by more than ``STATS_DRIFT`` since they were taken; True when it
    ran. Without them SQLite takes every index for a selective one (a filter on a grade that
    half the incidents have walked that index instead of the dates). PostgreSQL's autovacuum
    keeps its own statistics.

    At the same moments (the store grew or shrank by a quarter, so the work stays a bounded
    multiple of the writing) the full-text index is merged into one b-tree (FTS5
    ``optimize``): each batch of writes leaves a segment, every word look-up visits every
    segment, and at 100,000 documents in 20 batches a search that tests incidents one by one
    for the words ran 1.4-1.8x faster after it (about 1 s of merging)."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as conn:
        count = conn.exec_driver_sql("SELECT count(*) FROM incidents").scalar_one()
        analysed = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None
        stat = conn.exec_driver_sql(
            "SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_incidents_event_date'"
        ).scalar_one_or_none() if analysed else None
    taken = int(str(stat).split()[0]) if stat else None
    if taken is not None and abs(count - taken) <= STATS_DRIFT * max(taken, 1):
        return False
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_index(search_index) VALUES('optimize')")
        conn.exec_driver_sql("ANALYZE")
    return True


def table_names(url: str) -> list[str]:
    """The tables already in a database (a new server workspace needs an empty one)."""
    from sqlalchemy import inspect

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return inspect(conn).get_table_names()
    finally:
        engine.dispose()


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest Alembic revision."""
    from alembic import command  # only init and upgrades pay for importing Alembic
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def integrity_problems(engine: Engine) -> list[str]:
    """The database engine's own consistency check (SQLite's quick_check; R-D1)."""
    if engine.dialect.name != "sqlite":
        return []  # PostgreSQL: data checksums are the server's business
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else [f"database file: {row}" for row in rows[:5]]


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work that writes: commit on success, roll back on any exception.

    Plain ``factory()`` sessions are for reading."""
    writer = factory.kw["bind"].execution_options(**{WRITE_OPTION: True})
    with factory(bind=writer) as session, session.begin():
        yield session
