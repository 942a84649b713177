from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimgraph.errors import StoreError

Raw = Callable[[Path], AbstractContextManager[sqlite3.Connection]]
from claimgraph.store import open_store, schema
from claimgraph.store.engine import create_sqlite_engine
from claimgraph.store.migrate import (
    Migration,
    apply_migrations,
    available_migrations,
    split_statements,
)


def test_migrations_apply_and_are_recorded(db_path: Path, raw: Raw) -> None:
    with open_store(db_path) as store:
        assert store.schema_version() == len(available_migrations())
    with raw(db_path) as conn:
        rows = conn.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert rows[0][:2] == (1, "initial")
    assert rows[0][2].startswith("20")
    assert {
        "documents",
        "sentences",
        "sentences_fts",
        "claims",
        "figures",
        "ingest_errors",
    } <= tables


def test_reopening_is_idempotent(db_path: Path, raw: Raw) -> None:
    with open_store(db_path) as store:
        store.add_document(source="a", text="Un texte.")
    with open_store(db_path) as store:
        assert store.stats()["documents"] == 1
    with raw(db_path) as conn:
        applied = conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
    assert applied == len(available_migrations())  # each once, not again on reopening


def test_available_migrations_are_numbered_from_one() -> None:
    versions = [m.version for m in available_migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    sql = "-- a; comment\nCREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    statements = split_statements(sql)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


def test_a_later_migration_is_applied_on_open_and_a_newer_database_is_refused(
    db_path: Path, raw: Raw
) -> None:
    later = [
        *available_migrations(),
        Migration(len(available_migrations()) + 1, "extra", "CREATE TABLE extra (x);"),
    ]
    engine = create_sqlite_engine(db_path)
    try:
        assert apply_migrations(engine, str(db_path), later) == later[-1].version
    finally:
        engine.dispose()
    with raw(db_path) as conn:
        assert (
            conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone()
            is not None
        )
    with pytest.raises(StoreError, match="newer claimgraph"):
        open_store(db_path)


def test_a_failing_migration_leaves_nothing_behind(db_path: Path, raw: Raw) -> None:
    shipped = len(available_migrations())
    broken = [
        *available_migrations(),
        Migration(
            len(available_migrations()) + 1, "bad", "CREATE TABLE ok (x);\nSELECT * FROM nowhere;"
        ),
    ]
    engine = create_sqlite_engine(db_path)
    try:
        with pytest.raises(StoreError, match=f"left at version {shipped}"):
            apply_migrations(engine, str(db_path), broken)
    finally:
        engine.dispose()
    with raw(db_path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'ok'").fetchone() is None
        assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == shipped


def test_a_foreign_database_is_refused(db_path: Path, raw: Raw) -> None:
    with raw(db_path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not a claimgraph store"):
        open_store(db_path)


def test_a_file_that_is_not_sqlite_is_refused(db_path: Path) -> None:
    db_path.write_bytes(b"this is a text file, not a database" * 100)
    with pytest.raises(StoreError, match="Is it a SQLite database"):
        open_store(db_path)


def test_core_tables_match_the_migrated_schema(db_path: Path, raw: Raw) -> None:
    with open_store(db_path):
        pass
    with raw(db_path) as conn:
        for table in schema.metadata.sorted_tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")]
            assert columns == [c.name for c in table.columns], table.name


def test_pragmas_are_set_on_every_connection(db_path: Path) -> None:
    engine = create_sqlite_engine(db_path, busy_timeout=7)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 7000
    finally:
        engine.dispose()


def test_ddl_is_transactional(db_path: Path) -> None:
    engine = create_sqlite_engine(db_path)
    try:
        with engine.connect() as conn:
            with conn.begin() as tx:
                conn.exec_driver_sql("CREATE TABLE scratch (x)")
                tx.rollback()
            names = conn.execute(
                sa.text("SELECT name FROM sqlite_master WHERE name = 'scratch'")
            ).all()
            conn.rollback()
        assert names == []
    finally:
        engine.dispose()


def test_sqlite_has_fts5() -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE f USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')"
        )
    finally:
        conn.close()
