"""Tests of the claimgraph_dates component on sentences written for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp import pipelines
from claimgraph.nlp.components.dates import event_filters, find_date_expressions

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


def expressions(doc: Doc, role: str) -> list[tuple[str, str]]:
    return [(e["text"], e["iso"]) for e in find_date_expressions(doc) if e["role"] == role]


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


def test_a_written_weekday_chooses_the_year(en: Run, fr: Run) -> None:
    doc = en(
        "The government, which has run the city since the end of 2017, announced on Tuesday "
        "19 March the release of 420 detainees.",
        "2024-03-21",
    )
    assert ("on Tuesday 19 March", "2024-03-19") in dates(doc)  # not 2017: a Sunday then
    doc = fr(
        "Le gouvernement, en place depuis 2017, a annoncé mardi 19 mars la libération de "
        "420 détenus.",
        "2024-03-21",
    )
    assert [iso for _, iso in dates(doc)] == ["2017", "2024-03-19"]


def test_dates_of_levels_and_stocks_are_not_events(en: Run) -> None:
    doc = en(
        "The camp hosted 43,400 people, down from a peak of more than 73,000 in early 2019. "
        "Our dataset puts HTS strength at 12,000 fighters in mid-2017. By 2020 fewer than "
        "1,000 remained. Iraq brought home 689 of its nationals on 11 March 2024."
    )
    assert dates(doc) == [("on 11 March 2024", "2024-03-11")]
    assert [text for text, _ in expressions(doc, "count")] == [
        "in early 2019",
        "in mid-2017",
        "By 2020",
    ]


def test_french_dates_of_stocks_are_not_events(fr: Run) -> None:
    doc = fr(
        "À la mi-2024, une trentaine d'enfants vivaient toujours au camp de Roj. "
        "Au total, 1 910 ressortissants étaient impliqués dans les filières au 31 décembre "
        "2016. Depuis 2019, le gouvernement a rapatrié 43 enfants."
    )
    assert dates(doc) == [("Depuis 2019", "2019")]
    assert [iso for _, iso in expressions(doc, "count")] == ["2024", "2016-12-31"]


def test_a_date_of_the_first_of_two_coordinated_verbs_stays_an_event(en: Run) -> None:
    doc = en(
        "The unit has been based in Idlib since 2014 and still counts several hundred fighters."
    )
    assert dates(doc) == [("since 2014", "2014")]
    doc = en("In 2014, the group had 500 fighters.")
    assert dates(doc) == []


def test_a_dateline_is_an_event_only_when_the_text_ties_it_to_that_day(en: Run, fr: Run) -> None:
    doc = en(
        "QAMISHLI, Syria, 12 March 2024 — Iraq brought home 689 nationals on 11 March, officials said.",
        "2024-03-12",
    )
    assert dates(doc) == [("on 11 March", "2024-03-11")]
    assert expressions(doc, "context") == [("12 March 2024", "2024-03-12")]
    doc = en("March 10, 2021\n\nThe Department of State has today designated ISIS-DRC.")
    assert dates(doc) == [("March 10, 2021", "2021-03-10")]
    doc = fr(
        "PARIS, 4 juillet 2023 (AFP) - La France a rapatrié dix femmes, a annoncé mardi le "
        "ministère.",
        "2023-07-04",
    )
    # "mardi" is that day: the dateline dates the event (and so does "mardi", a relative date)
    assert dates(doc) == [("4 juillet 2023", "2023-07-04"), ("mardi", "2023-07-04")]
    doc = fr(
        "BERLIN, 5 octobre 2022 (AFP) - L'Allemagne a rapatrié le 3 octobre quatre femmes.",
        "2022-10-05",
    )
    assert dates(doc) == [("le 3 octobre", "2022-10-03")]


def test_event_filters_load_for_every_language() -> None:
    for language in ("en", "fr"):
        filters = event_filters(language)
        assert filters.stock_nouns and filters.time_nouns and filters.same_day_words
    assert "au" in event_filters("fr").day_reference_preps
