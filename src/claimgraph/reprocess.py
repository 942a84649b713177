"""Re-extract stored documents after an upgrade of the extractors.

Each document whose claims were made by another extractor version (or never made) is run
through the current pipelines again; its old sentences, mentions and claims are replaced
in one transaction per batch, so a kill leaves each document either old or new, never
half of each. Reviewers' verdicts (accepted, rejected, edited) are given back to the new
claims that say the same thing at the same place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.nlp.extraction import TextInput, process
from claimgraph.resolve.claims import extracted_document
from claimgraph.store.base import Store

Progress = Callable[[str], None]


@dataclass
class ReprocessReport:
    documents: int = 0
    claims: int = 0
    figures: int = 0
    reviews_kept: int = 0  # claims that took back a reviewer's verdict on their old version


def documents_to_reprocess(store: Store, extractor_version: str, *, everything: bool = False) -> list[int]:
    """Ids of the latest documents to extract again (all of them with ``everything``)."""
    if everything:
        return [row.id for row in store.documents(include_old_versions=False) if row.extraction_status != "unsupported_language"]
    return store.documents_to_extract(extractor_version)


def run_reprocess(
    store: Store,
    document_ids: list[int],
    extractor_version: str,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    on_item: Progress | None = None,
) -> ReprocessReport:
    """Replace the claims of ``document_ids`` with a fresh extraction."""
    report = ReprocessReport()
    for first in range(0, len(document_ids), batch_size):
        documents = [store.document(document_id) for document_id in document_ids[first : first + batch_size]]
        inputs = [
            TextInput(doc_id=str(document.id), text=document.text, language=document.language or "", published=document.published)
            for document in documents
        ]
        results = {
            int(item.doc_id): extracted_document(doc)
            for item, doc in process(inputs, batch_size=batch_size, n_process=n_process)
        }
        with store.transaction():
            for document in documents:
                result = results.get(document.id)
                if result is None:  # a language without a pipeline: nothing to extract
                    continue
                # re-splitting removes the claims: their review verdicts are read first
                verdicts = store.review_verdicts(document.id)
                store.add_sentences(document.id, result.sentences, replace=True)
                written = store.replace_claims(document.id, extractor_version, **result.batch.as_kwargs())
                report.reviews_kept += store.apply_review_verdicts(document.id, verdicts)
                report.documents += 1
                report.claims += len(written.claim_ids) + len(written.figure_claim_ids)
                report.figures += len(written.figure_claim_ids)
                if on_item is not None:
                    on_item(document.title or document.source)
    return report
