from pathlib import Path

import pytest

from claimgraph.pipeline import EXTRACTOR_VERSION, IngestOptions, run_ingest
from claimgraph.reprocess import documents_to_reprocess, run_reprocess
from claimgraph.store.opening import open_store

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.mark.models
def test_documents_of_an_older_extractor_are_reextracted_cleanly(tmp_path: Path) -> None:
    inputs = [str(CORPUS / "wp-fr-dgsi"), str(CORPUS / "state-crt-2014-france")]
    with open_store(tmp_path / "kb.db") as store:
        run_ingest(inputs, store, IngestOptions(batch_size=4))
        assert documents_to_reprocess(store, EXTRACTOR_VERSION) == []
        old, _current = store.documents()
        before = {kind: len(store.claims_for_document(old.id, kind=kind)) for kind in ("entity", "figure", "date")}
        store.set_extraction_status(old.id, "done", extractor_version="0.0.1")
        assert documents_to_reprocess(store, EXTRACTOR_VERSION) == [old.id]

        report = run_reprocess(store, [old.id], EXTRACTOR_VERSION)

        assert report.documents == 1
        assert store.document(old.id).extractor_version == EXTRACTOR_VERSION
        after = {kind: len(store.claims_for_document(old.id, kind=kind)) for kind in ("entity", "figure", "date")}
        assert after == before  # replaced, not added to
        sentence_ids = {sentence.id for sentence in store.sentences(old.id)}
        assert all(claim.sentence_id in sentence_ids for claim in store.claims_for_document(old.id))
        assert documents_to_reprocess(store, EXTRACTOR_VERSION) == []
        assert store.integrity_check() == "ok"
