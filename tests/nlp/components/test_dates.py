"""Tests of the claimgraph_dates component on sentences written for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp import pipelines
from claimgraph.nlp.components.dates import find_date_expressions

pytestmark = pytest.mark.models

Run = Callable[[str, str | None], Doc]


def _runner(nlp: Language) -> Run:
    def run(text: str, published: str | None = None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.published = published
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc

    return run


@pytest.fixture(scope="module")
def en() -> Run:
    return _runner(_bare("en"))


@pytest.fixture(scope="module")
def fr() -> Run:
    return _runner(_bare("fr"))


def _bare(language: str) -> Language:
    nlp = pipelines.load_raw(language)
    nlp.add_pipe("claimgraph_dates", config={"language": language})
    return nlp


def dates(doc: Doc) -> list[tuple[str, str]]:
    return [(date["text"], date["iso"]) for date in doc._.dates]


def test_english_event_dates(en: Run) -> None:
    doc = en("The group was founded on 3 March 2012 and dissolved in mid-2014.")
    assert dates(doc) == [("on 3 March 2012", "2012-03-03"), ("in mid-2014", "2014")]
    assert "founded" in doc._.dates[0]["event"]
    assert all(not date["relative"] for date in doc._.dates)


def test_interval_gives_two_dates_and_counts_are_not_years(en: Run) -> None:
    doc = en(
        "Between 2013 and 2015, some 1500 fighters left; 2000 km of border were closed "
        "under resolution 2178."
    )
    assert [iso for _, iso in dates(doc)] == ["2013", "2015"]


def test_relative_dates_use_the_publication_date(en: Run) -> None:
    doc = en(
        "On Tuesday, the court sentenced him. Yesterday, police arrested two men.", "2024-05-09"
    )
    assert [iso for _, iso in dates(doc)] == ["2024-05-07", "2024-05-08"]
    assert all(date["relative"] for date in doc._.dates)
    assert en("On Tuesday, the court sentenced him.", None)._.dates == []


def test_year_from_the_end_of_the_interval(en: Run) -> None:
    doc = en("Fighting raged from 20 December to 5 January 2016 around the city.")
    assert [iso for _, iso in dates(doc)] == ["2015-12-20", "2016-01-05"]


def test_reference_dates_go_to_figures_not_to_events(en: Run) -> None:
    doc = en(
        "Last year the camp was expanded. As of March 2023, the camp holds 40,000 people.",
        "2024-05-09",
    )
    assert dates(doc) == [("Last year", "2023")]
    references = [e for e in find_date_expressions(doc, "en") if e["role"] == "reference"]
    assert [(e["iso"], e["role"]) for e in references] == [("2023-03", "reference")]


def test_names_decades_and_durations_are_not_dates(en: Run) -> None:
    doc = en(
        "The Vision 2030 plan, drafted in the 1990s over four years, was announced today.",
        "2016-04-25",
    )
    assert dates(doc) == []


def test_french_event_dates(fr: Run) -> None:
    doc = fr(
        "Le groupe est fondé le 1er mars 2012 et dissous mi-2014. De 2014 à 2017, près de "
        "1500 combattants ont rejoint la Syrie."
    )
    assert [iso for _, iso in dates(doc)] == ["2012-03-01", "2014", "2014", "2017"]


def test_french_relative_and_reference(fr: Run) -> None:
    doc = fr(
        "Mardi, la police a arrêté deux hommes. Au 1er janvier 2020, le camp compte 68 000 "
        "personnes.",
        "2024-05-09",
    )
    assert dates(doc) == [("Mardi", "2024-05-07")]
    references = [e["iso"] for e in find_date_expressions(doc, "fr") if e["role"] == "reference"]
    assert references == ["2020-01-01"]


def test_french_gaps_have_no_date(fr: Run) -> None:
    doc = fr(
        "L'attentat du musée le et la tuerie du théâtre le , puis en , selon le ministère, "
        "800 hommes combattent."
    )
    assert dates(doc) == []


def test_mentions_have_every_key(fr: Run) -> None:
    (mention,) = fr("Il est condamné le 07/01/2019 à dix ans de prison.")._.dates
    assert set(mention) == {"start", "end", "text", "iso", "event", "relative"}
    assert mention["iso"] == "2019-01-07"
