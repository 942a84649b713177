"""Status, place and as_of rules of the figure component that must hold beyond the
development corpus: one group of sentences per failure category, written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.models


def run(nlps: dict[str, Language], language: str, text: str) -> list[dict]:
    nlp = nlps[language]
    doc = nlp.make_doc(text)
    doc._.mentions = []
    doc._.dates = []
    return nlp(doc)._.figures


def statuses(nlps, language: str, text: str) -> list[str | None]:
    return [f["status"] for f in run(nlps, language, text)]


# 1. transitive verbs whose object is the count -------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Belgium repatriated 14 orphans last spring.", ["returned"]),
        ("en", "The flight brought 12 mothers and 30 children back to Brussels.", ["returned", "returned"]),
        ("en", "Kurdish officials said the site hosted 9,500 people.", ["present"]),
        ("en", "The annex held 3,100 people in the summer.", ["present"]),
        ("en", "The jail held 400 suspected militants.", ["detained"]),
        ("en", "Analysts put it at between 300 and 500 fighters.", ["present", "present"]),
        ("fr", "La Belgique a rapatrié 14 enfants et six mères.", ["returned", "returned"]),
        ("fr", "Le site abritait 9 500 personnes.", ["present"]),
    ],
)
def test_status_from_the_verb_of_the_object(nlps, language, text, expected) -> None:
    assert statuses(nlps, language, text) == expected


def test_part_of_a_repatriated_total_is_returned(nlps) -> None:
    total, part = run(nlps, "en", "Several states repatriated 2,400 of their citizens, including 900 minors.")
    assert part["parent"] == 0 and (total["status"], part["status"]) == ("returned", "returned")
    assert "citizens" in total["counts"]


# 2. passive, reflexive, nominal predicates -------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("en", "Nearly 90 were charged and placed in pre-trial detention.", "detained"),
        ("en", "Eleven were taken into custody at the airport.", "detained"),
        ("en", "Four were freed under judicial supervision.", "released"),
        ("fr", "Environ 200 sont présumés décédés.", "dead"),
        ("fr", "Une quinzaine sont portées disparues.", "missing"),
        ("fr", "Quelque 320 sont revenues en Belgique.", "returned"),
        ("fr", "Neuf ont été placés en garde à vue.", "detained"),
        ("fr", "Deux ont été remis en liberté.", "released"),
        ("fr", "Une soixantaine de jeunes se sont rendus en Irak.", "joined"),
        ("fr", "Ils seraient entre 70 et 90 dans la province.", "present"),
        ("fr", "Il resterait une centaine de mineurs dans les camps.", "present"),
    ],
)
def test_passive_reflexive_and_nominal_predicates(nlps, language, text, status) -> None:
    assert run(nlps, language, text)[0]["status"] == status


# 3. coordinated counts share the verb ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("en", "Between 20 and 35 Belgian men are detained in prisons in the north.", "detained"),
        ("fr", "La cellule compte une vingtaine de combattants et plus d'une trentaine d'enfants.", "present"),
        ("fr", "Entre 20 et 35 hommes belges sont détenus dans des prisons.", "detained"),
    ],
)
def test_coordinated_counts_share_the_status(nlps, language, text, status) -> None:
    assert set(statuses(nlps, language, text)) == {status}


# 4. shares defined by an attribute carry no status ---------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "value_text", "status"),
    [
        ("en", "Women make up 41% of the detainees.", "41%", None),
        ("en", "Syrians account for about 30% of the residents.", "about 30%", None),
        ("en", "The town houses 8,000 people, a quarter of them migrants.", "a quarter", None),
        ("en", "About half were killed in air strikes.", "About half", "dead"),
        ("fr", "Les femmes représentent 41 % des détenus.", "41 %", None),
        ("fr", "La province compte 3 millions d'habitants, dont 1,2 million de déplacés.", "1,2 million", None),
    ],
)
def test_shares_defined_by_an_attribute(nlps, language, text, value_text, status) -> None:
    figure = next(f for f in run(nlps, language, text) if f["value_text"] == value_text)
    assert figure["status"] == status


# 5. the main verb wins over a participle of a later noun -----------------------------------


def test_headline_main_verb_wins(nlps) -> None:
    figure = run(nlps, "fr", "La Belgique rapatrie une dizaine d'enfants et leurs mères détenus dans le camp de Roj.")[0]
    assert figure["status"] == "returned"


def test_coordinated_passive_verb_with_held(nlps) -> None:
    (figure,) = run(nlps, "en", "Dozens of teenagers were taken from the camp and are held in detention centres.")
    assert figure["status"] == "detained"


# 6. comparisons and time phrases ----------------------------------------------------------


def test_contre_takes_the_earlier_figure_and_its_own_date(nlps) -> None:
    now, before = run(nlps, "fr", "Ils étaient 210 en 2022, contre 180 fin 2020.")
    assert before["counts"] != "fin 2020" and "2020" not in before["counts"]
    assert before["status"] == now["status"] == "present"
    assert (now["as_of"], before["as_of"]) == ("2022", "2020")


def test_down_from_a_peak(nlps) -> None:
    now, peak = run(nlps, "en", "The camp held 31,000 people, down from a peak of more than 60,000 in early 2020.")
    assert now["as_of"] is None and peak["as_of"] == "2020"
    assert "people" in peak["counts"] and peak["status"] == now["status"] == "present"


# place and as_of ---------------------------------------------------------------------------


def test_as_of_reference_date_and_place_in_the_clause(nlps) -> None:
    (figure,) = run(nlps, "en", "As of 31 March 2022, 1,100 foreign women were held in Kurdish camps.")
    assert figure["as_of"] == "2022-03-31"
    assert figure["place"] == "Kurdish camps"
    (figure,) = run(nlps, "fr", "Au 1er mars 2023, 250 Belges étaient détenus dans des camps kurdes.")
    assert figure["as_of"] == "2023-03-01"
    assert figure["status"] == "detained"
