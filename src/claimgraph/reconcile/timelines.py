"""Timelines and disagreements: the same cohort and status across sources and dates.

A *series* is every figure with the same cohort key, status and unit (and place, when
given), ordered by the date it holds for. Inside a series, two figures from different
documents for the same place and the same date whose ranges do not overlap are a
*disagreement*: reported with both sides' evidence, never averaged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimgraph.reconcile.records import FigureRecord, cohort_dimensions
from claimgraph.resolve.places import place_key

# Where people are (present, detained) is part of what is counted; where they went or
# came back to (joined, returned) and where they died is not: "390 returned" and "390
# returned to France" are the same count.
PLACE_BOUND_STATUSES = frozenset({"present", "detained"})


@dataclass(frozen=True)
class Series:
    cohort_key: str
    status: str | None
    unit: str
    place: str | None
    points: tuple[FigureRecord, ...]  # ordered by date (undated last), then value

    @property
    def label(self) -> str:
        cohort = " ".join(cohort_dimensions(self.cohort_key).values()) or "people"
        where = f" in {self.place}" if self.place else ""
        return f"{cohort} ({self.status or 'no status'}){where}"

    @property
    def sources(self) -> int:
        return len({point.document_id for point in self.points})


@dataclass(frozen=True)
class Disagreement:
    series: Series
    first: FigureRecord
    second: FigureRecord

    @property
    def difference(self) -> float:
        return abs((self.first.value or 0) - (self.second.value or 0))


def build_series(figures: Iterable[FigureRecord], *, min_points: int = 1) -> list[Series]:
    """Group figures of people with a cohort and a status into series."""
    groups: dict[tuple[str, str | None, str, str], list[FigureRecord]] = {}
    for figure in figures:
        if figure.value is None or not figure.cohort_key or figure.status is None:
            continue
        place = place_key(figure.place) if figure.status in PLACE_BOUND_STATUSES else ""
        if figure.status in PLACE_BOUND_STATUSES and not place:
            continue  # "about 220 people present" somewhere unnamed compares with nothing
        key = (figure.cohort_key, figure.status, figure.unit, place)
        groups.setdefault(key, []).append(figure)
    series = []
    for (cohort_key, status, unit, _), points in groups.items():
        if len(points) < min_points:
            continue
        points.sort(key=lambda point: (point.when is None, point.when or "", point.value or 0))
        place = next((point.place for point in points if point.place), None) if status in PLACE_BOUND_STATUSES else None
        series.append(Series(cohort_key, status, unit, place, tuple(points)))
    series.sort(key=lambda one: (-one.sources, -len(one.points), one.label))
    return series


def find_disagreements(series: Iterable[Series]) -> list[Disagreement]:
    """Pairs of figures from different documents, same series and same known date, whose
    values cannot both be right."""
    found = []
    for one in series:
        for index, first in enumerate(one.points):
            for second in one.points[index + 1 :]:
                if first.document_id == second.document_id or first.when is None or first.when != second.when:
                    continue  # undated figures may hold for different dates
                if not _ranges_overlap(first, second):
                    found.append(Disagreement(one, first, second))
    return found


def _ranges_overlap(a: FigureRecord, b: FigureRecord) -> bool:
    a_low, a_high = _range(a)
    b_low, b_high = _range(b)
    return a_low <= b_high and b_low <= a_high


def _range(figure: FigureRecord) -> tuple[float, float]:
    value = figure.value or 0.0
    tolerance = figure.tolerance()
    low = figure.low if figure.low is not None else value - tolerance
    high = figure.high if figure.high is not None else value + tolerance
    return low, high
