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
