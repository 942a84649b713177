"""Build FigureRecords from the store: each figure with its sentence and its position.

Positions (sentence and paragraph index) let the sum check look a paragraph or two past a
breakdown for the figure that completes it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from claimgraph.reconcile.records import FigureRecord
from claimgraph.store.base import Store
from claimgraph.store.records import FigureRow

_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def figure_records(store: Store, rows: Sequence[FigureRow]) -> list[FigureRecord]:
    """FigureRecords for ``rows``, reading each document's text and sentences once."""
    positions: dict[int, tuple[list[int], list[int], str | None, str | None]] = {}
    records = []
    for row in rows:
        if row.document_id not in positions:
            document = store.document(row.document_id)
            sentence_starts = [sentence.start_char for sentence in store.sentences(row.document_id)]
            breaks = [match.start() for match in _PARAGRAPH_BREAK.finditer(document.text)]
            positions[row.document_id] = (sentence_starts, breaks, document.publisher, document.title)
        sentence_starts, breaks, publisher, title = positions[row.document_id]
        records.append(
            FigureRecord(
                claim_id=row.claim_id,
                document_id=row.document_id,
                document_title=title or row.document_source,
                publisher=publisher,
                published=row.published,
                value=row.value,
                low=row.low,
                high=row.high,
                approx=row.approx,
                qualifier=row.qualifier,
                unit=row.unit,
                counts=row.counts,
                cohort_key=row.cohort_key,
                status=row.status,
                place=row.place,
                as_of=row.as_of,
                value_text=row.value_text or "",
                sentence=row.sentence_text,
                sentence_index=bisect.bisect_right(sentence_starts, row.start_char) - 1,
                paragraph_index=bisect.bisect_right(breaks, row.start_char),
                parent_claim_id=row.parent_claim_id,
                attributed_to=row.attributed_to,
            )
        )
    return records
