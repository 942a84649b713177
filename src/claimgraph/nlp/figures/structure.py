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
        self.verbs = lex.part_marker_verbs
        self._before_by_last = _by_last(self.before)
        self._comparisons_by_last = _by_last(self.comparisons)
        self._openers_by_last = _by_last(self.openers)

    def marker_before(self, doc: Doc, start: int, sent_start: int) -> bool:
        """"including 68 men", "dont 41 000 enfants"; also with the verb between them:
        "Among them were 40 children", "Parmi eux figurent 178 femmes"."""
        return self.marker_start(doc, start, sent_start) is not None

    def marker_start(self, doc: Doc, start: int, sent_start: int) -> int | None:
        """Where the part marker before the number at ``start`` begins, if there is one."""
        i = start
        while i > sent_start and doc[i - 1].text in _SKIP:
            i -= 1
        j = i
        while j > max(sent_start, i - 2) and (
            doc[j - 1].pos_ in ("VERB", "AUX") or doc[j - 1].lower_ in self.verbs
        ):
            j -= 1
        for end in (i, j) if j < i else (i,):
            if end <= sent_start:
                continue
            for phrase in self._before_by_last.get(doc[end - 1].lower_, ()):
                if _ends_at(doc, end, phrase, sent_start):
                    return end - len(phrase)
        return None

    def marker_after(self, doc: Doc, end: int) -> bool:
        return any(
            tuple(t.lower_ for t in doc[end : end + len(phrase)]) == phrase for phrase in self.after
        )

    def comparison_before(self, doc: Doc, start: int, sent_start: int) -> int | None:
        """"contre 126", "up from 90", "down from a peak of 73,000": where the marker starts."""
        i = start
        while i > sent_start and doc[i - 1].text in _SKIP:
            i -= 1
        if i <= sent_start:
            return None
        for phrase in self._comparisons_by_last.get(doc[i - 1].lower_, ()):
            if _ends_at(doc, i, phrase, sent_start):
                return i - len(phrase)
        return None

    def opens_total(self, doc: Doc, start: int, sent_start: int) -> bool:
        """"Of the 1,490 ..." at the start of the sentence (or after a colon, or after an
        opening phrase and its comma: "Au 1er janvier 2024, sur ces 1.500 personnes")."""
        if start <= sent_start:
            return False
        for phrase in self._openers_by_last.get(doc[start - 1].lower_, ()):
            begin = start - len(phrase)
            if begin < sent_start:
                continue
            if _ends_at(doc, start, phrase, sent_start) and (
                begin == sent_start or doc[begin - 1].text in (":", "\n", ",")
            ):
                return True
        return False


def _by_last(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by their last word, in the order given (longest first)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[-1], []).append(phrase)
    return out


def _ends_at(doc: Doc, end: int, phrase: tuple[str, ...], floor: int) -> bool:
    begin = end - len(phrase)
    return begin >= floor and tuple(t.lower_ for t in doc[begin:end]) == phrase
