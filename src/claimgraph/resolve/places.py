"""One key per place, whatever the spelling or language: "Idlib", "Idleb" and "idléb" meet.

Places named in figures are kept as the text writes them; reconciliation compares them by
this key, which is the gazetteer entry's id when the name is a known surface of a place,
else the normalised name.
"""

from __future__ import annotations

from functools import cache

from claimgraph.evaluate.normalise import normalise_name
from claimgraph.nlp.gazetteer_data import load_gazetteer, normalise_surface

PLACE_TYPES = frozenset({"Location", "Country"})


@cache
def _place_ids() -> dict[str, str]:
    ids: dict[str, str] = {}
    for entry in load_gazetteer():
        if entry.type in PLACE_TYPES:
            for surface in entry.surfaces():
                ids.setdefault(normalise_surface(surface), entry.id)
    return ids


def place_key(place: str | None) -> str:
    """The comparison key of a place name ("" for none)."""
    if not place:
        return ""
    return _place_ids().get(normalise_surface(place), normalise_name(place))
