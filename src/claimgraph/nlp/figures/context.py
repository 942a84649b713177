"""Where and when a count holds: the place and the ``as_of`` date in the figure's clause.

A date or place belongs to a figure when it sits in the counted noun's phrase ("1,490
Frenchmen who have joined ... since 2012") or hangs off the same verb ("As of 2024, it
houses 2,600 individuals"). Failing that:

* as_of: the nearest *reference* date of the sentence ("As of 30 September 2023", "Au 1er
  janvier 2024", "compte 1 000 ... en 2013"); a comparison ("contre 126 fin 2021", "down
  from 73,000 in early 2019") keeps the dates of its own segment, which no other figure
  takes. Dates come from ``find_date_expressions`` (event and reference roles), else from
  years after a date preposition ("in 2015", "fin 2018").
* place: the nearest place of the figure's clause (between punctuation), else, when the
  sentence refers back to a place ("this enclave", "ce camp") without naming one, the last
  Location named before the sentence in the same paragraph, else the one Location of the
  document's title. Places come from ``doc._.mentions`` (Location,
  Country; the canonical name), else the parser's GPE/LOC entities, plus common-noun camps
  and prisons after a preposition ("in Kurdish camps").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from claimgraph.nlp.attributes import doc_text
from claimgraph.nlp.components.dates import find_date_expressions
from claimgraph.nlp.figures.lexicon import FigureLexicon

_PLACE_LABELS = frozenset({"Location", "Country"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_CLAUSE = frozenset({",", ";", ":", ".", "!", "?"})  # a dash or bracket is an aside, not a break
_FACILITIES = frozenset({"camp", "camps", "prison", "prisons", "jail", "jails"})


@dataclass(frozen=True, slots=True)
class Marked:
    start: int  # token indices
    end: int
    value: str  # iso date or place name
    reference: bool = False  # a date that dates a count ("As of 2024"); a Location (places)


def dates_of(doc: Doc, lex: FigureLexicon, text: str) -> list[Marked]:
    """Event and reference dates of ``doc`` (``find_date_expressions``), else years after a
    date preposition."""
    found: list[Marked] = []
    for date in find_date_expressions(doc, lex.language):
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        if span is not None:
            found.append(Marked(span.start, span.end, date["iso"], date["role"] == "reference"))
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


def places_of(doc: Doc, lex: FigureLexicon) -> list[Marked]:
    found: list[Marked] = []
    for mention in doc._.mentions or []:
        if mention["label"] in _PLACE_LABELS:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is not None:
                name = mention["text"]
                found.append(Marked(span.start, span.end, name, mention["label"] == "Location"))
    if not found:
        found = [
            Marked(e.start, e.end, e.text, e.label_ != "GPE") for e in doc.ents if e.label_ in _PLACE_ENTS
        ]
    text = doc_text(doc)
    found = [_with_compass(doc, m, lex, text) for m in found]
    taken = {i for m in found for i in range(m.start, m.end)}
    # only the tokens that can name a place by a common noun (a lookup, not a Python loop
    # over every token of the document)
    lowers = doc.to_array(LOWER)
    for i in numpy.nonzero(numpy.isin(lowers, _noun_ids(lex.area_nouns)))[0].tolist():
        if i in taken:
            continue
        token = doc[i]
        marked = None
        if token.lower_ in _FACILITIES:
            marked = _facility(doc, token, lex, taken)
        elif token.lower_ in lex.area_nouns:
            marked = _area(doc, token, text)
        if marked is not None:
            found.append(marked)
    return sorted(found, key=lambda m: m.start)


_COMPOUND_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w]+-[A-Z][\w]+)\s+$")  # "Iraqi-Syrian region"
_COMPOUND_AFTER = re.compile(r"^\s+([^\W\d_]+-[^\W\d_]+)\b")  # "zone syro-irakienne"
_COMPASS_LINKS = frozenset({"de", "la", "du", "l'", "l’"})


@cache
def _noun_ids(area_nouns: frozenset[str]) -> numpy.ndarray:
    """Hashes of the lowercase nouns that name a place by themselves: camps, prisons, areas."""
    return numpy.array([get_string_id(w) for w in sorted(_FACILITIES | area_nouns)], dtype=numpy.uint64)


def _area(doc: Doc, token: Token, text: str) -> Marked | None:
    """"the Iraqi-Syrian region", "la zone syro-irakienne": an area named by the compound
    adjective of the places it spans."""
    before = _COMPOUND_BEFORE.search(text, max(0, token.idx - 60), token.idx)
    if before is not None:
        span = doc.char_span(before.start(1), token.idx + len(token.text), alignment_mode="expand")
    else:
        end = token.idx + len(token.text)
        after = _COMPOUND_AFTER.match(text[end : end + 60])
        if after is None:
            return None
        span = doc.char_span(token.idx, end + after.end(1), alignment_mode="expand")
    return Marked(span.start, span.end, span.text, True) if span is not None else None


def _with_compass(doc: Doc, place: Marked, lex: FigureLexicon, text: str) -> Marked:
    """"in north-east Syria", "dans le nord-est de la Syrie": the place with the part of it
    that the text names."""
    start = place.start
    while start > place.start - 2 and start > 0 and doc[start - 1].lower_ in _COMPASS_LINKS:
        start -= 1
    prefix = text[max(0, doc[start].idx - 30) : doc[start].idx].rstrip()
    lowered = prefix.lower()
    for word in lex.compass_words:
        if lowered.endswith(word) and (len(lowered) == len(word) or not lowered[-len(word) - 1].isalnum()):
            begin = doc[start].idx - (len(text[: doc[start].idx]) - len(text[: doc[start].idx].rstrip())) - len(word)
            span = doc.char_span(begin, doc[place.start].idx, alignment_mode="expand")
            if span is None or span.start >= place.start:
                return place
            value = f"{text[begin : doc[place.start].idx]}{place.value}"
            return Marked(span.start, place.end, value, place.reference)
    return place


def _facility(doc: Doc, token: Token, lex: FigureLexicon, taken: set[int]) -> Marked | None:
    """"in Kurdish camps", "dans des prisons kurdes": a place named by a common noun."""
    start = token.i
    while start > 0 and doc[start - 1].pos_ in ("ADJ", "PROPN") and doc[start - 1].i not in taken:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].pos_ == "ADJ":
        end += 1
    before = start - 1
    while before >= 0 and doc[before].pos_ == "DET":
        before -= 1
    if before < 0 or doc[before].lower_ not in lex.in_place:
        return None
    if start == token.i and end == token.i + 1:
        return None  # a bare "in the camp" names no place
    return Marked(start, end, doc[start:end].text)


def _verb_of(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return token
        token = token.head
    return None


_CHAIN_DEPS = frozenset({"xcomp", "conj"})


def _verb_chain(verb: Token) -> list[Token]:
    """The verbs ``verb`` hangs from: "Berlin a fait revenir 27 femmes" (revenir, fait),
    "strikes on 29 December 2019 killed 25 and wounded 55" (wounded, killed)."""
    chain = [verb]
    while len(chain) < 4 and verb.dep_ in _CHAIN_DEPS and verb.head.i != verb.i:
        verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            break
        chain.append(verb)
    return chain


def _in_phrase(items: list[Marked], phrase: tuple[int, int], sent: tuple[int, int]) -> Marked | None:
    """The first item inside the counted phrase's subtree."""
    return next((m for m in items if sent[0] <= m.start < sent[1] and phrase[0] <= m.start < phrase[1]), None)


def _governed(
    items: list[Marked], doc: Doc, verb: Token | None, sent: tuple[int, int], number: int | None = None
) -> Marked | None:
    """An item governed by ``verb``: the first, or with ``number`` the one nearest it, and
    then one governed by a verb ``verb`` depends on (``_verb_chain``)."""
    if verb is None:
        return None
    in_sentence = [m for m in items if sent[0] <= m.start < sent[1]]
    governors = {item.start: _verb_of(doc[item.start]) for item in in_sentence}
    for link in _verb_chain(verb) if number is not None else [verb]:
        own = [m for m in in_sentence if governors[m.start] is not None and governors[m.start].i == link.i]
        if own and number is None:
            return own[0]
        if own:  # "put it at 1,000 in 2018 and at 6,000 in 2024": the date nearest the number
            return min(own, key=lambda m: (abs(m.start - number), m.start))
    return None


def clause_of(doc: Doc, index: int, sent: tuple[int, int]) -> tuple[int, int]:
    """The tokens between the punctuation marks around ``index``, within its sentence."""
    start = index
    while start > sent[0] and doc[start - 1].text not in _CLAUSE:
        start -= 1
    end = index
    while end < sent[1] and doc[end].text not in _CLAUSE:
        end += 1
    return start, end


def as_of(
    dates: list[Marked],
    doc: Doc,
    phrase: tuple[int, int],
    verb: Token | None,
    sent: tuple[int, int],
    number: int,
    segment: tuple[int, int] | None,
    reserved: list[tuple[int, int]],
    lex: FigureLexicon,
) -> str | None:
    pool = [d for d in dates if sent[0] <= d.start < sent[1]]
    if segment is not None:  # "contre 126 fin 2021": its own dates only
        own = [d for d in pool if segment[0] <= d.start < segment[1]]
        return own[0].value if own else None
    pool = [d for d in pool if not any(a <= d.start < b for a, b in reserved)]
    references = [d for d in pool if d.reference and not starts_period(doc, d.start, lex)]
    nearest = (
        min(references, key=lambda d: min(abs(d.start - number), abs(d.end - 1 - number))).value
        if references
        else None
    )
    found = _in_phrase(pool, phrase, sent)
    if found is None:
        # "150 en 2023", "90 in 2019": a date right after the number
        found = next(
            (d for d in pool if phrase[1] <= d.start <= phrase[1] + 1 or number < d.start <= number + 2),
            None,
        )
    if found is None:
        found = _governed(pool, doc, verb, sent, number)
    if found is not None:
        # "Au 1er mars 2024, l'OCAM recense 418 personnes parties depuis 2012": a
        # reference date stated for the count wins over the start of its period
        if nearest is not None and starts_period(doc, found.start, lex):
            return nearest
        return found.value
    return nearest


def starts_period(doc: Doc, start: int, lex: FigureLexicon) -> bool:
    """A date after "since" / "depuis": the start of a period, not when a count holds."""
    return doc[start].lower_ in lex.period_starts or (start > 0 and doc[start - 1].lower_ in lex.period_starts)


def place(
    places: list[Marked],
    doc: Doc,
    phrase: tuple[int, int],
    verb: Token | None,
    sent: tuple[int, int],
    number: int,
    lex: FigureLexicon,
    others: frozenset[int] = frozenset(),
    status: str | None = None,
) -> str | None:
    """The place of a count; ``others`` holds the starts of places that belong to another
    count of the sentence (they are not candidates, but still mean the sentence names one).
    People who left are counted where they went: for a ``joined`` count, a destination of
    its clause ("partis pour la Syrie", "left for Iraq") wins over a place that describes
    them ("résidents en Belgique"); for other counts a destination is not a place."""
    candidates = [p for p in places if p.start not in others and not _origin(doc, p, lex, places)]
    clause = clause_of(doc, number, sent)
    if status == "joined":
        went = [p for p in candidates if clause[0] <= p.start < clause[1] and _destination(doc, p.start, lex)]
        if went:
            return _joined(min(went, key=lambda p: abs(p.start - number)), places, doc, lex)
    found = _in_phrase(candidates, phrase, sent) or _governed(candidates, doc, verb, sent)
    if found is not None:
        return _joined(found, places, doc, lex)
    near = [p for p in candidates if clause[0] <= p.start < clause[1] and _locative(doc, p.start, lex)]
    if near:
        return _joined(min(near, key=lambda p: (p.start < number, abs(p.start - number))), places, doc, lex)
    opening = _opening_place(candidates, doc, sent, number, lex)
    if opening is not None:
        return _joined(opening, places, doc, lex)
    if any(p for p in places if sent[0] <= p.start < sent[1]):
        return None
    return _referred_place(places, doc, clause, sent, lex)


_LINKS = frozenset({"de", "d'", "d’", "of"})
_OBJECTS = frozenset({"dobj", "obj"})


def _origin(doc: Doc, place: Marked, lex: FigureLexicon, places: list[Marked], depth: int = 0) -> bool:
    """A place the people come from is not where they are counted: after "from" /
    "depuis" ("who travelled from the Netherlands", "rapatriés depuis la Syrie"), or the
    object of a verb of leaving ("left Germany for Syria", "ont quitté la Belgique")."""
    before = place.start - 1
    while before >= 0 and (doc[before].pos_ == "DET" or doc[before].lower_ in lex.origin_preps):
        if doc[before].lower_ in lex.origin_preps:
            return True
        before -= 1
    if depth < 12 and before > 0 and (doc[before].text == "," or doc[before].lower_ in lex.place_joiners):
        # "depuis la Syrie et la Libye": the places listed after an origin are origins
        previous = next((p for p in places if p.end == before), None)
        if previous is not None and _origin(doc, previous, lex, places, depth + 1):
            return True
    head = doc[place.start]
    for token in doc[place.start : place.end]:
        if not place.start <= token.head.i < place.end or token.head.i == token.i:
            head = token
            break
    return head.dep_ in _OBJECTS and head.head.lemma_ in lex.departure_verbs


def _list_of(found: Marked, places: list[Marked], doc: Doc, lex: FigureLexicon) -> list[Marked]:
    """Three or more places listed together: "en Syrie, en Irak et en Libye", "Nigeria,
    Niger and Chad" (commas, then one joining word before the last)."""
    by_end = {p.end: p for p in places}
    by_start = {p.start: p for p in places}

    def skip_back(i: int) -> int:
        while i >= 0 and (doc[i].pos_ == "DET" or doc[i].lower_ in _LINKS or doc[i].lower_ in lex.in_place):
            i -= 1
        return i

    def skip_on(i: int) -> int:
        while i < len(doc) and (doc[i].pos_ == "DET" or doc[i].lower_ in _LINKS or doc[i].lower_ in lex.in_place):
            i += 1
        return i

    seq, seps = [found], []
    while len(seq) < 12:
        sep = skip_back(seq[0].start - 1)
        if sep < 1 or (doc[sep].text != "," and doc[sep].lower_ not in lex.place_joiners):
            break
        previous = by_end.get(sep)
        if previous is None:
            break
        seq.insert(0, previous)
        seps.insert(0, doc[sep].lower_)
    while len(seq) < 24:
        sep = seq[-1].end
        if sep >= len(doc) or (doc[sep].text != "," and doc[sep].lower_ not in lex.place_joiners):
            break
        following = by_start.get(skip_on(sep + 1))
        if following is None:
            break
        seq.append(following)
        seps.append(doc[sep].lower_)
    at = seq.index(found)
    joins = [k for k, sep in enumerate(seps) if sep != "," and k >= at - 1]
    if not joins:
        return [found]
    last = joins[0]
    first = last
    while first > 0 and seps[first - 1] == ",":
        first -= 1
    if not first <= at <= last + 1:
        return [found]
    return seq[first : last + 2]


def _joined(found: Marked, places: list[Marked], doc: Doc, lex: FigureLexicon) -> str:
    """A place coordinated with the next one names the two: "in Iraq and Syria", "en Syrie
    et en Irak" (Syrie et Irak); with their common noun around them, as written: "the
    al-Hol and Roj camps", "les camps d'al-Hol et de Roj"."""
    listed = _list_of(found, places, doc, lex)
    if len(listed) > 2:
        joiner = listed[-1].start - 1
        while doc[joiner].lower_ not in lex.place_joiners:
            joiner -= 1
        return f"{', '.join(p.value for p in listed[:-1])} {doc[joiner].text} {listed[-1].value}"
    joiner = found.end
    if joiner >= len(doc) or doc[joiner].lower_ not in lex.place_joiners:
        return found.value
    start = joiner + 1
    while start < len(doc) and (
        doc[start].pos_ == "DET" or doc[start].lower_ in _LINKS or doc[start].lower_ in lex.in_place
    ):
        start += 1
    other = next((p for p in places if p.start == start), None)
    if other is None:
        return found.value
    before = found.start - 1
    if before > 0 and doc[before].lower_ in _LINKS and doc[before - 1].lower_ in _FACILITIES:
        return doc[before - 1 : other.end].text  # "camps d'al-Hol et de Roj"
    if other.end < len(doc) and doc[other.end].lower_ in _FACILITIES:
        return doc[found.start : other.end + 1].text  # "al-Hol and Roj camps"
    return f"{found.value} {doc[joiner].text} {other.value}"


def _opening_place(
    places: list[Marked], doc: Doc, sent: tuple[int, int], number: int, lex: FigureLexicon
) -> Marked | None:
    """"In Cabo Delgado, the UN says 670,000 people have fled", "Dans les montagnes de
    Kasserine, ... pas plus de 60 hommes": a place set before the whole sentence, as its
    opening locative phrase, is where the sentence's counts hold."""
    if doc[sent[0]].lower_ not in lex.in_place:
        return None
    first = clause_of(doc, sent[0], sent)
    if first[1] >= sent[1] or doc[first[1]].text != "," or first[0] <= number < first[1]:
        return None
    if any(token.pos_ in ("VERB", "AUX") for token in doc[first[0] : first[1]]):
        return None  # "At its height in 2010 the movement held ... Somalia,": a clause
    return next((p for p in places if first[0] <= p.start < first[1]), None)


def _locative(doc: Doc, start: int, lex: FigureLexicon) -> bool:
    """"in north-east Syria", "dans le camp de Roj": the place follows a locative preposition."""
    before = start - 1
    while before >= 0 and doc[before].pos_ == "DET":
        before -= 1
    return before >= 0 and doc[before].lower_ in lex.in_place


def _destination(doc: Doc, start: int, lex: FigureLexicon) -> bool:
    """"left for Syria", "partis pour la Syrie", "vers la zone": where people went."""
    before = start - 1
    while before >= 0 and doc[before].pos_ == "DET":
        before -= 1
    return before >= 0 and doc[before].lower_ in lex.destination_preps


def _referred_place(
    places: list[Marked], doc: Doc, clause: tuple[int, int], sent: tuple[int, int], lex: FigureLexicon
) -> str | None:
    """"living in this enclave", "dans ce camp": the last Location named before the sentence."""
    for token in doc[clause[0] : clause[1]]:
        if token.lower_ in lex.place_nouns and any(
            child.lower_ in lex.place_anaphors and child.dep_ == "det" for child in token.children
        ):
            # Only within the paragraph: across a paragraph break, "this enclave" is as
            # likely to be named after the sentence as before it, and a wrong place is worse
            # than none.
            text = doc_text(doc)
            paragraph = text.rfind("\n", 0, doc[sent[0]].idx) + 1
            before = [p for p in places if p.end <= sent[0] and p.reference and doc[p.start].idx >= paragraph]
            if before:
                return before[-1].value
            # else the one Location the title names ("... in the mini-caliphate in Idlib,
            # Syria?" then "this enclave"): what the whole text is about
            return _title_location(places, doc, text)
    return None


def _title_location(places: list[Marked], doc: Doc, text: str) -> str | None:
    """The single Location (not a country) named on the document's title line (a first line
    that is not a sentence ending with a period), if any."""
    offset = len(text) - len(text.lstrip())
    line_end = text.find("\n", offset)
    if line_end == -1 or text[offset:line_end].rstrip().endswith("."):
        return None  # no title line: the text starts with a sentence
    named = {p.value for p in places if p.reference and offset <= doc[p.start].idx < line_end}
    return named.pop() if len(named) == 1 else None
