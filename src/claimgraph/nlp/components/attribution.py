"""Attribution: who a sentence cites as the source of its claims.

Two kinds of cues, kept in ``data/attribution_cues.yaml`` and found by one Matcher:

- prepositional ("according to X", "selon X", "d'après X"): the source is the noun
  phrase the preposition governs;
- reporting verbs ("X said", "X told", "X a déclaré", "X estime"): the source is the
  verb's grammatical subject.

The source is read as written, with machine-translation repairs applied ("from world" reads
"from Le Monde"), up to its first comma ("Fabrice Balanche, géographe ..."
gives "Fabrice Balanche"), with its offsets; an attribution covers its sentence. The
document's default source (its publisher) is applied later by the store, not here.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimgraph.datafiles import load_bundled
from claimgraph.errors import ConfigError, DataFileError
from claimgraph.nlp.attributes import Attribution
from claimgraph.nlp.components.cue_patterns import AnchoredMatcher, compile_phrase

FILE: Final = "attribution_cues.yaml"
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
OBJECT_DEPS: Final = frozenset({"pobj", "obj", "obl", "nmod"})


@Language.factory(
    "claimgraph_attribution",
    default_config={"language": "en"},
    assigns=["doc._.attributions"],
)
def make_attribution(nlp: Language, name: str, language: str) -> AttributionFinder:
    return AttributionFinder(nlp, language)


@cache
def load_cues(language: str) -> dict[str, list[str]]:
    """The cue lists for ``language``, checked at load."""
    data = load_bundled(FILE)
    if not isinstance(data, dict) or language not in data:
        raise ConfigError(f"{FILE} has no cues for language {language!r}.")
    cues = data[language]
    for key in ("prepositional", "verbs"):
        value = cues.get(key) if isinstance(cues, dict) else None
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise DataFileError(FILE, f"{language}.{key}: needs a non-empty list of strings")
    return {"prepositional": cues["prepositional"], "verbs": [v.lower() for v in cues["verbs"]]}


class AttributionFinder:
    """Sets ``doc._.attributions``."""

    def __init__(self, nlp: Language, language: str) -> None:
        cues = load_cues(language)
        self.matcher = AnchoredMatcher(nlp.vocab)
        for i, phrase in enumerate(cues["prepositional"]):
            where = f"{language}.prepositional[{i}]"
            self.matcher.add("PREP", compile_phrase(phrase, file=FILE, where=where))
        for verb in cues["verbs"]:
            self.matcher.add("VERB", [{"LOWER": verb, "POS": {"IN": ["VERB", "AUX"]}}])

    def __call__(self, doc: Doc) -> Doc:
        found: list[Attribution] = []
        spans = [Span(doc, s, e, label=key) for key, s, e in self.matcher(doc)]
        for span in filter_spans(spans):
            source = (
                _prepositional_source(span) if span.label_ == "PREP" else _subject_source(span.root)
            )
            if source is None:
                continue
            source_end = _repair_end(doc, source)
            sent = span.sent
            found.append(
                Attribution(
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    source=_read(doc, source.start_char, source_end),
                    source_start=source.start_char,
                    source_end=source_end,
                    cue=span.text,
                )
            )
        doc._.attributions = found
        return doc


def _prepositional_source(cue: Span) -> Span | None:
    """The noun phrase after "according to" / "selon": the governed noun's subtree."""
    doc = cue.doc
    head: Token | None = None
    for token in cue:
        for child in token.children:
            if child.dep_ in OBJECT_DEPS and child.i >= cue.end:
                head = child
    if head is None:  # French: "selon" is a case marker of its noun
        last = cue[-1]
        if last.head.i >= cue.end and last.dep_ in ("case", "mark", "advmod"):
            head = last.head
    if head is None and cue.end < len(doc):  # fall back on word order
        head = doc[cue.end]
    if head is None or head.is_punct or head.is_space:
        return None
    return _trimmed(doc, max(cue.end, head.left_edge.i), head.right_edge.i + 1, head)


def _subject_source(verb: Token) -> Span | None:
    if any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in verb.children):
        return None  # "X was reported to ...": the subject is not the source
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in ("it", "il", "this", "that", "cela", "ce", "qui", "who", "which"):
        return None
    return _trimmed(verb.doc, subject.left_edge.i, min(subject.right_edge.i + 1, verb.i), subject)


def _trimmed(doc: Doc, start: int, end: int, head: Token) -> Span | None:
    """The span cut at the first comma, newline or quote after its head."""
    stop = end
    for i in range(max(head.i, start), end):
        if doc[i].text in (",", ";", ":", "(", "«", "“", '"') or doc[i].is_space:
            stop = i
            break
    while stop > start and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    return Span(doc, start, stop) if stop > start else None


def _read(doc: Doc, start: int, end: int) -> str:
    """The source's words with machine-translation repairs applied ("information received
    from world" -> "information received from Le Monde"); the words as written stay at
    ``source_start:source_end`` in the text."""
    text = doc.text[start:end]
    for repair in sorted(doc._.repairs or [], key=lambda r: r["start"], reverse=True):
        if start <= repair["start"] and repair["end"] <= end:
            a, b = repair["start"] - start, repair["end"] - start
            text = text[:a] + repair["reading"] + text[b:]
    return text


def _repair_end(doc: Doc, source: Span) -> int:
    """The source's end, cut where a repaired MT span ends inside its last token
    ("from worldThere are" -> "from world")."""
    for repair in doc._.repairs or []:
        if source.start_char < repair["end"] < source.end_char:
            token = doc.char_span(repair["start"], repair["end"], alignment_mode="expand")
            if token is not None and token.end_char > repair["end"]:
                return int(repair["end"])
    return source.end_char
