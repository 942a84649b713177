"""The SQLite store: the default back-end, one file, full-text search with FTS5.

See ``engine.py`` for the connection settings (WAL, busy timeout, foreign keys) and
``migrations/`` for the schema. Most queries are SQLAlchemy Core; the ingest's hot path
(``add_document``, ``add_sentences``, ``replace_claims``, see ``writes.py``), ``figures()``
(``figure_query.py``) and FTS5 MATCH are plain SQL on the driver's cursor, inside the same
transaction.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from claimgraph.errors import StoreError
from claimgraph.store import schema as t
from claimgraph.store.base import Store
from claimgraph.store.engine import DEFAULT_BUSY_TIMEOUT, create_sqlite_engine
from claimgraph.store.figure_query import figures_from_rows, figures_sql
from claimgraph.store.fts import fts_query
from claimgraph.store.keys import content_hash
from claimgraph.store.locate import SentenceLocator
from claimgraph.store.migrate import apply_migrations, current_version
from claimgraph.store.records import (
    CLAIM_KINDS,
    EXTRACTION_STATUSES,
    REVIEW_STATES,
    AddedDocument,
    ClaimRow,
    ClaimsWritten,
    Document,
    DocumentRow,
    FigureRow,
    IngestErrorRow,
    NewClaim,
    NewEntity,
    NewFigure,
    NewMention,
    ReviewVerdict,
    SearchHit,
    SentenceRow,
    Stats,
)
from claimgraph.store.writes import (
    CLAIMS,
    FIGURES,
    INDEX_SENTENCES,
    INSERT_DOCUMENT,
    MENTIONS,
    SENTENCES,
    BatchReferences,
    check_choice,
    claim_rows,
    figure_rows,
    mention_rows,
    sentence_rows,
    to_json,
)

_DOCUMENT_COLUMNS = [c for c in t.documents.c if c.name != "text"]
# what makes a re-extracted claim the same claim as before, for keeping its review state
_CLAIM_IDENTITY = ("kind", "start_char", "end_char", "subject", "predicate", "value_text")
_SAME_CLAIM = " AND ".join(f"{column} IS ?" for column in _CLAIM_IDENTITY)


def _verdicts(cursor: sqlite3.Cursor, document_id: int) -> list[ReviewVerdict]:
    rows = cursor.execute(
        f"SELECT review_state, {', '.join(_CLAIM_IDENTITY)} FROM claims "
        "WHERE document_id = ? AND review_state IS NOT NULL AND review_state != 'unreviewed'",
        (document_id,),
    ).fetchall()
    return [ReviewVerdict(*row) for row in rows]


def _apply_verdicts(cursor: sqlite3.Cursor, document_id: int, verdicts: Sequence[ReviewVerdict]) -> int:
    return sum(
        cursor.execute(
            f"UPDATE claims SET review_state = ? WHERE document_id = ? AND {_SAME_CLAIM}",
            (
                verdict.state,
                document_id,
                *(getattr(verdict, column) for column in _CLAIM_IDENTITY),
            ),
        ).rowcount
        for verdict in verdicts
    )

# A document is the latest version of its source when no document names it as previous.
_IS_LATEST = ~sa.exists().where(t.documents.alias("newer").c.previous_id == t.documents.c.id)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _cursor(conn: sa.Connection) -> sqlite3.Cursor:
    """The driver's cursor on ``conn``: same connection, same transaction, no Core overhead."""
    cursor: sqlite3.Cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    return cursor


def _reason(exc: Exception) -> object:
    """The driver's error behind ``exc`` (SQLAlchemy wraps it; the cursor raises it bare)."""
    return getattr(exc, "orig", None) or exc


def _document_row(row: sa.Row[Any]) -> DocumentRow:
    values = row._asdict()
    values["removed_boilerplate"] = (
        None if values["removed_boilerplate"] is None else json.loads(values["removed_boilerplate"])
    )
    return DocumentRow(**values)


class SQLiteStore(Store):
    """A store in one SQLite file. Open it with ``open_store``; see ``Store`` for the API."""

    def __init__(self, path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"
        if not path.parent.is_dir():
            raise StoreError(
                f"Cannot create the store {path}: the folder {path.parent} does not exist. "
                "Create it first or choose another path."
            )
        self._engine: sa.Engine | None = create_sqlite_engine(path, busy_timeout=busy_timeout)
        self._local = threading.local()
        try:
            self._version = apply_migrations(self._engine, str(path))
        except sa.exc.DatabaseError as exc:
            self.close()
            raise StoreError(
                f"Cannot open {path} as a claimgraph store: {exc.orig}. Is it a SQLite "
                "database? Choose another file, or move this one away."
            ) from exc
        except BaseException:
            self.close()
            raise

    # --- life cycle ---------------------------------------------------------------------

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def _live_engine(self) -> sa.Engine:
        if self._engine is None:
            raise StoreError(f"The store {self.path} is closed; open it again with open_store().")
        return self._engine

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if getattr(self._local, "conn", None) is not None:
            yield  # nested: part of the outer transaction
            return
        try:
            with self._live_engine().connect() as conn:
                conn.execution_options(claimgraph_write=True)
                with conn.begin():
                    self._local.conn = conn
                    try:
                        yield
                    finally:
                        self._local.conn = None
        except (sa.exc.OperationalError, sqlite3.OperationalError) as exc:
            reason = _reason(exc)
            if "locked" in str(reason) or "busy" in str(reason):
                raise StoreError(
                    f"{self.path} is busy: another process held the write lock longer than the "
                    "busy timeout. Wait for the other ingest to finish, or raise the timeout."
                ) from exc
            raise StoreError(f"Writing to {self.path} failed: {reason}") from exc
        except (sa.exc.IntegrityError, sqlite3.IntegrityError) as exc:
            raise StoreError(
                f"Writing to {self.path} broke a constraint: {_reason(exc)}. Nothing of this "
                "transaction was stored; this is a bug in the caller or the store."
            ) from exc

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self.transaction():
            yield self._local.conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:  # inside a transaction: read our own writes
            yield conn
            return
        try:
            with self._live_engine().connect() as fresh:
                yield fresh
        except (sa.exc.OperationalError, sqlite3.OperationalError) as exc:
            raise StoreError(f"Reading {self.path} failed: {_reason(exc)}") from exc

    def schema_version(self) -> int:
        with self._read() as conn:
            return current_version(conn)

    # --- documents ----------------------------------------------------------------------

    def add_document(
        self,
        *,
        source: str,
        text: str,
        url: str | None = None,
        path: str | None = None,
        title: str | None = None,
        publisher: str | None = None,
        published: str | None = None,
        language: str | None = None,
        removed_boilerplate: Any = None,
        extraction_status: str = "pending",
    ) -> AddedDocument:
        if not source:
            raise StoreError("add_document needs a source (the path or URL the text came from).")
        check_choice("extraction_status", extraction_status, EXTRACTION_STATUSES)
        digest = content_hash(text)
        with self._write() as conn:
            cursor = _cursor(conn)
            cursor.execute("DELETE FROM ingest_errors WHERE source = ?", (source,))
            existing = cursor.execute(
                "SELECT id FROM documents WHERE content_hash = ?", (digest,)
            ).fetchone()
            if existing is not None:
                return AddedDocument(existing[0], False)
            previous = cursor.execute(
                "SELECT id, version FROM documents WHERE source = ? ORDER BY version DESC LIMIT 1",
                (source,),
            ).fetchone()
            cursor.execute(
                INSERT_DOCUMENT,
                (
                    digest,
                    source,
                    url,
                    path,
                    title,
                    publisher,
                    published,
                    language,
                    text,
                    _now(),
                    1 if previous is None else previous[1] + 1,
                    None if previous is None else previous[0],
                    extraction_status,
                    to_json(removed_boilerplate),
                ),
            )
            return AddedDocument(int(cursor.lastrowid or 0), True)

    def add_sentences(
        self, document_id: int, sentences: Iterable[tuple[int, int, str]], *, replace: bool = False
    ) -> list[int]:
        with self._write() as conn:
            cursor = _cursor(conn)
            text = self._document_text(conn, document_id)
            # Ids are given, not left to SQLite, so they are known without reading them back;
            # safe because the write lock is held (BEGIN IMMEDIATE).
            last = cursor.execute("SELECT coalesce(max(id), 0) FROM sentences").fetchone()[0]
            rows = sentence_rows(document_id, int(last) + 1, text, sentences)
            has_any = cursor.execute(
                "SELECT 1 FROM sentences WHERE document_id = ? LIMIT 1", (document_id,)
            ).fetchone()
            if has_any is not None and not replace:
                raise StoreError(
                    f"Document {document_id} already has sentences. Pass replace=True to "
                    "re-split it (this also removes its claims and mentions)."
                )
            if has_any is not None:
                for table in ("mentions", "claims", "sentences"):  # the index follows by trigger
                    cursor.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
            if rows:
                SENTENCES.run(cursor, rows)
                cursor.execute(INDEX_SENTENCES, (document_id,))
            return [row[0] for row in rows]

    def sentences(self, document_id: int) -> list[SentenceRow]:
        s = t.sentences
        with self._read() as conn:
            rows = conn.execute(
                sa.select(s.c.id, s.c.document_id, s.c.idx, s.c.start_char, s.c.end_char, s.c.text)
                .where(s.c.document_id == document_id)
                .order_by(s.c.idx)
            )
            return [SentenceRow(*row) for row in rows]

    def _document_text(self, conn: sa.Connection, document_id: int) -> str:
        row = (
            _cursor(conn)
            .execute("SELECT text FROM documents WHERE id = ?", (document_id,))
            .fetchone()
        )
        if row is None:
            raise StoreError(
                f"There is no document {document_id} in {self.path}. Add it with add_document first."
            )
        return str(row[0])

    def document(self, document_id: int) -> Document:
        with self._read() as conn:
            row = conn.execute(
                sa.select(*_DOCUMENT_COLUMNS).where(t.documents.c.id == document_id)
            ).first()
            if row is None:
                raise StoreError(f"There is no document {document_id} in {self.path}.")
            base = _document_row(row)
            return Document(**vars(base), text=self._document_text(conn, document_id))

    def documents(
        self, *, include_old_versions: bool = True, language: str | None = None
    ) -> list[DocumentRow]:
        query = sa.select(*_DOCUMENT_COLUMNS).order_by(t.documents.c.id)
        if not include_old_versions:
            query = query.where(_IS_LATEST)
        if language is not None:
            query = query.where(t.documents.c.language == language)
        with self._read() as conn:
            return [_document_row(row) for row in conn.execute(query)]

    def has_content(self, content_hash: str) -> int | None:
        with self._read() as conn:
            return conn.execute(
                sa.select(t.documents.c.id).where(t.documents.c.content_hash == content_hash)
            ).scalar()

    def known_source_hashes(self) -> dict[str, str]:
        d = t.documents
        with self._read() as conn:
            rows = conn.execute(sa.select(d.c.source, d.c.content_hash).where(_IS_LATEST))
            return {row.source: row.content_hash for row in rows}

    def latest_version_for(self, source: str) -> DocumentRow | None:
        d = t.documents
        with self._read() as conn:
            row = conn.execute(
                sa.select(*_DOCUMENT_COLUMNS)
                .where(d.c.source == source)
                .order_by(d.c.version.desc())
                .limit(1)
            ).first()
            return None if row is None else _document_row(row)

    def set_extraction_status(
        self, document_id: int, status: str, *, extractor_version: str | None = None
    ) -> None:
        check_choice("extraction status", status, EXTRACTION_STATUSES)
        with self._write() as conn:
            self._document_text(conn, document_id)  # exists?
            conn.execute(
                sa.update(t.documents)
                .where(t.documents.c.id == document_id)
                .values(extraction_status=status, extractor_version=extractor_version)
            )

    def documents_to_extract(self, extractor_version: str) -> list[int]:
        d = t.documents
        query = (
            sa.select(d.c.id)
            .where(_IS_LATEST)
            .where(
                (d.c.extraction_status == "pending")
                | (
                    (d.c.extraction_status == "done")
                    & (d.c.extractor_version.is_distinct_from(extractor_version))
                )
            )
            .order_by(d.c.id)
        )
        with self._read() as conn:
            return list(conn.execute(query).scalars())

    # --- claims -------------------------------------------------------------------------

    def upsert_entity(self, entity: NewEntity) -> int:
        with self._write() as conn:
            return self._upsert_entity(_cursor(conn), entity)

    @staticmethod
    def _upsert_entity(cursor: sqlite3.Cursor, entity: NewEntity) -> int:
        found = cursor.execute(
            "SELECT id FROM entities WHERE name = ? AND type = ?", (entity.name, entity.type)
        ).fetchone()
        if found is None:
            cursor.execute(
                "INSERT INTO entities (name, type, qid, created_at) VALUES (?, ?, ?, ?)",
                (entity.name, entity.type, entity.qid, _now()),
            )
            entity_id = int(cursor.lastrowid or 0)
        else:
            entity_id = int(found[0])
            if entity.qid is not None:
                cursor.execute(
                    "UPDATE entities SET qid = ? WHERE id = ? AND qid IS NULL",
                    (entity.qid, entity_id),
                )
        if entity.aliases:
            cursor.executemany(
                "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, how) VALUES (?, ?, ?)",
                [(entity_id, alias, how) for alias, how in entity.aliases],
            )
        return entity_id

    def replace_claims(
        self,
        document_id: int,
        extractor_version: str,
        *,
        entities: Sequence[NewEntity] = (),
        mentions: Sequence[NewMention] = (),
        claims: Sequence[NewClaim] = (),
        figures: Sequence[NewFigure] = (),
        extractor: str = "claimgraph",
    ) -> ClaimsWritten:
        with self._write() as conn:
            cursor = _cursor(conn)
            published = cursor.execute(
                "SELECT published FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            if published is None:
                raise StoreError(
                    f"There is no document {document_id} in {self.path}: cannot store its claims."
                )
            locator = SentenceLocator(
                cursor.execute(
                    "SELECT id, start_char, end_char FROM sentences WHERE document_id = ?",
                    (document_id,),
                ).fetchall()
            )
            # a reviewer's verdicts outlive re-extraction: given back below to the new claims
            # that say the same thing at the same place
            verdicts = _verdicts(cursor, document_id)
            replaced = cursor.execute(
                "DELETE FROM claims WHERE document_id = ?", (document_id,)
            ).rowcount
            cursor.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))

            entity_ids = [self._upsert_entity(cursor, entity) for entity in entities]
            refs = BatchReferences(document_id, locator, entity_ids)
            mentions_written = mention_rows(refs, mentions)
            ids = self._allocate_claim_ids(cursor, len(claims) + len(figures))
            common = {
                "published": published[0],
                "extractor": extractor,
                "extractor_version": extractor_version,
                "created_at": _now(),
            }
            claims_written = claim_rows(refs, ids, claims, figures, common)
            claim_ids, figure_ids = ids[: len(claims)], ids[len(claims) :]
            figures_written = figure_rows(figures, figure_ids)
            MENTIONS.run(cursor, mentions_written)
            CLAIMS.run(cursor, claims_written)
            FIGURES.run(cursor, figures_written)
            reviews_kept = _apply_verdicts(cursor, document_id, verdicts)
            cursor.execute(
                "UPDATE documents SET extraction_status = 'done', extractor_version = ? "
                "WHERE id = ?",
                (extractor_version, document_id),
            )
            return ClaimsWritten(
                entity_ids=entity_ids,
                claim_ids=claim_ids,
                figure_claim_ids=figure_ids,
                mentions=len(mentions_written),
                replaced=replaced,
                reviews_kept=reviews_kept,
            )

    @staticmethod
    def _allocate_claim_ids(cursor: sqlite3.Cursor, count: int) -> list[int]:
        """The next ``count`` claim ids, so a batch is a few multi-row INSERTs, not one a row.

        Safe because every write transaction holds the write lock (BEGIN IMMEDIATE). The
        claims table is AUTOINCREMENT: sqlite_sequence remembers the highest id ever used
        (deleted claims' ids are never reused) and moves past the explicit ids we insert.
        """
        if count == 0:
            return []
        last = cursor.execute(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'claims'), 0), "
            "coalesce((SELECT max(id) FROM claims), 0))"
        ).fetchone()[0]
        return list(range(int(last) + 1, int(last) + 1 + count))

    def claims_for_document(self, document_id: int, *, kind: str | None = None) -> list[ClaimRow]:
        c, s = t.claims, t.sentences
        columns = [col for col in c.c if col.name != "created_at"]
        query = (
            sa.select(*columns, s.c.text.label("sentence_text"))
            .join(s, s.c.id == c.c.sentence_id)
            .where(c.c.document_id == document_id)
            .order_by(c.c.start_char, c.c.id)
        )
        if kind is not None:
            check_choice("claim kind", kind, CLAIM_KINDS)
            query = query.where(c.c.kind == kind)
        with self._read() as conn:
            rows = []
            for row in conn.execute(query):
                values = row._asdict()
                values["payload"] = json.loads(values["payload"])
                rows.append(ClaimRow(**values))
            return rows

    def set_review_state(self, claim_id: int, state: str) -> None:
        check_choice("review state", state, REVIEW_STATES)
        with self._write() as conn:
            updated = conn.execute(
                sa.update(t.claims).where(t.claims.c.id == claim_id).values(review_state=state)
            )
            if updated.rowcount == 0:
                raise StoreError(f"There is no claim {claim_id} in {self.path}.")

    def review_verdicts(self, document_id: int) -> list[ReviewVerdict]:
        with self._read() as conn:
            return _verdicts(_cursor(conn), document_id)

    def apply_review_verdicts(self, document_id: int, verdicts: Sequence[ReviewVerdict]) -> int:
        with self._write() as conn:
            return _apply_verdicts(_cursor(conn), document_id, verdicts)

    def figures(
        self,
        *,
        cohort: str | Mapping[str, str | None] | None = None,
        status: str | None = None,
        place: str | None = None,
        nationality: str | None = None,
        document_id: int | None = None,
        include_old_versions: bool = False,
        include_rejected: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[FigureRow]:
        sql, params = figures_sql(
            cohort=cohort,
            status=status,
            place=place,
            nationality=nationality,
            document_id=document_id,
            include_old_versions=include_old_versions,
            include_rejected=include_rejected,
            limit=limit,
            offset=offset,
        )
        with self._read() as conn:
            return figures_from_rows(_cursor(conn).execute(sql, params).fetchall())

    # --- errors -------------------------------------------------------------------------

    def record_error(self, source: str, code: str, reason: str) -> None:
        now = _now()
        with self._write() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO ingest_errors (source, code, reason, occurred_at, first_seen_at) "
                    "VALUES (:source, :code, :reason, :now, :now) "
                    "ON CONFLICT (source) DO UPDATE SET code = excluded.code, "
                    "reason = excluded.reason, occurred_at = excluded.occurred_at, "
                    "attempts = attempts + 1"
                ),
                {"source": source, "code": code, "reason": reason, "now": now},
            )

    def clear_error(self, source: str) -> bool:
        with self._write() as conn:
            return self._delete_error(conn, source)

    @staticmethod
    def _delete_error(conn: sa.Connection, source: str) -> bool:
        deleted = _cursor(conn).execute("DELETE FROM ingest_errors WHERE source = ?", (source,))
        return deleted.rowcount > 0

    def errors(self) -> list[IngestErrorRow]:
        e = t.ingest_errors
        query = sa.select(
            e.c.source, e.c.code, e.c.reason, e.c.occurred_at, e.c.first_seen_at, e.c.attempts
        )
        with self._read() as conn:
            return [
                IngestErrorRow(*row)
                for row in conn.execute(query.order_by(e.c.occurred_at.desc(), e.c.id.desc()))
            ]

    # --- reading ------------------------------------------------------------------------

    def search(
        self,
        words: str | Iterable[str],
        limit: int = 20,
        *,
        any_word: bool = False,
        include_old_versions: bool = False,
    ) -> list[SearchHit]:
        match = fts_query(words, any_word=any_word)
        if match is None or limit <= 0:
            return []
        latest = (
            ""
            if include_old_versions
            else (
                "AND NOT EXISTS (SELECT 1 FROM documents AS newer WHERE newer.previous_id = d.id) "
            )
        )
        sql = sa.text(
            "SELECT s.id, s.document_id, s.text, s.start_char, s.end_char, d.title, d.source, "
            "d.url, d.published, d.language, bm25(sentences_fts) AS rank "
            "FROM sentences_fts JOIN sentences AS s ON s.id = sentences_fts.rowid "
            "JOIN documents AS d ON d.id = s.document_id "
            f"WHERE sentences_fts MATCH :match {latest}"
            "ORDER BY rank LIMIT :limit"
        )
        with self._read() as conn:
            return [SearchHit(*row) for row in conn.execute(sql, {"match": match, "limit": limit})]

    def stats(self) -> Stats:
        def count(table: sa.Table, *where: Any) -> int:
            return int(
                conn.execute(
                    sa.select(sa.func.count()).select_from(table).where(*where)
                ).scalar_one()
            )

        d = t.documents
        with self._read() as conn:
            return Stats(
                schema_version=current_version(conn),
                documents=count(d),
                current_documents=count(d, _IS_LATEST),
                sentences=count(t.sentences),
                errors=count(t.ingest_errors),
                entities=count(t.entities),
                mentions=count(t.mentions),
                claims=count(t.claims),
                figures=count(t.figures),
                documents_by_language=self._group_count(conn, d.c.language),
                documents_by_status=self._group_count(conn, d.c.extraction_status),
            )

    @staticmethod
    def _group_count(conn: sa.Connection, column: sa.Column[Any]) -> dict[str, int]:
        rows = conn.execute(sa.select(column, sa.func.count()).group_by(column).order_by(column))
        return {("unknown" if key is None else str(key)): int(n) for key, n in rows}

    def integrity_check(self, *, search_index: bool = True) -> str:
        problems: list[str] = []
        with self._read() as conn:
            results = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
            if results != ["ok"]:
                problems.extend(results)
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(
                    f"foreign key: {table} row {rowid} points to a missing {parent} row"
                )
        if search_index:
            problems.extend(self._check_search_index())
        return "ok" if not problems else "\n".join(problems)

    def _check_search_index(self) -> list[str]:
        # FTS5's integrity-check is an INSERT command: it needs the write lock (it writes
        # nothing), so it waits for a running ingest like any writer.
        try:
            with self._write() as conn:
                try:
                    conn.exec_driver_sql(
                        "INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)"
                    )
                except sa.exc.DatabaseError as exc:
                    fix = "INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')"
                    return [f"search index: {exc.orig} (rebuild it with {fix})"]
        except StoreError as exc:
            return [f"search index: not checked: {exc}"]
        return []
