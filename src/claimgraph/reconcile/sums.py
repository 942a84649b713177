"""Sum checks: a total against its parts, and children against their parents.

A *figure set* is a total and the figures that break it down. The parts are the total's
children (``parent_claim_id``) that carry a status of their own (dead, missing, returned,
...), plus, when those fall short, figures of a compatible cohort in the following
paragraphs of the same document whose status is not yet used: "1,490 left: 500 dead, 300
missing, 390 returned, 130 detained" and, a paragraph later, "about 170 remain in Idlib".
A child without a status of its own ("130, including 68 men") is a subset, checked as
child <= parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from claimgraph.reconcile.records import FigureRecord, cohort_dimensions

PARAGRAPH_WINDOW = 2  # how many following paragraphs may complete a breakdown
MAX_EXTRA_PARTS = 3  # how many figures from the following paragraphs may join one check


@dataclass(frozen=True)
class SumCheck:
    total: FigureRecord
    parts: tuple[FigureRecord, ...]
    parts_sum: float
    tolerance: float
    consistent: bool
    note: str

    @property
    def kind(self) -> str:
        return "sum"


@dataclass(frozen=True)
class SubsetCheck:
    parent: FigureRecord
    child: FigureRecord
    consistent: bool

    @property
    def kind(self) -> str:
        return "subset"


@dataclass
class SumReport:
    sums: list[SumCheck] = field(default_factory=list)
    subsets: list[SubsetCheck] = field(default_factory=list)


def check_document(figures: Sequence[FigureRecord]) -> SumReport:
    """Every sum and subset check in one document's figures (in document order)."""
    report = SumReport()
    by_id = {figure.claim_id: figure for figure in figures}
    children: dict[int, list[FigureRecord]] = {}
    for figure in figures:
        if figure.parent_claim_id is not None and figure.parent_claim_id in by_id:
            children.setdefault(figure.parent_claim_id, []).append(figure)
    for parent_id, kids in children.items():
        parent = by_id[parent_id]
        if parent.value is None:
            continue
        for child in kids:
            if child.value is not None and not _is_part(parent, child):
                report.subsets.append(
                    SubsetCheck(parent, child, child.value <= parent.value + parent.tolerance())
                )
        parts = [child for child in kids if _is_part(parent, child) and child.value is not None]
        if len(parts) >= 2:
            report.sums.append(_check_total(parent, parts, figures))
    return report


def check_all(figures: Iterable[FigureRecord]) -> SumReport:
    """Sum and subset checks document by document."""
    report = SumReport()
    by_document: dict[int, list[FigureRecord]] = {}
    for figure in figures:
        by_document.setdefault(figure.document_id, []).append(figure)
    for document_figures in by_document.values():
        document_figures.sort(key=lambda figure: (figure.sentence_index, figure.claim_id))
        one = check_document(document_figures)
        report.sums.extend(one.sums)
        report.subsets.extend(one.subsets)
    return report


def _is_part(parent: FigureRecord, child: FigureRecord) -> bool:
    """A part of a breakdown has its own status, different from its parent's."""
    return child.status is not None and child.status != parent.status and child.unit == parent.unit


def _check_total(total: FigureRecord, parts: list[FigureRecord], figures: Sequence[FigureRecord]) -> SumCheck:
    total_value = total.value or 0.0
    parts_sum = sum(part.value or 0 for part in parts)
    tolerance = total.tolerance() + sum(part.tolerance() for part in parts)
    if abs(parts_sum - total_value) <= tolerance:
        return SumCheck(total, tuple(parts), parts_sum, tolerance, True, "the parts add up to the total")
    if parts_sum < total_value:
        extra = _completion(total, parts, figures, total_value - parts_sum)
        if extra:
            all_parts = tuple(parts) + extra
            new_sum = parts_sum + sum(part.value or 0 for part in extra)
            new_tolerance = tolerance + sum(part.tolerance() for part in extra)
            return SumCheck(
                total, all_parts, new_sum, new_tolerance, True,
                "the parts add up to the total with figures from the following paragraphs",
            )
        return SumCheck(
            total, tuple(parts), parts_sum, tolerance, False,
            f"the parts leave {total_value - parts_sum:,.0f} unaccounted for",
        )
    return SumCheck(
        total, tuple(parts), parts_sum, tolerance, False,
        f"the parts exceed the total by {parts_sum - total_value:,.0f}",
    )


def _completion(
    total: FigureRecord, parts: list[FigureRecord], figures: Sequence[FigureRecord], gap: float
) -> tuple[FigureRecord, ...]:
    """The fewest later figures (compatible cohort, unused status, not nested in another
    figure) that close ``gap`` within their tolerance."""
    used_statuses = {part.status for part in parts} | {total.status}
    last_paragraph = max(part.paragraph_index for part in parts)
    candidates = [
        figure
        for figure in figures
        if figure.claim_id != total.claim_id
        and figure not in parts
        and figure.parent_claim_id is None
        and figure.value is not None
        and figure.unit == total.unit
        and figure.status is not None
        and figure.status not in used_statuses
        and last_paragraph <= figure.paragraph_index <= last_paragraph + PARAGRAPH_WINDOW
        and figure.sentence_index > total.sentence_index
        and cohorts_compatible(total.cohort_key, figure.cohort_key)
    ]
    for size in range(1, min(MAX_EXTRA_PARTS, len(candidates)) + 1):
        for combo in combinations(candidates, size):
            if len({figure.status for figure in combo}) < size:
                continue
            value = sum(figure.value or 0 for figure in combo)
            if abs(value - gap) <= sum(figure.tolerance() for figure in combo):
                return combo
    return ()


def cohorts_compatible(a: str, b: str) -> bool:
    """Two cohort keys may describe the same people: no dimension set in both disagrees,
    and they share the nationality when both give one."""
    da, db = cohort_dimensions(a), cohort_dimensions(b)
    return all(da[key] == db[key] for key in da.keys() & db.keys())


