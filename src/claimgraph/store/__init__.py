"""The store: documents, sentences (full-text searchable), claims and figures.

The unit is a **claim** tied to the exact sentence that states it; a **figure** is a claim
with a value, bounds, qualifier, cohort, status and place. ``open_store(url)`` returns a
``Store`` (the interface in ``base.py``); SQLite (``sqlite.py``) is the default back-end,
its schema lives in ``migrations/*.sql``.

    from claimgraph.store import open_store

    with open_store("sqlite:///claimgraph.db") as store:
        with store.transaction():                      # one transaction per batch
            document_id, created = store.add_document(source=path, text=text, language="fr")
            store.add_sentences(document_id, [(s.start_char, s.end_char, s.text) for s in doc.sents])
            store.replace_claims(document_id, "0.1.0", **claim_batch.as_kwargs())
        store.search("Idleb français")

Modules: ``base`` (the interface), ``records`` (dataclasses in and out), ``opening``
(URL to back-end), ``sqlite`` (the SQLite back-end), ``engine`` (connection settings),
``migrate`` (migration runner), ``schema`` (Core table objects), ``fts`` (safe search
queries), ``keys`` (content hash, cohort and place keys), ``locate`` (offsets to
sentences). Turning a processed spaCy ``Doc`` into a ``ClaimBatch`` is
``claimgraph.resolve.claims``'s job: the store knows nothing of spaCy.
"""

from claimgraph.store.base import Store
from claimgraph.store.keys import cohort_key, content_hash, normalise_key
from claimgraph.store.opening import DEFAULT_URL, open_store
from claimgraph.store.records import (
    AddedDocument,
    ClaimBatch,
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

__all__ = [
    "DEFAULT_URL",
    "AddedDocument",
    "ClaimBatch",
    "ClaimRow",
    "ClaimsWritten",
    "Document",
    "DocumentRow",
    "FigureRow",
    "IngestErrorRow",
    "NewClaim",
    "NewEntity",
    "NewFigure",
    "NewMention",
    "ReviewVerdict",
    "SearchHit",
    "SentenceRow",
    "Stats",
    "Store",
    "cohort_key",
    "content_hash",
    "normalise_key",
    "open_store",
]
