from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimgraph.ingest import (
    IngestedDocument,
    IngestFailure,
    ingest_sources,
    pipeline,
    plan_sources,
    read_source,
)
from claimgraph.ingest.document import text_hash

from .conftest import PNG_BYTES, SEED_DIR
from .pdfs import encrypted_pdf, minimal_pdf

FIXED = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def fixed_now() -> datetime:
    return FIXED


def test_seed_folder_becomes_one_clean_document_with_its_meta(tmp_path: Path) -> None:
    shutil.copytree(SEED_DIR, tmp_path / "seed-idlib-french-jihadists")
    (doc,) = list(ingest_sources([str(tmp_path)], now=fixed_now))
    assert isinstance(doc, IngestedDocument)
    assert doc.name == "seed-idlib-french-jihadists"
    assert (
        doc.path == str(tmp_path / "seed-idlib-french-jihadists" / "source.txt") and doc.url is None
    )
    meta = json.loads((SEED_DIR / "meta.json").read_text())
    assert (doc.title, doc.publisher, doc.language) == (meta["title"], meta["publisher"], "en")
    assert doc.language_confidence is None  # from meta.json, not detected
    assert doc.raw_text_hash == text_hash(doc.text)
    assert len(doc.removed_boilerplate) == 5 and "Leave a Reply" not in doc.text
    assert doc.content_type == "text/plain"
    assert doc.fetched_at == "2024-01-02T03:04:05+00:00"
    assert doc.meta["license"].startswith("news article")


def test_a_batch_of_good_and_bad_files_never_raises(tmp_path: Path) -> None:
    files = {
        "01-good.txt": "Environ 130 djihadistes français se trouvent encore à Idlib.\n".encode(),
        "02-empty.txt": b"",
        "03-image.txt": PNG_BYTES,
        "04-report.pdf": minimal_pdf("Some 130 French jihadists remain in Idlib"),
        "05-locked.pdf": encrypted_pdf("Secret"),
        "06-big.txt": b"word " * 1000,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    results = list(ingest_sources([str(tmp_path), str(tmp_path / "absent.txt")], max_bytes=2_000))
    outcome = [
        (type(r).__name__, r.code if isinstance(r, IngestFailure) else r.language) for r in results
    ]
    assert outcome == [
        ("IngestedDocument", "fr"),
        ("IngestFailure", "read"),
        ("IngestFailure", "read"),
        ("IngestedDocument", "en"),
        ("IngestFailure", "read"),
        ("IngestFailure", "read"),
        ("IngestFailure", "read"),
    ]
    for failure in results:
        if isinstance(failure, IngestFailure):
            assert failure.reason.startswith(failure.source + ": ")
            assert "\n" not in failure.reason
    reasons = [r.reason.split(": ", 1)[1] for r in results if isinstance(r, IngestFailure)]
    assert reasons == [
        "empty file",
        "binary file (looks like image/png), not a document",
        "encrypted PDF: claimgraph cannot read password-protected files",
        "file is 5 kB, over the 2 kB limit; raise --max-bytes to ingest it",
        "no such file or folder; check the path",
    ]


def test_plan_counts_sources_up_front(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.pdf"):
        (tmp_path / name).write_text("x")
    sources = plan_sources([str(tmp_path), "https://example.org/x"])
    assert len(sources) == 4


def test_plain_text_title_is_its_first_short_line(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "Hurras al-Din\n\nHurras al-Din is a jihadist organization fighting in the Syrian civil war.\n"
    )
    (source,) = plan_sources([str(path)])
    doc = read_source(source)
    assert doc.title == "Hurras al-Din" and doc.name == "note.txt"
    assert doc.language == "en" and doc.language_confidence is not None


def test_unsupported_language_is_stored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Die meisten französischen Dschihadisten haben die Region Idlib inzwischen verlassen."
    )
    (doc,) = list(ingest_sources([str(path)]))
    assert isinstance(doc, IngestedDocument) and doc.language == "de"
    assert any("'de' is detected but not yet supported" in w for w in doc.warnings)


def test_invalid_meta_json_is_a_failure_for_that_document_only(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "source.txt").write_text("Some text about Idlib and its camps.")
    (bad / "meta.json").write_text('{"published": "last year"}')
    good = tmp_path / "good.txt"
    good.write_text("Some other text about Idlib and its camps.")
    failure, doc = list(ingest_sources([str(bad), str(good)]))
    assert isinstance(failure, IngestFailure) and "'published' is 'last year'" in failure.reason
    assert isinstance(doc, IngestedDocument)


def test_text_that_is_only_boilerplate_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("Leave a Reply\n\nSubscribe to our newsletter\n")
    (failure,) = list(ingest_sources([str(path)]))
    assert isinstance(failure, IngestFailure)
    assert "no article text left after removing 2 boilerplate line(s)" in failure.reason


def test_an_unexpected_bug_is_recorded_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("First document about Idlib.")
    (tmp_path / "b.txt").write_text("Second document about Idlib.")
    calls = iter([RuntimeError("boom"), None])

    real_clean = pipeline.clean

    def flaky_clean(text: str):
        error = next(calls)
        if error is not None:
            raise error
        return real_clean(text)

    monkeypatch.setattr(pipeline, "clean", flaky_clean)
    failure, doc = list(ingest_sources([str(tmp_path)]))
    assert isinstance(failure, IngestFailure) and failure.code == "internal"
    assert "unexpected RuntimeError: boom" in failure.reason
    assert isinstance(doc, IngestedDocument) and doc.text == "Second document about Idlib."


def test_feed_file_with_an_entry_without_link_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        b"<item><title>No link</title></item></channel></rss>"
    )
    (failure,) = list(ingest_sources([str(path)], feed=True))
    assert isinstance(failure, IngestFailure) and "has no link" in failure.reason


def test_documents_serialise_to_json(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A short English text about the camps in north-east Syria.")
    (doc,) = list(ingest_sources([str(path)]))
    assert json.loads(json.dumps(doc.to_dict()))["text"] == doc.text
