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


@pytest.mark.models
def test_review_verdicts_survive_reextraction(tmp_path: Path) -> None:
    with open_store(tmp_path / "kb.db") as store:
        run_ingest([str(CORPUS / "wp-fr-al-hol")], store, IngestOptions(batch_size=4))
        (document,) = store.documents()
        first, second = store.claims_for_document(document.id, kind="figure")[:2]
        store.set_review_state(first.id, "rejected")
        store.set_review_state(second.id, "accepted")
        store.set_extraction_status(document.id, "done", extractor_version="0.0.1")

        report = run_reprocess(store, [document.id], EXTRACTOR_VERSION)

        assert report.reviews_kept == 2
        figures = store.claims_for_document(document.id, kind="figure")
        assert first.id not in {claim.id for claim in figures}  # new claims, old verdicts
        verdicts = {(c.start_char, c.value_text): c.review_state for c in figures if c.review_state != "unreviewed"}
        assert verdicts == {
            (first.start_char, first.value_text): "rejected",
            (second.start_char, second.value_text): "accepted",
        }
