"""Part-of structure between the figures of one sentence.

* a marker before a number ("including 68 men", "dont 41 000 enfants", "among them")
  makes it a part of the nearest figure before it;
* a marker after a fraction ("half of whom", "la moitié d'entre eux") likewise;
* "Of the 1,490 Frenchmen ..., 500 ..., 300 ..." makes the later counts of people parts of
  the total the sentence opens with;
* a comparison marker ("contre 126", "up from 90", "down from a peak of 73,000") makes a
  number the earlier value of the figure before it: same cohort and status, own date.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.figures.detect import phrase_tokens
from claimgraph.nlp.figures.lexicon import FigureLexicon

_SKIP = frozenset({"(", "–", "—", ",", "-", ":"})


class PartMarkers:
    """Marker phrases of one language, tokenised once."""

    def __init__(self, nlp: Language, lex: FigureLexicon) -> None:
        def tok(phrases: Sequence[str]) -> list[tuple[str, ...]]:
            return sorted({phrase_tokens(nlp, p) for p in phrases}, key=len, reverse=True)

        self.before = tok(lex.part_markers_before)
        self.after = tok(lex.part_markers_after)
        self.openers = tok(lex.total_openers)
        self.comparisons = tok(lex.comparison_markers)

    def marker_before(self, doc: Doc, start: int, sent_start: int) -> bool:
        i = start
        while i > sent_start and doc[i - 1].text in _SKIP:
            i -= 1
        return any(_ends_at(doc, i, phrase, sent_start) for phrase in self.before)

    def marker_after(self, doc: Doc, end: int) -> bool:
        return any(
            tuple(t.lower_ for t in doc[end : end + len(phrase)]) == phrase for phrase in self.after
        )

    def comparison_before(self, doc: Doc, start: int, sent_start: int) -> int | None:
        """"contre 126", "up from 90", "down from a peak of 73,000": where the marker starts."""
        i = start
        while i > sent_start and doc[i - 1].text in _SKIP:
            i -= 1
        for phrase in self.comparisons:
            if _ends_at(doc, i, phrase, sent_start):
                return i - len(phrase)
        return None

    def opens_total(self, doc: Doc, start: int, sent_start: int) -> bool:
        """"Of the 1,490 ..." at the start of the sentence (or after a colon)."""
        for phrase in self.openers:
            begin = start - len(phrase)
            if begin < sent_start:
                continue
            if tuple(t.lower_ for t in doc[begin:start]) == phrase and (
                begin == sent_start or doc[begin - 1].text in (":", "\n")
            ):
                return True
        return False


def _ends_at(doc: Doc, end: int, phrase: tuple[str, ...], floor: int) -> bool:
    begin = end - len(phrase)
    return begin >= floor and tuple(t.lower_ for t in doc[begin:end]) == phrase
