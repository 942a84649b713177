"""``run_ingest``: inputs -> readers -> NLP -> store, in batched transactions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph import pipeline
from claimgraph.nlp.extraction import TextInput
from claimgraph.pipeline import IngestOptions, run_ingest
from claimgraph.store import Store, open_store

pytestmark = pytest.mark.models

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
ENGLISH = "Some 130 French jihadists remain in Idlib, according to a note. They joined Firqat al-Ghuraba in 2013."
FRENCH = "Environ 130 djihadistes français se trouvent encore à Idléb. Ils ont rejoint Firqat al-Ghuraba en 2013."
GERMAN = (
    "Etwa 130 französische Dschihadisten leben noch in der Region Idlib im Nordwesten Syriens. "
    "Die meisten gehören zu einer kleinen Gruppe, die von einem ehemaligen Bewohner von Nizza gegründet wurde."
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "kb.db") as opened:
        yield opened


def _write(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _claims_tied_to_their_sentences(store: Store) -> int:
    """How many claims there are; fails if one's span does not overlap its sentence, a
    sentence of the same document. (A relation's span may start in an earlier sentence,
    at its subject's mention, when the stating sentence refers back to it: "It is ...")"""
    total = 0
    for document in store.documents():
        sentences = {sentence.id: sentence for sentence in store.sentences(document.id)}
        for claim in store.claims_for_document(document.id):
            sentence = sentences[claim.sentence_id]
            assert claim.start_char <= claim.end_char
            assert claim.start_char < sentence.end_char and sentence.start_char < claim.end_char
            total += 1
    return total


def test_the_corpus_is_stored_with_claims_tied_to_sentences(store: Store) -> None:
    seen: list[str] = []
    report = run_ingest([str(CORPUS)], store, IngestOptions(batch_size=4), on_item=seen.append)
    assert (report.stored, report.duplicates, report.failed) == (11, 0, 0)
    assert sorted(seen) == sorted(path.name for path in CORPUS.iterdir() if (path / "source.txt").is_file())
    stats = store.stats()
    assert stats["documents"] == 11 and stats["documents_by_status"] == {"done": 11}
    assert report.claims == stats["claims"] == _claims_tied_to_their_sentences(store) > 0
    assert report.figures == stats["figures"] > 0
    for document in store.documents():  # sentences index the stored text exactly
        text = store.document(document.id).text
        assert all(text[s.start_char : s.end_char] == s.text for s in store.sentences(document.id))
    assert store.integrity_check() == "ok"


def test_a_second_run_stores_nothing_new(store: Store, tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs", {"a.txt": ENGLISH, "b.txt": FRENCH})
    first = run_ingest([str(folder)], store, IngestOptions())
    before = store.stats()
    second = run_ingest([str(folder)], store, IngestOptions())
    assert (first.stored, second.stored, second.duplicates) == (2, 0, 2)
    assert store.stats() == before


def test_the_same_text_twice_in_one_batch_is_stored_once(store: Store, tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs", {"a.txt": ENGLISH, "copy-of-a.txt": ENGLISH, "b.txt": FRENCH})
    report = run_ingest([str(folder)], store, IngestOptions(batch_size=10))
    assert (report.stored, report.duplicates) == (2, 1)
    assert store.stats()["documents"] == 2


def test_batch_size_does_not_change_what_is_stored(tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs", {f"{n}.txt": f"Report {n}. {text}" for n, text in enumerate([ENGLISH, FRENCH] * 3)})
    results = []
    for batch_size in (1, 4, 32):
        with open_store(tmp_path / f"kb-{batch_size}.db") as store:
            run_ingest([str(folder)], store, IngestOptions(batch_size=batch_size))
            results.append(
                sorted(
                    (d.content_hash, len(store.sentences(d.id)), len(store.claims_for_document(d.id)))
                    for d in store.documents()
                )
            )
    assert results[0] == results[1] == results[2]
    assert len(results[0]) == 6


def test_failures_are_recorded_and_the_rest_stored(store: Store, tmp_path: Path) -> None:
    good = _write(tmp_path, {"good.txt": ENGLISH}) / "good.txt"
    empty = _write(tmp_path, {"empty.txt": ""}) / "empty.txt"
    missing = tmp_path / "missing.txt"
    report = run_ingest([str(empty), str(good), str(missing), "ftp://example.org/x.txt"], store, IngestOptions())
    assert (report.stored, report.failed) == (1, 3)
    assert {failure.source for failure in report.failures} == {str(empty), str(missing), "ftp://example.org/x.txt"}
    assert all(failure.source in failure.reason for failure in report.failures)
    assert {error.source for error in store.errors()} == {failure.source for failure in report.failures}


def test_a_language_without_a_pipeline_is_stored_and_searchable(store: Store, tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs", {"de.txt": GERMAN})
    report = run_ingest([str(folder)], store, IngestOptions())
    assert (report.stored, report.unsupported_language, report.claims) == (1, 1, 0)
    (document,) = store.documents()
    assert document.extraction_status == "unsupported_language"
    assert len(store.sentences(document.id)) == 2
    assert [hit.document_id for hit in store.search("Dschihadisten")] == [document.id]


def test_without_extraction_documents_wait_for_it(store: Store, tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs", {"a.txt": ENGLISH})
    report = run_ingest([str(folder)], store, IngestOptions(extract=False))
    assert (report.stored, report.claims) == (1, 0)
    (document,) = store.documents()
    assert document.extraction_status == "pending"
    assert len(store.sentences(document.id)) == 2
    assert store.documents_to_extract(pipeline.EXTRACTOR_VERSION) == [document.id]


def test_an_extractor_crash_on_one_document_does_not_sink_its_batch(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_process = pipeline.process

    def crashes_on_boom(inputs: list[TextInput], **options: int) -> Iterator[object]:
        inputs = list(inputs)
        if any("BOOM" in item.text for item in inputs):
            raise RuntimeError("a component crashed")
        yield from real_process(inputs, **options)

    monkeypatch.setattr(pipeline, "process", crashes_on_boom)
    folder = _write(tmp_path / "docs", {"a.txt": ENGLISH, "b.txt": f"BOOM. {ENGLISH}", "c.txt": FRENCH})

    report = run_ingest([str(folder)], store, IngestOptions(batch_size=8))

    assert report.stored == 3
    (failure,) = report.failures
    assert failure.source.endswith("b.txt") and "extraction failed" in failure.reason
    assert [error.source for error in store.errors()] == [failure.source]
    statuses = {Path(d.source).name: d.extraction_status for d in store.documents()}
    assert statuses == {"a.txt": "done", "b.txt": "error", "c.txt": "done"}
    assert report.claims == _claims_tied_to_their_sentences(store) > 0
    assert [hit.source for hit in store.search("BOOM")] == [failure.source]  # stored and searchable


def test_a_pipeline_that_cannot_load_stops_the_run_with_its_own_error(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimgraph.errors import DataFileError

    def broken_load(language: str) -> None:
        raise DataFileError("relation_cues.yaml", "cues.en[3].object: 'nowhere' is not a position")

    monkeypatch.setattr(pipeline.pipelines, "load", broken_load)
    page = tmp_path / "a.txt"
    page.write_text("The Islamic State controlled Raqqa until 2017. " * 3, encoding="utf-8")
    with pytest.raises(DataFileError, match="relation_cues.yaml"):
        run_ingest([str(page)], store, IngestOptions())
    assert store.stats()["documents"] == 0  # nothing half-stored
