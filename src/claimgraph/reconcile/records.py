"""The figure as reconciliation sees it: a stored claim with its evidence.

Built from store rows (``claimgraph.store``) or straight from extraction records, so the
checks can run on a database or on one document in memory.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FigureRecord:
    claim_id: int  # unique within the set being checked
    document_id: int
    document_title: str  # for the reader: where it was said
    publisher: str | None
    published: str | None  # ISO date the document was published
    value: float | None
    low: float | None
    high: float | None
    approx: bool
    qualifier: str
    unit: str
    counts: str
    cohort_key: str  # normalised by the store: "nationality:french;age_class:adult"
    status: str | None
    place: str | None
    as_of: str | None
    value_text: str
    sentence: str  # the exact sentence that states it
    sentence_index: int  # position of the sentence in its document
    paragraph_index: int  # position of its paragraph in its document
    parent_claim_id: int | None
    attributed_to: str | None = None

    @property
    def when(self) -> str | None:
        """The date the figure holds for: its as_of, else the publication date."""
        return self.as_of or self.published

    def tolerance(self) -> float:
        """How far the true number may be from ``value`` given how it was written."""
        if self.value is None:
            return 0.0
        if self.approx:
            return max(0.1 * abs(self.value), 1.0)
        return 0.0


def cohort_dimensions(key: str) -> dict[str, str]:
    """``"nationality:french;age_class:adult"`` -> ``{"nationality": "french", "age_class": "adult"}``."""
    return dict(part.split(":", 1) for part in key.split(";") if ":" in part)
