"""The ingest's hot write path as plain SQL: the INSERT statements and their parameter rows.

An ingest writes every document's sentences, mentions, claims and figures, dozens of rows
per document. Built as SQLAlchemy Core statements, each call cost more in Python (cache
keys, bind processing, result objects) than in SQLite; here every batch is one
multi-row INSERT of plain tuples on the driver's cursor (``MultiRowInsert``). Each insert
names its columns in the order of the tuples the matching function returns, and the
functions raise ``StoreError`` for a bad batch before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.store.keys import COHORT_FIELDS, cohort_key, normalise_key
from claimgraph.store.locate import SentenceLocator
from claimgraph.store.records import CLAIM_KINDS, NewClaim, NewFigure, NewMention

Row = tuple[Any, ...]

INSERT_DOCUMENT = (
    "INSERT INTO documents (content_hash, source, url, path, title, publisher, published, "
    "language, text, ingested_at, version, previous_id, extraction_status, removed_boilerplate) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class MultiRowInsert:
    """``INSERT INTO table (columns) VALUES (...), (...), ...``: many rows per statement.

    One statement for many rows costs SQLite about half of one execution per row (the
    per-statement work: reset, foreign-key and AUTOINCREMENT bookkeeping, statement journal;
    measured on claims: 1.4 -> 0.8 ms for 60 rows). Rows go in chunks whose sizes are powers
    of two up to ``MAX_ROWS``, so a connection prepares at most a few statements per table
    and its statement cache keeps them.
    """

    MAX_ROWS = 64

    def __init__(self, table: str, columns: Sequence[str]) -> None:
        self.table, self.columns = table, tuple(columns)
        self._sql: dict[int, str] = {}

    def sql(self, rows: int) -> str:
        """The statement for ``rows`` rows."""
        if rows not in self._sql:
            one = "(" + ", ".join("?" * len(self.columns)) + ")"
            self._sql[rows] = (
                f"INSERT INTO {self.table} ({', '.join(self.columns)}) VALUES "
                + ", ".join([one] * rows)
            )
        return self._sql[rows]

    def run(self, cursor: Any, rows: Sequence[Row]) -> None:
        """Insert ``rows`` (tuples in ``columns`` order) with as few statements as possible."""
        start = 0
        while start < len(rows):
            size = min(self.MAX_ROWS, 1 << ((len(rows) - start).bit_length() - 1))
            chunk = rows[start : start + size]
            cursor.execute(self.sql(size), [value for row in chunk for value in row])
            start += size


SENTENCES = MultiRowInsert(
    "sentences", ["id", "document_id", "idx", "start_char", "end_char", "text"]
)
# The full-text index of one document's sentences, in one statement (see migration 0002).
INDEX_SENTENCES = (
    "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE document_id = ?"
)
MENTIONS = MultiRowInsert(
    "mentions",
    [
        "document_id", "sentence_id", "entity_id", "start_char", "end_char", "text", "label",
        "canonical", "qid", "source_component",
    ],
)  # fmt: skip
CLAIMS = MultiRowInsert(
    "claims",
    [
        "id", "document_id", "sentence_id", "start_char", "end_char", "kind", "subject",
        "subject_entity_id", "predicate", "value_text", "value_entity_id", "attributed_to",
        "as_of", "published", "extractor", "extractor_version", "confidence", "payload",
        "created_at",
    ],
)  # fmt: skip
FIGURES = MultiRowInsert(
    "figures",
    [
        "claim_id", "value", "low", "high", "qualifier", "approx", "unit", "counts",
        "cohort_key", "nationality", "gender", "age_class", "role", "noun", "status", "place",
        "place_key", "as_of", "parent_claim_id",
    ],
)  # fmt: skip

# One encoder for every call: json.dumps with options builds a new encoder each time.
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def to_json(value: Any) -> str | None:
    """``value`` as the JSON text the store keeps (sorted keys, UTF-8); None stays None."""
    return None if value is None else _JSON.encode(value)


def check_choice(what: str, value: str, valid: tuple[str, ...]) -> None:
    """Refuse ``value`` unless it is one of ``valid``, naming the valid ones."""
    if value not in valid:
        raise StoreError(f"Invalid {what} {value!r}: expected one of {', '.join(valid)}.")


# Figures of one corpus repeat a few cohorts and places: normalise each distinct one once.
_place_key = lru_cache(maxsize=4096)(normalise_key)


@lru_cache(maxsize=4096)
def _cohort_key(values: tuple[str | None, ...]) -> str:
    return cohort_key(dict(zip(COHORT_FIELDS, values, strict=True)))


def sentence_rows(
    document_id: int, first_id: int, text: str, sentences: Iterable[tuple[int, int, str]]
) -> list[Row]:
    """Rows for ``SENTENCES``, ids from ``first_id``; each must match ``text``."""
    rows = []
    for index, (start, end, sentence) in enumerate(sentences):
        if not 0 <= start <= end <= len(text) or text[start:end] != sentence:
            raise StoreError(
                f"Sentence {index} of document {document_id} ({start}-{end}, "
                f"{sentence[:40]!r}) does not match the document text at those offsets. "
                "Offsets must index the stored (cleaned) text, e.g. spaCy's "
                "sent.start_char/sent.end_char and sent.text."
            )
        rows.append((first_id + index, document_id, index, start, end, sentence))
    return rows


class BatchReferences:
    """Resolves a ``replace_claims`` batch's references: offsets to sentence ids, entity
    indexes to entity ids, with errors that say which item of the batch is wrong."""

    def __init__(
        self, document_id: int, locator: SentenceLocator, entity_ids: Sequence[int]
    ) -> None:
        self.document_id = document_id
        self.locator = locator
        self.entity_ids = entity_ids

    def entity(self, index: int | None, what: str) -> int | None:
        if index is None:
            return None
        if not 0 <= index < len(self.entity_ids):
            raise StoreError(
                f"{what} refers to entity {index}, but the batch has {len(self.entity_ids)} "
                "entities: entity references are indexes into the batch's entities."
            )
        return self.entity_ids[index]

    def sentence(self, start: int, sentence_start: int | None, what: str) -> int:
        found = self.locator.find(start, sentence_start)
        if found is None:
            raise StoreError(
                f"{what} at character {start} lies in no stored sentence of document "
                f"{self.document_id} ({len(self.locator)} sentences). Store the sentences with "
                "add_sentences before the claims; every claim must cite its sentence."
            )
        return found


def mention_rows(refs: BatchReferences, mentions: Sequence[NewMention]) -> list[Row]:
    """Rows for ``MENTIONS``; a mention outside every sentence keeps sentence NULL."""
    return [
        (
            refs.document_id,
            refs.locator.find(mention.start),
            refs.entity(mention.entity, f"Mention {i} ({mention.text!r})"),
            mention.start,
            mention.end,
            mention.text,
            mention.label,
            mention.canonical,
            mention.qid,
            mention.source_component,
        )
        for i, mention in enumerate(mentions)
    ]


def claim_rows(
    refs: BatchReferences,
    ids: Sequence[int],
    claims: Sequence[NewClaim],
    figures: Sequence[NewFigure],
    common: Mapping[str, Any],
) -> list[Row]:
    """Rows for ``CLAIMS``: the claims, then one claim of kind "figure" per figure.

    ``ids`` holds one id per claim and figure, in that order; ``common`` the values shared
    by the batch (published, extractor, extractor_version, created_at).
    """
    published, extractor = common["published"], common["extractor"]
    version, created = common["extractor_version"], common["created_at"]
    rows: list[Row] = []
    for i, claim in enumerate(claims):
        what = f"Claim {i} ({claim.kind} {claim.subject!r} {claim.predicate})"
        check_choice("claim kind", claim.kind, CLAIM_KINDS)
        rows.append(
            (
                ids[i],
                refs.document_id,
                refs.sentence(claim.start, claim.sentence_start, what),
                claim.start,
                claim.end,
                claim.kind,
                claim.subject,
                refs.entity(claim.subject_entity, what),
                claim.predicate,
                claim.value_text,
                refs.entity(claim.value_entity, what),
                claim.attributed_to,
                claim.as_of,
                published,
                extractor,
                version,
                claim.confidence,
                _JSON.encode(dict(claim.payload)),
                created,
            )
        )
    for i, figure in enumerate(figures):
        what = f"Figure {i} ({figure.value_text!r})"
        rows.append(
            (
                ids[len(claims) + i],
                refs.document_id,
                refs.sentence(figure.start, figure.sentence_start, what),
                figure.start,
                figure.end,
                "figure",
                figure.counts,
                refs.entity(figure.subject_entity, what),
                figure.status or "count",
                figure.value_text,
                None,
                figure.attributed_to,
                figure.as_of,
                published,
                extractor,
                version,
                figure.confidence,
                _JSON.encode(dict(figure.payload)),
                created,
            )
        )
    return rows


def figure_rows(figures: Sequence[NewFigure], figure_ids: Sequence[int]) -> list[Row]:
    """Rows for ``FIGURES``; ``figure_ids`` are the figures' claim ids, in order."""
    rows = []
    for i, (figure, claim_id) in enumerate(zip(figures, figure_ids, strict=True)):
        if figure.parent is not None and not (
            0 <= figure.parent < len(figures) and figure.parent != i
        ):
            raise StoreError(
                f"Figure {i} ({figure.value_text!r}) has parent {figure.parent}: a parent "
                f"is the index of another figure of the same batch (0-{len(figures) - 1})."
            )
        cohort = figure.cohort
        rows.append(
            (
                claim_id,
                figure.value,
                figure.low,
                figure.high,
                figure.qualifier,
                1 if figure.approx else 0,
                figure.unit,
                figure.counts,
                _cohort_key(tuple(cohort.get(name) for name in COHORT_FIELDS)),
                cohort.get("nationality"),
                cohort.get("gender"),
                cohort.get("age_class"),
                cohort.get("role"),
                cohort.get("noun"),
                figure.status,
                figure.place,
                _place_key(figure.place),
                figure.as_of,
                None if figure.parent is None else figure_ids[figure.parent],
            )
        )
    return rows
