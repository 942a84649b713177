"""The SQL behind ``Store.figures()``: the filtered SELECT, and fast row building.

Listing every figure of a corpus (tens of thousands) is a common call (``claimgraph
figures``, reconciliation), so the query is plain SQL on the driver's cursor (no Core
result objects per row), and rows become ``FigureRow`` without the dataclass ``__init__``
(28 frozen-field assignments each, which cost as much as SQLite's join). Reading sentence
texts and titles in separate queries, once per sentence or document, was measured too:
no faster than the join, so the join stays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.store.keys import cohort_key, normalise_key
from claimgraph.store.records import FigureRow

# Column order is FigureRow's field order (a test checks it).
_SELECT = (
    "SELECT f.claim_id, c.document_id, c.sentence_id, f.value, f.low, f.high, f.qualifier, "
    "f.approx, f.unit, f.counts, f.cohort_key, f.nationality, f.gender, f.age_class, f.role, "
    "f.status, f.place, f.as_of, c.published, c.attributed_to, c.value_text, "
    "f.parent_claim_id, c.review_state, c.start_char, c.end_char, "
    "s.text AS sentence_text, d.title AS document_title, d.source AS document_source "
    "FROM figures AS f "
    "JOIN claims AS c ON c.id = f.claim_id "
    "JOIN sentences AS s ON s.id = c.sentence_id "
    "JOIN documents AS d ON d.id = c.document_id"
)
# c.id last: a total order, so that pages (limit/offset) never skip or repeat a figure.
_ORDER = " ORDER BY c.published, c.document_id, c.start_char, c.id"
_LATEST = "NOT EXISTS (SELECT 1 FROM documents AS newer WHERE newer.previous_id = c.document_id)"
_COHORT_WORDS = "(' ' || replace(replace(f.cohort_key, ':', ' '), ';', ' ') || ' ')"

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(FigureRow))


def _contains(value: str) -> str:
    """A LIKE pattern (escape character '/') matching text that contains ``value``."""
    escaped = value.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def figures_sql(
    *,
    cohort: str | Mapping[str, str | None] | None = None,
    status: str | None = None,
    place: str | None = None,
    nationality: str | None = None,
    document_id: int | None = None,
    include_old_versions: bool = False,
    include_rejected: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[str, list[Any]]:
    """The SELECT and its parameters for ``Store.figures`` with these filters."""
    if not isinstance(offset, int) or offset < 0:
        raise StoreError(
            f"Invalid offset {offset!r}: expected a whole number >= 0 (the number of figures "
            "to skip, e.g. offset=200 with limit=100 for the third page)."
        )
    where: list[str] = []
    params: list[Any] = []
    if isinstance(cohort, Mapping):
        where.append("f.cohort_key = ?")
        params.append(cohort_key(cohort))
    elif cohort is not None:  # whole words: "male" must not match "female"
        for word in (normalise_key(cohort) or "").split():
            where.append(f"{_COHORT_WORDS} LIKE ? ESCAPE '/'")
            params.append(_contains(f" {word} "))
    if status is not None:
        where.append("f.status = ?")
        params.append(status)
    if place is not None:
        where.append("f.place_key = ?")
        params.append(normalise_key(place))
    if nationality is not None:
        where.append("f.cohort_key LIKE ? ESCAPE '/'")
        params.append(_contains(f"nationality:{normalise_key(nationality)}"))
    if document_id is not None:
        where.append("c.document_id = ?")
        params.append(document_id)
    if not include_old_versions:
        where.append(_LATEST)
    if not include_rejected:
        where.append("c.review_state != 'rejected'")
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params.extend([-1 if limit is None else limit, offset])
    return sql, params


def figures_from_rows(rows: list[tuple[Any, ...]]) -> list[FigureRow]:
    """``FigureRow``s from result tuples in ``FIELD_NAMES`` order (``approx`` made a bool).

    Fills each frozen instance's ``__dict__`` in one step instead of calling the generated
    ``__init__``; the result is the same object (equality, repr, immutability).
    """
    new, names = object.__new__, FIELD_NAMES
    out = []
    for row in rows:
        figure = new(FigureRow)
        values = figure.__dict__
        values.update(zip(names, row, strict=True))
        values["approx"] = bool(values["approx"])
        out.append(figure)
    return out
