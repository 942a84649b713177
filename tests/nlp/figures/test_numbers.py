import pytest

from claimgraph.nlp.figures.lexicon import load
from claimgraph.nlp.figures.numbers import parse_numeral, parse_words


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("1,490", "en", 1490),
        ("1 490", "en", 1490),
        ("2.5", "en", 2.5),
        ("1.500", "en", 1.5),
        ("12", "en", 12),
        ("1 490", "fr", 1490),
        ("1\u00a0490", "fr", 1490),
        ("15\u202f000", "fr", 15000),
        ("1.500", "fr", 1500),
        ("2,5", "fr", 2.5),
        ("1 234,5", "fr", 1234.5),
    ],
)
def test_parse_numeral_reads_each_form(text: str, language: str, value: float) -> None:
    assert parse_numeral(text, language) == value


@pytest.mark.parametrize("text", ["01", "2014-1353", "13th", "abc", "", "1,49,0"])
def test_parse_numeral_returns_none_for_what_is_not_a_number(text: str) -> None:
    assert parse_numeral(text, "en") is None


@pytest.mark.parametrize(
    ("words", "language", "value"),
    [
        (["four", "hundred"], "en", 400),
        (["two", "hundred", "and", "fifty"], "en", 250),
        (["twenty", "-", "five"], "en", 25),
        (["fifty"], "en", 50),
        (["three", "thousand"], "en", 3000),
        (["vingt-cinq"], "fr", 25),
        (["quatre-vingt-dix-neuf"], "fr", 99),
        (["deux", "cents"], "fr", 200),
        (["trois", "mille"], "fr", 3000),
        (["quatre", "vingts"], "fr", 80),
    ],
)
def test_parse_words(words: list[str], language: str, value: int) -> None:
    lex = load(language)
    assert parse_words(words, lex.number_words, lex.multipliers, lex.number_joiners) == value


def test_parse_words_rejects_other_words() -> None:
    lex = load("en")
    assert parse_words(["four", "corners"], lex.number_words, lex.multipliers) is None
    assert parse_words([], lex.number_words, lex.multipliers) is None
