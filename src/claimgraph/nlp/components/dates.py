"""``claimgraph_dates``: the dates of events, as ``doc._.dates`` (attributes.DateMention).

Candidates come from the precompiled grammar of ``claimgraph.nlp.dates_parse`` (month
table, prepositions and modifiers from ``data/date_cues.yaml``) plus spaCy's ``DATE``
entities that the grammar reads in full. Each candidate then goes through:

1. **not a date**: a bare four-digit number after "resolution", "article", a proper noun
   ("Global Peace Index 2025") or inside an ORG/LAW/... entity, before a unit ("2000 km")
   or counting a plural noun ("1500 fighters") is dropped;
2. **reference, not event**: a date after an "as of" cue, in the clause of a counting
   verb followed by a number ("l'EI compte 1 000 djihadistes en 2013"), modifying a
   counted noun or a level ("12,000 fighters in mid-2017", "a peak of 73,000 in early
   2019"), or modifying a verb of stock with a number in its clause ("by 2020 fewer than
   1,000 remained") dates a count: it goes to figures' ``as_of`` (see
   ``find_date_expressions``), not to ``doc._.dates``;
3. **context, not event**: relative dates (weekdays, "this year", "l'an dernier") and a
   dateline (the publication date heading a dispatch) are not events either, unless the
   text ties something to the dateline's day ("has today designated", or a weekday that
   is that day). Figures may still take them as dates of their clause;
4. **year**: a date written without its year takes it from the end of its interval
   ("between 3 March and 7 April 2015"), else from the nearest year written before it in
   its sentence, else from ``doc._.published`` (``relative=True``), else from the last
   year of the previous sentence; a written weekday must agree ("on Tuesday 19 March"
   takes the year in which 19 March is a Tuesday). Weekdays and deictic expressions
   ("yesterday", "l'an dernier") need ``published``. Unresolvable dates are skipped.

An interval ("from 2014 to 2017", "entre 2013 et 2016", "2011-2019") gives two mentions;
a range of days in one month ("January 7 to 9") gives its first day only. Durations,
ages, decades ("the 1990s"), "today" and anaphoric dates ("the following year") are not
emitted. ``event`` is the clause around the date: subject, verb and object of the verb
it modifies, or the noun phrase it modifies ("2020 offensive").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Final, Literal, TypedDict

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.attributes import DateMention, doc_text
from claimgraph.nlp.dates_parse import (
    DateGrammar,
    LanguageCues,
    PartialDate,
    RawDate,
    grammar,
    load_cues,
    parse_iso,
    resolve_with_reference,
)

# event: goes to doc._.dates; reference: dates the counts of its sentence ("As of 2024",
# a figure's as_of); count: dates the count of its own clause only ("a peak of 73,000 in
# early 2019"); context: a relative date or a dateline. Only events are doc._.dates.
Role = Literal["event", "reference", "count", "context"]

# entity labels whose four-digit numbers are names or amounts, not years
_NAME_LABELS: Final = frozenset(
    {"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "MONEY", "QUANTITY", "PERCENT", "MISC"}
)
_CLAUSE_PUNCT: Final = frozenset({",", ";", ":", "—", "–", "(", ")", "\n"})
_WEAK_PREPOSITIONS: Final = frozenset({"", "de", "du", "à", "and", "et", "to", "with", "avec"})
_EVENT_SKIP_DEPS: Final = frozenset(
    {
        "punct",
        "appos",
        "relcl",
        "acl",
        "acl:relcl",
        "advcl",
        "parataxis",
        "cc",
        "conj",
        "mark",
        "dep",
        "discourse",
        "vocative",
        "obl:mod",
        "obl",
        "prep",
        "npadvmod",
        "advmod",
    }
)
_SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"})
_OBJECT_DEPS: Final = frozenset({"dobj", "obj", "attr", "oprd", "acomp", "xcomp", "iobj"})
_VERB_PARTS: Final = frozenset(
    {"aux", "auxpass", "aux:pass", "aux:tense", "neg", "prt", "compound:prt"}
)
_MAX_EVENT_TOKENS: Final = 14
# a dateline: "PARIS, 4 juillet 2023 (AFP) -", "QAMISHLI, Syria, 12 March 2024 —", or a
# date alone on one of the first lines
_DATELINE_BEFORE: Final = re.compile(r"^(?:[^\W\d][^.!?\n]{0,60}[,–—-])?\s*$")
_DATELINE_AFTER: Final = re.compile(r"^\s*(?:\([^()\n]{1,20}\))?\s*(?:[–—-].*)?$")
_DATELINE_LINES: Final = 4


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Per-language words of ``date_cues.yaml``'s ``event_filters`` (see its header)."""

    stock_verbs: frozenset[str]
    stock_nouns: frozenset[str]
    count_nouns: frozenset[str]
    time_nouns: frozenset[str]
    same_day_words: tuple[str, ...]
    day_reference_preps: frozenset[str]


@cache
def event_filters(language: str) -> EventFilters:
    """The ``event_filters`` of ``language`` in the bundled date cues (validated there)."""
    lists = load_cues()[language].event_filters
    return EventFilters(
        stock_verbs=frozenset(lists["stock_verbs"]),
        stock_nouns=frozenset(lists["stock_nouns"]),
        count_nouns=frozenset(lists["count_nouns"]),
        time_nouns=frozenset(lists["time_nouns"]),
        same_day_words=lists["same_day_words"],
        day_reference_preps=frozenset(lists["day_reference_preps"]),
    )


class DateExpression(TypedDict):
    """A date found in the text, event or reference (``find_date_expressions``)."""

    start: int
    end: int
    text: str
    iso: str
    role: Role  # "event" (goes to doc._.dates) or "reference" (a count's as_of)
    relative: bool  # resolved against doc._.published
    sentence_start: int
    sentence_end: int


@Language.factory(
    "claimgraph_dates",
    default_config={"language": "en"},
    assigns=["doc._.dates", "doc._.date_expressions"],
    requires=["doc.sents", "token.dep", "token.pos"],
)
def make_dates(nlp: Language, name: str, language: str) -> DatesComponent:
    return DatesComponent(language)


class DatesComponent:
    """Fills ``doc._.dates`` with the dates of events."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.grammar = grammar(language)
        self.filters = event_filters(language)

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[DateMention] = []
        found_all = _find(doc, self.grammar, self.filters)
        doc._.date_expressions = found_all  # every date, for figures' as_of: found once
        for found in found_all:
            if found["role"] != "event":
                continue
            mentions.append(
                {
                    "start": found["start"],
                    "end": found["end"],
                    "text": found["text"],
                    "iso": found["iso"],
                    "event": describe_event(doc, found["start"], found["end"]),
                    "relative": found["relative"],
                }
            )
        doc._.dates = mentions
        return doc


def find_date_expressions(doc: Doc, language: str | None = None) -> list[DateExpression]:
    """Every date of ``doc`` with its ISO value and role, for other components.

    The figures component can fill a figure's ``as_of`` from the ``reference`` dates
    ("As of 2024", "compte 1 000 ... en 2013") of its sentence, or from the ``event``
    dates there. Needs a parsed Doc (sentences, POS, dependencies) and, for year-less
    dates, ``doc._.published``. ``language`` defaults to ``doc.lang_``. When the dates
    component has run, its result (``doc._.date_expressions``) is returned as is.
    """
    if doc._.date_expressions is not None:  # already found by the dates component
        return doc._.date_expressions
    language = language or doc.lang_
    return _find(doc, grammar(language), event_filters(language))


# --------------------------------------------------------------------------- candidates


def _find(doc: Doc, date_grammar: DateGrammar, filters: EventFilters) -> list[DateExpression]:
    text = doc_text(doc)
    raws = date_grammar.scan(text)
    raws = _add_entity_candidates(doc, date_grammar, raws)
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
    starts = [start for start, _ in sentences]
    published = parse_iso(doc._.published)
    cues = date_grammar.cues

    kept: list[tuple[RawDate, Span]] = []
    for raw in raws:
        core = doc.char_span(raw.core_start, raw.end, alignment_mode="expand")
        if core is None or _not_a_date(doc, raw, core, date_grammar):
            continue
        kept.append((raw, core))

    # years written in each sentence, for dates written without one
    years: list[tuple[int, int]] = [
        (raw.start, raw.value.year)
        for raw, _ in kept
        if raw.kind == "absolute" and raw.value.year is not None
    ]

    in_dates = {i for _, core in kept for i in range(core.start, core.end)}
    out: list[DateExpression] = []
    for index, (raw, core) in enumerate(kept):
        sentence_index = max(0, bisect_right(starts, raw.start) - 1)
        sent_start, sent_end = sentences[sentence_index] if sentences else (0, len(text))
        value: PartialDate | None
        relative = False
        if raw.kind == "absolute":
            value = raw.value
        elif raw.kind == "needs_year":
            following = kept[index + 1][0] if index + 1 < len(kept) else None
            value, relative = _resolve_year(
                raw, following, years, sentences, sentence_index, published, text, cues
            )
        else:
            value = resolve_with_reference(raw, published)
            relative = value is not None
        if value is None or value.iso is None:
            continue
        # relative dates ("Tuesday", "last year") stay events: the issue asks for them
        # resolved against the publication date, though the corpus does not annotate them
        role: Role = "event"
        if _is_reference(doc, raw, core, cues, sent_start):
            role = "reference"
        elif _dates_a_count(
            doc, raw, core, filters, kept[index - 1][0] if index else None, in_dates
        ):
            role = "count"
        out.append(
            {
                "start": raw.start,
                "end": raw.end,
                "text": text[raw.start : raw.end],
                "iso": value.iso,
                "role": role,
                "relative": relative,
                "sentence_start": sent_start,
                "sentence_end": sent_end,
            }
        )
    _mark_datelines(text, out, filters)
    return out


def _add_entity_candidates(
    doc: Doc, date_grammar: DateGrammar, raws: list[RawDate]
) -> list[RawDate]:
    """spaCy DATE entities the grammar missed but reads in full (rare; kept for safety)."""
    taken = [(raw.start, raw.end) for raw in raws]
    extra: list[RawDate] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(start < ent.end_char and ent.start_char < end for start, end in taken):
            continue
        for raw in date_grammar.scan(ent.text):
            if raw.start == 0 and raw.end == len(ent.text):
                extra.append(
                    RawDate(
                        raw.start + ent.start_char,
                        raw.end + ent.start_char,
                        raw.core_start + ent.start_char,
                        raw.value,
                        raw.kind,
                        raw.pattern,
                        raw.preposition,
                        raw.weekday,
                        raw.offset,
                        raw.bare,
                    )
                )
    if not extra:
        return raws
    return sorted(raws + extra, key=lambda raw: raw.start)


# --------------------------------------------------------------------------- filters


def _not_a_date(doc: Doc, raw: RawDate, core: Span, date_grammar: DateGrammar) -> bool:
    """True for four-digit numbers that are not years in their context."""
    if raw.pattern != "y":
        return False
    cues = date_grammar.cues
    before = doc[core.start - 1] if core.start > 0 else None
    after = doc[core.end] if core.end < len(doc) else None
    if before is not None and before.lower_.rstrip(".") in cues.not_before_year:
        return True
    if after is not None and after.lower_ in cues.not_after_year:
        return True
    if raw.preposition in _WEAK_PREPOSITIONS and _counts_a_plural_noun(core, before, after):
        return True
    if not raw.bare:
        return False
    if (
        before is not None
        and not before.is_sent_start
        and before.text[:1].isupper()
        and (before.pos_ == "PROPN" or before.is_title)
        and before.is_alpha
    ):
        return True  # "Global Peace Index 2025", "Vision 2030"
    return _inside_named_entity(core)


def _inside_named_entity(core: Span) -> bool:
    token = core[-1]
    return bool(token.ent_type_) and token.ent_type_ in _NAME_LABELS


def _counts_a_plural_noun(core: Span, before: Token | None, after: Token | None) -> bool:
    """ "1500 fighters", "de 2000 combattants": a number counting what follows it."""
    if after is None or after.pos_ != "NOUN" or "Plur" not in after.morph.get("Number"):
        return False
    return before is None or before.pos_ not in {"DET", "PRON"} or before.lower_ in {"de", "d'"}


def _is_reference(doc: Doc, raw: RawDate, core: Span, cues: LanguageCues, sent_start: int) -> bool:
    """True when the date dates a count ("As of 2024, it houses ...") instead of an event."""
    text = doc_text(doc)
    window = text[max(sent_start, raw.start - 40) : raw.start].lower().replace("’", "'")
    window = re.sub(r"\s+", " ", window)
    for phrase, clause_initial in cues.reference_cues:
        if not window.endswith(phrase + " ") and not window.endswith(phrase):
            continue
        head = window[: len(window.rstrip()) - len(phrase)]
        if head and head[-1:].isalnum():
            continue  # the cue is the end of a longer word
        if clause_initial and head.strip() and head.strip()[-1] not in ".;:,\n(":
            continue
        return True
    return _in_count_clause(doc, core, cues.count_verbs)


def _in_count_clause(doc: Doc, core: Span, count_verbs: frozenset[str]) -> bool:
    """A counting verb followed by a number in the date's clause, unless the date modifies
    another verb coordinated with it ("has been based in Idlib since 2014 and still counts
    several hundred fighters")."""
    clause = _clause(doc, core)
    for position, token in enumerate(clause):
        if token.lower_ not in count_verbs or token.dep_.startswith("aux"):
            continue  # "a arrêté deux hommes": an auxiliary counts nothing
        between = doc[min(token.i, core.start) : max(token.i, core.end)]
        if token.dep_ == "conj" and any(
            word.dep_ == "cc" and word.head.i in (token.i, token.head.i) for word in between
        ):
            continue  # the date belongs to the first of two coordinated verbs
        if any(_is_count(other) for other in clause[position + 1 : position + 5]):
            return True
    return False


def _is_count(token: Token) -> bool:
    return token.like_num and not re.fullmatch(r"(?:1[6-9]|20)\d\d", token.text)


def _governor(core: Span) -> Token:
    """The word the date modifies: the first head outside it that is not a preposition."""
    inside = range(core.start, core.end)
    governor = core.root
    while governor.i in inside or governor.pos_ == "ADP":
        if governor.head.i == governor.i:
            break
        governor = governor.head
    return governor


def _dates_a_count(
    doc: Doc,
    raw: RawDate,
    core: Span,
    filters: EventFilters,
    previous: RawDate | None,
    in_dates: set[int],
) -> bool:
    """True when the date fixes the time of a count rather than of an event: it modifies a
    counted noun or a number ("12,000 fighters in mid-2017", "6,000 in 2024"), a level
    ("a peak of 73,000 in early 2019"), a verb of stock with a number in its clause ("by
    2020 fewer than 1,000 remained"), or follows a reference preposition ("au 31 décembre
    2016") without closing an interval ("du 3 au 31 décembre")."""
    if _after_day_reference(doc, raw, filters, previous):
        return True
    governor = _governor(core)
    inside = range(core.start, core.end)
    if governor.i in in_dates:  # the other end of an interval
        return False
    word = governor.lower_
    if word in filters.stock_nouns:
        return True
    counted = _is_count(governor) or any(
        child.dep_.startswith("nummod") and _is_count(child) and child.i not in inside
        for child in governor.children
    )
    if counted and governor.pos_ in {"NOUN", "PROPN", "NUM"} and word not in filters.time_nouns:
        return True
    verbs = {word} | {child.lower_ for child in governor.children if child.dep_.startswith("aux")}
    if governor.pos_ in {"VERB", "AUX", "ADJ"} and verbs & filters.stock_verbs:
        return any(_counts(token, filters) for token in _clause(doc, core))
    return False


def _counts(token: Token, filters: EventFilters) -> bool:
    return _is_count(token) or token.lower_ in filters.count_nouns


def _clause(doc: Doc, core: Span) -> list[Token]:
    """The tokens between the clause punctuation around the date, without the date."""
    sent = core.sent
    left = core.start - 1
    while left >= sent.start and doc[left].text not in _CLAUSE_PUNCT:
        left -= 1
    right = core.end
    if right < sent.end and doc[right].text == ",":
        right += 1  # "In 2014, the group had 500 fighters"
    while right < sent.end and doc[right].text not in _CLAUSE_PUNCT:
        right += 1
    return [token for token in doc[left + 1 : right] if not (core.start <= token.i < core.end)]


def _after_day_reference(
    doc: Doc, raw: RawDate, filters: EventFilters, previous: RawDate | None
) -> bool:
    if raw.value.day is None or not filters.day_reference_preps:
        return False
    text = doc_text(doc)
    words = text[max(0, raw.start - 20) : raw.start].split()
    if not words or words[-1].lower() not in filters.day_reference_preps:
        return False
    return previous is None or raw.start - previous.end > len(words[-1]) + 2


def _mark_datelines(text: str, found: list[DateExpression], filters: EventFilters) -> None:
    """A dateline heading a dispatch gives the publication date, not an event: it becomes
    ``context`` unless the text ties something to that day ("has today designated", or a
    weekday in the text that is that day)."""
    lines_end = 0
    for _ in range(_DATELINE_LINES):
        next_end = text.find("\n", lines_end + 1)
        if next_end < 0:
            lines_end = len(text)
            break
        lines_end = next_end
        while lines_end + 1 < len(text) and text[lines_end + 1] == "\n":
            lines_end += 1
    lowered = text.lower().replace("’", "'")
    same_day = any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in filters.same_day_words)
    for date_found in found:
        if date_found["start"] >= lines_end or date_found["role"] != "event":
            continue
        line_start = text.rfind("\n", 0, date_found["start"]) + 1
        line_end = text.find("\n", date_found["end"])
        line_end = len(text) if line_end < 0 else line_end
        if not _DATELINE_BEFORE.match(text[line_start : date_found["start"]]):
            continue
        if not _DATELINE_AFTER.match(text[date_found["end"] : line_end]):
            continue
        weekday_of_day = any(
            other is not date_found and other["relative"] and other["iso"] == date_found["iso"]
            for other in found
        )
        if not (same_day or weekday_of_day):
            date_found["role"] = "context"


# --------------------------------------------------------------------------- years


def _resolve_year(
    raw: RawDate,
    following: RawDate | None,
    years: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    sentence_index: int,
    published: date | None,
    text: str,
    cues: LanguageCues,
) -> tuple[PartialDate | None, bool]:
    """The date with its year filled in, and whether the publication date gave it."""
    value = raw.value
    if (
        following is not None
        and following.kind == "absolute"
        and following.value.year is not None
        and following.start - raw.end <= 4
        and following.preposition
    ):
        year = following.value.year
        if following.value.month and value.month and value.month > following.value.month:
            year -= 1  # "from 20 December to 5 January 2015"
        return value.with_year(year), False
    sent_start = sentences[sentence_index][0] if sentences else 0
    before = [year for start, year in years if sent_start <= start < raw.start]
    if before:
        candidate = value.with_year(before[-1])
        weekday = _written_weekday(raw, text, cues)
        if published is None or _weekday_agrees(weekday, candidate):
            return candidate, False
        from_published = value.latest_on_or_before(published)
        if _weekday_agrees(weekday, from_published):  # "since 2017, on Tuesday 19 March"
            return from_published, True
        return candidate, False
    if published is not None:
        return value.latest_on_or_before(published), True
    if sentence_index > 0:
        previous_start = sentences[sentence_index - 1][0]
        previous = [year for start, year in years if previous_start <= start < sent_start]
        if previous:
            return value.with_year(previous[-1]), False
    return None, False


def _written_weekday(raw: RawDate, text: str, cues: LanguageCues) -> int | None:
    """The weekday written with a year-less date ("on Tuesday 19 March", "jeudi 20 janvier")."""
    if raw.weekday is not None:
        return raw.weekday
    words = re.findall(r"[^\W\d_]+", text[max(0, raw.start - 12) : raw.core_start].lower())
    return next((cues.weekdays[word] for word in reversed(words) if word in cues.weekdays), None)


def _weekday_agrees(weekday: int | None, value: PartialDate | None) -> bool:
    """False when a written weekday is not the weekday of the full date ``value``."""
    if weekday is None or value is None or value.month is None or value.day is None:
        return True
    if value.year is None:
        return True
    return date(value.year, value.month, value.day).weekday() == weekday


# --------------------------------------------------------------------------- events


def describe_event(doc: Doc, start: int, end: int) -> str:
    """A short description of what happened at the date: the subject, verb and object
    of the verb the date modifies, or the noun phrase it modifies; without the date."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    inside = set(range(span.start, span.end))
    governor = span.root
    while governor.i in inside or governor.pos_ == "ADP":
        if governor.head.i == governor.i:
            break
        governor = governor.head
    if governor.i in inside:
        return _trim(span.sent.text)
    # the date modifies a noun: "the 2020 offensive", "the January 7 to 9 attacks"
    if (
        governor.pos_ in {"NOUN", "PROPN"}
        and governor.dep_ != "ROOT"
        and any(child.i in inside for child in governor.children)
    ):
        return _join(doc, _phrase(governor, inside, _MAX_EVENT_TOKENS))
    verb = governor
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    indices: set[int] = set()
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            indices |= _phrase(child, inside, 6)
    indices.add(verb.i)
    for child in verb.children:
        if child.dep_ in _VERB_PARTS:
            indices.add(child.i)
        elif child.dep_ in _OBJECT_DEPS and child.i not in inside:
            indices |= _phrase(child, inside, 6)
    return _join(doc, indices)


def _phrase(head: Token, inside: set[int], limit: int) -> set[int]:
    """``head`` and its close dependents (no clauses, appositions or dates), nearest first."""
    chosen = {head.i}
    frontier = [head]
    while frontier and len(chosen) < limit:
        token = frontier.pop(0)
        for child in sorted(token.children, key=lambda c: abs(c.i - head.i)):
            if child.i in inside or child.dep_ in _EVENT_SKIP_DEPS and child.head.i != head.i:
                continue
            if child.dep_ in {
                "punct",
                "appos",
                "relcl",
                "acl:relcl",
                "advcl",
                "parataxis",
                "conj",
                "cc",
            }:
                continue
            if len(chosen) >= limit:
                break
            chosen.add(child.i)
            frontier.append(child)
    return chosen


def _join(doc: Doc, indices: Iterable[int]) -> str:
    words = [doc[i].text for i in sorted(indices)]
    return _trim(re.sub(r"\s+", " ", " ".join(words)).replace(" ,", ","))


def _trim(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 120 else text[:117].rstrip() + "..."
