"""Find the stored sentence a claim or mention belongs to, from character offsets."""

from __future__ import annotations

import bisect
from collections.abc import Sequence


class SentenceLocator:
    """Maps character offsets of one document to the id of the sentence holding them."""

    def __init__(self, sentences: Sequence[tuple[int, int, int]]) -> None:
        """``sentences``: (id, start_char, end_char) of every sentence of the document."""
        ordered = sorted(sentences, key=lambda s: s[1])
        self._ids = [s[0] for s in ordered]
        self._starts = [s[1] for s in ordered]
        self._ends = [s[2] for s in ordered]
        self._by_start = {s[1]: s[0] for s in ordered}

    def __len__(self) -> int:
        return len(self._ids)

    def find(self, start: int, sentence_start: int | None = None) -> int | None:
        """The sentence starting at ``sentence_start`` if given and stored, else the one
        containing ``start``; None when no sentence holds it."""
        if sentence_start is not None and sentence_start in self._by_start:
            return self._by_start[sentence_start]
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and start < self._ends[i]:
            return self._ids[i]
        return None
