"""The domain gazetteer as data: armed groups, state bodies, courts, camps, places, media.

One YAML file per kind lives in ``nlp/data/gazetteer/``; this module reads and checks them
all at load (as FollowTheMoney does with its schema YAML), so a typo in the data fails with
a :class:`~claimgraph.errors.DataFileError` naming the file, the entry and the bad key,
never deep inside a pipeline run. The ``claimgraph_gazetteer`` component builds its lookup
table from :func:`load_gazetteer`, keyed by :func:`normalise_surface`.

A file looks like this::

    kind: armed_groups            # must equal the file stem
    default_type: Organization    # one of claimgraph.vocabulary.entity_types()
    entries:
      - id: hayat-tahrir-al-sham  # lowercase slug, unique across all files
        name: Hay'at Tahrir al-Sham
        names: {fr: Hayat Tahrir al-Cham}   # optional, per language (en, fr)
        type: Organization        # optional, overrides default_type
        qid: Q28147225            # optional Wikidata id; omit when unsure
        description: one line saying what this is.
        aliases: [HTS, HTC]       # genuinely different names: acronyms, translations
        variants: [Hayat Tahrir al-Sham]    # spellings, transliterations (mentions)
        ambiguous: [HTC]          # surfaces to match only in their exact case

Checks: unknown keys, missing or empty id/name/description, malformed id or qid, unknown
type or language, ``kind`` different from the file stem, duplicate ids, an ``ambiguous``
value that is not one of the entry's surfaces, a surface of two characters or fewer that is
not marked ambiguous, and one surface given to two entries of the same type (the same
surface on entries of different types, such as a city and a court, is allowed).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import yaml

from claimgraph.errors import DataFileError
from claimgraph.vocabulary import entity_types

DEFAULT_DIRECTORY: Final = Path(__file__).parent / "data" / "gazetteer"
LANGUAGES: Final = frozenset({"en", "fr"})

_FILE_KEYS: Final = frozenset({"kind", "default_type", "entries"})
_ENTRY_KEYS: Final = frozenset(
    {"id", "name", "names", "type", "qid", "description", "aliases", "variants", "ambiguous"}
)
_REQUIRED: Final = ("id", "name", "description")
_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_QID: Final = re.compile(r"Q[1-9][0-9]*")
_SHORT: Final = 2  # a surface this short or shorter must be listed in `ambiguous`

# Apostrophe look-alikes found in transliterations and machine translation (al-Qa‘ida,
# Hay’at, Hay`at, ʿAyn): all become a plain ASCII apostrophe.
_APOSTROPHES: Final = str.maketrans(dict.fromkeys("’‘‛`´′ʹʻʼʽʾʿ", "'"))
# Hyphens, dashes and whitespace runs collapse to one space: al-Hol == al Hol == Al‑Hol.
_SEPARATORS: Final = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212]+")


@dataclass(frozen=True)
class GazetteerEntry:
    """One named thing of the domain with every surface it is written as."""

    id: str
    name: str
    names: dict[str, str]
    type: str
    qid: str | None
    description: str
    aliases: tuple[str, ...]
    variants: tuple[str, ...]
    ambiguous: frozenset[str]
    kind: str

    def __hash__(self) -> int:  # `names` is a dict; ids are unique across the gazetteer
        return hash(self.id)

    def canonical(self, language: str) -> str:
        """The canonical name in ``language`` (en, fr), else the English one."""
        return self.names.get(language, self.name)

    def surfaces(self) -> tuple[str, ...]:
        """Name, per-language names, aliases and variants, deduplicated, order kept."""
        return tuple(
            dict.fromkeys((self.name, *self.names.values(), *self.aliases, *self.variants))
        )


def normalise_surface(text: str) -> str:
    """The lookup key of a surface: NFKC, accents stripped, case-folded, ’‘`´ -> ',
    hyphens and whitespace collapsed to one space, trimmed.

    >>> normalise_surface("Hay’at  Tahrir al‑Cham") == normalise_surface("hay'at tahrir al cham")
    True
    """
    text = unicodedata.normalize("NFKC", text.translate(_APOSTROPHES))
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = _SEPARATORS.sub(" ", text.casefold()).strip()
    return unicodedata.normalize("NFC", text)


def load_gazetteer(directory: Path | None = None) -> tuple[GazetteerEntry, ...]:
    """Every entry of every ``*.yaml`` file in ``directory`` (default: the bundled one),
    validated; raises :class:`DataFileError` on the first problem. The bundled gazetteer is
    read once per process."""
    if directory is None:
        return _load_default()
    return _load(Path(directory))


@cache
def _load_default() -> tuple[GazetteerEntry, ...]:
    return _load(DEFAULT_DIRECTORY)


def _load(directory: Path) -> tuple[GazetteerEntry, ...]:
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise DataFileError(str(directory), "no gazetteer files (*.yaml) in this directory")
    types = entity_types()
    entries: list[GazetteerEntry] = []
    seen_ids: dict[str, Path] = {}
    for path in files:
        for entry in _read_file(path, types):
            if entry.id in seen_ids:
                raise DataFileError(
                    str(path),
                    f"entry {entry.id!r}: duplicate id, already used in {seen_ids[entry.id].name}",
                )
            seen_ids[entry.id] = path
            entries.append(entry)
    _check_surface_clashes(entries, {e.id: seen_ids[e.id] for e in entries})
    return tuple(entries)


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    keys: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in keys:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} given twice", key_node.start_mark
            )
        keys.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_file(path: Path, types: frozenset[str]) -> list[GazetteerEntry]:
    file = str(path)
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_StrictLoader)
    except yaml.YAMLError as error:
        raise DataFileError(file, f"not valid YAML: {error}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(file, f"cannot be read as UTF-8 text: {error}") from error
    if not isinstance(data, dict):
        raise DataFileError(
            file, "the top level must be a mapping with kind, default_type, entries"
        )
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise DataFileError(
            file,
            f"unknown top-level key {min(map(str, unknown))!r}; valid keys: "
            + ", ".join(sorted(_FILE_KEYS)),
        )
    if data.get("kind") != path.stem:
        raise DataFileError(
            file, f"kind is {data.get('kind')!r} but must equal the file stem {path.stem!r}"
        )
    default_type = data.get("default_type")
    if default_type not in types:
        raise DataFileError(
            file,
            f"default_type {default_type!r} is not an entity type; valid: "
            + ", ".join(sorted(types)),
        )
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise DataFileError(file, "entries is missing or empty; it must be a list of mappings")
    return [
        _read_entry(file, index, raw, path.stem, default_type, types)
        for index, raw in enumerate(raw_entries, start=1)
    ]


def _read_entry(
    file: str, index: int, raw: Any, kind: str, default_type: str, types: frozenset[str]
) -> GazetteerEntry:
    if not isinstance(raw, dict):
        raise DataFileError(file, f"entry #{index} is not a mapping")
    label = f"entry #{index}" + (f" {raw['id']!r}" if isinstance(raw.get("id"), str) else "")

    def fail(problem: str) -> DataFileError:
        return DataFileError(file, f"{label}: {problem}")

    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise fail(
            f"unknown key {min(map(str, unknown))!r}; valid keys: " + ", ".join(sorted(_ENTRY_KEYS))
        )
    for key in _REQUIRED:
        if key not in raw:
            raise fail(f"missing required key {key!r}")
    entry_id = _text(raw["id"], "id", fail)
    if not _ID.fullmatch(entry_id):
        raise fail(f"id {entry_id!r} must be a lowercase slug (a-z, 0-9, single hyphens)")
    name = _text(raw["name"], "name", fail)
    description = _text(raw["description"], "description", fail)
    if "\n" in description:
        raise fail("description must be one line")

    names_raw = raw.get("names", {})
    if not isinstance(names_raw, dict):
        raise fail("names must be a mapping of language (en, fr) to name")
    names: dict[str, str] = {}
    for language, value in names_raw.items():
        if language not in LANGUAGES:
            raise fail(f"names: unknown language {language!r}; valid: en, fr")
        names[language] = _text(value, f"names.{language}", fail)

    entry_type = raw.get("type", default_type)
    if entry_type not in types:
        raise fail(f"type {entry_type!r} is not an entity type; valid: " + ", ".join(sorted(types)))

    qid = raw.get("qid")
    if qid is not None and (not isinstance(qid, str) or not _QID.fullmatch(qid)):
        raise fail(f"qid {qid!r} is not a Wikidata id like Q42 (omit it when unsure)")

    aliases = _texts(raw.get("aliases", []), "aliases", fail)
    variants = _texts(raw.get("variants", []), "variants", fail)
    ambiguous = frozenset(_texts(raw.get("ambiguous", []), "ambiguous", fail))
    entry = GazetteerEntry(
        id=entry_id,
        name=name,
        names=names,
        type=entry_type,
        qid=qid,
        description=description,
        aliases=aliases,
        variants=variants,
        ambiguous=ambiguous,
        kind=kind,
    )
    surfaces = entry.surfaces()
    for value in sorted(ambiguous - set(surfaces)):
        raise fail(f"ambiguous: {value!r} is not one of this entry's surfaces (exact case)")
    for surface in surfaces:
        key = normalise_surface(surface)
        if not key:
            raise fail(f"surface {surface!r} is empty once normalised")
        if len(key) <= _SHORT and surface not in ambiguous:
            raise fail(
                f"surface {surface!r} is {len(key)} characters: list it under ambiguous so it "
                "only matches in its exact case"
            )
    return entry


def _text(value: Any, key: str, fail: Any) -> str:
    if not isinstance(value, str):
        raise fail(
            f"{key} must be a string, not {type(value).__name__} {value!r} "
            "(quote it: YAML reads yes/no/on/off and numbers as other types)"
        )
    if not value.strip() or value != value.strip():
        raise fail(f"{key} {value!r} must be non-empty with no surrounding spaces")
    return value


def _texts(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise fail(f"{key} must be a list of strings")
    return tuple(_text(item, key, fail) for item in value)


def _check_surface_clashes(entries: list[GazetteerEntry], files: dict[str, Path]) -> None:
    """One surface may not name two entries of the same type, except two ambiguous surfaces
    whose exact spellings differ (they never match the same text)."""
    owners: dict[tuple[str, str], list[tuple[str, GazetteerEntry]]] = {}
    for entry in entries:
        for surface in entry.surfaces():
            key = (entry.type, normalise_surface(surface))
            for other_surface, other in owners.get(key, []):
                if other.id == entry.id:
                    continue
                if (
                    surface in entry.ambiguous
                    and other_surface in other.ambiguous
                    and surface != other_surface
                ):
                    continue
                raise DataFileError(
                    str(files[entry.id]),
                    f"entry {entry.id!r}: surface {surface!r} also names {other.id!r} "
                    f"({files[other.id].name}), another {entry.type}; keep it on one entry",
                )
            owners.setdefault(key, []).append((surface, entry))
