"""Fixtures for store tests: real SQLite files in tmp_path, always closed."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

from claimgraph.store import Store, open_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kb.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(db_path) as opened:
        yield opened


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """Naive sentence split on '.', '!' or '?' followed by space: enough for tests."""
    spans = []
    for match in re.finditer(r"[^.!?]+[.!?]?", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end, text[start:end]))
    return spans


def _add_doc(store: Store, text: str, source: str = "doc.txt", **fields: Any) -> int:
    document_id, created = store.add_document(source=source, text=text, **fields)
    if created:
        store.add_sentences(document_id, split_sentences(text))
    return document_id


@contextmanager
def _raw(path: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        yield conn


@pytest.fixture
def add_doc() -> Callable[..., int]:
    """add_doc(store, text, source="doc.txt", **fields): add a document and its sentences."""
    return _add_doc


@pytest.fixture
def raw() -> Callable[[Path], AbstractContextManager[sqlite3.Connection]]:
    """raw(path): a plain sqlite3 connection (foreign keys on), closed on exit."""
    return _raw
