from importlib import resources

import pytest
import yaml

from claimgraph import vocabulary
from claimgraph.errors import DataFileError
from claimgraph.nlp.figures.lexicon import load, parse


def _data() -> dict:
    text = resources.files("claimgraph.nlp").joinpath("data", "figure_lexicon.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_bundled_lexicon_uses_only_known_statuses_and_qualifiers(language: str) -> None:
    lex = load(language)
    assert {s for s in lex.status.values() if s is not None} <= vocabulary.statuses()
    assert set(lex.qualifiers.values()) <= vocabulary.qualifiers()
    assert lex.number_words and lex.vague and lex.fractions


def test_unknown_status_is_named_in_the_error() -> None:
    data = _data()
    data["status"]["en"]["vanish"] = "evaporated"
    with pytest.raises(DataFileError, match="status.en.vanish"):
        parse(data, "en")


def test_unknown_qualifier_is_named_in_the_error() -> None:
    data = _data()
    data["fr"]["qualifiers"]["grosso modo"] = "roughly"
    with pytest.raises(DataFileError, match="grosso modo"):
        parse(data, "fr")


def test_missing_section_is_named() -> None:
    data = _data()
    del data["en"]["number_words"]
    with pytest.raises(DataFileError, match="number_words"):
        parse(data, "en")


def test_unknown_language() -> None:
    with pytest.raises(DataFileError, match="de"):
        parse(_data(), "de")


def test_noun_status_is_read_noun_to_status_and_checked() -> None:
    lex = load("en")
    assert lex.noun_status["fighters"] == "present" and lex.noun_status["revenants"] == "returned"
    data = _data()
    data["cohort"]["noun_status"]["enrolled"] = ["cadets"]
    with pytest.raises(DataFileError, match="noun_status.enrolled"):
        parse(data, "en")


@pytest.mark.parametrize(
    ("word", "people"),
    [("salafists", True), ("islamistes", True), ("terroristes", True), ("lists", False), ("pistes", False)],
)
def test_person_suffixes_make_long_plural_nouns_people(word: str, people: bool) -> None:
    assert load("fr").is_person_noun(word) is people


def test_person_suffixes_need_a_positive_min_length() -> None:
    data = _data()
    data["cohort"]["person_suffixes"]["min_length"] = 0
    with pytest.raises(DataFileError, match="person_suffixes.min_length"):
        parse(data, "en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_amount_verbs_are_loaded(language: str) -> None:
    assert load(language).amount_verbs
