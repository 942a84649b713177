"""The custom attributes our spaCy components read and write: the contract between them.

Every value is plain data (str, int, float, bool, None, list, dict) with character
offsets into ``doc.text``, never a ``Span`` or a dataclass: spaCy serialises ``doc.user_data``
with msgpack when ``nlp.pipe(n_process>1)`` sends documents between processes.

Doc attributes (``doc._.NAME``), in the order the pipeline fills them:

``published``   str | None   ISO date of publication, set by the caller before the
                             pipeline runs (relative dates and figures' ``as_of`` use it).
``text_cache``  str | None   ``doc.text`` once built; read it through ``doc_text(doc)``.
``mentions``    list[Mention] every entity mention, with canonical name and type
``aliases``     list[Alias]   (surface, canonical) pairs stated or known
``repairs``     list[Repair]  machine-translation damage and its repaired reading
``entities``    list[EntityGroup] document-level entities (mentions grouped)
``attributions`` list[Attribution] who a sentence cites as its source
``relations``   list[Relation]
``dates``       list[DateMention]
``date_expressions`` list[dict] every date found, event or reference (the dates component's
                             ``DateExpression``); figures take their ``as_of`` from it
``figures``     list[Figure]

The dict shapes are documented as TypedDicts below; components must fill every key.
"""

from __future__ import annotations

from typing import TypedDict

from spacy.tokens import Doc


class Mention(TypedDict):
    start: int  # character offsets into doc.text
    end: int
    text: str
    label: str  # an entity type of vocabulary.yaml (Person, Organization, ...)
    canonical: str  # canonical name (gazetteer name, or the surface itself)
    qid: str | None  # Wikidata id when known
    source: str  # which component found it: "gazetteer", "ner", "acronym", "repair", ...


class Alias(TypedDict):
    surface: str
    canonical: str
    start: int  # offsets of the surface occurrence that states or shows the alias
    end: int
    how: str  # "acronym", "also_known_as", "gazetteer", ...


class Repair(TypedDict):
    start: int
    end: int
    original: str
    reading: str  # the repaired reading ("Le Monde", "parent organisation")
    rule: str  # name of the repair rule in the data file


class EntityGroup(TypedDict):
    name: str  # canonical name
    type: str  # entity type
    qid: str | None
    mentions: list[list[int]]  # [[start, end], ...]
    surfaces: list[str]  # distinct surface strings, in order of first appearance


class Attribution(TypedDict):
    sentence_start: int  # offsets of the sentence whose claims are attributed
    sentence_end: int
    source: str  # who is cited ("a joint DGSE/DGSI memo", "Le Monde"), machine-translation
    # repairs applied ("from world" reads "from Le Monde"); as written at source_start:end
    source_start: int
    source_end: int
    cue: str  # the cue words ("according to", "selon", "said")


class Relation(TypedDict):
    subject: str  # canonical names
    predicate: str  # a predicate of vocabulary.yaml
    object: str
    subject_span: list[int]  # [start, end]
    object_span: list[int]
    sentence_start: int
    sentence_end: int
    cue: str  # the words that triggered it ("founded by")


class DateMention(TypedDict):
    start: int
    end: int
    text: str
    iso: str  # YYYY, YYYY-MM or YYYY-MM-DD; an interval gives two DateMentions
    event: str  # a short description of what happened (the clause around it)
    relative: bool  # resolved against ``published``


class Figure(TypedDict):
    start: int  # offsets of the number as written (value_text)
    end: int
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str  # a qualifier of vocabulary.yaml
    approx: bool
    unit: str  # persons, km, km2, percent, share, money, count, ...
    counts: str  # what is counted, in words
    cohort: dict  # {"nationality", "gender", "age_class", "role", "noun"} (str | None each)
    status: str | None
    place: str | None
    as_of: str | None
    value_text: str
    sentence_start: int
    sentence_end: int
    parent: int | None  # index of the parent figure in doc._.figures


DOC_ATTRIBUTES: dict[str, object] = {
    "published": None,
    "text_cache": None,
    "mentions": None,
    "aliases": None,
    "repairs": None,
    "entities": None,
    "attributions": None,
    "relations": None,
    "dates": None,
    "date_expressions": None,
    "figures": None,
}


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each access,
    which costs milliseconds per call on an article, and each of our components needs it."""
    text = doc._.text_cache
    if text is None:
        text = doc._.text_cache = doc.text
    return text


def register() -> None:
    """Register every Doc attribute once (idempotent; safe in worker processes)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
