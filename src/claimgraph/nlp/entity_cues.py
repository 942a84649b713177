"""The cue vocabulary of ``data/entity_cues.yaml``, checked at load.

Used by the gazetteer component to type NER spans (public-body words, countries), to drop
noise (nationalities, language names, section titles) and to find unnamed state bodies,
collective actors and "<name> Governorate"-style places.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from claimgraph.datafiles import load_bundled
from claimgraph.errors import DataFileError

DATA_FILE: Final = "entity_cues.yaml"
SECTIONS: Final = (
    "public_body_words",
    "countries",
    "nationalities",
    "languages",
    "not_entities",
    "group_nouns",
    "group_modifiers",
    "state_body_nouns",
    "state_body_modifiers",
    "place_nouns_after",
    "place_nouns_before",
    "organization_words",
    "not_entity_heads",
    "role_nouns",
    "institution_words",
    "titles",
    "admin_place_nouns",
    "demonym_suffixes",
    "question_words",
    "compass_words",
    "group_role_nouns",
    "place_context_nouns",
    "stateless_nationalities",
)


@dataclass(frozen=True, slots=True)
class EntityCues:
    """One language's cue lists (empty tuples where the data file has none)."""

    public_body_words: tuple[str, ...]
    countries: tuple[str, ...]
    nationalities: tuple[str, ...]
    languages: tuple[str, ...]
    not_entities: tuple[str, ...]
    group_nouns: tuple[str, ...]
    group_modifiers: tuple[str, ...]
    state_body_nouns: tuple[str, ...]
    state_body_modifiers: tuple[str, ...]  # "the Federal Government of Somalia"
    place_nouns_after: tuple[str, ...]
    place_nouns_before: tuple[str, ...]
    organization_words: tuple[str, ...]
    not_entity_heads: tuple[str, ...]
    role_nouns: tuple[str, ...]
    institution_words: tuple[str, ...]
    titles: tuple[str, ...]
    admin_place_nouns: tuple[str, ...]
    demonym_suffixes: tuple[str, ...]
    question_words: tuple[str, ...]
    compass_words: tuple[str, ...]
    group_role_nouns: tuple[str, ...]
    place_context_nouns: tuple[str, ...]  # "the town of X", "les montagnes de X": X is a place
    stateless_nationalities: tuple[str, ...]  # "forces kurdes": no state's body


def parse_cues(data: Any, language: str) -> EntityCues:
    if not isinstance(data, dict):
        raise DataFileError(DATA_FILE, "the top level must be a mapping of sections")
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise DataFileError(DATA_FILE, f"unknown section {min(unknown)!r}")
    values: dict[str, tuple[str, ...]] = {}
    for section in SECTIONS:
        per_language = data.get(section)
        if not isinstance(per_language, dict):
            raise DataFileError(DATA_FILE, f"section {section!r} must map languages to lists")
        items = per_language.get(language, [])
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise DataFileError(
                DATA_FILE,
                f"{section}.{language} must be a list of strings (quote yes/no/on/off)",
            )
        values[section] = tuple(items)
    return EntityCues(**values)


@cache
def load_cues(language: str) -> EntityCues:
    return parse_cues(load_bundled(DATA_FILE), language)
