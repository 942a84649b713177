"""Status, place and as_of rules of the figure component that must hold beyond the
development corpus: one group of sentences per failure category, written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.models



# 1. transitive verbs whose object is the count -------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Belgium repatriated 14 orphans last spring.", ["returned"]),
        ("en", "The flight brought 12 mothers and 30 children back to Brussels.", ["returned", "returned"]),
        ("en", "Kurdish officials said the site hosted 9,500 people.", ["present"]),
        ("en", "The annex held 3,100 people in the summer.", ["present"]),
        ("en", "The jail held 400 suspected militants.", ["detained"]),
        ("en", "Analysts put it at between 300 and 500 fighters.", ["present", "present"]),
        ("fr", "La Belgique a rapatrié 14 enfants et six mères.", ["returned", "returned"]),
        ("fr", "Le site abritait 9 500 personnes.", ["present"]),
    ],
)
def test_status_from_the_verb_of_the_object(language, text, expected, statuses_of) -> None:
    assert statuses_of(language, text) == expected


def test_part_of_a_repatriated_total_is_returned(figures_of) -> None:
    total, part = figures_of("en", "Several states repatriated 2,400 of their citizens, including 900 minors.")
    assert part["parent"] == 0 and (total["status"], part["status"]) == ("returned", "returned")
    assert "citizens" in total["counts"]


# 2. passive, reflexive, nominal predicates -------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("en", "Nearly 90 were charged and placed in pre-trial detention.", "detained"),
        ("en", "Eleven were taken into custody at the airport.", "detained"),
        ("en", "Four were freed under judicial supervision.", "released"),
        ("fr", "Environ 200 sont présumés décédés.", "dead"),
        ("fr", "Une quinzaine sont portées disparues.", "missing"),
        ("fr", "Quelque 320 sont revenues en Belgique.", "returned"),
        ("fr", "Neuf ont été placés en garde à vue.", "detained"),
        ("fr", "Deux ont été remis en liberté.", "released"),
        ("fr", "Une soixantaine de jeunes se sont rendus en Irak.", "joined"),
        ("fr", "Ils seraient entre 70 et 90 dans la province.", "present"),
        ("fr", "Il resterait une centaine de mineurs dans les camps.", "present"),
    ],
)
def test_passive_reflexive_and_nominal_predicates(language, text, status, figures_of) -> None:
    assert figures_of(language, text)[0]["status"] == status


# 3. coordinated counts share the verb ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("en", "Between 20 and 35 Belgian men are detained in prisons in the north.", "detained"),
        ("fr", "La cellule compte une vingtaine de combattants et plus d'une trentaine d'enfants.", "present"),
        ("fr", "Entre 20 et 35 hommes belges sont détenus dans des prisons.", "detained"),
    ],
)
def test_coordinated_counts_share_the_status(language, text, status, statuses_of) -> None:
    assert set(statuses_of(language, text)) == {status}


# 4. shares defined by an attribute carry no status ---------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "value_text", "status"),
    [
        ("en", "Women make up 41% of the detainees.", "41%", None),
        ("en", "Syrians account for about 30% of the residents.", "about 30%", None),
        ("en", "The town houses 8,000 people, a quarter of them migrants.", "a quarter", None),
        ("en", "About half were killed in air strikes.", "About half", "dead"),
        ("fr", "Les femmes représentent 41 % des détenus.", "41 %", None),
        ("fr", "La province compte 3 millions d'habitants, dont 1,2 million de déplacés.", "1,2 million", None),
    ],
)
def test_shares_defined_by_an_attribute(language, text, value_text, status, figures_of) -> None:
    figure = next(f for f in figures_of(language, text) if f["value_text"] == value_text)
    assert figure["status"] == status


# 5. the main verb wins over a participle of a later noun -----------------------------------


def test_headline_main_verb_wins(figures_of) -> None:
    figure = figures_of("fr", "La Belgique rapatrie une dizaine d'enfants et leurs mères détenus dans le camp de Roj.")[0]
    assert figure["status"] == "returned"


def test_coordinated_passive_verb_with_held(figures_of) -> None:
    (figure,) = figures_of("en", "Dozens of teenagers were taken from the camp and are held in detention centres.")
    assert figure["status"] == "detained"


# 6. comparisons and time phrases ----------------------------------------------------------


def test_contre_takes_the_earlier_figure_and_its_own_date(figures_of) -> None:
    now, before = figures_of("fr", "Ils étaient 210 en 2022, contre 180 fin 2020.")
    assert before["counts"] != "fin 2020" and "2020" not in before["counts"]
    assert before["status"] == now["status"] == "present"
    assert (now["as_of"], before["as_of"]) == ("2022", "2020")


def test_down_from_a_peak(figures_of) -> None:
    now, peak = figures_of("en", "The camp held 31,000 people, down from a peak of more than 60,000 in early 2020.")
    assert now["as_of"] is None and peak["as_of"] == "2020"
    assert "people" in peak["counts"] and peak["status"] == now["status"] == "present"


# place and as_of ---------------------------------------------------------------------------


def test_as_of_reference_date_and_place_in_the_clause(figures_of) -> None:
    (figure,) = figures_of("en", "As of 31 March 2022, 1,100 foreign women were held in Kurdish camps.")
    assert figure["as_of"] == "2022-03-31"
    assert figure["place"] == "Kurdish camps"
    (figure,) = figures_of("fr", "Au 1er mars 2023, 250 Belges étaient détenus dans des camps kurdes.")
    assert figure["as_of"] == "2023-03-01"
    assert figure["status"] == "detained"


# 7. what is not a count ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "12. Member states reported new arrests."),  # a paragraph number
        ("en", "The militia fields Brigades 12, 13 and 14."),  # a list of names
        ("en", "The Twenty-first report was released."),  # an ordinal
        ("fr", "Elle est poursuivie en vertu de l'article 222-4-1 du code pénal."),
        ("fr", "Il s'agit de l'article R. 114-2 du code."),
        ("fr", "Les familles peuvent appeler le 0 800 123 456."),  # a phone number
        ("fr", "Ils ont été condamnés à douze et quinze ans de prison."),  # shared time unit
        ("fr", "Le groupe opère dans la région des trois frontières."),
        ("fr", "Tous deux ont été arrêtés à Paris."),
    ],
)
def test_labels_codes_and_idioms_are_not_figures(language, text, figures_of) -> None:
    assert figures_of(language, text) == []


def test_numbered_paragraph_keeps_its_counts(figures_of) -> None:
    (figure,) = figures_of("en", "The report\n\n7. About 300 fighters remain in the area.")
    assert figure["value"] == 300


@pytest.mark.parametrize(
    ("language", "text", "value", "low"),
    [
        ("en", "The province has more than 3 million and 400 thousand people.", 3_400_000, 3_400_000),
        ("en", "The leaders took several hundred fighters with them.", None, 200),
        ("en", "The SDF runs some three dozen prisons.", 36, None),
        ("en", "The group has 4,000 fighters, roughly a fifth of them abroad.", 0.2, None),
    ],
)
def test_compound_vague_and_fraction_values(language, text, value, low, figures_of) -> None:
    figure = figures_of(language, text)[-1]
    assert (figure["value"], figure["low"]) == (value, low)


def test_anaphoric_total_after_a_comma_is_a_figure(figures_of) -> None:
    total, part = figures_of("fr", "Au 1er mars 2023, sur ces 300 personnes, 80 sont rentrées.")
    assert (total["value"], part["parent"]) == (300, 0)


# 8. the noun implies the status when no verb gives one --------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Estimates of the militia's size range between 2,000 and 3,000 fighters.", ["present", "present"]),
        ("fr", "Le mouvement aligne environ 800 combattants.", ["present"]),
        ("fr", "Depuis 2016, 230 « revenants » ont été jugés à Paris.", ["returned"]),
        ("fr", "L'attaque de la caserne a fait 45 morts.", ["dead"]),
        ("en", "The strike killed the commander and six others.", ["dead"]),
        ("en", "The blast killed four soldiers and wounded 30.", ["dead", None]),
        ("en", "About 40 prisoners escaped during the attack.", [None]),
    ],
)
def test_status_implied_by_the_counted_noun(language, text, expected, statuses_of) -> None:
    assert statuses_of(language, text) == expected


def test_share_of_an_event_noun_takes_its_status(figures_of) -> None:
    (figure,) = figures_of("en", "Syria accounted for half of all returns.")
    assert figure["status"] == "returned" and "returns" in figure["counts"]


# 9. verbs, clauses and nouns of the domain -------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("en", "About 70 men suspected of having fought for the group are detained in Kurdish prisons.", "detained"),
        ("fr", "Quelque 300 hommes soupçonnés d'avoir combattu pour Daech sont incarcérés à Hassaké.", "detained"),
        ("fr", "En 2022, 40 détenus condamnés pour terrorisme ont été libérés.", "released"),
        ("fr", "Selon la police, une vingtaine restent portés disparus.", "missing"),
        ("en", "Iraq brought home 540 of its citizens.", "returned"),
        ("fr", "La cour a condamné trois hommes à de la prison ferme.", "detained"),
        ("en", "The group's armed wing, the SDF, holds about 5,000 fighters in a dozen prisons.", "detained"),
        ("fr", "La brigade, forte de 400 hommes, opère dans le nord.", "present"),
        ("fr", "Le groupe revendique 5 000 hommes.", "present"),
    ],
)
def test_domain_verbs_and_clauses(language, text, status, figures_of) -> None:
    assert figures_of(language, text)[0]["status"] == status


@pytest.mark.parametrize(
    ("language", "text", "counts", "status"),
    [
        ("en", "Air strikes killed 20 of its fighters.", "fighters", "dead"),
        ("fr", "La police a arrêté 30 de ses membres.", "membres", "detained"),
        ("en", "Iraq brought home 540 of its citizens.", "citizens", "returned"),
    ],
)
def test_partitive_number_counts_the_noun(language, text, counts, status, figures_of) -> None:
    (figure,) = figures_of(language, text)
    assert (figure["counts"], figure["status"]) == (counts, status)


# 10. pronoun headcounts, coordination and shares ----------------------------------------------


def test_pronoun_headcount_before_a_range(figures_of) -> None:
    figures = figures_of("fr", "Selon un responsable, elles seraient entre 60 et 80, dont une trentaine d'enfants.")
    assert [f["status"] for f in figures] == ["present", "present", "present"]


def test_first_conjunct_shares_the_verb_of_the_second(statuses_of) -> None:
    text = "Une trentaine de Belges et quelque 90 enfants se trouveraient encore dans les camps."
    assert statuses_of("fr", text) == ["present", "present"]


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("fr", "Quelque 300 enfants vivent dans le camp, la moitié d'entre eux y étant nés.", None),
        ("en", "The site housed about 3,000 people as of May, a third of them foreigners.", None),
        ("en", "The group has 4,000 fighters, roughly a fifth of them deployed in Libya.", "present"),
    ],
)
def test_share_status_from_its_own_words(language, text, status, figures_of) -> None:
    share = next(f for f in figures_of(language, text) if f["unit"] == "share")
    assert share["status"] == status


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", "Women make up 30% of the detainees.", "Women"),
        ("en", "Nearly two thirds of all residents are children.", "children"),
        ("fr", "Les femmes représentent 41 % des détenus.", "femmes"),
    ],
)
def test_share_counts_name_who_makes_it_up(language, text, word, figures_of) -> None:
    (figure,) = figures_of(language, text)
    assert word in figure["counts"] and figure["status"] is None


# 11. a total recalled from an earlier sentence; parts of counts of people ---------------------


def test_recalled_total_takes_the_earlier_count(figures_of) -> None:
    first, again, part = figures_of("en", "Belgium brought 18 women back from Roj. Of the 18, 11 were taken into custody.")
    assert again["status"] == first["status"] == "returned" and "women" in again["counts"]
    assert part["parent"] == 1 and part["status"] == "detained"
    first, again, part = figures_of("fr", "Environ 300 Belges sont partis en Syrie. Sur ces 300 personnes, 80 sont rentrées.")
    assert (again["status"], part["status"]) == ("joined", "returned")


def test_part_of_people_is_not_a_part_of_things(figures_of) -> None:
    total, _camps, part = figures_of("en", "Governments repatriated 900 citizens from the three camps, including 500 children.")
    assert part["parent"] == 0 and part["status"] == total["status"] == "returned"


# 12. parts announced at the start of the next sentence; counts named by their subject ---------


@pytest.mark.parametrize(
    ("language", "text", "counts", "status"),
    [
        ("en", "France repatriated 300 citizens last year. Among them were 40 children.", "children", "returned"),
        ("en", "France repatriated 300 citizens last year. Among them, 40 remain in custody.", "citizens", "detained"),
        ("fr", "Depuis 2014, 412 « revenants » ont été jugés à Paris. Parmi eux figurent 178 femmes.", "femmes", "returned"),
    ],
)
def test_part_marker_opening_the_next_sentence(language, text, counts, status, figures_of) -> None:
    _total, part = figures_of(language, text)
    assert part["parent"] == 0 and counts in part["counts"] and part["status"] == status


def test_dont_inside_a_sentence_is_not_a_part_of_the_sentence_before(figures_of) -> None:
    text = "La France a rapatrié 40 enfants. Les mères, dont deux étaient recherchées, ont été entendues."
    assert figures_of("fr", text)[-1]["parent"] is None


@pytest.mark.parametrize(
    ("language", "text", "word", "status"),
    [
        ("en", "According to officials, the number of the residents of the town is 90,000 person.", "residents", "present"),
        ("en", "The number of foreign fighters is estimated at 4,000.", "fighters", "present"),
    ],
)
def test_number_of_subject_names_the_count(language, text, word, status, figures_of) -> None:
    (figure,) = figures_of(language, text)
    assert word in figure["counts"] and figure["status"] == status


def test_noun_with_complement_noun_as_cue(figures_of) -> None:
    text = "Le gouvernement a rapatrié 15 mères ; parmi ces dernières, neuf ont été placées sous mandat d'arrêt."
    _total, part = figures_of("fr", text)
    assert part["parent"] == 0 and part["status"] == "detained" and "mères" in part["counts"]


def test_a_warrant_alone_is_no_detention(statuses_of) -> None:
    text = "Les mères, dont deux faisaient l'objet d'un mandat d'arrêt, ont été entendues."
    assert statuses_of("fr", text) == [None]


def test_this_enclave_is_the_one_location_of_the_title_when_the_paragraph_names_none():
    from claimgraph.nlp.pipelines import load

    text = (
        "Who are the foreign fighters holed up in Idlib, Syria?\n\n"
        "In northwest Syria, near the Turkish border, a stronghold remains. About 170 French "
        "people live in this enclave of 3,000 square kilometres."
    )
    doc = load("en")(text)
    figure = next(f for f in doc._.figures if f["value"] == 170)
    assert figure["place"] == "Idlib"


# 13. which clause names the status now ------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a later clause with a subject of its own is about someone else's act
        ("en", "Police arrested more than 1,000 people in raids, before they released most of them.", ["detained"]),
        # a relative pronoun stands for the holder: a prison holds detainees
        ("en", "Gunmen stormed the prison, which was holding about 3,500 detainees.", ["detained"]),
        ("en", "They reached the jail, which held 400 men.", ["detained"]),
        ("fr", "Les assaillants ont visé la prison, qui détenait 3 500 hommes.", ["detained"]),
        # the counted people's own clause tells who they are; the main verb, their state now
        ("en", "In Kazakhstan, 31 of the women who came back were later sentenced to prison.", ["detained"]),
        ("fr", "Une centaine de personnes liées à l'Allemagne seraient encore détenues en Syrie.", ["detained"]),
        # a participle standing for the noun is the count's own predicate
        ("fr", "Une quarantaine se trouvent sur place, dont une vingtaine détenues dans les prisons.", ["present", "detained"]),
        # a verb that rules out a status gives way to a coordinated one that names it
        ("fr", "Plus de 2 000 détenus sont poursuivis ou condamnés pour terrorisme.", ["detained"]),
        ("en", "Fewer than a dozen were prosecuted.", [None]),
    ],
)
def test_clause_that_names_the_status_now(language, text, expected, statuses_of) -> None:
    assert statuses_of(language, text) == expected


def test_total_opener_keeps_the_status_of_its_own_clause(statuses_of) -> None:
    text = "Of the 1,490 Frenchmen who have joined the region since 2012, 500 are presumed dead."
    assert statuses_of("en", text) == ["joined", "dead"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The fate of between 100 and 150 detainees is still unknown.", ["missing", "missing"]),
        ("fr", "On ignore le sort de 40 otages.", ["missing"]),
        ("en", "Experts attribute to the group the deaths of more than 800 civilians in 2020.", ["dead"]),
        ("fr", "Une opération a permis le retour de six mères et de dix enfants.", ["returned", "returned"]),
        ("fr", "Près de la moitié des départs concernent la Région de Bruxelles.", ["joined"]),
        ("en", "Nearly half of the departures took place in 2014.", ["joined"]),
    ],
)
def test_nouns_of_the_event_give_the_status(language, text, expected, statuses_of) -> None:
    assert statuses_of(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # nouns of people by belief, trade or office, and verb forms parsed as nouns
        ("fr", "Plus de 1 150 islamistes ont quitté l'Allemagne pour rejoindre la Syrie.", ["joined"]),
        ("en", "Some 300 salafists travelled to Syria.", ["joined"]),
        ("fr", "Une embuscade près de Tongo Tongo tue quatre soldats américains et quatre militaires nigériens.", ["dead", "dead"]),
        ("en", "The attack killed 12 aid workers.", ["dead"]),
        ("fr", "Une soixantaine d'hommes armés y seraient encore retranchés.", ["present"]),
        ("fr", "Trois des femmes ont été interpellées à l'aéroport.", ["detained"]),
        ("fr", "Les tribunaux ont condamné plusieurs dizaines de « revenantes ».", ["detained"]),
    ],
)
def test_domain_vocabulary_of_people_and_verbs(language, text, expected, statuses_of) -> None:
    assert statuses_of(language, text) == expected


# 14. counts named elsewhere: the subject of a verb of amount, a pronoun's referent ------------


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", "Foreign fighters, mostly from Kenya, are believed to number in the hundreds.", "fighters"),
        ("en", "Its fighters number about 5,000.", "fighters"),
        ("fr", "Ses combattants seraient au nombre de 5 000.", "combattants"),
    ],
)
def test_subject_of_a_verb_of_amount_is_counted(language, text, word, figures_of) -> None:
    (figure,) = figures_of(language, text)
    assert word in figure["counts"] and figure["status"] == "present"


def test_number_as_a_label_is_still_no_count(figures_of) -> None:
    assert figures_of("en", "See number 5 in the list.") == []


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        (
            "fr",
            (
                "Les femmes, dont la plus jeune a 22 ans, ont été remises à la justice. Selon le parquet, "
                "12 d'entre elles ont été placées en garde à vue."
            ),
            "femmes",
        ),
        ("en", "The women were handed to the courts on arrival. Twelve of them were placed in custody.", "women"),
        ("fr", "Combien de Français vivent encore dans l'enclave ? Ils seraient entre 150 et 200.", "Français"),
    ],
)
def test_pronoun_count_takes_the_people_named_before(language, text, word, figures_of) -> None:
    figures = figures_of(language, text)
    assert figures and all(word in f["counts"] for f in figures)


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("en", "ISWAP commands some 7,000 fighters, about 40 per cent of them on islands in Lake Chad.", "present"),
        ("fr", "Le groupe compte 3 000 combattants, dont un tiers d'entre eux en Irak.", "present"),
    ],
)
def test_share_of_them_in_a_place_is_present(language, text, status, statuses_of) -> None:
    assert statuses_of(language, text)[-1] == status


@pytest.mark.parametrize(
    ("language", "text", "places"),
    [
        ("fr", "Au total, 163 sont décédées et 134 sont revenues en Belgique.", [None, "Belgique"]),
        ("en", "Overall, 500 died and 300 returned to France.", [None, "France"]),
        # (not "repatriated ... from Syria": an origin is no place; see test_context_passage)
        ("en", "Kurdish forces detained 25 women and 47 children in Syria.", ["Syria", "Syria"]),
    ],
)
def test_place_after_another_count_with_its_own_verb_is_not_shared(language, text, places, figures_of) -> None:
    assert [f["place"] for f in figures_of(language, text)] == places


@pytest.mark.parametrize(
    ("language", "text", "status"),
    [
        ("fr", "On compte 2,8 millions de déplacés qui vivent dans des camps.", "present"),
        ("fr", "La guerre a fait 2,8 millions de déplacés.", None),
    ],
)
def test_displaced_have_no_status_unless_their_clause_names_one(language, text, status, statuses_of) -> None:
    assert statuses_of(language, text) == [status]


# place and as_of beyond the counted phrase -------------------------------------------------


def _context(figures_of, language: str, text: str) -> list[tuple[str | None, str | None]]:
    return [(f["place"], f["as_of"]) for f in figures_of(language, text)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the date of a verb the count's verb is coordinated with
        ("en", "Air strikes on 29 December 2019 killed 25 fighters and wounded 55 others.", ["2019-12-29", "2019-12-29"]),
        ("fr", "Le 4 octobre 2017, des frappes ont tué 25 combattants et blessé 55 autres.", ["2017-10-04", "2017-10-04"]),
        # of two dates of one verb, the one next to the number
        ("en", "Monitors put it at 1,000 fighters in 2018 and at more than 6,000 in 2024.", ["2018", "2024"]),
        ("fr", "Les observateurs l'estimaient à 1 000 combattants en 2018 et à plus de 6 000 en 2024.", ["2018", "2024"]),
    ],
)
def test_as_of_from_the_verbs_of_the_count(figures_of, language, text, expected) -> None:
    assert [as_of for _, as_of in _context(figures_of, language, text)] == expected


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("en", "Some 1,450 French nationals travelled to Iraq and Syria.", "Iraq and Syria"),
        ("fr", "Quelque 800 hommes combattent en Syrie et en Irak.", "Syrie et Irak"),
    ],
)
def test_coordinated_places_are_named_together(figures_of, language, text, place) -> None:
    assert _context(figures_of, language, text)[0][0] == place


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("en", "Some 130 German nationals are held in camps in north-east Syria.", "north-east Syria"),
        ("fr", "Une centaine de personnes sont détenues dans le nord-est de la Syrie.", "nord-est de la Syrie"),
        ("en", "About 1,490 Frenchmen joined the Iraqi-Syrian region.", "Iraqi-Syrian region"),
        ("fr", "Environ 1 500 ressortissants français ont rejoint la zone irako-syrienne.", "zone irako-syrienne"),
    ],
)
def test_parts_and_areas_of_places(figures_of, language, text, place) -> None:
    assert _context(figures_of, language, text)[0][0] == place


@pytest.mark.parametrize(
    ("language", "text", "places"),
    [
        (
            "en",
            "About 1,500 French nationals travelled to the Iraqi-Syrian region. Among them, 400 have died.",
            ["Iraqi-Syrian region", None],
        ),
        (
            "fr",
            "Environ 1 500 Français ont rejoint la zone irako-syrienne. Parmi eux, 400 sont revenus.",
            ["zone irako-syrienne", None],
        ),
        ("fr", "Environ 300 seraient toujours présentes en Syrie, parmi lesquelles 40 hommes détenus.", ["Syrie", "Syrie"]),
    ],
)
def test_parts_that_died_or_came_back_are_not_where_their_whole_is(figures_of, language, text, places) -> None:
    assert [place for place, _ in _context(figures_of, language, text)] == places
