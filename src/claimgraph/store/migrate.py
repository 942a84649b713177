"""Versioned schema migrations: ``migrations/NNNN_name.sql``, applied in order.

Each file is applied in its own transaction together with its row in
``schema_migrations (version, name, applied_at)``, so a migration is either fully applied
and recorded or not at all (SQLite DDL is transactional). The write lock is taken before
the applied versions are read, so two processes opening a new database at once apply each
migration once. A database whose version is newer than the newest file here was written by
a newer claimgraph and is refused rather than misread.

Plain SQL files and a 60-line runner instead of Alembic: the schema is SQLite-first with
FTS5 virtual tables and triggers that Alembic's autogenerate cannot express anyway, and
the SQL files double as the schema's documentation. A PostgreSQL back-end would get its
own directory of files with the same version numbers.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import sqlalchemy as sa

from claimgraph.errors import StoreError

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations(
    package: str = "claimgraph.store", folder: str = "migrations"
) -> list[Migration]:
    """The migration files shipped with the code, checked to be numbered 1, 2, 3, ..."""
    found: list[Migration] = []
    for entry in resources.files(package).joinpath(folder).iterdir():
        if not entry.name.endswith(".sql"):
            continue
        match = _FILE_NAME.match(entry.name)
        if match is None:
            raise StoreError(
                f"Migration file {entry.name!r} is misnamed: expected NNNN_lowercase_name.sql "
                "(e.g. 0002_add_review_log.sql)."
            )
        found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    expected = list(range(1, len(found) + 1))
    if [m.version for m in found] != expected:
        raise StoreError(
            f"Migration files are numbered {[m.version for m in found]}, expected {expected}: "
            "versions must start at 1 with no gap or duplicate."
        )
    return found


def split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip() and not _only_comments(pending):
        raise StoreError(f"Migration ends with an incomplete statement: {pending.strip()[:80]!r}")
    return statements


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


def current_version(conn: sa.Connection) -> int:
    """The highest applied version, 0 for a new database."""
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).first()
    if has_table is None:
        return 0
    return int(
        conn.exec_driver_sql("SELECT coalesce(max(version), 0) FROM schema_migrations").scalar_one()
    )


def _check_is_ours(conn: sa.Connection, where: str) -> None:
    tables = [
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    if tables and "schema_migrations" not in tables:
        raise StoreError(
            f"{where} is a SQLite database but not a claimgraph store (it has tables "
            f"{sorted(tables)[:5]} and no schema_migrations). Choose another file."
        )


def _checked_version(conn: sa.Connection, where: str, newest: int) -> int:
    _check_is_ours(conn, where)
    version = current_version(conn)
    if version > newest:
        raise StoreError(
            f"{where} has schema version {version} but this claimgraph knows versions up "
            f"to {newest}: it was written by a newer claimgraph. Upgrade claimgraph "
            "(pip install -U claimgraph) to open it."
        )
    return version


def apply_migrations(
    engine: sa.Engine, where: str, migrations: list[Migration] | None = None
) -> int:
    """Apply every pending migration; return the resulting schema version."""
    migrations = available_migrations() if migrations is None else migrations
    newest = migrations[-1].version if migrations else 0
    with engine.connect() as conn:
        with conn.begin():  # a plain read first: opening never waits for a busy writer
            version = _checked_version(conn, where, newest)
        if version == newest:
            return version
        conn.execution_options(claimgraph_write=True)  # BEGIN IMMEDIATE from here on
        for migration in migrations:
            with conn.begin():
                version = _checked_version(conn, where, newest)  # re-read under the lock
                if migration.version <= version:
                    continue
                if migration.version != version + 1:
                    raise StoreError(
                        f"{where}: cannot apply migration {migration.version} on version {version}."
                    )
                conn.exec_driver_sql(CREATE_MIGRATIONS_TABLE)
                for statement in split_statements(migration.sql):
                    try:
                        conn.exec_driver_sql(statement)
                    except sa.exc.OperationalError as exc:
                        if "no such module: fts5" in str(exc):
                            raise StoreError(
                                "This Python's SQLite was built without FTS5, which the store "
                                "needs for full-text search. Use a Python whose sqlite3 has "
                                "FTS5 (python.org and most Linux builds do)."
                            ) from exc
                        raise StoreError(
                            f"Migration {migration.version:04d}_{migration.name} failed on "
                            f"{where}: {exc.orig}. The database was left at version {version}."
                        ) from exc
                conn.execute(
                    sa.text(
                        "INSERT INTO schema_migrations (version, name, applied_at) "
                        "VALUES (:version, :name, :at)"
                    ),
                    {"version": migration.version, "name": migration.name, "at": _now()},
                )
                version = migration.version
    return version


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
