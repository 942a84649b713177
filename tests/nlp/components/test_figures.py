"""The figure component on sentences written for these tests (not corpus sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimgraph.nlp import attributes

pytestmark = pytest.mark.models

KEYS = set(attributes.Figure.__annotations__)


def run(nlps: dict[str, Language], language: str, text: str) -> list[dict]:
    nlp = nlps[language]
    doc = nlp.make_doc(text)
    doc._.mentions = []
    doc._.dates = []
    doc = nlp(doc)
    for figure in doc._.figures:
        assert set(figure) == KEYS
        assert text[figure["start"] : figure["end"]] == figure["value_text"]
    return doc._.figures


def by_text(figures: list[dict]) -> dict[str, dict]:
    return {f["value_text"]: f for f in figures}


# -- number forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "value_text", "value", "qualifier"),
    [
        ("en", "Officials counted 2,340 fighters in the north.", "2,340", 2340, "exact"),
        ("en", "Some 300 women were sent home.", "Some 300", 300, "about"),
        ("en", "Nearly 2,000 children remain in the camp.", "Nearly 2,000", 2000, "about"),
        ("en", "More than four hundred volunteers left.", "More than four hundred", 400, "more_than"),
        ("en", "The network had about fifty members.", "about fifty", 50, "about"),
        ("en", "The province has 2.5 million inhabitants.", "2.5 million", 2500000, "exact"),
        ("en", "At least 45 recruits were arrested.", "At least 45", 45, "at_least"),
        ("fr", "La ville compte 12 500 habitants.", "12 500", 12500, "exact"),
        ("fr", "La ville compte 12\u00a0500 habitants.", "12\u00a0500", 12500, "exact"),
        ("fr", "Le groupe revendique 1.500 combattants.", "1.500", 1500, "exact"),
        ("fr", "La région abrite 2,5 millions d'habitants.", "2,5 millions", 2500000, "exact"),
        ("fr", "Une trentaine de femmes sont détenues.", "Une trentaine", 30, "about"),
        ("fr", "Plus d'une centaine de volontaires sont partis.", "Plus d'une centaine", 100, "more_than"),
        ("fr", "Environ 4 000 personnes vivent dans le camp.", "Environ 4 000", 4000, "about"),
        ("fr", "À peu près 500 familles ont été rapatriées.", "À peu près 500", 500, "about"),
        ("fr", "Près de 200 enfants sont présents dans le camp.", "Près de 200", 200, "about"),
        ("fr", "Trois militants ont été libérés.", "Trois", 3, "exact"),
    ],
)
def test_number_forms(nlps, language, text, value_text, value, qualifier) -> None:
    figure = by_text(run(nlps, language, text))[value_text]
    assert figure["value"] == value
    assert figure["qualifier"] == qualifier
    assert figure["approx"] is (qualifier != "exact")


def test_grosse_centaine_has_a_low_bound(nlps) -> None:
    figure = run(nlps, "fr", "Une grosse centaine de jihadistes vivent à Idleb.")[0]
    assert (figure["value"], figure["low"], figure["approx"]) == (100, 100, True)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Between 80 and 120 Belgian fighters travelled to Syria."),
        ("fr", "Entre 80 et 120 combattants belges sont partis en Syrie."),
    ],
)
def test_between_gives_two_figures_low_and_high(nlps, language, text) -> None:
    low, high = run(nlps, language, text)
    assert (low["value"], high["value"]) == (80, 120)
    assert low["qualifier"] == high["qualifier"] == "between"
    assert low["low"] == high["low"] == 80 and low["high"] == high["high"] == 120
    assert "80" in low["value_text"] and high["value_text"] == "120"
    assert low["status"] == high["status"] == "joined"


def test_range_shares_noun_and_qualifier(nlps) -> None:
    low, high = run(nlps, "fr", "Environ 3 000 à 4 000 combattants étrangers ont rejoint le front.")
    assert low["value_text"] == "Environ 3 000" and high["value_text"] == "4 000"
    assert low["approx"] and high["approx"]
    assert "combattants" in high["counts"] and high["status"] == "joined"


@pytest.mark.parametrize(
    ("language", "text", "value_text", "value", "unit"),
    [
        ("en", "Half of the recruits were teenagers.", "Half", 0.5, "share"),
        ("en", "A third of the detainees were women.", "A third", 0.333, "share"),
        ("en", "Two-thirds of the returnees are minors.", "Two-thirds", 0.667, "share"),
        ("fr", "La moitié des détenus sont des femmes.", "La moitié", 0.5, "share"),
        ("fr", "Un tiers des habitants ont fui.", "Un tiers", 0.333, "share"),
        ("en", "Officials said 12% of the returnees were women.", "12%", 12, "percent"),
        ("fr", "Selon le rapport, 12 % des revenants sont des femmes.", "12 %", 12, "percent"),
    ],
)
def test_shares_and_percentages(nlps, language, text, value_text, value, unit) -> None:
    figure = by_text(run(nlps, language, text))[value_text]
    assert (figure["value"], figure["unit"]) == (value, unit)


@pytest.mark.parametrize(
    ("language", "text", "value_text", "low"),
    [
        ("en", "Dozens of foreign fighters were arrested.", "Dozens", 24),
        ("en", "Thousands of civilians fled the city.", "Thousands", 2000),
        ("en", "Tens of thousands of people live in tents.", "Tens of thousands", 20000),
        ("fr", "Des milliers de civils ont quitté la ville.", "Des milliers", 2000),
        ("fr", "Plusieurs dizaines de milliers de personnes vivent sous des tentes.", "Plusieurs dizaines de milliers", 20000),
        ("fr", "Quelques dizaines de Belges sont revenus.", "Quelques dizaines", 20),
    ],
)
def test_vague_amounts(nlps, language, text, value_text, low) -> None:
    figure = by_text(run(nlps, language, text))[value_text]
    assert figure["value"] is None and figure["approx"] is True and figure["low"] == low


@pytest.mark.parametrize(
    ("language", "text", "value", "unit"),
    [
        ("en", "The town lies 25 km south of the border.", 25, "km"),
        ("en", "The camp covers 4 square kilometers of desert.", 4, "km2"),
        ("fr", "Le village est situé à 12 kilomètres de la frontière.", 12, "km"),
        ("fr", "Le camp couvre environ 2 km² de superficie.", 2, "km2"),
    ],
)
def test_measures_carry_their_unit_and_no_status(nlps, language, text, value, unit) -> None:
    (figure,) = run(nlps, language, text)
    assert (figure["value"], figure["unit"], figure["status"]) == (value, unit, None)


# -- not figures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The law was passed in 2015 and amended on 3 March 2016."),
        ("en", "He spent four years in prison."),
        ("en", "Boys over the age of 15 are separated."),
        ("en", "Resolution 2396 and Section 219 apply; see page 12."),
        ("en", "He was the 3rd commander of the brigade."),
        ("en", "Call 01 45 67 89 10 for details."),
        ("en", "You have 75.5% of this article left to read."),
        ("en", "Executive Order (E.O.) 13224 applies."),
        ("fr", "La loi 2014-1353 a été votée en 2014."),
        ("fr", "Les mineurs âgés de moins de 13 ans sont protégés."),
        ("fr", "Il a passé quatre ans en prison."),
        ("fr", "Le décret 2019-81 du 2 février 2019 est publié."),
        ("fr", "Des militants venus des quatre coins du monde."),
    ],
)
def test_not_figures(nlps, language, text) -> None:
    assert run(nlps, language, text) == []


# -- cohort, status, structure -----------------------------------------------------------


def test_cohort_facets(nlps) -> None:
    (figure,) = run(nlps, "en", "About 90 Frenchwomen are detained in Roj camp.")
    assert figure["cohort"]["nationality"] == "French"
    assert figure["cohort"]["gender"] == "female"
    assert figure["status"] == "detained" and figure["unit"] == "persons"
    (figure,) = run(nlps, "fr", "Quelque 40 enfants français ont été rapatriés.")
    assert figure["cohort"]["age_class"] == "child" and figure["cohort"]["nationality"] == "French"
    assert figure["status"] == "returned"


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("en", "About 700 Belgians travelled to Syria.", "joined"),
        ("en", "Some 120 Britons have been killed in air strikes.", "dead"),
        ("en", "Around 40 Dutch nationals are missing.", "missing"),
        ("en", "Nearly 300 Germans came back to Germany.", "returned"),
        ("en", "At least 60 women are held in prisons in Iraq.", "detained"),
        ("en", "Some 35 fighters were released last month.", "released"),
        ("en", "About 400 foreign fighters are living in Idlib.", "present"),
        ("en", "Some 5,000 civilians fled the fighting.", None),
        ("fr", "Environ 700 Belges sont partis en Syrie.", "joined"),
        ("fr", "Une centaine de Tunisiens ont été tués.", "dead"),
        ("fr", "Une vingtaine de Français sont portés disparus.", "missing"),
        ("fr", "Près de 300 Allemands sont rentrés en Allemagne.", "returned"),
        ("fr", "Au moins 60 femmes sont incarcérées en Irak.", "detained"),
        ("fr", "Environ 400 combattants étrangers vivent à Idleb.", "present"),
        ("fr", "Des milliers de civils ont été expulsés de la ville.", None),
    ],
)
def test_status(nlps, language, text, status) -> None:
    figure = run(nlps, language, text)[0]
    assert figure["status"] == status


def test_remain_detained_is_detained_and_remain_in_is_present(nlps) -> None:
    (detained,) = run(nlps, "en", "Some 90 men remain detained in the north.")
    (present,) = run(nlps, "en", "Some 90 men remain in the north of the province.")
    assert detained["status"] == "detained" and present["status"] == "present"


def test_of_the_total_makes_parts_and_lends_its_noun(nlps) -> None:
    total, dead, back = run(nlps, "en", "Of the 250 Germans who left, 40 are believed dead and 80 have returned.")
    assert dead["parent"] == 0 and back["parent"] == 0 and total["parent"] is None
    assert "Germans" in dead["counts"] and dead["cohort"]["nationality"] == "German"
    assert (total["status"], dead["status"], back["status"]) == ("joined", "dead", "returned")


def test_sur_les_total_fr(nlps) -> None:
    total, back, dead = run(nlps, "fr", "Sur les 1 500 Français partis, 400 sont revenus et 300 sont morts.")
    assert back["parent"] == 0 and dead["parent"] == 0
    assert "Français" in dead["counts"]
    assert (total["status"], back["status"], dead["status"]) == ("joined", "returned", "dead")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Some 400 Belgians, including 90 women, are held in camps."),
        ("en", "About 400 Belgians – among them 90 women – are held in camps."),
        ("fr", "Quelque 400 Belges, dont 90 femmes, sont détenus dans des camps."),
    ],
)
def test_including_makes_a_child_that_inherits_status(nlps, language, text) -> None:
    total, part = run(nlps, language, text)
    assert part["parent"] == 0 and total["parent"] is None
    assert part["status"] == total["status"] == "detained"
    assert part["cohort"]["gender"] == "female"


def test_half_of_whom_is_a_share_of_the_total_without_its_status(nlps) -> None:
    total, half = run(nlps, "en", "The town is home to about 80,000 people, half of whom are displaced.")
    assert half["parent"] == 0 and half["unit"] == "share" and half["value"] == 0.5
    assert total["status"] == "present" and half["status"] is None


def test_group_size_means_present(nlps) -> None:
    (figure,) = run(nlps, "en", "A cell of about thirty militants operates from the hills.")
    assert figure["status"] == "present" and figure["value"] == 30


def test_elliptic_number_borrows_the_previous_noun(nlps) -> None:
    _, second = run(nlps, "en", "Officials counted 1,200 Tunisian fighters in 2014, and 900 in 2016.")
    assert "fighters" in second["counts"] and second["cohort"]["nationality"] == "Tunisian"


def test_as_of_and_place(nlps) -> None:
    (figure,) = run(nlps, "en", "As of 2022, the camp housed about 2,000 Iraqi families in Syria.")
    assert figure["as_of"] == "2022"
    assert figure["unit"] == "families" and figure["status"] == "present"
