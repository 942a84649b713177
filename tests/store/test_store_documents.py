from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from claimgraph.errors import StoreError
from claimgraph.store import Store, content_hash, open_store

TEXT = "Selon Le Monde, 130 Français sont détenus à Idléb. Parmi eux, 68 hommes."


def test_same_content_is_stored_once(store: Store) -> None:
    first = store.add_document(source="https://a.example/x", text=TEXT, language="fr")
    again = store.add_document(source="https://a.example/x", text=TEXT)
    elsewhere = store.add_document(source="/copies/x.txt", text=TEXT)
    assert first.created and not again.created and not elsewhere.created
    assert again.document_id == elsewhere.document_id == first.document_id
    assert store.stats()["documents"] == 1
    assert store.has_content(content_hash(TEXT)) == first.document_id
    assert store.has_content(content_hash("something else")) is None


def test_a_changed_text_at_the_same_source_is_a_new_version_keeping_the_old(store: Store) -> None:
    old_id, _ = store.add_document(source="https://a.example/x", text=TEXT, title="v1")
    new_id, created = store.add_document(
        source="https://a.example/x", text=TEXT + " Mise à jour.", title="v2"
    )
    assert created and new_id != old_id
    latest = store.latest_version_for("https://a.example/x")
    assert latest is not None
    assert (latest.id, latest.version, latest.previous_id) == (new_id, 2, old_id)
    assert store.document(old_id).text == TEXT  # the old version is kept
    assert [d.id for d in store.documents()] == [old_id, new_id]
    assert [d.id for d in store.documents(include_old_versions=False)] == [new_id]
    assert store.known_source_hashes() == {
        "https://a.example/x": content_hash(TEXT + " Mise à jour.")
    }
    stats = store.stats()
    assert (stats["documents"], stats["current_documents"]) == (2, 1)


def test_latest_version_for_an_unknown_source_is_none(store: Store) -> None:
    assert store.latest_version_for("nowhere") is None


def test_document_fields_round_trip(store: Store) -> None:
    document_id, _ = store.add_document(
        source="s",
        text=TEXT,
        url="https://a.example/x",
        path=None,
        title="T",
        publisher="Le Monde",
        published="2024-05-01",
        language="fr",
        removed_boilerplate=["Lire aussi : ...", "Abonnez-vous"],
    )
    doc = store.document(document_id)
    assert (doc.title, doc.publisher, doc.published, doc.language) == (
        "T",
        "Le Monde",
        "2024-05-01",
        "fr",
    )
    assert doc.removed_boilerplate == ["Lire aussi : ...", "Abonnez-vous"]
    assert doc.content_hash == content_hash(TEXT) and doc.extraction_status == "pending"
    assert doc.ingested_at.startswith("20")


def test_unknown_document_gives_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no document 42"):
        store.document(42)
    with pytest.raises(StoreError, match="no document 42"):
        store.add_sentences(42, [(0, 1, "x")])


def test_sentences_must_match_the_document_text(store: Store) -> None:
    document_id, _ = store.add_document(source="s", text=TEXT)
    with pytest.raises(StoreError, match="does not match the document text"):
        store.add_sentences(document_id, [(0, 10, "Not these!")])
    assert store.sentences(document_id) == []


def test_sentences_are_stored_in_order_and_replaced_only_on_request(
    store: Store, add_doc: Callable[..., int]
) -> None:
    document_id = add_doc(store, TEXT)
    stored = store.sentences(document_id)
    assert [s.text for s in stored] == [
        "Selon Le Monde, 130 Français sont détenus à Idléb.",
        "Parmi eux, 68 hommes.",
    ]
    assert [s.index for s in stored] == [0, 1]
    assert TEXT[stored[1].start_char : stored[1].end_char] == stored[1].text
    with pytest.raises(StoreError, match="replace=True"):
        store.add_sentences(document_id, [(0, len(TEXT), TEXT)])
    ids = store.add_sentences(document_id, [(0, len(TEXT), TEXT)], replace=True)
    assert len(ids) == 1 and store.stats()["sentences"] == 1


def test_extraction_status_and_documents_to_extract(
    store: Store, add_doc: Callable[..., int]
) -> None:
    a = add_doc(store, "Premier texte.", source="a")
    b = add_doc(store, "Second texte.", source="b")
    store.replace_claims(a, "1.0")
    assert store.documents_to_extract("1.0") == [b]
    assert store.documents_to_extract("2.0") == [a, b]
    store.set_extraction_status(b, "unsupported_language")
    assert store.documents_to_extract("1.0") == []
    with pytest.raises(StoreError, match="expected one of pending, done"):
        store.set_extraction_status(b, "finished")


def test_open_store_accepts_urls_and_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store() as store:  # the default: sqlite:///claimgraph.db in the working folder
        store.add_document(source="a", text="Un.")
    assert (tmp_path / "claimgraph.db").exists()
    with open_store(f"sqlite:///{tmp_path / 'claimgraph.db'}") as store:
        assert store.stats()["documents"] == 1
    with open_store(tmp_path / "other.db") as store:
        assert store.stats()["documents"] == 0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://user@localhost/kb", "PostgreSQL support is planned"),
        ("postgres://localhost/kb", "PostgreSQL support is planned"),
        ("mysql://localhost/kb", "Unsupported store URL scheme 'mysql'"),
        ("sqlite://", "names no database file"),
        ("sqlite:///:memory:", "names no database file"),
    ],
)
def test_open_store_refuses_what_it_cannot_open(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


def test_open_store_in_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "kb.db")


def test_a_closed_store_says_so(db_path: Path) -> None:
    store = open_store(db_path)
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="is closed"):
        store.stats()
