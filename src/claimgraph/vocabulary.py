"""The closed vocabularies of EXTRACTION_FORMAT.md: entity types, statuses, predicates.

They live in ``vocabulary.yaml`` and are checked when this module is imported, so a typo
in the data fails at load with a message that names the bad key, not deep inside a run.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from claimgraph.datafiles import load_bundled
from claimgraph.errors import DataFileError

_SECTIONS: Final = ("entity_types", "statuses", "predicates", "qualifiers")


@cache
def _load() -> dict[str, dict[str, str]]:
    data = load_bundled("vocabulary.yaml", package="claimgraph", folder="")
    if not isinstance(data, dict):
        raise DataFileError("vocabulary.yaml", "the file must hold a mapping of sections")
    for section in _SECTIONS:
        values = data.get(section)
        if not isinstance(values, dict) or not values:
            raise DataFileError("vocabulary.yaml", f"section {section!r} is missing or empty")
        for key, description in values.items():
            if not isinstance(description, str) or not description.strip():
                raise DataFileError(
                    "vocabulary.yaml", f"{section}.{key} needs a one-line description"
                )
    return data


def entity_types() -> frozenset[str]:
    """Person, Organization, PublicBody, Country, Location, Group."""
    return frozenset(_load()["entity_types"])


def statuses() -> frozenset[str]:
    """joined, dead, missing, returned, detained, released, present."""
    return frozenset(_load()["statuses"])


def predicates() -> frozenset[str]:
    """leads, founded, member_of, ... (the PREDICATE vocabulary)."""
    return frozenset(_load()["predicates"])


def qualifiers() -> frozenset[str]:
    """exact, about, at_least, at_most, more_than, fewer_than, between."""
    return frozenset(_load()["qualifiers"])
