"""``open_store(url)``: choose the back-end from a URL or a plain file path."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa

from claimgraph.errors import StoreError
from claimgraph.store.base import Store
from claimgraph.store.engine import DEFAULT_BUSY_TIMEOUT

DEFAULT_URL = "sqlite:///claimgraph.db"


def open_store(
    url: str | os.PathLike[str] = DEFAULT_URL, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
) -> Store:
    """Open (creating and migrating if needed) the store at ``url``.

    Accepted: ``sqlite:///relative.db``, ``sqlite:////absolute/path.db``, or a plain path
    (``claimgraph.db``, ``~/data/kb.db``). ``postgresql://`` is planned. ``busy_timeout``
    (seconds) is how long a writer waits for another process's write lock.
    """
    text = os.fspath(url)
    if "://" not in text:
        return _sqlite(Path(text).expanduser(), busy_timeout)
    scheme = text.split("://", 1)[0].lower()
    if scheme in ("sqlite", "sqlite+pysqlite"):
        database = sa.make_url(text).database
        if not database or database == ":memory:" or database.startswith("file:"):
            raise StoreError(
                f"{text!r} names no database file. The store needs a file (in-memory SQLite "
                "cannot be shared between connections): use e.g. sqlite:///claimgraph.db, or a "
                "file in a temporary folder for tests."
            )
        return _sqlite(Path(database).expanduser(), busy_timeout)
    if scheme.startswith("postgres"):
        raise StoreError(
            "PostgreSQL support is planned but not available yet: the store interface "
            "(claimgraph.store.Store) is ready for it, and it will need "
            "`pip install 'claimgraph[postgres]'`. For now use a SQLite file, e.g. "
            "sqlite:///claimgraph.db."
        )
    raise StoreError(
        f"Unsupported store URL scheme {scheme!r} in {text!r}. Use sqlite:///path/to/file.db "
        "or a plain file path (postgresql:// is planned)."
    )


def _sqlite(path: Path, busy_timeout: float) -> Store:
    from claimgraph.store.sqlite import SQLiteStore

    return SQLiteStore(path.resolve(), busy_timeout=busy_timeout)
