from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from claimgraph.errors import StoreError
from claimgraph.resolve.claims import batch_from_extraction
from claimgraph.store import (
    NewClaim,
    NewEntity,
    NewFigure,
    NewMention,
    Store,
)

Raw = Callable[[Path], AbstractContextManager[sqlite3.Connection]]

TEXT = (
    "Selon Le Monde, 130 Français sont détenus à Idléb. Parmi eux, 68 hommes. "
    "Omar Omsen a fondé Firqat al-Ghuraba en 2013."
)
S2 = TEXT.index("Parmi")
S3 = TEXT.index("Omar")


def _figure(value: int, value_text: str, sentence_start: int, **extra: Any) -> dict[str, Any]:
    start = TEXT.index(value_text)
    return {
        "start": start,
        "end": start + len(value_text),
        "value": value,
        "low": None,
        "high": None,
        "qualifier": "exact",
        "approx": False,
        "unit": "persons",
        "counts": extra.pop("counts", "Français"),
        "cohort": {
            "nationality": "French",
            "gender": None,
            "age_class": None,
            "role": None,
            "noun": None,
        }
        | extra.pop("cohort", {}),
        "status": "detained",
        "place": "Idléb",
        "as_of": None,
        "value_text": value_text,
        "sentence_start": sentence_start,
        "sentence_end": 0,
        "parent": None,
    } | extra


def extracted() -> dict[str, Any]:
    omsen, firqat = TEXT.index("Omar Omsen"), TEXT.index("Firqat al-Ghuraba")
    return {
        "mentions": [
            {
                "start": omsen,
                "end": omsen + 10,
                "text": "Omar Omsen",
                "label": "Person",
                "canonical": "Omar Omsen",
                "qid": None,
                "source": "ner",
            },
            {
                "start": firqat,
                "end": firqat + 17,
                "text": "Firqat al-Ghuraba",
                "label": "Organization",
                "canonical": "Firqat al-Ghuraba",
                "qid": "Q123",
                "source": "gazetteer",
            },
        ],
        "entities": [
            {
                "name": "Omar Omsen",
                "type": "Person",
                "qid": None,
                "mentions": [[omsen, omsen + 10]],
                "surfaces": ["Omar Omsen"],
            },
            {
                "name": "Firqat al-Ghuraba",
                "type": "Organization",
                "qid": "Q123",
                "mentions": [[firqat, firqat + 17]],
                "surfaces": ["Firqat al-Ghuraba"],
            },
        ],
        "aliases": [
            {
                "surface": "Omsen",
                "canonical": "Omar Omsen",
                "start": omsen + 5,
                "end": omsen + 10,
                "how": "short_name",
            }
        ],
        "attributions": [
            {
                "sentence_start": 0,
                "sentence_end": S2 - 1,
                "source": "Le Monde",
                "source_start": 6,
                "source_end": 14,
                "cue": "selon",
            }
        ],
        "relations": [
            {
                "subject": "Omar Omsen",
                "predicate": "founded",
                "object": "Firqat al-Ghuraba",
                "subject_span": [omsen, omsen + 10],
                "object_span": [firqat, firqat + 17],
                "sentence_start": S3,
                "sentence_end": len(TEXT),
                "cue": "a fondé",
            }
        ],
        "dates": [
            {
                "start": TEXT.index("2013"),
                "end": TEXT.index("2013") + 4,
                "text": "2013",
                "iso": "2013",
                "event": "Omar Omsen a fondé Firqat al-Ghuraba",
                "relative": False,
            }
        ],
        "figures": [
            _figure(130, "130", 0),
            _figure(
                68, "68", S2, counts="hommes", cohort={"gender": "male", "noun": "hommes"}, parent=0
            ),
        ],
    }


@pytest.fixture
def doc_id(store: Store, add_doc: Callable[..., int]) -> int:
    return add_doc(store, TEXT, source="lemonde.txt", published="2024-05-01", language="fr")


def test_every_extracted_shape_is_stored_with_its_sentence(store: Store, doc_id: int) -> None:
    written = store.replace_claims(
        doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs()
    )
    assert (
        written.mentions == 2
        and len(written.entity_ids) == 2
        and len(written.figure_claim_ids) == 2
    )
    claims = store.claims_for_document(doc_id)
    by_kind: dict[str, list[Any]] = {}
    for claim in claims:
        by_kind.setdefault(claim.kind, []).append(claim)
        assert (
            TEXT[claim.start_char : claim.end_char] in claim.sentence_text
            or claim.kind == "relation"
        )
        assert claim.extractor_version == "0.1.0" and claim.published == "2024-05-01"
        assert claim.review_state == "unreviewed"
    assert sorted(by_kind) == ["alias", "date", "entity", "figure", "relation"]
    relation = by_kind["relation"][0]
    assert (relation.subject, relation.predicate, relation.value_text) == (
        "Omar Omsen",
        "founded",
        "Firqat al-Ghuraba",
    )
    assert (
        relation.subject_entity_id == written.entity_ids[0]
        and relation.value_entity_id == written.entity_ids[1]
    )
    assert relation.sentence_text == TEXT[S3:]
    assert relation.payload["cue"] == "a fondé"
    assert by_kind["date"][0].as_of == "2013"
    assert by_kind["alias"][0].value_text == "Omsen"
    figure_130 = next(c for c in by_kind["figure"] if c.value_text == "130")
    assert figure_130.attributed_to == "Le Monde" and figure_130.predicate == "detained"
    assert store.document(doc_id).extraction_status == "done"


def test_figures_keep_values_cohorts_and_parent_links(store: Store, doc_id: int) -> None:
    written = store.replace_claims(
        doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs()
    )
    total, men = store.figures(document_id=doc_id)
    assert (total.value, men.value) == (130, 68)
    assert isinstance(total.value, int)
    assert men.parent_claim_id == total.claim_id == written.figure_claim_ids[0]
    assert total.cohort_key == "nationality:french"
    assert men.cohort_key == "nationality:french;gender:male"
    assert men.sentence_text == "Parmi eux, 68 hommes."


def test_figure_filters(store: Store, doc_id: int) -> None:
    store.replace_claims(doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs())
    assert len(store.figures(status="detained")) == 2
    assert store.figures(status="returned") == []
    assert [f.value for f in store.figures(cohort="French MALE")] == [68]
    assert store.figures(cohort="female") == []
    assert [f.value for f in store.figures(cohort="gender")] == [68]
    assert [
        f.value for f in store.figures(cohort={"nationality": "Français"})
    ] == []  # key of "français" != "french"
    assert [f.value for f in store.figures(cohort={"nationality": "FRENCH"})] == [130]
    assert len(store.figures(place="idleb")) == 2
    assert store.figures(place="Raqqa") == []
    assert len(store.figures(nationality="French")) == 2
    assert len(store.figures(limit=1)) == 1


def test_rejected_figures_are_hidden_unless_asked(store: Store, doc_id: int) -> None:
    written = store.replace_claims(
        doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs()
    )
    store.set_review_state(written.figure_claim_ids[1], "rejected")
    assert [f.value for f in store.figures()] == [130]
    assert len(store.figures(include_rejected=True)) == 2
    with pytest.raises(StoreError, match="expected one of unreviewed"):
        store.set_review_state(written.figure_claim_ids[0], "maybe")
    with pytest.raises(StoreError, match="no claim 999"):
        store.set_review_state(999, "accepted")


def test_replace_claims_replaces_the_old_ones(store: Store, doc_id: int) -> None:
    first = store.replace_claims(
        doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs()
    )
    second = store.replace_claims(
        doc_id,
        "0.2.0",
        claims=[
            NewClaim(
                kind="date",
                start=TEXT.index("2013"),
                end=TEXT.index("2013") + 4,
                subject="fondation",
                predicate="date",
                value_text="2013",
            )
        ],
    )
    assert second.replaced == len(first.claim_ids) + len(first.figure_claim_ids)
    claims = store.claims_for_document(doc_id)
    assert [(c.kind, c.extractor_version) for c in claims] == [("date", "0.2.0")]
    assert not set(second.claim_ids) & set(first.claim_ids)  # ids are never reused
    stats = store.stats()
    assert (stats["claims"], stats["figures"], stats["mentions"]) == (1, 0, 0)
    assert stats["entities"] == 2  # entities outlive a document's claims
    assert store.document(doc_id).extractor_version == "0.2.0"


def test_review_verdicts_outlive_re_extraction(store: Store, doc_id: int) -> None:
    first = store.replace_claims(
        doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs()
    )
    store.set_review_state(first.figure_claim_ids[1], "rejected")
    store.set_review_state(first.figure_claim_ids[0], "accepted")
    second = store.replace_claims(
        doc_id, "0.2.0", **batch_from_extraction(**extracted()).as_kwargs()
    )
    assert second.reviews_kept == 2
    assert not set(second.figure_claim_ids) & set(first.figure_claim_ids)
    states = {c.value_text: c.review_state for c in store.claims_for_document(doc_id, kind="figure")}
    assert states == {"130": "accepted", "68": "rejected"}
    assert [f.value for f in store.figures()] == [130]  # the rejected figure stays hidden


def test_a_changed_claim_starts_unreviewed(store: Store, doc_id: int) -> None:
    first = store.replace_claims(
        doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs()
    )
    store.set_review_state(first.figure_claim_ids[1], "rejected")
    changed = extracted()
    changed["figures"][1]["value_text"] = "68 hommes"
    changed["figures"][1]["end"] = changed["figures"][1]["start"] + len("68 hommes")
    second = store.replace_claims(doc_id, "0.2.0", **batch_from_extraction(**changed).as_kwargs())
    assert second.reviews_kept == 0
    assert len(store.figures()) == 2


def test_a_failed_replace_keeps_the_old_claims(store: Store, doc_id: int) -> None:
    store.replace_claims(doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs())
    before = store.claims_for_document(doc_id)
    bad = NewFigure(start=0, end=3, value_text="130", value=130, parent=5)
    with pytest.raises(StoreError, match="parent 5"):
        store.replace_claims(doc_id, "0.2.0", figures=[bad])
    assert store.claims_for_document(doc_id) == before


def test_a_claim_outside_every_sentence_is_refused(
    store: Store, add_doc: Callable[..., int]
) -> None:
    document_id, _ = store.add_document(
        source="nosentences", text="Un texte sans phrases stockées."
    )
    claim = NewClaim(kind="date", start=0, end=2, subject="x", predicate="date")
    with pytest.raises(StoreError, match="lies in no stored sentence"):
        store.replace_claims(document_id, "0.1.0", claims=[claim])
    assert store.stats()["claims"] == 0


def test_bad_entity_references_are_refused(store: Store, doc_id: int) -> None:
    mention = NewMention(
        start=0, end=5, text="Selon", label="Person", source_component="ner", entity=3
    )
    with pytest.raises(StoreError, match="refers to entity 3"):
        store.replace_claims(
            doc_id, "0.1.0", entities=[NewEntity("A", "Person")], mentions=[mention]
        )


def test_entities_are_reused_by_name_and_type_and_gain_aliases(
    store: Store, raw: Raw, db_path: Path
) -> None:
    first = store.upsert_entity(
        NewEntity("Hayat Tahrir al-Sham", "Organization", aliases=[("HTS", "acronym")])
    )
    again = store.upsert_entity(
        NewEntity(
            "Hayat Tahrir al-Sham",
            "Organization",
            qid="Q28",
            aliases=[("HTS", "acronym"), ("HTC", "fr")],
        )
    )
    other = store.upsert_entity(NewEntity("Hayat Tahrir al-Sham", "Group"))
    assert first == again != other
    with raw(db_path) as conn:
        aliases = conn.execute(
            "SELECT alias, how FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (first,)
        )
        assert aliases.fetchall() == [("HTC", "fr"), ("HTS", "acronym")]
        assert conn.execute("SELECT qid FROM entities WHERE id = ?", (first,)).fetchone() == (
            "Q28",
        )


def test_the_database_refuses_a_claim_without_a_sentence(
    store: Store, doc_id: int, raw: Raw, db_path: Path
) -> None:
    insert = (
        "INSERT INTO claims (document_id, sentence_id, start_char, end_char, kind, subject, predicate, "
        "extractor, extractor_version, created_at) VALUES (?, ?, 0, 1, 'date', 's', 'date', 'x', '1', 'now')"
    )
    with raw(db_path) as conn:
        with pytest.raises(
            sqlite3.IntegrityError, match="NOT NULL constraint failed: claims.sentence_id"
        ):
            conn.execute(insert, (doc_id, None))
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
            conn.execute(insert, (doc_id, 9999))
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
            conn.execute(
                "INSERT INTO sentences (document_id, idx, start_char, end_char, text) VALUES (999, 0, 0, 1, 'x')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
            conn.execute(insert.replace("'date', 's'", "'opinion', 's'"), (doc_id, 1))


def test_the_store_enforces_foreign_keys_on_its_own_connections(store: Store, doc_id: int) -> None:
    with pytest.raises(StoreError, match="FOREIGN KEY constraint failed"), store.transaction():
        store.add_document(source="b", text="Autre.")
        store._local.conn.exec_driver_sql(  # type: ignore[attr-defined]
            "INSERT INTO mentions (document_id, start_char, end_char, text, label, source_component) "
            "VALUES (4242, 0, 1, 'x', 'Person', 'ner')"
        )
    assert store.stats()["documents"] == 1  # the whole transaction was rolled back


def test_deleting_a_document_cascades(store: Store, doc_id: int, raw: Raw, db_path: Path) -> None:
    store.replace_claims(doc_id, "0.1.0", **batch_from_extraction(**extracted()).as_kwargs())
    with raw(db_path) as conn:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    stats = store.stats()
    assert (stats["sentences"], stats["claims"], stats["figures"], stats["mentions"]) == (
        0,
        0,
        0,
        0,
    )
    assert store.integrity_check() == "ok"
