"""The plain data the store takes in and gives back.

Inputs (``New*``) describe what to write; they refer to each other by **index within the
same batch** (a mention's ``entity`` is an index into the batch's entities, a figure's
``parent`` an index into the batch's figures), because nothing has an id before it is
written. Outputs (``*Row``) are frozen snapshots of stored rows, with ids.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, TypedDict

ClaimKind = Literal["entity", "alias", "relation", "date", "figure"]
ReviewState = Literal["unreviewed", "accepted", "rejected", "edited"]
ExtractionStatus = Literal["pending", "done", "unsupported_language", "error"]

CLAIM_KINDS: tuple[str, ...] = ("entity", "alias", "relation", "date", "figure")
REVIEW_STATES: tuple[str, ...] = ("unreviewed", "accepted", "rejected", "edited")
EXTRACTION_STATUSES: tuple[str, ...] = ("pending", "done", "unsupported_language", "error")


# --- inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewEntity:
    """An entity to create or reuse; (name, type) is its identity in the store."""

    name: str
    type: str
    qid: str | None = None
    aliases: Sequence[tuple[str, str]] = ()  # (alias, how)


@dataclass(frozen=True)
class NewMention:
    """One mention; ``entity`` is an index into the batch's entities, or None."""

    start: int
    end: int
    text: str
    label: str
    source_component: str
    canonical: str | None = None
    qid: str | None = None
    entity: int | None = None


@dataclass(frozen=True)
class NewClaim:
    """One claim, tied to the stored sentence that contains ``start``.

    ``sentence_start`` (the sentence's first character) picks the sentence explicitly when
    the extractor knows it; otherwise the sentence containing ``start`` is used. A claim
    that falls in no stored sentence is refused: a claim without its sentence is a bug.
    """

    kind: ClaimKind
    start: int
    end: int
    subject: str
    predicate: str
    value_text: str | None = None
    subject_entity: int | None = None  # index into the batch's entities
    value_entity: int | None = None
    attributed_to: str | None = None
    as_of: str | None = None
    confidence: float | None = None
    sentence_start: int | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NewFigure:
    """A figure: stored as a claim of kind "figure" plus its row in ``figures``.

    ``parent`` is the index of the parent figure in the same batch's figures ("68 men"
    within "130 detained"). The claim gets ``subject=counts``, ``predicate=status or
    "count"`` and ``value_text``.
    """

    start: int
    end: int
    value_text: str
    value: float | int | None
    low: float | int | None = None
    high: float | int | None = None
    qualifier: str = "exact"
    approx: bool = False
    unit: str = "persons"
    counts: str = ""
    cohort: Mapping[str, str | None] = field(default_factory=dict)
    status: str | None = None
    place: str | None = None
    as_of: str | None = None
    parent: int | None = None
    subject_entity: int | None = None
    attributed_to: str | None = None
    confidence: float | None = None
    sentence_start: int | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ClaimBatch:
    """Everything extracted from one document: ``store.replace_claims(id, v, **b.as_kwargs())``."""

    entities: Sequence[NewEntity] = ()
    mentions: Sequence[NewMention] = ()
    claims: Sequence[NewClaim] = ()
    figures: Sequence[NewFigure] = ()

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "entities": self.entities,
            "mentions": self.mentions,
            "claims": self.claims,
            "figures": self.figures,
        }


# --- outputs ----------------------------------------------------------------------------


class AddedDocument(NamedTuple):
    """What ``add_document`` did: unpacks as ``document_id, created = store.add_document(...)``.

    ``created`` is False when the same content was already stored (under any source):
    ``document_id`` is then the existing document.
    """

    document_id: int
    created: bool


@dataclass(frozen=True)
class DocumentRow:
    id: int
    content_hash: str
    source: str
    url: str | None
    path: str | None
    title: str | None
    publisher: str | None
    published: str | None
    language: str | None
    ingested_at: str
    version: int
    previous_id: int | None
    extraction_status: str
    extractor_version: str | None
    removed_boilerplate: Any


@dataclass(frozen=True)
class Document(DocumentRow):
    """A document with its text (``store.document(id)``)."""

    text: str


@dataclass(frozen=True)
class SentenceRow:
    id: int
    document_id: int
    index: int
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True)
class ClaimsWritten:
    """What ``replace_claims`` wrote for one document."""

    entity_ids: list[int]  # one per input entity, in input order
    claim_ids: list[int]  # one per input claim, in input order
    figure_claim_ids: list[int]  # one per input figure, in input order
    mentions: int
    replaced: int  # how many old claims were removed
    reviews_kept: int = 0  # how many new claims took the review state of an old one


@dataclass(frozen=True)
class ReviewVerdict:
    """A reviewer's verdict on a claim, by what the claim says and where, so that it can be
    given back to the same claim after re-extraction (claims get new ids)."""

    state: str
    kind: str
    start_char: int | None
    end_char: int | None
    subject: str | None
    predicate: str | None
    value_text: str | None


@dataclass(frozen=True)
class ClaimRow:
    id: int
    document_id: int
    sentence_id: int
    start_char: int
    end_char: int
    kind: str
    subject: str
    subject_entity_id: int | None
    predicate: str
    value_text: str | None
    value_entity_id: int | None
    attributed_to: str | None
    as_of: str | None
    published: str | None
    extractor: str
    extractor_version: str
    confidence: float | None
    review_state: str
    payload: dict[str, Any]
    sentence_text: str


@dataclass(frozen=True)
class FigureRow:
    claim_id: int
    document_id: int
    sentence_id: int
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str
    approx: bool
    unit: str
    counts: str
    cohort_key: str
    nationality: str | None
    gender: str | None
    age_class: str | None
    role: str | None
    status: str | None
    place: str | None
    as_of: str | None
    published: str | None
    attributed_to: str | None
    value_text: str | None
    parent_claim_id: int | None
    review_state: str
    start_char: int
    end_char: int
    sentence_text: str
    document_title: str | None
    document_source: str


@dataclass(frozen=True)
class SearchHit:
    sentence_id: int
    document_id: int
    text: str  # the sentence
    start_char: int  # the sentence's offsets in the document text
    end_char: int
    title: str | None
    source: str
    url: str | None
    published: str | None
    language: str | None
    rank: float  # FTS5 bm25: lower is better


@dataclass(frozen=True)
class IngestErrorRow:
    source: str
    code: str
    reason: str
    occurred_at: str
    first_seen_at: str
    attempts: int


class Stats(TypedDict):
    schema_version: int
    documents: int
    current_documents: int  # latest version of each source
    sentences: int
    errors: int
    entities: int
    mentions: int
    claims: int
    figures: int
    documents_by_language: dict[str, int]
    documents_by_status: dict[str, int]
