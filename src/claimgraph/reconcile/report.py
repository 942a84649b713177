"""Everything ``claimgraph check`` reports, as plain data (the CLI renders it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimgraph.reconcile.records import FigureRecord
from claimgraph.reconcile.sums import SumReport, check_all
from claimgraph.reconcile.timelines import Disagreement, Series, build_series, find_disagreements


@dataclass(frozen=True)
class CheckReport:
    sums: SumReport
    series: list[Series]
    disagreements: list[Disagreement]

    def as_dict(self) -> dict[str, Any]:
        return {
            "sum_checks": [
                {
                    "consistent": check.consistent,
                    "note": check.note,
                    "total": evidence(check.total),
                    "parts": [evidence(part) for part in check.parts],
                    "parts_sum": check.parts_sum,
                    "tolerance": check.tolerance,
                }
                for check in self.sums.sums
            ],
            "subset_checks": [
                {"consistent": check.consistent, "parent": evidence(check.parent), "child": evidence(check.child)}
                for check in self.sums.subsets
            ],
            "timelines": [
                {
                    "label": one.label,
                    "cohort_key": one.cohort_key,
                    "status": one.status,
                    "place": one.place,
                    "sources": one.sources,
                    "points": [evidence(point) for point in one.points],
                }
                for one in self.series
                if one.sources > 1
            ],
            "disagreements": [
                {"series": item.series.label, "first": evidence(item.first), "second": evidence(item.second)}
                for item in self.disagreements
            ],
        }


def reconcile(figures: list[FigureRecord]) -> CheckReport:
    series = build_series(figures)
    return CheckReport(check_all(figures), series, find_disagreements(series))


def evidence(figure: FigureRecord) -> dict[str, Any]:
    """A figure with who said it, when, and the exact sentence."""
    return {
        "claim_id": figure.claim_id,
        "value": figure.value,
        "value_text": figure.value_text,
        "counts": figure.counts,
        "status": figure.status,
        "place": figure.place,
        "as_of": figure.as_of,
        "document": figure.document_title,
        "publisher": figure.publisher,
        "published": figure.published,
        "attributed_to": figure.attributed_to,
        "sentence": figure.sentence,
    }


def source_line(figure: FigureRecord) -> str:
    """"Le Monde (2023-06-01), citing a DGSE/DGSI note" — who says it, never that it is true."""
    who = figure.publisher or figure.document_title
    when = f" ({figure.published})" if figure.published else ""
    citing = f", citing {figure.attributed_to}" if figure.attributed_to else ""
    return f"{who}{when}{citing}"
