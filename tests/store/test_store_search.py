from __future__ import annotations

from collections.abc import Callable

import pytest

from claimgraph.store import Store
from claimgraph.store.fts import fts_query

FR = "Les djihadistes français d'Idléb ont rejoint Firqat al-Ghuraba. Omar Omsen dirige le groupe."
EN = "About 130 French nationals were detained in Idlib province. Most of them are men."


@pytest.fixture
def searchable(store: Store, add_doc: Callable[..., int]) -> Store:
    add_doc(store, FR, source="fr.txt", language="fr", title="Les Français d'Idléb")
    add_doc(store, EN, source="en.txt", language="en", title="French in Idlib")
    return store


@pytest.mark.parametrize(
    "query", ["idleb", "Idléb", "IDLEB", "francais", "FRANÇAIS", "idléb français"]
)
def test_accented_and_unaccented_words_find_each_other(searchable: Store, query: str) -> None:
    hits = searchable.search(query)
    assert [h.text for h in hits] == [
        "Les djihadistes français d'Idléb ont rejoint Firqat al-Ghuraba."
    ]
    assert hits[0].title == "Les Français d'Idléb" and hits[0].source == "fr.txt"
    assert (hits[0].start_char, hits[0].end_char) == (0, FR.index(" Omar"))


def test_all_words_by_default_any_word_on_request(searchable: Store) -> None:
    assert searchable.search("idlib idleb") == []
    assert {h.source for h in searchable.search("idlib idleb", any_word=True)} == {
        "fr.txt",
        "en.txt",
    }


def test_phrase_and_prefix(searchable: Store) -> None:
    assert [h.source for h in searchable.search('"al-Ghuraba"')] == ["fr.txt"]
    assert [h.source for h in searchable.search('"Omsen Omar"')] == []
    assert [h.text for h in searchable.search("djihad*")] == [FR.split(" Omar")[0]]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '""',
        "AND(",
        "idleb AND(",
        "NEAR(",
        "OR",
        "*",
        "-idleb",
        "idleb:",
        "col:x",
        "(((",
        "'; DROP TABLE sentences; --",
        "^",
        'idl"eb',
        "\\",
        "{x y}",
        "   ",
    ],
)
def test_hostile_queries_do_not_crash(searchable: Store, hostile: str) -> None:
    hits = searchable.search(hostile)
    assert isinstance(hits, list)
    assert searchable.stats()["sentences"] == 4  # nothing was dropped


def test_a_search_word_with_an_operator_still_finds_the_word(searchable: Store) -> None:
    # "AND(" is searched as the word "and", which the Idlib sentence does not contain
    assert [h.source for h in searchable.search("Idlib AND(")] == []
    assert [h.source for h in searchable.search("-idleb")] == ["fr.txt"]


def test_limit(searchable: Store) -> None:
    assert len(searchable.search("the OR les", any_word=True, limit=1)) == 1
    assert searchable.search("idleb", limit=0) == []


def test_old_versions_are_left_out_unless_asked(store: Store, add_doc: Callable[..., int]) -> None:
    add_doc(store, "Idleb est tenue par HTS.", source="x")
    add_doc(store, "Idleb est tenue par HTS depuis 2017.", source="x")
    assert [h.text for h in store.search("idleb")] == ["Idleb est tenue par HTS depuis 2017."]
    assert len(store.search("idleb", include_old_versions=True)) == 2


def test_the_index_follows_sentence_replacement(store: Store, add_doc: Callable[..., int]) -> None:
    document_id = add_doc(store, "Raqqa tombe. Mossoul aussi.")
    store.add_sentences(document_id, [(0, 12, "Raqqa tombe.")], replace=True)
    assert store.search("mossoul") == []
    assert [h.text for h in store.search("raqqa")] == ["Raqqa tombe."]


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('Idleb AND( "al Nusra" x*') == '"Idleb" "AND(" "al Nusra" "x"*'
    assert fts_query('say "hi', any_word=True) == '"say" OR """hi"'
    assert fts_query(["a b", "c"]) == '"a" "b" "c"'
    assert fts_query('" ( * -') is None
