"""Tests of claimgraph.nlp.dates_parse: values, data file and grammar (no spaCy model)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimgraph.errors import DataFileError
from claimgraph.nlp.dates_parse import (
    PartialDate,
    grammar,
    last_weekday,
    load_cues,
    parse_date,
    parse_iso,
    shift,
)


def test_partial_date_iso_keeps_the_precision_written() -> None:
    assert PartialDate(2018).iso == "2018"
    assert PartialDate(2018, 2).iso == "2018-02"
    assert PartialDate(2018, 2, 7).iso == "2018-02-07"
    assert PartialDate(None, 2, 7).iso is None


def test_year_less_date_takes_the_last_year_before_the_reference() -> None:
    assert PartialDate(None, 12, 17).latest_on_or_before(date(2015, 6, 19)) == PartialDate(
        2014, 12, 17
    )
    assert PartialDate(None, 1, 7).latest_on_or_before(date(2015, 6, 19)) == PartialDate(2015, 1, 7)
    assert PartialDate(None, 6).latest_on_or_before(date(2015, 6, 1)) == PartialDate(2015, 6)
    assert PartialDate(None, 2, 30).with_year(2016) is None


def test_shift_and_weekday() -> None:
    assert shift(date(2024, 1, 1), "day", -1) == PartialDate(2023, 12, 31)
    assert shift(date(2024, 1, 15), "month", -1) == PartialDate(2023, 12)
    assert shift(date(2024, 1, 15), "year", -1) == PartialDate(2023)
    # 2024-05-09 is a Thursday; the last Tuesday on or before it is the 7th
    assert last_weekday(date(2024, 5, 9), 1) == PartialDate(2024, 5, 7)


def test_parse_iso() -> None:
    assert parse_iso("2016-11-10") == date(2016, 11, 10)
    assert parse_iso("2016") == date(2016, 1, 1)
    assert parse_iso("soon") is None
    assert parse_iso(None) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3 March 2012", "2012-03-03"),
        ("April 25th, 2016", "2016-04-25"),
        ("the 4th of July 1999", "1999-07-04"),
        ("Sept. 2014", "2014-09"),
        ("in mid-2014", "2014"),
        ("by late 2023", "2023"),
        ("in the summer of 2015", "2015"),
        ("2016-11-10", "2016-11-10"),
        ("14/05/2020", "2020-05-14"),
    ],
)
def test_english_forms(text: str, iso: str) -> None:
    parsed = parse_date(text, "en")
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("le 1er mars 2012", "2012-03-01"),
        ("mardi 7 janvier 2020", "2020-01-07"),
        ("en février 2014", "2014-02"),
        ("fin mars 2019", "2019-03"),
        ("Fin 2018", "2018"),
        ("mi-2014", "2014"),
        ("au début de 1991", "1991"),
        ("à l’automne 2016", "2016"),
        ("07/01/2019", "2019-01-07"),
    ],
)
def test_french_forms(text: str, iso: str) -> None:
    parsed = parse_date(text, "fr")
    assert parsed is not None and parsed.iso == iso


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("four years", "en"),
        ("13224", "en"),
        ("the 1990s", "en"),
        ("may 2016", "en"),  # lower-case "may" is the verb
        ("03/04/2015", "en"),  # month-first or day-first: ambiguous
        ("2 000", "fr"),
        ("15 000 à 25 000", "fr"),
        ("le et la", "fr"),
        ("Mars", "fr"),
    ],
)
def test_what_is_not_a_date(text: str, language: str) -> None:
    assert parse_date(text, language) is None


def test_relative_forms_need_the_publication_date() -> None:
    published = date(2024, 5, 9)
    assert parse_date("yesterday", "en") is None
    assert parse_date("yesterday", "en", published) == PartialDate(2024, 5, 8)
    assert parse_date("l’an dernier", "fr", published) == PartialDate(2023)
    assert parse_date("December 17", "en", date(2015, 6, 19)) == PartialDate(2014, 12, 17)
    assert parse_date("en janvier", "fr", published) == PartialDate(2024, 1)


def test_scan_finds_both_ends_of_intervals() -> None:
    text = "Fighting went on from 2011 to 2014, then 2016-18, and entre 2013 et 2015."
    isos = [raw.value.iso for raw in grammar("en").scan(text)]
    assert isos[:4] == ["2011", "2014", "2016", "2018"]
    french = [raw.value.iso for raw in grammar("fr").scan("entre 2013 et 2016")]
    assert french == ["2013", "2016"]


def test_scan_keeps_the_preposition_in_the_text() -> None:
    text = "It was set up in 2014 and has grown since March 2020."
    found = [text[raw.start : raw.end] for raw in grammar("en").scan(text)]
    assert found == ["in 2014", "since March 2020"]


def test_a_day_range_gives_its_first_day() -> None:
    (raw,) = grammar("fr").scan("du 3 au 5 mars 2019")
    assert raw.value.iso == "2019-03-03"


def test_bundled_cues_load() -> None:
    cues = load_cues()
    assert cues["en"].months["february"] == 2
    assert cues["fr"].months["août"] == 8


def test_bad_data_file_names_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("en:\n  months: {january: 13}\nfr: {}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="months"):
        load_cues(str(bad))


def test_yaml_booleans_are_caught(tmp_path: Path) -> None:
    source = (Path(__file__).parents[2] / "src/claimgraph/nlp/data/date_cues.yaml").read_text(
        "utf-8"
    )
    bad = tmp_path / "cues.yaml"
    bad.write_text(source.replace('"on", from', "on, from"), encoding="utf-8")
    with pytest.raises(DataFileError, match="prepositions"):
        load_cues(str(bad))
