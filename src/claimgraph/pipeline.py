"""The whole data flow for a batch of inputs: ingest -> nlp -> resolve -> store.

``run_ingest`` streams inputs through the readers, skips content already stored, runs the
spaCy pipelines in batches and writes each batch in one transaction. A kill at any moment
loses at most the batch in flight; running the same command again converges to the result
of an uninterrupted run (stored documents are recognised by their content hash).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import httpx

from claimgraph import __version__
from claimgraph.ingest.document import IngestedDocument, IngestFailure
from claimgraph.ingest.pipeline import ingest_sources
from claimgraph.nlp import pipelines
from claimgraph.nlp.extraction import TextInput, process
from claimgraph.nlp.pipelines import SUPPORTED_LANGUAGES
from claimgraph.nlp.sentences import split_sentences
from claimgraph.resolve.claims import ExtractedDocument, extracted_document
from claimgraph.settings import SETTINGS
from claimgraph.store.base import Store

EXTRACTOR_VERSION = __version__
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest; the defaults are those of the settings table (claimgraph.settings)."""

    feed: bool = False
    allow_private: bool = False
    max_bytes: int = int(SETTINGS["max_bytes"].default)
    timeout: float = float(SETTINGS["timeout"].default)
    batch_size: int = int(SETTINGS["batch_size"].default)
    n_process: int = int(SETTINGS["n_process"].default)
    extract: bool = True


@dataclass
class IngestReport:
    """What one run did."""

    stored: int = 0
    duplicates: int = 0
    unsupported_language: int = 0
    claims: int = 0
    figures: int = 0
    failures: list[IngestFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


Progress = Callable[[str], None]  # called once per input handled, with its name


def run_ingest(
    inputs: Sequence[str],
    store: Store,
    options: IngestOptions = IngestOptions(),
    *,
    on_item: Progress | None = None,
    client: httpx.Client | None = None,
) -> IngestReport:
    """Ingest every input into ``store``; never raises for one bad input."""
    report = IngestReport()
    batch: list[IngestedDocument] = []
    stream = ingest_sources(
        inputs,
        feed=options.feed,
        allow_private=options.allow_private,
        max_bytes=options.max_bytes,
        timeout=options.timeout,
        client=client,
    )
    for item in stream:
        if isinstance(item, IngestFailure):
            report.failures.append(item)
            store.record_error(item.source, item.code, item.reason)
            _tick(on_item, item.source)
            continue
        if store.has_content(item.raw_text_hash) is not None or any(
            queued.raw_text_hash == item.raw_text_hash for queued in batch
        ):
            report.duplicates += 1
            store.clear_error(item.source)
            _tick(on_item, item.name)
            continue
        batch.append(item)
        if len(batch) >= options.batch_size:
            _write_batch(batch, store, options, report, on_item)
            batch = []
    if batch:
        _write_batch(batch, store, options, report, on_item)
    return report


def _write_batch(
    batch: list[IngestedDocument],
    store: Store,
    options: IngestOptions,
    report: IngestReport,
    on_item: Progress | None,
) -> None:
    extracted, broken = _extract(batch, options) if options.extract else ({}, {})
    with store.transaction():
        for index, document in enumerate(batch):
            supported = document.language in SUPPORTED_LANGUAGES
            result = extracted.get(index)
            status = "pending" if supported else "unsupported_language"
            document_id, created = store.add_document(
                source=document.source,
                text=document.text,
                url=document.url,
                path=document.path,
                title=document.title,
                publisher=document.publisher,
                published=document.published,
                language=document.language,
                removed_boilerplate=document.removed_boilerplate,
                extraction_status="error" if index in broken else status,
            )
            if created and index in broken:
                # Stored and searchable, but the extractors crashed on it: say so.
                failure = IngestFailure(document.source, f"{document.source}: stored, but extraction failed: {broken[index]}", "internal")
                store.record_error(failure.source, failure.code, failure.reason)
                report.failures.append(failure)
            if created:
                report.stored += 1
                sentences = result.sentences if result else split_sentences(document.text)
                store.add_sentences(document_id, sentences)
                if result is not None:
                    written = store.replace_claims(
                        document_id, EXTRACTOR_VERSION, **result.batch.as_kwargs()
                    )
                    report.claims += len(written.claim_ids) + len(written.figure_claim_ids)
                    report.figures += len(written.figure_claim_ids)
                if not supported:
                    report.unsupported_language += 1
            else:
                report.duplicates += 1
            _tick(on_item, document.name)


def _extract(
    batch: Iterable[IngestedDocument], options: IngestOptions
) -> tuple[dict[int, ExtractedDocument], dict[int, str]]:
    """The extraction of each document of the batch by its index, and why extraction
    failed for the documents it crashed on (a batch never dies of one bad document)."""
    inputs = [
        TextInput(doc_id=str(index), text=document.text, language=document.language, published=document.published)
        for index, document in enumerate(batch)
    ]
    # A pipeline that cannot load (a missing model, an invalid data file) is no fault of
    # one document: let its error stop the run with its own message.
    for language in {item.language for item in inputs} & SUPPORTED_LANGUAGES:
        pipelines.load(language)
    try:
        return _extract_inputs(inputs, options), {}
    except Exception:  # find the document at fault: one at a time
        logger.warning("extraction failed on a batch; retrying its documents one by one", exc_info=True)
    extracted: dict[int, ExtractedDocument] = {}
    broken: dict[int, str] = {}
    for item in inputs:
        try:
            extracted.update(_extract_inputs([item], options))
        except Exception as exc:  # noqa: BLE001  a bug in an extractor, on this document
            broken[int(item.doc_id)] = (
                f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())} "
                "(a bug in claimgraph or a library it uses; please report it with this input)"
            )
    return extracted, broken


def _extract_inputs(inputs: list[TextInput], options: IngestOptions) -> dict[int, ExtractedDocument]:
    return {
        int(item.doc_id): extracted_document(doc)
        for item, doc in process(inputs, batch_size=options.batch_size, n_process=options.n_process)
    }


def _tick(on_item: Progress | None, name: str) -> None:
    if on_item is not None:
        on_item(name)
