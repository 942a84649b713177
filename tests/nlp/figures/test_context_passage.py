"""Place and as_of rules of the figure context that reach past the figure's own clause:
origins and destinations, lists of places, opening place phrases, and reference dates
stated for a passage or the whole text. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.nlp import pipelines

pytestmark = pytest.mark.models


def _figure(language: str, text: str, value: float) -> dict:
    doc = pipelines.load(language)(text)
    return next(figure for figure in doc._.figures if figure["value"] == value)


@pytest.mark.parametrize(
    ("language", "text", "value", "place"),
    [
        ("en", "About 5,000 fighters came from Nigeria, Niger and Chad.", 5000, None),
        ("fr", "Seulement 160 rapatriements officiels depuis la Syrie et la Libye.", 160, None),
        ("en", "Some 300 people left the Netherlands for Syria and Iraq since 2012.", 300, "Syria and Iraq"),
        ("en", "Belgium repatriated 25 women and 47 children from Syria.", 25, "Belgium"),
    ],
)
def test_an_origin_is_not_the_place_of_a_count(language, text, value, place) -> None:
    assert _figure(language, text, value)["place"] == place


def test_people_who_left_are_counted_where_they_went() -> None:
    text = "Quelque 420 Belges ou résidents en Belgique sont partis pour la Syrie et l'Irak depuis 2012."
    assert _figure("fr", text, 420)["place"] == "Syrie et Irak"


@pytest.mark.parametrize(
    ("language", "text", "value", "place"),
    [
        ("fr", "Les Tunisiens partis combattre en Syrie, en Irak et en Libye étaient 3 000.", 3000, "Syrie, Irak et Libye"),
        ("en", "About 5,000 fighters are based in Nigeria, Niger and Chad.", 5000, "Nigeria, Niger and Chad"),
    ],
)
def test_three_listed_places_are_kept_together(language, text, value, place) -> None:
    assert _figure(language, text, value)["place"] == place


def test_an_opening_place_phrase_holds_for_the_whole_sentence() -> None:
    text = "In Cabo Delgado, the agency says nearly 670,000 people have fled and 2,600 people have been killed."
    assert _figure("en", text, 670000)["place"] == "Cabo Delgado"
    assert _figure("en", text, 2600)["place"] == "Cabo Delgado"


def test_an_opening_clause_is_not_an_opening_place_phrase() -> None:
    text = "At its height in 2010 the movement held most of central Somalia, and counted 9,000 fighters."
    assert _figure("en", text, 9000)["place"] is None


def test_a_reference_date_wins_over_the_start_of_a_period() -> None:
    text = "Au 1er mars 2024, l'OCAM recense 418 personnes parties depuis 2012 vers la Syrie."
    assert _figure("fr", text, 418)["as_of"] == "2024-03-01"


def test_a_reference_date_dates_the_counts_of_its_passage() -> None:
    text = "Au 1er mars 2024, l'OCAM recense 418 départs. Une quarantaine de femmes se trouveraient encore en Syrie."
    assert _figure("fr", text, 40)["as_of"] == "2024-03-01"


def test_a_passage_ends_at_a_paragraph_break() -> None:
    text = "Au 1er mars 2024, l'OCAM recense 418 départs.\n\nUne quarantaine de femmes se trouveraient encore en Syrie."
    assert _figure("fr", text, 40)["as_of"] is None


def test_a_note_dates_every_undated_count_of_the_text() -> None:
    text = "About 300 boys are held in centres.\n\nFigures in this note refer to December 2023 unless stated otherwise."
    assert _figure("en", text, 300)["as_of"] == "2023-12"
