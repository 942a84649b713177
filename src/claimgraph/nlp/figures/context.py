"""Where and when a count holds: the place and the ``as_of`` date in the figure's clause.

A date or place belongs to a figure when it sits in the counted noun's phrase ("1,490
Frenchmen who have joined ... since 2012") or hangs off the same verb ("As of 2024, it
houses 2,600 individuals"). Dates come from ``doc._.dates`` when the dates component found
any, else from years after a date preposition ("in 2015", "fin 2018"). Places come from
``doc._.mentions`` (Location, Country), else from the parser's GPE/LOC entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.nlp.figures.lexicon import FigureLexicon

_PLACE_LABELS = frozenset({"Location", "Country"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Marked:
    start: int  # token indices
    end: int
    value: str  # iso date or place name


def dates_of(doc: Doc, lex: FigureLexicon, text: str) -> list[Marked]:
    found: list[Marked] = []
    for date in doc._.dates or []:
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        if span is not None:
            found.append(Marked(span.start, span.end, date["iso"]))
    if found:
        return found
    for match in _YEAR.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or span.start == 0:
            continue
        before = doc[span.start - 1].lower_
        if before in lex.date_preps or before in lex.months:
            found.append(Marked(span.start, span.end, match.group()))
    return found


def places_of(doc: Doc) -> list[Marked]:
    found: list[Marked] = []
    for mention in doc._.mentions or []:
        if mention["label"] in _PLACE_LABELS:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is not None:
                found.append(Marked(span.start, span.end, mention["text"]))
    if found:
        return found
    return [Marked(e.start, e.end, e.text) for e in doc.ents if e.label_ in _PLACE_ENTS]


def _verb_of(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return token
        token = token.head
    return None


def attached(
    items: list[Marked], doc: Doc, phrase: tuple[int, int], verb: Token | None, sent: tuple[int, int]
) -> str | None:
    """The first item inside the counted phrase's subtree, else one governed by ``verb``."""
    start, end = phrase
    in_sentence = [m for m in items if sent[0] <= m.start < sent[1]]
    for item in in_sentence:
        if start <= item.start < end:
            return item.value
    if verb is None:
        return None
    for item in in_sentence:
        governor = _verb_of(doc[item.start])
        if governor is not None and governor.i == verb.i:  # Token objects are not reused
            return item.value
    return None
