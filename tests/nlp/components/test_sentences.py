"""claimgraph_sentences: boundaries set before the parser, and kept by it."""

import pytest
import spacy

from claimgraph.nlp.components import sentences  # noqa: F401  (registers the factory)
from claimgraph.nlp.pipelines import load_raw

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def nlp_fr():
    nlp = load_raw("fr")
    nlp.add_pipe("claimgraph_sentences", config={"language": "fr"}, before="parser")
    return nlp


@pytest.fixture(scope="module")
def nlp_en():
    nlp = load_raw("en")
    nlp.add_pipe("claimgraph_sentences", config={"language": "en"}, before="parser")
    return nlp


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_french_sentences_are_not_cut_inside_hyphenated_names(nlp_fr):
    text = (
        "Hayat Tahrir al-Cham contrôle la province d'Idleb depuis 2019. "
        "La fusion du Front Fatah al-Cham avec le Mouvement Nour al-Din al-Zenki donne "
        "naissance au groupe, dirigé par M. Joulani."
    )
    assert sents(nlp_fr, text) == [
        "Hayat Tahrir al-Cham contrôle la province d'Idleb depuis 2019.",
        (
            "La fusion du Front Fatah al-Cham avec le Mouvement Nour al-Din al-Zenki donne "
            "naissance au groupe, dirigé par M. Joulani."
        ),
    ]


def test_the_raw_french_parser_does_cut_there():
    # the reason the component exists: without it, the model cuts inside "al-Cham"
    nlp = load_raw("fr")
    text = "Hayat Tahrir al-Cham contrôle la province d'Idleb depuis 2019."
    assert len(list(nlp(text).sents)) > 1


def test_titles_and_datelines_are_sentences_but_wrapped_lines_are_not(nlp_en):
    text = (
        "Hurras al-Din\n\nHurras al-Din is a group. It was founded in 2018 by fighters from\n"
        "France and Syria who left HTS.\nQAMISHLI, Syria, 12 March 2024\nIraq brought home 689 people."
    )
    found = sents(nlp_en, text)
    assert found[0] == "Hurras al-Din"
    assert "It was founded in 2018 by fighters from\nFrance and Syria who left HTS." in found
    assert "Iraq brought home 689 people." in found
    assert all("al" != s and not s.startswith("-") for s in found)


def test_component_alone_sets_only_what_the_text_shows():
    nlp = spacy.blank("fr")
    nlp.add_pipe("claimgraph_sentences", config={"language": "fr"})
    doc = nlp("Le groupe al-Cham existe. Il combat.\n\nTitre")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Le", "Il", "Titre"]
    assert doc[3].is_sent_start is False and doc[4].is_sent_start is False  # "-", "Cham"


def test_english_abbreviations_do_not_end_sentences_and_names_are_not_cut(nlp_en):
    text = (
        "Kata'ib Hezbollah\n\nKata'ib Hezbollah (Arabic for \"Brigades\"; KH) is an Iraqi "
        "group. It was backed by the U.S. Army and Mr. Smith in 2003."
    )
    assert sents(nlp_en, text) == [
        "Kata'ib Hezbollah",
        "Kata'ib Hezbollah (Arabic for \"Brigades\"; KH) is an Iraqi group.",
        "It was backed by the U.S. Army and Mr. Smith in 2003.",
    ]


def test_a_double_space_after_a_full_stop_still_ends_the_sentence():
    nlp = spacy.blank("en")
    nlp.add_pipe("claimgraph_sentences", config={"language": "en"})
    doc = nlp("The group split.  Its leader left.")
    assert [t.text for t in doc if t.is_sent_start] == ["The", "Its"]
