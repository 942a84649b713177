"""The fast paths: plain-SQL writes, the store-maintained search index, figures() paging."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, closing
from pathlib import Path

import pytest

from claimgraph.errors import StoreError
from claimgraph.store import NewClaim, NewEntity, NewFigure, Store, open_store
from claimgraph.store.engine import create_sqlite_engine
from claimgraph.store.figure_query import FIELD_NAMES, figures_sql
from claimgraph.store.migrate import apply_migrations, available_migrations
from claimgraph.store.records import FigureRow
from claimgraph.store.writes import MultiRowInsert

Raw = Callable[[Path], AbstractContextManager[sqlite3.Connection]]

TEXT = "Selon Le Monde, 130 Français sont détenus à Idléb. Parmi eux, 68 hommes. Raqqa tombe."
S2 = TEXT.index("Parmi")


def _figure(value_text: str, value: int, **extra: object) -> NewFigure:
    start = TEXT.index(value_text)
    fields = {
        "start": start,
        "end": start + len(value_text),
        "value_text": value_text,
        "value": value,
        "cohort": {"nationality": "Français"},
        "status": "detained",
        "place": "Idléb",
    }
    return NewFigure(**(fields | extra))  # type: ignore[arg-type]


def _many_figures(store: Store, add_doc: Callable[..., int], documents: int) -> None:
    with store.transaction():
        for n in range(documents):
            text, source = f"{TEXT} Fin {n}.", f"doc{n}"  # a distinct text: a new document
            document_id = add_doc(store, text, source=source, published=f"2024-0{1 + n % 3}")
            store.replace_claims(
                document_id, "0.1.0", figures=[_figure("130", n), _figure("68", 1000 + n)]
            )


def test_sentence_ids_are_the_stored_ids_in_order(
    store: Store, add_doc: Callable[..., int]
) -> None:
    first = add_doc(store, "Un. Deux. Trois.", source="a")
    second, _ = store.add_document(source="b", text="Quatre. Cinq.")
    ids = store.add_sentences(second, [(0, 7, "Quatre."), (8, 13, "Cinq.")])
    assert ids == [s.id for s in store.sentences(second)]
    assert min(ids) > max(s.id for s in store.sentences(first))
    again = store.add_sentences(second, [(0, 13, "Quatre. Cinq.")], replace=True)
    assert again == [s.id for s in store.sentences(second)] and len(again) == 1
    assert store.integrity_check() == "ok"


def test_the_search_index_is_written_by_the_store_and_stays_consistent(
    store: Store, add_doc: Callable[..., int], raw: Raw, db_path: Path
) -> None:
    document_id = add_doc(store, TEXT)
    assert [h.text for h in store.search("idleb")] == [TEXT[: S2 - 1]]
    store.add_sentences(document_id, [(S2, len(TEXT), TEXT[S2:])], replace=True)
    assert store.search("idleb") == []
    assert [h.text for h in store.search("raqqa")] == [TEXT[S2:]]
    assert store.integrity_check() == "ok"
    with raw(db_path) as conn:  # a cascaded delete still leaves the index (delete trigger)
        conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
    assert store.search("raqqa") == [] and store.integrity_check() == "ok"


def test_a_sentence_inserted_by_hand_is_reported_by_integrity_check(
    store: Store, add_doc: Callable[..., int], raw: Raw, db_path: Path
) -> None:
    document_id = add_doc(store, "Raqqa tombe.")
    with raw(db_path) as conn:
        conn.execute(
            "INSERT INTO sentences (document_id, idx, start_char, end_char, text) "
            "VALUES (?, 1, 0, 5, 'Raqqa')",
            (document_id,),
        )
    report = store.integrity_check()
    assert "search index" in report and "rebuild" in report
    with raw(db_path) as conn:
        conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')")
    assert store.integrity_check() == "ok"


def test_migration_2_keeps_a_version_1_store_searchable(db_path: Path, raw: Raw) -> None:
    engine = create_sqlite_engine(db_path)
    try:
        apply_migrations(engine, str(db_path), available_migrations()[:1])
    finally:
        engine.dispose()
    with raw(db_path) as conn:  # written by the version-1 store: indexed by the trigger
        conn.execute(
            "INSERT INTO documents (content_hash, source, text, ingested_at) "
            "VALUES (?, 'old', 'Idléb tombe.', 'now')",
            ("0" * 64,),
        )
        conn.execute(
            "INSERT INTO sentences (document_id, idx, start_char, end_char, text) "
            "VALUES (1, 0, 0, 12, 'Idléb tombe.')"
        )
    with open_store(db_path) as store:
        assert store.schema_version() == 2
        store.add_document(source="new", text="Idleb encore.")
        store.add_sentences(2, [(0, 13, "Idleb encore.")])
        assert sorted(h.text for h in store.search("idleb")) == ["Idleb encore.", "Idléb tombe."]
        assert store.integrity_check() == "ok"
    with raw(db_path) as conn:
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert triggers == {"sentences_fts_delete", "sentences_fts_update"}


def test_a_constraint_broken_on_the_fast_path_is_a_store_error_and_rolls_back(
    store: Store, add_doc: Callable[..., int]
) -> None:
    document_id = add_doc(store, TEXT)
    good = NewClaim(kind="date", start=0, end=5, subject="x", predicate="date")
    store.replace_claims(document_id, "0.1.0", claims=[good])
    bad = dataclasses.replace(good, confidence=1.5)  # CHECK (confidence <= 1)
    broken = pytest.raises(StoreError, match="broke a constraint.*CHECK constraint failed")
    with broken, store.transaction():
        add_doc(store, "Autre texte.", source="other")
        store.replace_claims(document_id, "0.2.0", claims=[bad])
    assert [c.extractor_version for c in store.claims_for_document(document_id)] == ["0.1.0"]
    assert store.stats()["documents"] == 1
    assert store.integrity_check() == "ok"


def test_entities_batch_and_figure_parents_resolve_on_the_fast_path(
    store: Store, add_doc: Callable[..., int]
) -> None:
    document_id = add_doc(store, TEXT)
    written = store.replace_claims(
        document_id,
        "0.1.0",
        entities=[NewEntity("Le Monde", "Organization", aliases=[("LM", "acronym")])],
        figures=[_figure("130", 130, subject_entity=0), _figure("68", 68, parent=0)],
    )
    total, men = store.figures(document_id=document_id)
    assert men.parent_claim_id == total.claim_id == written.figure_claim_ids[0]
    assert (total.cohort_key, total.approx, men.sentence_text) == (
        "nationality:francais",
        False,
        "Parmi eux, 68 hommes.",
    )
    claims = store.claims_for_document(document_id, kind="figure")
    assert claims[0].subject_entity_id == written.entity_ids[0]
    assert claims[0].payload == {}


def test_figures_select_matches_the_figure_row_fields(store: Store, db_path: Path) -> None:
    sql, params = figures_sql()
    with closing(sqlite3.connect(db_path)) as conn:
        names = tuple(column[0] for column in conn.execute(sql, params).description)
    assert names == FIELD_NAMES == tuple(f.name for f in dataclasses.fields(FigureRow))


def test_figures_reads_the_committed_state_while_another_connection_writes(
    store: Store, add_doc: Callable[..., int], db_path: Path
) -> None:
    _many_figures(store, add_doc, 2)
    before = store.figures()
    with open_store(db_path) as writer, writer.transaction():  # holds the write lock
        writer.add_sentences(before[0].document_id, [(0, 5, TEXT[:5])], replace=True)
        assert store.figures() == before  # the reader sees the last committed state
    assert len(store.figures()) == len(before) - 2


def test_figure_rows_are_ordinary_frozen_dataclasses(
    store: Store, add_doc: Callable[..., int]
) -> None:
    _many_figures(store, add_doc, 1)
    row = store.figures()[0]
    assert row == FigureRow(**dataclasses.asdict(row))
    assert row.approx is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.value = 1  # type: ignore[misc]


def test_figures_pages_cover_every_figure_once_in_order(
    store: Store, add_doc: Callable[..., int]
) -> None:
    _many_figures(store, add_doc, 7)
    everything = store.figures()
    assert len(everything) == 14
    keys = [(f.published, f.document_id, f.start_char, f.claim_id) for f in everything]
    assert keys == sorted(keys)
    pages = [store.figures(limit=4, offset=start) for start in range(0, 14, 4)]
    assert [len(page) for page in pages] == [4, 4, 4, 2]
    assert [f for page in pages for f in page] == everything
    assert store.figures(offset=10) == everything[10:]
    assert store.figures(offset=100) == []
    assert store.figures(status="detained", limit=3, offset=3) == everything[3:6]


@pytest.mark.parametrize("offset", [-1, 1.5, "2"])
def test_a_bad_offset_is_refused(store: Store, offset: object) -> None:
    with pytest.raises(StoreError, match="Invalid offset"):
        store.figures(offset=offset)  # type: ignore[arg-type]


def test_filters_escape_like_wildcards(store: Store, add_doc: Callable[..., int]) -> None:
    _many_figures(store, add_doc, 1)
    assert len(store.figures(nationality="fran%")) == 0
    assert len(store.figures(cohort="fran_ais")) == 0
    assert len(store.figures(cohort="francais")) == 2


@pytest.mark.parametrize("count", [0, 1, 3, 64, 65, 200])
def test_multi_row_inserts_write_every_row_in_order(count: int) -> None:
    insert = MultiRowInsert("t", ["id", "text"])
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
        rows = [(i + 1, f"row {i}") for i in range(count)]
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        insert.run(conn.cursor(), rows)
        assert conn.execute("SELECT id, text FROM t ORDER BY rowid").fetchall() == rows
    assert len(statements) <= max(1, count // MultiRowInsert.MAX_ROWS + 7)
