import pytest

from claimgraph.nlp import pipelines


@pytest.fixture(scope="module")
def nlp():
    return pipelines.load("en")


def _place_of(nlp, text: str, value: float) -> str | None:
    doc = nlp(text)
    return next(figure["place"] for figure in doc._.figures if figure["value"] == value)


@pytest.mark.models
def test_this_enclave_refers_to_a_place_named_earlier_in_the_paragraph(nlp) -> None:
    text = "Hayat Tahrir al-Sham controls Idlib. About 170 French people live in this enclave."
    assert _place_of(nlp, text, 170) == "Idlib"


@pytest.mark.models
def test_this_enclave_does_not_reach_back_across_a_paragraph(nlp) -> None:
    text = "The last battle was fought in Baghouz.\n\nAbout 170 French people live in this enclave."
    assert _place_of(nlp, text, 170) is None


@pytest.mark.models
def test_parts_of_a_count_take_its_nationality_unless_they_give_their_own(nlp) -> None:
    doc = nlp("Of the 900 Belgians who left, 200 adults have returned and 40 Moroccans are detained.")
    cohorts = {figure["value"]: figure["cohort"] for figure in doc._.figures}
    assert cohorts[900]["nationality"] == "Belgian"
    assert cohorts[200]["nationality"] == "Belgian"
    assert cohorts[40]["nationality"] == "Moroccan"


@pytest.mark.models
@pytest.mark.parametrize(
    ("language", "text", "value", "place"),
    [
        ("en", "More than 10,000 women are held in the al-Hol and Roj camps.", 10000, "al-Hol and Roj camps"),
        ("fr", "Une centaine de femmes sont retenues dans les camps d'al-Hol et de Roj.", 100, "camps d'al-Hol et de Roj"),
    ],
)
def test_two_named_camps_are_the_place_with_their_common_noun(language, text, value, place) -> None:
    assert _place_of(pipelines.load(language), text, value) == place
