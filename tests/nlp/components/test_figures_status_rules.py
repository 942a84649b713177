"""Status and counted-noun rules of the figure component added after the error analysis of
held-out C and D (2026-12-07): one test per rule, on sentences written for these tests."""

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


def test_linking_verb_in_the_nouns_clause_gives_way_to_the_state_after_it(nlps) -> None:
    text = (
        "Quelque 800 combattants présumés, dont 90 Belges, restent détenus dans une prison "
        "gérée par les autorités locales (PL), milice de la région."
    )
    assert statuses(nlps, "fr", text) == ["detained", "detained"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The militia handed over 40 Moroccan detainees to Baghdad last month.", ["returned"]),
        ("fr", "Les forces kurdes remettent 14 femmes à la Belgique.", ["returned"]),
        ("fr", "Le camp a remis 20 enfants à des délégations belge et néerlandaise.", ["returned"]),
    ],
)
def test_people_handed_over_to_a_state_are_returned(nlps, language, text, expected) -> None:
    assert statuses(nlps, language, text) == expected


def test_handed_over_is_no_qualifier(nlps) -> None:
    (figure,) = run(nlps, "en", "In March the SDF handed over 60 Iraqi detainees to Iraq.")
    assert (figure["value_text"], figure["qualifier"]) == ("60", "exact")


def test_additive_phrase_after_a_comma_coordinates_counts(nlps) -> None:
    text = (
        "Le camp a remis 20 femmes et 30 enfants à la Belgique. Parmi eux figurent six Belges "
        "et leurs 11 enfants, ainsi que quatre Autrichiennes et neuf enfants."
    )
    figures = run(nlps, "fr", text)
    assert [f["status"] for f in figures] == ["returned"] * 6
    assert figures[2]["counts"] == "Belges"  # not "Belges et leurs"


def test_a_noun_of_the_event_is_the_status_whatever_the_verb(nlps) -> None:
    assert statuses(nlps, "fr", "Le groupe a revendiqué l'attentat contre le marché (34 morts) en mai.") == ["dead"]
    assert statuses(nlps, "fr", "Une cinquantaine de libérations sont prévues cette année.") == ["released"]


def test_part_after_a_marker_takes_the_wholes_status_not_its_nouns(nlps) -> None:
    text = "Thousands of inmates walked out of the prison, among them 300 members of the group."
    assert statuses(nlps, "en", text) == ["released", "released"]


def test_conviction_on_the_noun_of_a_part_is_no_status(nlps) -> None:
    text = (
        "Une trentaine de libérations sont prévues, parmi lesquelles une dizaine de personnes "
        "condamnées à de longues peines."
    )
    assert statuses(nlps, "fr", text) == ["released", "released"]


def test_first_end_of_a_range_counts_what_the_second_does(nlps) -> None:
    low, high = run(nlps, "en", "Between 40 and 60 remain in the camps of the north-east.")
    assert low["counts"] == high["counts"] and "camps" in low["counts"]


def test_acronym_of_people_series_with_apres(nlps) -> None:
    figures = run(nlps, "fr", "Au total 48 TIS ont été libérés en 2023, après 39 en 2022 et 30 en 2021.")
    assert [(f["counts"], f["status"]) for f in figures] == [("TIS", "released")] * 3


def test_second_age_of_a_pair_is_no_figure(nlps) -> None:
    figures = run(nlps, "en", "The court sentenced two men, aged 41 and 36, to prison terms.")
    assert [f["value_text"] for f in figures] == ["two"]


def test_and_a_half_is_no_share(nlps) -> None:
    assert run(nlps, "en", "The talks lasted a year and a half.") == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "More than 5,000 people presented themselves to the army last year.", [None]),
        ("fr", "Il reste le cas de quelque 700 Marocains toujours bloqués en Syrie.", ["present"]),
        ("fr", "Selon la préfecture, 90 personnes en sont parties pour la Syrie.", ["joined"]),
    ],
)
def test_status_vocabulary(nlps, language, text, expected) -> None:
    assert statuses(nlps, language, text) == expected


def test_pas_plus_de_is_an_upper_bound(nlps) -> None:
    figure = run(nlps, "fr", "Les deux groupes ne comptent pas plus de 60 hommes.")[-1]
    assert (figure["value_text"], figure["qualifier"]) == ("pas plus de 60", "at_most")


def test_people_who_hold_something_are_not_held(nlps) -> None:
    assert statuses(nlps, "en", "Sanctions block any assets the group and its three leaders hold abroad.") == [None]
    assert statuses(nlps, "en", "The jail held 400 suspected militants.") == ["detained"]


def test_count_of_a_pronoun_is_a_part_of_the_count_before(nlps) -> None:
    whole, part = run(nlps, "en", "Some 900 people have been killed, at least 400 of them women.")
    assert part["parent"] == 0 and (whole["status"], part["status"]) == ("dead", "dead")
