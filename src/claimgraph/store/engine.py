"""The SQLite engine: connection settings and explicit transaction control.

Every connection gets:

- ``journal_mode=WAL``: readers (``stats``, ``search``) never wait for a writer and a
  writer never waits for readers; a committed transaction survives a killed process.
- ``synchronous=NORMAL``: in WAL mode, safe against application crashes (SIGKILL); a power
  loss may lose the last transactions but never corrupts the file.
- ``foreign_keys=ON``: SQLite leaves them off unless asked, per connection.
- ``busy_timeout``: a second writer waits this long for the write lock instead of failing.

pysqlite's own transaction handling is switched off (``isolation_level=None``) and we emit
``BEGIN`` ourselves, as SQLAlchemy's SQLite documentation recommends, so that DDL is
transactional and write transactions can start with ``BEGIN IMMEDIATE`` (taking the write
lock up front, so two writers queue on the busy timeout instead of failing with
"database is locked" halfway through). A connection whose execution option
``claimgraph_write`` is true begins with ``BEGIN IMMEDIATE``; any other with ``BEGIN``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

DEFAULT_BUSY_TIMEOUT = 30.0  # seconds


def create_sqlite_engine(path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> sa.Engine:
    """An engine on the SQLite file ``path`` with the settings above (the file may be new)."""
    engine = sa.create_engine(
        sa.URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"timeout": busy_timeout},
    )
    timeout_ms = int(busy_timeout * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {timeout_ms}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get("claimgraph_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
