from __future__ import annotations

from claimgraph.store import Store


def test_errors_keep_the_latest_per_source(store: Store) -> None:
    store.record_error("https://a.example/x", "fetch", "timed out after 30 s")
    store.record_error("https://a.example/x", "read", "empty page")
    store.record_error("b.pdf", "read", "encrypted PDF")
    errors = {e.source: e for e in store.errors()}
    assert set(errors) == {"https://a.example/x", "b.pdf"}
    assert (errors["https://a.example/x"].code, errors["https://a.example/x"].reason) == (
        "read",
        "empty page",
    )
    assert errors["https://a.example/x"].attempts == 2
    assert store.stats()["errors"] == 2


def test_clear_error(store: Store) -> None:
    store.record_error("b.pdf", "read", "encrypted PDF")
    assert store.clear_error("b.pdf") is True
    assert store.clear_error("b.pdf") is False
    assert store.errors() == []


def test_a_source_that_later_succeeds_is_no_longer_an_error(store: Store) -> None:
    store.record_error("a.txt", "read", "not UTF-8")
    store.record_error("c.txt", "read", "not UTF-8")
    store.add_document(source="a.txt", text="Now it reads.")
    assert [e.source for e in store.errors()] == ["c.txt"]
