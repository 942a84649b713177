"""The storage interface every back-end implements (SQLite now, PostgreSQL later).

A ``Store`` holds documents and their versions, sentences with full-text search, ingest
errors, entities, mentions, claims and figures. Open one with ``open_store(url)``; close
it (or use ``with open_store(...) as store:``).

Transactions: every writing method is atomic on its own. To write many documents in one
transaction (much faster, and all-or-nothing), wrap the calls::

    with store.transaction():
        for doc in batch:
            document_id, created = store.add_document(source=..., text=...)
            if created:
                store.add_sentences(document_id, sentences)
                store.replace_claims(document_id, "0.1.0", **claim_batch.as_kwargs())

If the process dies (even SIGKILL) inside the block, none of the batch is stored. A re-run
converges: documents already stored are recognised by their content hash
(``add_document`` returns ``created=False``, or ``has_content(hash)`` before reading) and
``documents_to_extract(version)`` lists the ones whose extraction never finished.

A store is meant for one thread; open one per thread or process (readers in other
processes work while a writer holds a transaction).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self

from claimgraph.store.records import (
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


class Store(ABC):
    """A claimgraph knowledge base. Methods raise ``StoreError`` with a reason and a fix."""

    url: str

    # --- life cycle ---------------------------------------------------------------------

    @abstractmethod
    def close(self) -> None:
        """Release every connection. Idempotent."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction for every store call inside the block (nesting joins it)."""

    @abstractmethod
    def schema_version(self) -> int:
        """The applied schema version."""

    # --- documents ----------------------------------------------------------------------

    @abstractmethod
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
        """Store a document once per content; a changed text at a known source is a new version.

        Returns ``(document_id, created)``; ``created`` is False when the same cleaned text
        was already stored (the existing id is returned). Clears any recorded error for
        ``source``.
        """

    @abstractmethod
    def add_sentences(
        self, document_id: int, sentences: Iterable[tuple[int, int, str]], *, replace: bool = False
    ) -> list[int]:
        """Store a document's sentences as (start_char, end_char, text); return their ids.

        ``text`` must equal the document text at those offsets. A document that already has
        sentences is refused unless ``replace`` is set, which also removes its claims and
        mentions (they point at the old sentences).
        """

    @abstractmethod
    def sentences(self, document_id: int) -> list[SentenceRow]:
        """A document's sentences, in order."""

    @abstractmethod
    def document(self, document_id: int) -> Document:
        """One document with its text; StoreError if there is none with that id."""

    @abstractmethod
    def documents(
        self, *, include_old_versions: bool = True, language: str | None = None
    ) -> list[DocumentRow]:
        """Documents (without text), oldest first."""

    @abstractmethod
    def has_content(self, content_hash: str) -> int | None:
        """The id of the document with this content hash, or None."""

    @abstractmethod
    def known_source_hashes(self) -> dict[str, str]:
        """{source: content hash of its latest version} for every source."""

    @abstractmethod
    def latest_version_for(self, source: str) -> DocumentRow | None:
        """The newest version stored for ``source``, or None."""

    @abstractmethod
    def set_extraction_status(
        self, document_id: int, status: str, *, extractor_version: str | None = None
    ) -> None:
        """Mark a document pending / done / unsupported_language / error."""

    @abstractmethod
    def documents_to_extract(self, extractor_version: str) -> list[int]:
        """Ids of latest-version documents that are pending or were extracted by another version."""

    # --- claims -------------------------------------------------------------------------

    @abstractmethod
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
        """Replace all mentions and claims of a document in one transaction.

        Entities are created or reused by (name, type) and are never deleted here (other
        documents may cite them). Marks the document ``done`` with ``extractor_version``.
        """

    @abstractmethod
    def upsert_entity(self, entity: NewEntity) -> int:
        """Create or reuse the entity (name, type), add its aliases; return its id."""

    @abstractmethod
    def claims_for_document(self, document_id: int, *, kind: str | None = None) -> list[ClaimRow]:
        """A document's claims with their sentences, in text order."""

    @abstractmethod
    def set_review_state(self, claim_id: int, state: str) -> None:
        """Mark a claim unreviewed / accepted / rejected / edited."""

    @abstractmethod
    def review_verdicts(self, document_id: int) -> list[ReviewVerdict]:
        """The verdicts (every state but unreviewed) on a document's claims."""

    @abstractmethod
    def apply_review_verdicts(self, document_id: int, verdicts: Sequence[ReviewVerdict]) -> int:
        """Give each verdict back to the document's claims that say the same thing at the
        same place (kind, span, subject, predicate, value); return how many claims took one.
        ``replace_claims`` does this by itself; a caller that re-splits sentences first (which
        removes the claims) reads the verdicts before and applies them after."""

    @abstractmethod
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
        """Figures with their evidence, filtered, ordered by publication date, document,
        position and id.

        ``cohort`` as a mapping matches the exact cohort key; as a string, every word must
        appear in the cohort key ("french fighter"). ``place`` and ``nationality`` compare
        case- and accent-insensitively. Page with ``limit`` and ``offset`` (figures to skip):
        the order is total, so consecutive pages neither repeat nor skip a figure (as long as
        nothing is written in between).
        """

    # --- errors -------------------------------------------------------------------------

    @abstractmethod
    def record_error(self, source: str, code: str, reason: str) -> None:
        """Record that ``source`` failed; keeps only the latest error per source."""

    @abstractmethod
    def clear_error(self, source: str) -> bool:
        """Forget the error of ``source``; True if there was one."""

    @abstractmethod
    def errors(self) -> list[IngestErrorRow]:
        """Current errors (sources that failed and have not succeeded since), newest first."""

    # --- reading ------------------------------------------------------------------------

    @abstractmethod
    def search(
        self,
        words: str | Iterable[str],
        limit: int = 20,
        *,
        any_word: bool = False,
        include_old_versions: bool = False,
    ) -> list[SearchHit]:
        """Sentences matching every word (or any, with ``any_word``), best first.

        Whatever the user typed is quoted, never parsed as query syntax; ``"a phrase"`` and
        a trailing ``*`` (prefix) are honoured. Accents and case are ignored.
        """

    @abstractmethod
    def stats(self) -> Stats:
        """Counts of what is stored."""

    @abstractmethod
    def integrity_check(self, *, search_index: bool = True) -> str:
        """Return "ok", or one line per problem found (storage, foreign keys, search index).

        Checking the search index needs the write lock (it waits for a running ingest);
        ``search_index=False`` checks the rest without waiting.
        """
