"""The figure extractor's vocabulary (``nlp/data/figure_lexicon.yaml``), loaded and checked.

One ``FigureLexicon`` per language. Loading fails with ``DataFileError`` naming the bad key
when a status or qualifier is not in ``claimgraph.vocabulary`` or a section is malformed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from claimgraph import vocabulary
from claimgraph.datafiles import load_bundled
from claimgraph.errors import DataFileError

FILE: Final = "figure_lexicon.yaml"
LANGUAGES: Final = ("en", "fr")


@dataclass(frozen=True, slots=True)
class VaguePhrase:
    phrase: str
    low: float | None


@dataclass(frozen=True, slots=True)
class FigureLexicon:
    language: str
    number_words: dict[str, int]
    weak_number_words: dict[str, int]
    multipliers: dict[str, int]
    number_joiners: frozenset[str]
    approx_nouns: dict[str, int]
    approx_noun_articles: frozenset[str]
    approx_noun_adjectives: frozenset[str]
    vague: tuple[VaguePhrase, ...]
    fractions: dict[str, float]
    qualifiers: dict[str, str]
    range_words: dict[str, str]
    range_links: frozenset[str]
    percent_words: tuple[str, ...]
    units: dict[str, tuple[str, ...]]
    measure_nouns: dict[str, str]
    reference_nouns: frozenset[str]
    anaphoric_determiners: frozenset[str]
    time_units: frozenset[str]
    months: frozenset[str]
    age_markers: tuple[str, ...]
    boilerplate: tuple[str, ...]
    idioms: tuple[str, ...]
    ordinals: frozenset[str]
    part_markers_before: tuple[str, ...]
    part_markers_after: tuple[str, ...]
    part_marker_verbs: frozenset[str]
    total_openers: tuple[str, ...]
    in_place: frozenset[str]
    date_preps: frozenset[str]
    holding_verbs: frozenset[str]
    strength_verbs: frozenset[str]
    detention_places: frozenset[str]
    composition_verbs: frozenset[str]
    comparison_markers: tuple[str, ...]
    place_anaphors: frozenset[str]
    place_nouns: frozenset[str]
    place_joiners: frozenset[str]
    compass_words: tuple[str, ...]
    area_nouns: frozenset[str]
    linking_verbs: frozenset[str]
    record_words: frozenset[str]
    amount_verbs: frozenset[str]
    handover_verbs: frozenset[str]
    recipient_preps: frozenset[str]
    origin_preps: frozenset[str]
    departure_verbs: frozenset[str]
    destination_preps: frozenset[str]
    period_starts: frozenset[str]
    whole_text_notes: tuple[str, ...]
    # shared across languages
    nationalities: dict[str, str]
    genders: dict[str, str]
    age_classes: dict[str, str]
    roles: dict[str, str]
    person_nouns: frozenset[str]
    person_suffixes: tuple[str, ...]  # "islamists", "salafistes": plural nouns of people
    person_suffix_min_length: int
    present_nouns: frozenset[str]
    noun_status: dict[str, str]  # counted noun -> the status it implies by default
    collective_nouns: frozenset[str]
    count_nouns: frozenset[str]
    units_by_noun: dict[str, str]
    status: dict[str, str | None]

    def is_person_noun(self, word: str) -> bool:
        """True when ``word`` (lowercase) names people: a demonym, gender, age class, role."""
        return (
            word in self.person_nouns
            or word in self.roles
            or word in self.genders
            or word in self.age_classes
            or (word in self.nationalities and word.endswith(("s", "men", "x")))
            or (len(word) >= self.person_suffix_min_length and word.endswith(self.person_suffixes))
        )


def _fail(problem: str) -> DataFileError:
    return DataFileError(FILE, problem)


def _section(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise _fail(f"{where}.{key} is missing or is not a {kind.__name__}")
    return value


def _words(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = _section(data, key, list, where)
    for value in values:
        if not isinstance(value, str) or not value:
            raise _fail(f"{where}.{key} holds {value!r}; every entry must be a word or phrase")
    return tuple(v.lower() for v in values)


def _numbers(data: dict[str, Any], key: str, where: str) -> dict[str, int]:
    values = _section(data, key, dict, where)
    for word, number in values.items():
        if not isinstance(number, int | float):
            raise _fail(f"{where}.{key}.{word} must be a number, not {number!r}")
    return {str(k).lower(): v for k, v in values.items()}


def _names(data: dict[str, Any], key: str, where: str) -> dict[str, str]:
    values = _section(data, key, dict, where)
    for word, name in values.items():
        if not isinstance(name, str):
            raise _fail(f"{where}.{key}.{word} must be a string, not {name!r}")
    return {str(k).lower(): v for k, v in values.items()}


def _noun_status(cohort: dict[str, Any], known: Any) -> dict[str, str]:
    """cohort.noun_status: STATUS -> nouns, read as noun -> STATUS."""
    table = _section(cohort, "noun_status", dict, "cohort")
    out: dict[str, str] = {}
    for value in table:
        if value not in known:
            raise _fail(f"cohort.noun_status.{value} is not a status; valid: {', '.join(sorted(known))}")
        for noun in _words(table, value, "cohort.noun_status"):
            out[noun] = value
    return out


def _person_suffixes(cohort: dict[str, Any]) -> tuple[tuple[str, ...], int]:
    """cohort.person_suffixes: {endings: [...], min_length: N}."""
    table = _section(cohort, "person_suffixes", dict, "cohort")
    min_length = table.get("min_length")
    if not isinstance(min_length, int) or min_length < 1:
        raise _fail(f"cohort.person_suffixes.min_length must be a positive whole number, not {min_length!r}")
    return _words(table, "endings", "cohort.person_suffixes"), min_length


def parse(data: Any, language: str) -> FigureLexicon:
    """Build and validate the lexicon of ``language`` from the decoded YAML ``data``."""
    if not isinstance(data, dict):
        raise _fail("the file must be a mapping with sections en, fr, cohort, status")
    if language not in LANGUAGES:
        raise _fail(f"no section for language {language!r}; valid: {', '.join(LANGUAGES)}")
    lang = _section(data, language, dict, "")
    cohort = _section(data, "cohort", dict, "")
    status_all = _section(data, "status", dict, "")
    status = _section(status_all, language, dict, "status")
    known_statuses = vocabulary.statuses()
    for word, value in status.items():
        if value is not None and value not in known_statuses:
            raise _fail(
                f"status.{language}.{word} is {value!r}; valid: {', '.join(sorted(known_statuses))} or null"
            )
    qualifiers = _names(lang, "qualifiers", language)
    known_qualifiers = vocabulary.qualifiers()
    for phrase, qualifier in qualifiers.items():
        if qualifier not in known_qualifiers:
            raise _fail(
                f"{language}.qualifiers.{phrase} is {qualifier!r}; valid: {', '.join(sorted(known_qualifiers))}"
            )
    vague = []
    for entry in _section(lang, "vague", list, language):
        if not isinstance(entry, dict) or not isinstance(entry.get("phrase"), str):
            raise _fail(f"{language}.vague holds {entry!r}; each entry needs a phrase")
        low = entry.get("low")
        if low is not None and not isinstance(low, int | float):
            raise _fail(f"{language}.vague {entry['phrase']!r}: low must be a number")
        vague.append(VaguePhrase(entry["phrase"].lower(), low))
    fractions: dict[str, float] = {}
    for entry in _section(lang, "fractions", list, language):
        if not isinstance(entry, dict) or not isinstance(entry.get("value"), int | float):
            raise _fail(f"{language}.fractions holds {entry!r}; each entry needs phrase and value")
        fractions[str(entry["phrase"]).lower()] = float(entry["value"])
    person_suffixes, person_suffix_min_length = _person_suffixes(cohort)
    units_raw = _section(lang, "units", dict, language)
    units = {unit: tuple(w.lower() for w in words) for unit, words in units_raw.items()}
    return FigureLexicon(
        language=language,
        number_words=_numbers(lang, "number_words", language),
        weak_number_words=_numbers(lang, "weak_number_words", language),
        multipliers=_numbers(lang, "multipliers", language),
        number_joiners=frozenset(_words(lang, "number_joiners", language)),
        approx_nouns=_numbers(lang, "approx_nouns", language),
        approx_noun_articles=frozenset(_words(lang, "approx_noun_articles", language)),
        approx_noun_adjectives=frozenset(_words(lang, "approx_noun_adjectives", language)),
        vague=tuple(vague),
        fractions=fractions,
        qualifiers=qualifiers,
        range_words=_names(lang, "range_words", language),
        range_links=frozenset(_words(lang, "range_links", language)),
        percent_words=_words(lang, "percent_words", language),
        units=units,
        measure_nouns=_names(lang, "measure_nouns", language),
        reference_nouns=frozenset(_words(lang, "reference_nouns", language)),
        anaphoric_determiners=frozenset(_words(lang, "anaphoric_determiners", language)),
        time_units=frozenset(_words(lang, "time_units", language)),
        months=frozenset(_words(lang, "months", language)),
        age_markers=_words(lang, "age_markers", language),
        boilerplate=tuple(_section(lang, "boilerplate", list, language)),
        idioms=_words(lang, "idioms", language),
        ordinals=frozenset(_words(lang, "ordinals", language)),
        part_markers_before=_words(lang, "part_markers_before", language),
        part_markers_after=_words(lang, "part_markers_after", language),
        part_marker_verbs=frozenset(_words(lang, "part_marker_verbs", language)),
        total_openers=_words(lang, "total_openers", language),
        in_place=frozenset(_words(lang, "in_place", language)),
        date_preps=frozenset(_words(lang, "date_preps", language)),
        holding_verbs=frozenset(_words(lang, "holding_verbs", language)),
        strength_verbs=frozenset(_words(lang, "strength_verbs", language)),
        detention_places=frozenset(_words(lang, "detention_places", language)),
        composition_verbs=frozenset(_words(lang, "composition_verbs", language)),
        comparison_markers=_words(lang, "comparison_markers", language),
        place_anaphors=frozenset(_words(lang, "place_anaphors", language)),
        place_nouns=frozenset(_words(lang, "place_nouns", language)),
        place_joiners=frozenset(_words(lang, "place_joiners", language)),
        compass_words=_words(lang, "compass_words", language),
        area_nouns=frozenset(_words(lang, "area_nouns", language)),
        linking_verbs=frozenset(_words(lang, "linking_verbs", language)),
        record_words=frozenset(_words(lang, "record_words", language)),
        amount_verbs=frozenset(_words(lang, "amount_verbs", language)),
        handover_verbs=frozenset(_words(lang, "handover_verbs", language)),
        recipient_preps=frozenset(_words(lang, "recipient_preps", language)),
        origin_preps=frozenset(_words(lang, "origin_preps", language)),
        departure_verbs=frozenset(_words(lang, "departure_verbs", language)),
        destination_preps=frozenset(_words(lang, "destination_preps", language)),
        period_starts=frozenset(_words(lang, "period_starts", language)),
        whole_text_notes=_words(lang, "whole_text_notes", language),
        nationalities=_names(cohort, "nationalities", "cohort"),
        genders=_names(cohort, "genders", "cohort"),
        age_classes=_names(cohort, "age_classes", "cohort"),
        roles=_names(cohort, "roles", "cohort"),
        person_nouns=frozenset(_words(cohort, "person_nouns", "cohort")),
        person_suffixes=person_suffixes,
        person_suffix_min_length=person_suffix_min_length,
        present_nouns=frozenset(_words(cohort, "present_nouns", "cohort")),
        noun_status=_noun_status(cohort, known_statuses),
        collective_nouns=frozenset(_words(cohort, "collective_nouns", "cohort")),
        count_nouns=frozenset(_words(cohort, "count_nouns", "cohort")),
        units_by_noun=_names(cohort, "units_by_noun", "cohort"),
        status={str(k).lower(): v for k, v in status.items()},
    )


@cache
def load(language: str) -> FigureLexicon:
    """The bundled lexicon of ``language``, read and validated once."""
    return parse(load_bundled(FILE), language)
