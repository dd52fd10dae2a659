"""Moving a laptop workspace to a server (``raqib migrate --to URL``).

The old workspace is only read. A new workspace folder gets copies of its settings (same log
origin and workspace id), its keys and its vault blobs, with ``database_url`` naming the
server; the server database, which must be empty, gets the schema at the newest revision and
then every row of every table, the custody log byte for byte and the search index, in one
writing transaction (so under the writers' lock). Afterwards both databases are read back:
every table compared row for row, every leaf byte for byte, and the Merkle roots of the two
logs compared; any difference is an error and the new folder is removed.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from raqib.config import CONFIG_FILE
from raqib.errors import WorkspaceError
from raqib.store import engine as store
from raqib.store.models import Base, CustodyLeaf
from raqib.vault import custody, merkle
from raqib.workspace import Workspace

BATCH = 2_000


@dataclass
class MigrationReport:
    target: Path
    database_url: str
    tree_size: int
    root_before: str
    root_after: str
    rows: dict[str, int] = field(default_factory=dict)
    search_entries: int = 0
    blobs: int = 0

    @property
    def roots_equal(self) -> bool:
        return self.root_before == self.root_after


def _head(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _log_root(session: Session) -> tuple[int, str, list[bytes]]:
    leaves = [data for _idx, data in custody.iter_leaves(session)]
    hashes = [merkle.leaf_hash(data) for data in leaves]
    return len(leaves), merkle.root_from_hashes(hashes).hex(), leaves


def _ordered(table):  # type: ignore[no-untyped-def]
    return select(table).order_by(*table.primary_key.columns)


def _search_rows(session: Session) -> list[dict]:
    """The old database's search entries (SQLite FTS5 or PostgreSQL table), by id."""
    dialect = session.get_bind().dialect.name
    key = "rowid" if dialect == "sqlite" else "id"
    rows = session.execute(
        text(f"SELECT {key}, kind, ref, title, body FROM search_index ORDER BY {key}")
    ).all()
    return [{"id": r[0], "k": r[1], "r": r[2], "t": r[3] or "", "b": r[4] or ""} for r in rows]


def _insert_search(session: Session, rows: list[dict]) -> None:
    if session.get_bind().dialect.name == "sqlite":
        sql = "INSERT INTO search_index (rowid, kind, ref, title, body) VALUES (:id,:k,:r,:t,:b)"
    else:
        sql = "INSERT INTO search_index (id, kind, ref, title, body) VALUES (:id,:k,:r,:t,:b)"
    for start in range(0, len(rows), BATCH):
        session.execute(text(sql), rows[start:start + BATCH])


def _reset_sequences(session: Session) -> None:
    """PostgreSQL: serial ids continue after the copied ones."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if len(table.primary_key.columns) != 1:
            continue
        column = next(iter(table.primary_key.columns)).name
        session.execute(text(
            f"SELECT setval(seq, COALESCE((SELECT max({column}) FROM {table.name}), 0) + 1, "
            f"false) FROM (SELECT pg_get_serial_sequence('{table.name}', '{column}') AS seq) s "
            "WHERE seq IS NOT NULL"
        ))


def _copy_table(src: Session, dst: Session, table) -> int:  # type: ignore[no-untyped-def]
    """Every row, in key order; links to rows of the same table (a document's parent, an
    incident merged into another) are set once all its rows are in."""
    own = [c.name for c in table.columns
           if any(fk.column.table is table for fk in c.foreign_keys)]
    rows = [dict(r._mapping) for r in src.execute(_ordered(table))]
    later = [r for r in rows if any(r[c] is not None for c in own)]
    first = [{**r, **dict.fromkeys(own)} for r in rows] if own else rows
    for start in range(0, len(first), BATCH):
        dst.execute(table.insert(), first[start:start + BATCH])
    keys = list(table.primary_key.columns)
    for row in later:
        dst.execute(
            table.update().where(*(k == row[k.name] for k in keys)).values(
                {c: row[c] for c in own})
        )
    return len(rows)


def _copy_tree(src: Path, dst: Path) -> int:
    count = 0
    for folder, _dirs, files in os.walk(src):
        rel = Path(folder).relative_to(src)
        (dst / rel).mkdir(parents=True, exist_ok=True)
        for name in files:
            shutil.copy2(Path(folder) / name, dst / rel / name)
            count += 1
    return count


def _copy_settings_files(old: Workspace, target: Path) -> None:
    """The files of the extraction settings kept inside the old workspace folder (stored
    relative to it) go along, at the same relative paths; absolute ones stay where they are."""
    cfg = old.config
    names = [cfg.extract_model] if cfg.extract_model else []
    for name in [*names, *cfg.extract_gazetteers, *cfg.extract_actors]:
        if not Path(name).is_absolute() and (old.root / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(old.root / name, target / name)


def migrate(old: Workspace, database_url: str, target: Path) -> MigrationReport:
    """Copy ``old`` into a new workspace at ``target`` whose database is ``database_url``."""
    target = target.resolve()
    if target == old.root or old.root in target.parents:
        raise WorkspaceError("the new workspace must be outside the old one")
    if target.exists() and any(target.iterdir()):
        raise WorkspaceError(f"{target} exists and is not empty")
    if _head(old.engine) != store.HEAD_REVISION:
        raise WorkspaceError(
            f"the old workspace's database is not at revision {store.HEAD_REVISION}: "
            "upgrade it first"
        )
    new_engine = store.make_engine(database_url)
    try:
        with new_engine.connect() as conn:
            if inspect(conn).get_table_names():
                raise WorkspaceError("the target database is not empty: give an empty one")
        store.migrate(new_engine)
        report = _copy(old, new_engine, database_url, target)
    finally:
        new_engine.dispose()
    return report


def _copy(old: Workspace, new_engine: Engine, url: str, target: Path) -> MigrationReport:
    target.mkdir(parents=True, exist_ok=True)
    made = False
    try:
        new_sessions = store.session_factory(new_engine)
        with old.sessions() as src:
            size, root_before, leaves = _log_root(src)
            report = MigrationReport(target, url, size, root_before, "")
            search = _search_rows(src)
            with store.transaction(new_sessions) as dst:
                for table in Base.metadata.sorted_tables:
                    report.rows[table.name] = _copy_table(src, dst, table)
                _insert_search(dst, search)
                report.search_entries = len(search)
                _reset_sequences(dst)
            with new_sessions() as dst:
                _compare(src, dst, leaves, report)
        report.blobs = _copy_tree(old.root / "vault", target / "vault")
        shutil.copytree(old.root / "keys", target / "keys")
        _copy_settings_files(old, target)
        config = old.config.model_copy(update={"database_url": url})
        (target / CONFIG_FILE).write_text(config.dump(), encoding="utf-8")  # last: a whole one
        made = True
    finally:
        if not made:
            shutil.rmtree(target, ignore_errors=True)
    return report


def _compare(src: Session, dst: Session, leaves: list[bytes], report: MigrationReport) -> None:
    size, root_after, copied = _log_root(dst)
    report.root_after = root_after
    if copied != leaves:
        raise WorkspaceError("the copied custody log differs from the original")
    if not report.roots_equal or size != report.tree_size:
        raise WorkspaceError(
            f"tree roots differ: {report.root_before} before, {root_after} after"
        )
    for table in Base.metadata.sorted_tables:
        if table.name == CustodyLeaf.__tablename__:
            continue
        a = [tuple(r) for r in src.execute(_ordered(table))]
        b = [tuple(r) for r in dst.execute(_ordered(table))]
        if a != b:
            raise WorkspaceError(f"table {table.name}: the copy differs from the original")
    if _search_rows(src) != _search_rows(dst):
        raise WorkspaceError("the search index copy differs from the original")
