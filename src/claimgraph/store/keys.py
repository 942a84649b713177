"""Normalised keys the store computes itself, so every writer computes them the same way.

``content_hash`` identifies a document's cleaned text (the same text is stored once);
``normalise_key`` and ``cohort_key`` let figures from different sources and languages be
grouped and filtered ("Français" and "francais", "Idléb" and "idleb" give one key).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping

#: The cohort dimensions that make up a cohort key, in key order. ``noun`` ("men",
#: "fighters") is stored but left out of the key: it is wording, not a cohort.
COHORT_FIELDS: tuple[str, ...] = ("nationality", "gender", "age_class", "role")


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the cleaned text as UTF-8: the document's identity in the store."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_key(value: str | None) -> str | None:
    """Case-folded, accent-free, single-spaced form of ``value``; ``None`` stays ``None``.

    >>> normalise_key("  Idléb  Province ")
    'idleb province'
    """
    if value is None:
        return None
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def cohort_key(cohort: Mapping[str, str | None] | None) -> str:
    """A stable key for a figure's cohort: ``"nationality:french;role:fighter"``.

    Only the non-empty fields of ``COHORT_FIELDS`` take part, always in that order, each
    value normalised; an empty cohort gives ``""``.
    """
    if not cohort:
        return ""
    parts = []
    for name in COHORT_FIELDS:
        value = normalise_key(cohort.get(name))
        if value:
            parts.append(f"{name}:{value}")
    return ";".join(parts)
