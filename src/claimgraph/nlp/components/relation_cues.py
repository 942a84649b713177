"""Load and check ``data/relation_cues.yaml``: the cues, roles, infobox labels and word
lists of the relation extractor, for one language.

Everything is validated at load (predicates against ``vocabulary.yaml``, entity types,
argument slots, phrases), so a typo fails with a message naming the bad key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from claimgraph import vocabulary
from claimgraph.datafiles import load_bundled
from claimgraph.errors import ConfigError, DataFileError
from claimgraph.nlp.components.cue_patterns import compile_phrase

FILE: Final = "relation_cues.yaml"
PLACE_TYPES: Final = frozenset({"Location", "Country"})
SLOTS: Final = frozenset(
    {
        "left",
        "right",
        "possessor",
        "inside",
        "target",
        "left+right",
        "adjacent_left",
        "adjacent_right",
        "near_right",
        "clitic",
        "each_other",
        "antecedent",
    }
)
VOICES: Final = frozenset({"active", "passive", "any"})
ITEMS: Final = frozenset({"subject", "object"})
_LEXICON_LISTS: Final = (
    "coordination", "gap", "determiners", "person_nouns", "quantifiers",
    "target_markers", "negations", "examples", "latter", "indefinites", "ranks", "unit_nouns",
    "not_groups",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue phrase and where its arguments are."""

    key: str  # "cues.en[3]": names the cue in match ids and messages
    pattern: list[dict[str, Any]]
    predicates: tuple[str, ...]  # the first whose signature fits wins
    subject: str  # a slot of SLOTS
    object: str
    voice: str = "any"
    pos: str | None = None
    deps: frozenset[str] = frozenset()  # the dependency labels the cue's head may have
    # narrower subject types than the predicates' signatures, per predicate
    subject_types: dict[str, frozenset[str]] | None = None

    def allows_subject(self, predicate: str, entity_type: str) -> bool:
        """False when this cue narrows ``predicate``'s subjects and excludes the type."""
        return self.subject_types is None or entity_type in self.subject_types.get(
            predicate, frozenset({entity_type})
        )


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun: links a holder to a body."""

    key: str
    pattern: list[dict[str, Any]]
    predicate: str


@dataclass(frozen=True, slots=True)
class InfoboxLabel:
    label: re.Pattern[str]  # anchored at the start of a line
    predicate: str
    items: str  # the role of the listed mentions: "subject" or "object"
    subject_types: frozenset[str] | None = None  # narrower than the predicate's signature


@dataclass(frozen=True, slots=True)
class Lexicon:
    coordination: frozenset[str]
    gap: frozenset[str]
    determiners: frozenset[str]
    person_nouns: frozenset[str]
    quantifiers: frozenset[str]
    target_markers: tuple[tuple[str, ...], ...]  # lower-cased token sequences
    negations: frozenset[str]
    examples: tuple[tuple[str, ...], ...]  # "such as", "notamment": a list of examples follows
    anaphors: dict[str, frozenset[str]]  # noun -> entity type it refers to (inverted)
    latter: frozenset[str] = frozenset()  # "the latter", "ce dernier": the last mention
    indefinites: frozenset[str] = frozenset()  # "a", "un": one leader among several
    ranks: frozenset[str] = frozenset()  # "senior", "haut": a rank, not the top post
    unit_nouns: frozenset[str] = frozenset()  # "IS cells", "JNIM fighters": the group acts
    not_groups: frozenset[str] = frozenset()  # "mission", "force": a name no "the group" means


@dataclass(frozen=True, slots=True)
class RelationCues:
    language: str
    signatures: dict[str, tuple[frozenset[str], frozenset[str]]]
    cues: list[Cue]
    roles: list[Role]
    infobox: list[InfoboxLabel]
    lexicon: Lexicon
    ner_labels: dict[str, str] = field(default_factory=dict)

    def fits(self, predicate: str, subject_type: str, object_type: str) -> bool:
        subject_types, object_types = self.signatures[predicate]
        if predicate == "renamed_to" and (subject_type in PLACE_TYPES) != (
            object_type in PLACE_TYPES
        ):
            return False  # a renamed place is a place, a renamed body a body
        return subject_type in subject_types and object_type in object_types

    def cue_fits(self, cue: Cue, predicate: str, subject_type: str, object_type: str) -> bool:
        """``fits``, with the cue's own narrower subject types for ``predicate``."""
        return self.fits(predicate, subject_type, object_type) and cue.allows_subject(
            predicate, subject_type
        )

    def argument_types(self, cue: Cue) -> tuple[frozenset[str], frozenset[str]]:
        """The entity types the cue's subject and object slots may hold: the union over
        its predicates' signatures, subjects narrowed by the cue."""
        subjects: set[str] = set()
        objects: set[str] = set()
        for predicate in cue.predicates:
            subject_types, object_types = self.signatures[predicate]
            if cue.subject_types is not None:
                subject_types = subject_types & cue.subject_types.get(predicate, subject_types)
            subjects |= subject_types
            objects |= object_types
        return frozenset(subjects), frozenset(objects)


@cache
def load(language: str) -> RelationCues:
    """The cues for ``language`` ("en" or "fr"), loaded and checked once."""
    data = load_bundled(FILE)
    if not isinstance(data, dict):
        raise DataFileError(FILE, "the file must hold a mapping")
    for section in ("cues", "roles", "infobox", "lexicon"):
        if not isinstance(data.get(section), dict):
            raise DataFileError(FILE, f"section {section!r} is missing")
        if language not in data[section]:
            raise ConfigError(
                f"{FILE} has no {section} for language {language!r}; "
                f"it has: {', '.join(sorted(data[section]))}."
            )
    return RelationCues(
        language=language,
        signatures=_signatures(data.get("signatures")),
        cues=[_cue(item, f"cues.{language}[{i}]") for i, item in enumerate(data["cues"][language])],
        roles=[_role(item, f"roles.{language}[{i}]") for i, item in enumerate(data["roles"][language])],
        infobox=[_infobox(item, f"infobox.{language}[{i}]") for i, item in enumerate(data["infobox"][language])],
        lexicon=_lexicon(data["lexicon"][language], f"lexicon.{language}"),
        ner_labels=_ner_labels(data.get("ner_labels") or {}),
    )  # fmt: skip


def _predicate(value: object, where: str) -> str:
    if value not in vocabulary.predicates():
        raise DataFileError(
            FILE,
            f"{where}: unknown predicate {value!r}; valid: {', '.join(sorted(vocabulary.predicates()))}",
        )
    return str(value)


def _types(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not value:
        raise DataFileError(FILE, f"{where}: needs a non-empty list of entity types")
    bad = [item for item in value if item not in vocabulary.entity_types()]
    if bad:
        raise DataFileError(
            FILE,
            f"{where}: unknown entity types {bad}; valid: {', '.join(sorted(vocabulary.entity_types()))}",
        )
    return frozenset(value)


def _signatures(data: object) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    if not isinstance(data, dict):
        raise DataFileError(FILE, "section 'signatures' is missing")
    signatures = {}
    for predicate, spec in data.items():
        where = f"signatures.{predicate}"
        _predicate(predicate, where)
        if not isinstance(spec, dict):
            raise DataFileError(FILE, f"{where}: needs 'subject' and 'object' type lists")
        signatures[predicate] = (
            _types(spec.get("subject"), f"{where}.subject"),
            _types(spec.get("object"), f"{where}.object"),
        )
    missing = vocabulary.predicates() - set(signatures)
    if missing:
        raise DataFileError(FILE, f"signatures: no entry for {', '.join(sorted(missing))}")
    return signatures


def _cue(item: object, where: str) -> Cue:
    if not isinstance(item, dict):
        raise DataFileError(FILE, f"{where}: a cue must be a mapping")
    predicates = item.get("predicate")
    predicates = predicates if isinstance(predicates, list) else [predicates]
    for slot_key in ("subject", "object"):
        if item.get(slot_key) not in SLOTS:
            raise DataFileError(
                FILE, f"{where}.{slot_key}: {item.get(slot_key)!r} is not one of {sorted(SLOTS)}"
            )
    voice = item.get("voice", "any")
    if voice not in VOICES:
        raise DataFileError(FILE, f"{where}.voice: {voice!r} is not one of {sorted(VOICES)}")
    return Cue(
        key=where,
        pattern=compile_phrase(item.get("phrase"), file=FILE, where=where),  # type: ignore[arg-type]
        predicates=tuple(_predicate(p, f"{where}.predicate") for p in predicates),
        subject=item["subject"],
        object=item["object"],
        voice=voice,
        pos=item.get("pos"),
        deps=_deps(item.get("dep"), where),
        subject_types=(
            _subject_types(item["subject_types"], predicates, f"{where}.subject_types")
            if "subject_types" in item
            else None
        ),
    )


def _subject_types(value: object, predicates: list[str], where: str) -> dict[str, frozenset[str]]:
    """``subject_types: [Location]`` (every predicate of the cue) or
    ``subject_types: {located_in: [Location]}`` (only the predicates named)."""
    if isinstance(value, dict):
        unknown = [p for p in value if p not in predicates]
        if unknown:
            raise DataFileError(FILE, f"{where}: {unknown} are not predicates of this cue")
        return {p: _types(types, f"{where}.{p}") for p, types in value.items()}
    types = _types(value, where)
    return {p: types for p in predicates}


def _deps(value: object, where: str) -> frozenset[str]:
    """``dep: appos`` or ``dep: [appos, attr]``: the cue applies only to such a head."""
    if value is None:
        return frozenset()
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) and v for v in values):
        raise DataFileError(FILE, f"{where}.dep: needs a dependency label or a list of them")
    return frozenset(values)


def _role(item: object, where: str) -> Role:
    if not isinstance(item, dict):
        raise DataFileError(FILE, f"{where}: a role must be a mapping")
    return Role(
        key=where,
        pattern=compile_phrase(item.get("phrase"), file=FILE, where=where),  # type: ignore[arg-type]
        predicate=_predicate(item.get("predicate"), f"{where}.predicate"),
    )


def _infobox(item: object, where: str) -> InfoboxLabel:
    if not isinstance(item, dict) or not isinstance(item.get("label"), str):
        raise DataFileError(FILE, f"{where}: needs a 'label' string")
    if item.get("items") not in ITEMS:
        raise DataFileError(FILE, f"{where}.items: must be one of {sorted(ITEMS)}")
    labels = sorted(item["label"].split("|"), key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in labels)
    return InfoboxLabel(
        label=re.compile(rf"^[ \t]*(?:[-•*][ \t]*)?(?:{alternatives})[ \t]*:?[ \t]+", re.MULTILINE),
        predicate=_predicate(item.get("predicate"), f"{where}.predicate"),
        items=item["items"],
        subject_types=(
            _types(item["subject_types"], f"{where}.subject_types")
            if "subject_types" in item
            else None
        ),
    )


def _words(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise DataFileError(FILE, f"{where}.{key}: needs a list of strings")
    return [word.lower() for word in value]


def _lexicon(data: object, where: str) -> Lexicon:
    if not isinstance(data, dict):
        raise DataFileError(FILE, f"{where}: must be a mapping")
    lists = {key: _words(data, key, where) for key in _LEXICON_LISTS}
    anaphors: dict[str, frozenset[str]] = {}
    raw = data.get("anaphors")
    if not isinstance(raw, dict):
        raise DataFileError(FILE, f"{where}.anaphors: needs a mapping of entity type to nouns")
    for entity_type in raw:
        _types([entity_type], f"{where}.anaphors")
        for noun in _words(raw, entity_type, f"{where}.anaphors"):
            anaphors.setdefault(noun, frozenset())
            anaphors[noun] = anaphors[noun] | {entity_type}
    return Lexicon(
        coordination=frozenset(lists["coordination"]),
        gap=frozenset(lists["gap"]),
        determiners=frozenset(lists["determiners"]),
        person_nouns=frozenset(lists["person_nouns"]),
        quantifiers=frozenset(lists["quantifiers"]),
        target_markers=tuple(tuple(marker.split()) for marker in lists["target_markers"]),
        negations=frozenset(lists["negations"]),
        examples=tuple(tuple(phrase.split()) for phrase in lists["examples"]),
        anaphors=anaphors,
        latter=frozenset(lists["latter"]),
        indefinites=frozenset(lists["indefinites"]),
        ranks=frozenset(lists["ranks"]),
        unit_nouns=frozenset(lists["unit_nouns"]),
        not_groups=frozenset(lists["not_groups"]),
    )


def _ner_labels(data: object) -> dict[str, str]:
    if not isinstance(data, dict):
        raise DataFileError(FILE, "ner_labels: must map spaCy labels to entity types")
    for label, entity_type in data.items():
        _types([entity_type], f"ner_labels.{label}")
    return {str(label): str(entity_type) for label, entity_type in data.items()}
