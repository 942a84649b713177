from collections.abc import Callable
from itertools import count

import pytest

from claimgraph.reconcile.records import FigureRecord

_ids = count(1)


@pytest.fixture
def figure() -> Callable[..., FigureRecord]:
    """Build a FigureRecord with sensible defaults; override any field by keyword."""

    def make(value: float | None, **fields: object) -> FigureRecord:
        defaults: dict[str, object] = {
            "claim_id": next(_ids), "document_id": 1, "document_title": "doc", "publisher": None,
            "published": "2023-06-01", "value": value, "low": None, "high": None, "approx": False,
            "qualifier": "exact", "unit": "persons", "counts": "French",
            "cohort_key": "nationality:french", "status": None, "place": None, "as_of": None,
            "value_text": str(value), "sentence": "s", "sentence_index": 0, "paragraph_index": 0,
            "parent_claim_id": None,
        }
        defaults.update(fields)
        return FigureRecord(**defaults)  # type: ignore[arg-type]

    return make
