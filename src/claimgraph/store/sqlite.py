"""The SQLite store: the default back-end, one file, full-text search with FTS5.

See ``engine.py`` for the connection settings (WAL, busy timeout, foreign keys) and
``migrations/`` for the schema. Queries are SQLAlchemy Core; FTS5 MATCH is plain SQL.
"""

from __future__ import annotations

import json
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
from claimgraph.store.fts import fts_query
from claimgraph.store.keys import cohort_key, content_hash, normalise_key
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
    SearchHit,
    SentenceRow,
    Stats,
)

_DOCUMENT_COLUMNS = [c for c in t.documents.c if c.name != "text"]

# A document is the latest version of its source when no document names it as previous.
_IS_LATEST = ~sa.exists().where(t.documents.alias("newer").c.previous_id == t.documents.c.id)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


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
        except sa.exc.OperationalError as exc:
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise StoreError(
                    f"{self.path} is busy: another process held the write lock longer than the "
                    "busy timeout. Wait for the other ingest to finish, or raise the timeout."
                ) from exc
            raise StoreError(f"Writing to {self.path} failed: {exc.orig}") from exc
        except sa.exc.IntegrityError as exc:
            raise StoreError(
                f"Writing to {self.path} broke a constraint: {exc.orig}. Nothing of this "
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
        except sa.exc.OperationalError as exc:
            raise StoreError(f"Reading {self.path} failed: {exc.orig}") from exc

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
        _check_choice("extraction_status", extraction_status, EXTRACTION_STATUSES)
        digest = content_hash(text)
        d = t.documents
        with self._write() as conn:
            self._delete_error(conn, source)
            existing = conn.execute(sa.select(d.c.id).where(d.c.content_hash == digest)).scalar()
            if existing is not None:
                return AddedDocument(existing, False)
            previous = conn.execute(
                sa.select(d.c.id, d.c.version)
                .where(d.c.source == source)
                .order_by(d.c.version.desc())
                .limit(1)
            ).first()
            new_id = conn.execute(
                sa.insert(d)
                .values(
                    content_hash=digest,
                    source=source,
                    url=url,
                    path=path,
                    title=title,
                    publisher=publisher,
                    published=published,
                    language=language,
                    text=text,
                    ingested_at=_now(),
                    version=1 if previous is None else previous.version + 1,
                    previous_id=None if previous is None else previous.id,
                    extraction_status=extraction_status,
                    removed_boilerplate=_json(removed_boilerplate),
                )
                .returning(d.c.id)
            ).scalar_one()
            return AddedDocument(new_id, True)

    def add_sentences(
        self, document_id: int, sentences: Iterable[tuple[int, int, str]], *, replace: bool = False
    ) -> list[int]:
        s = t.sentences
        with self._write() as conn:
            text = self._document_text(conn, document_id)
            rows = []
            for index, (start, end, sentence) in enumerate(sentences):
                if not 0 <= start <= end <= len(text) or text[start:end] != sentence:
                    raise StoreError(
                        f"Sentence {index} of document {document_id} ({start}-{end}, "
                        f"{sentence[:40]!r}) does not match the document text at those offsets. "
                        "Offsets must index the stored (cleaned) text, e.g. spaCy's "
                        "sent.start_char/sent.end_char and sent.text."
                    )
                rows.append(
                    {
                        "document_id": document_id,
                        "idx": index,
                        "start_char": start,
                        "end_char": end,
                        "text": sentence,
                    }
                )
            has_any = conn.execute(
                sa.select(s.c.id).where(s.c.document_id == document_id).limit(1)
            ).first()
            if has_any is not None:
                if not replace:
                    raise StoreError(
                        f"Document {document_id} already has sentences. Pass replace=True to "
                        "re-split it (this also removes its claims and mentions)."
                    )
                conn.execute(sa.delete(t.mentions).where(t.mentions.c.document_id == document_id))
                conn.execute(sa.delete(t.claims).where(t.claims.c.document_id == document_id))
                conn.execute(sa.delete(s).where(s.c.document_id == document_id))
            if rows:
                conn.execute(sa.insert(s), rows)
            return list(
                conn.execute(
                    sa.select(s.c.id).where(s.c.document_id == document_id).order_by(s.c.idx)
                ).scalars()
            )

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
        text = conn.execute(
            sa.select(t.documents.c.text).where(t.documents.c.id == document_id)
        ).scalar()
        if text is None:
            raise StoreError(
                f"There is no document {document_id} in {self.path}. Add it with add_document first."
            )
        return str(text)

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
        _check_choice("extraction status", status, EXTRACTION_STATUSES)
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
            return self._upsert_entity(conn, entity)

    def _upsert_entity(self, conn: sa.Connection, entity: NewEntity) -> int:
        e = t.entities
        entity_id = conn.execute(
            sa.select(e.c.id).where(e.c.name == entity.name, e.c.type == entity.type)
        ).scalar()
        if entity_id is None:
            entity_id = conn.execute(
                sa.insert(e)
                .values(name=entity.name, type=entity.type, qid=entity.qid, created_at=_now())
                .returning(e.c.id)
            ).scalar_one()
        elif entity.qid is not None:
            conn.execute(
                sa.update(e).where(e.c.id == entity_id, e.c.qid.is_(None)).values(qid=entity.qid)
            )
        if entity.aliases:
            rows = [
                {"entity_id": entity_id, "alias": alias, "how": how}
                for alias, how in entity.aliases
            ]
            conn.execute(sa.insert(t.entity_aliases).prefix_with("OR IGNORE"), rows)
        return int(entity_id)

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
        c, f, m, s = t.claims, t.figures, t.mentions, t.sentences
        with self._write() as conn:
            published = conn.execute(
                sa.select(t.documents.c.published).where(t.documents.c.id == document_id)
            ).first()
            if published is None:
                raise StoreError(
                    f"There is no document {document_id} in {self.path}: cannot store its claims."
                )
            locator = SentenceLocator(
                [
                    (row.id, row.start_char, row.end_char)
                    for row in conn.execute(
                        sa.select(s.c.id, s.c.start_char, s.c.end_char).where(
                            s.c.document_id == document_id
                        )
                    )
                ]
            )
            replaced = conn.execute(sa.delete(c).where(c.c.document_id == document_id)).rowcount
            conn.execute(sa.delete(m).where(m.c.document_id == document_id))

            entity_ids = [self._upsert_entity(conn, entity) for entity in entities]

            def entity_id(index: int | None, what: str) -> int | None:
                if index is None:
                    return None
                if not 0 <= index < len(entity_ids):
                    raise StoreError(
                        f"{what} refers to entity {index}, but the batch has {len(entity_ids)} "
                        "entities: entity references are indexes into the batch's entities."
                    )
                return entity_ids[index]

            def sentence_id(start: int, sentence_start: int | None, what: str) -> int:
                found = locator.find(start, sentence_start)
                if found is None:
                    raise StoreError(
                        f"{what} at character {start} lies in no stored sentence of document "
                        f"{document_id} ({len(locator)} sentences). Store the sentences with "
                        "add_sentences before the claims; every claim must cite its sentence."
                    )
                return found

            mention_rows = [
                {
                    "document_id": document_id,
                    "sentence_id": locator.find(mention.start),
                    "entity_id": entity_id(mention.entity, f"Mention {i} ({mention.text!r})"),
                    "start_char": mention.start,
                    "end_char": mention.end,
                    "text": mention.text,
                    "label": mention.label,
                    "canonical": mention.canonical,
                    "qid": mention.qid,
                    "source_component": mention.source_component,
                }
                for i, mention in enumerate(mentions)
            ]
            if mention_rows:
                conn.execute(sa.insert(m), mention_rows)

            common = {
                "document_id": document_id,
                "published": published[0],
                "extractor": extractor,
                "extractor_version": extractor_version,
                "created_at": _now(),
            }
            claim_rows = []
            for i, claim in enumerate(claims):
                what = f"Claim {i} ({claim.kind} {claim.subject!r} {claim.predicate})"
                _check_choice("claim kind", claim.kind, CLAIM_KINDS)
                claim_rows.append(
                    common
                    | {
                        "sentence_id": sentence_id(claim.start, claim.sentence_start, what),
                        "start_char": claim.start,
                        "end_char": claim.end,
                        "kind": claim.kind,
                        "subject": claim.subject,
                        "subject_entity_id": entity_id(claim.subject_entity, what),
                        "predicate": claim.predicate,
                        "value_text": claim.value_text,
                        "value_entity_id": entity_id(claim.value_entity, what),
                        "attributed_to": claim.attributed_to,
                        "as_of": claim.as_of,
                        "confidence": claim.confidence,
                        "payload": _json(dict(claim.payload)),
                    }
                )
            for i, figure in enumerate(figures):
                what = f"Figure {i} ({figure.value_text!r})"
                claim_rows.append(
                    common
                    | {
                        "sentence_id": sentence_id(figure.start, figure.sentence_start, what),
                        "start_char": figure.start,
                        "end_char": figure.end,
                        "kind": "figure",
                        "subject": figure.counts,
                        "subject_entity_id": entity_id(figure.subject_entity, what),
                        "predicate": figure.status or "count",
                        "value_text": figure.value_text,
                        "value_entity_id": None,
                        "attributed_to": figure.attributed_to,
                        "as_of": figure.as_of,
                        "confidence": figure.confidence,
                        "payload": _json(dict(figure.payload)),
                    }
                )
            ids = self._allocate_claim_ids(conn, len(claim_rows))
            if claim_rows:
                for row, new_id in zip(claim_rows, ids, strict=True):
                    row["id"] = new_id
                conn.execute(sa.insert(c), claim_rows)
            claim_ids, figure_ids = ids[: len(claims)], ids[len(claims) :]

            figure_rows = []
            for i, (figure, claim_id) in enumerate(zip(figures, figure_ids, strict=True)):
                if figure.parent is not None and not (
                    0 <= figure.parent < len(figures) and figure.parent != i
                ):
                    raise StoreError(
                        f"Figure {i} ({figure.value_text!r}) has parent {figure.parent}: a parent "
                        f"is the index of another figure of the same batch (0-{len(figures) - 1})."
                    )
                cohort = dict(figure.cohort)
                figure_rows.append(
                    {
                        "claim_id": claim_id,
                        "value": figure.value,
                        "low": figure.low,
                        "high": figure.high,
                        "qualifier": figure.qualifier,
                        "approx": bool(figure.approx),
                        "unit": figure.unit,
                        "counts": figure.counts,
                        "cohort_key": cohort_key(cohort),
                        "nationality": cohort.get("nationality"),
                        "gender": cohort.get("gender"),
                        "age_class": cohort.get("age_class"),
                        "role": cohort.get("role"),
                        "noun": cohort.get("noun"),
                        "status": figure.status,
                        "place": figure.place,
                        "place_key": normalise_key(figure.place),
                        "as_of": figure.as_of,
                        "parent_claim_id": None
                        if figure.parent is None
                        else figure_ids[figure.parent],
                    }
                )
            if figure_rows:
                conn.execute(sa.insert(f), figure_rows)
            conn.execute(
                sa.update(t.documents)
                .where(t.documents.c.id == document_id)
                .values(extraction_status="done", extractor_version=extractor_version)
            )
            return ClaimsWritten(
                entity_ids=entity_ids,
                claim_ids=claim_ids,
                figure_claim_ids=figure_ids,
                mentions=len(mention_rows),
                replaced=replaced,
            )

    @staticmethod
    def _allocate_claim_ids(conn: sa.Connection, count: int) -> list[int]:
        """The next ``count`` claim ids, so a batch is one executemany, not one INSERT a row.

        Safe because every write transaction holds the write lock (BEGIN IMMEDIATE). The
        claims table is AUTOINCREMENT: sqlite_sequence remembers the highest id ever used
        (deleted claims' ids are never reused) and moves past the explicit ids we insert.
        """
        last = conn.exec_driver_sql(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'claims'), 0), "
            "coalesce((SELECT max(id) FROM claims), 0))"
        ).scalar_one()
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
            _check_choice("claim kind", kind, CLAIM_KINDS)
            query = query.where(c.c.kind == kind)
        with self._read() as conn:
            rows = []
            for row in conn.execute(query):
                values = row._asdict()
                values["payload"] = json.loads(values["payload"])
                rows.append(ClaimRow(**values))
            return rows

    def set_review_state(self, claim_id: int, state: str) -> None:
        _check_choice("review state", state, REVIEW_STATES)
        with self._write() as conn:
            updated = conn.execute(
                sa.update(t.claims).where(t.claims.c.id == claim_id).values(review_state=state)
            )
            if updated.rowcount == 0:
                raise StoreError(f"There is no claim {claim_id} in {self.path}.")

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
    ) -> list[FigureRow]:
        c, f, s, d = t.claims, t.figures, t.sentences, t.documents
        query = (
            sa.select(
                f.c.claim_id,
                c.c.document_id,
                c.c.sentence_id,
                f.c.value,
                f.c.low,
                f.c.high,
                f.c.qualifier,
                f.c.approx,
                f.c.unit,
                f.c.counts,
                f.c.cohort_key,
                f.c.nationality,
                f.c.gender,
                f.c.age_class,
                f.c.role,
                f.c.status,
                f.c.place,
                f.c.as_of,
                c.c.published,
                c.c.attributed_to,
                c.c.value_text,
                f.c.parent_claim_id,
                c.c.review_state,
                c.c.start_char,
                c.c.end_char,
                s.c.text.label("sentence_text"),
                d.c.title.label("document_title"),
                d.c.source.label("document_source"),
            )
            .join(c, c.c.id == f.c.claim_id)
            .join(s, s.c.id == c.c.sentence_id)
            .join(d, d.c.id == c.c.document_id)
            .order_by(c.c.published, c.c.document_id, c.c.start_char)
        )
        if isinstance(cohort, Mapping):
            query = query.where(f.c.cohort_key == cohort_key(cohort))
        elif cohort is not None:  # whole words: "male" must not match "female"
            words = " " + sa.func.replace(sa.func.replace(f.c.cohort_key, ":", " "), ";", " ") + " "
            for word in (normalise_key(cohort) or "").split():
                query = query.where(words.contains(f" {word} ", autoescape=True))
        if status is not None:
            query = query.where(f.c.status == status)
        if place is not None:
            query = query.where(f.c.place_key == normalise_key(place))
        if nationality is not None:
            query = query.where(
                f.c.cohort_key.contains(
                    f"nationality:{normalise_key(nationality)}", autoescape=True
                )
            )
        if document_id is not None:
            query = query.where(c.c.document_id == document_id)
        if not include_old_versions:
            query = query.where(_IS_LATEST)
        if not include_rejected:
            query = query.where(c.c.review_state != "rejected")
        if limit is not None:
            query = query.limit(limit)
        with self._read() as conn:
            return [
                FigureRow(**(row._asdict() | {"approx": bool(row.approx)}))
                for row in conn.execute(query)
            ]

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
        deleted = conn.execute(sa.delete(t.ingest_errors).where(t.ingest_errors.c.source == source))
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


def _check_choice(what: str, value: str, valid: tuple[str, ...]) -> None:
    if value not in valid:
        raise StoreError(f"Invalid {what} {value!r}: expected one of {', '.join(valid)}.")
