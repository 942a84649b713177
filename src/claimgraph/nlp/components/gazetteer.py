"""Build ``doc._.mentions``: every entity mention with its type and canonical name.

Sources, in order of trust (a later source never overlaps an earlier one):

1. outlet repairs already put there by ``claimgraph_mt_repair``;
2. the domain gazetteer (``gazetteer_data.load_gazetteer``), matched by a PhraseMatcher on
   normalised token keys (case, accents, apostrophes and hyphens ignored) and, for the
   surfaces an entry marks ``ambiguous``, by exact spelling;
3. patterns of ``data/entity_cues.yaml``: places with their generic noun ("Idlib
   Governorate", "camp de réfugiés d'Al-Hol"), a state's government or forces named by a
   nationality ("Syrian government forces", "forces françaises": PublicBody) and armed
   collectives named by nationality ("Syrian rebel militias": Group);
4. spaCy NER spans, split at line breaks and possessives, trimmed, filtered (numbers,
   nationalities, language names, lowercase words, titles, transliterations with
   diacritics) and typed (ORG with a public-body word -> PublicBody, GPE/LOC naming a
   known country -> Country, an armed-group head word -> Organization).

Offsets are always exact character offsets of ``self._text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimgraph.nlp.attributes import Mention
from claimgraph.nlp.entity_cues import EntityCues, load_cues
from claimgraph.nlp.gazetteer_data import GazetteerEntry, load_gazetteer, normalise_surface

NER_TYPES = {
    "PERSON": "Person",
    "PER": "Person",
    "ORG": "Organization",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
}
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "le",
        "la",
        "les",
        "un",
        "une",
        "ce",
        "cette",
        "ces",
    ]
)
_NAME_PARTICLES = frozenset(
    {"al", "el", "ad", "an", "as", "ash", "at", "ibn", "bin", "abu", "abou", "ben"}
)
_LEADING_DETERMINER = re.compile(r"^(?:(?:the|The|THE|le|Le|la|La|les|Les)\s+|[lL][’'])")
_TRAILING_JUNK = re.compile(r"(?:[’']s|[’'])?[\s\W]*$")
_PIECE_SEPARATOR = re.compile(r"\n+|[’']s\s+|\s*[()\[\]]\s*")
# scholarly transliteration: dots below, macrons, ayn/hamza letters (not annotated)
_TRANSLITERATION = re.compile("[\u1e00-\u1eff\u0100-\u0101\u012a-\u012b\u016a-\u016b\u02be\u02bf]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_PARTICLE = r"al|el|ez|ed|es|ad|an|as|ash|at|ibn|bin|ben|abu|abou"
_NAME_WORD = r"(?:[Aa]l-|[Ee]l-|[a-z]{1,3}-)?[A-ZÀ-ÖØ-Þ](?:[\w-]|['’](?!s\b))*"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class GazetteerMentions:
    """The ``claimgraph_gazetteer`` component."""

    def __init__(
        self, nlp: Language, language: str, entries: Iterable[GazetteerEntry], cues: EntityCues
    ) -> None:
        self.language = language
        self.cues = cues
        self.vocab = nlp.vocab
        self._key_cache: dict[str, tuple[str, ...]] = {}
        self._orth_keys: dict[int, tuple[str, ...]] = {}
        self.entries: dict[str, GazetteerEntry] = {}
        self.key_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.surface_index: dict[str, GazetteerEntry] = {}
        for entry in entries:
            self.entries[entry.id] = entry
            keyed, exact = [], []
            for surface in entry.surfaces():
                if surface in entry.ambiguous:
                    exact.append(nlp.make_doc(surface))
                    continue
                words = self._keys(nlp.make_doc(surface))
                if words:
                    keyed.append(Doc(nlp.vocab, words=list(words)))
                    self.surface_index.setdefault(" ".join(words), entry)
            if keyed:
                self.key_matcher.add(entry.id, keyed)
            if exact:
                self.exact_matcher.add(entry.id, exact)
        self.countries = {normalise_surface(c) for c in cues.countries} | {
            normalise_surface(s)
            for e in self.entries.values()
            if e.type == "Country"
            for s in e.surfaces()
        }
        lower = lambda words: frozenset(w.lower() for w in words)
        self.public_body_words = lower(cues.public_body_words)
        self.not_entities = lower(cues.nationalities + cues.languages + cues.not_entities)
        self.organization_words = lower(cues.organization_words)
        self.not_entity_heads = lower(cues.not_entity_heads)
        self.role_nouns = lower(cues.role_nouns)
        self.institution_words = lower(cues.institution_words)
        self.titles = lower(cues.titles)
        self._patterns = list(self._compile_patterns(cues))

    # ---- keys -----------------------------------------------------------------
    def _token_key(self, text: str) -> tuple[str, ...]:
        key = self._key_cache.get(text)
        if key is None:
            key = tuple(normalise_surface(text).split())
            self._key_cache[text] = key
        return key

    def _keys(self, tokens: Iterable) -> tuple[str, ...]:
        return tuple(k for token in tokens for k in self._token_key(token.text))

    # ---- patterns ---------------------------------------------------------------
    def _compile_patterns(self, cues: EntityCues) -> Iterator[tuple[re.Pattern[str], str, int]]:
        """(regex, label, group holding the mention) triples."""
        name = rf"{_NAME_WORD}(?:\s+(?:(?:{_PARTICLE})\s+)?(?:{_NAME_WORD}))*"
        nat = _alternation(cues.nationalities)
        if cues.place_nouns_after:
            after = _alternation(cues.place_nouns_after)
            yield re.compile(rf"(?<![\w-])({name}\s+(?:{after}))(?![\w-])"), "Location", 1
        if cues.place_nouns_before:
            before = _alternation(cues.place_nouns_before)
            yield (
                re.compile(
                    rf"(?<![\w-])((?i:{before})\s+(?:(?:de|du|des)\s+|d['’])?{name})(?![\w-])"
                ),
                "Location",
                1,
            )
        if nat and cues.state_body_nouns:
            body = _alternation(cues.state_body_nouns)
            if self.language == "fr":
                yield re.compile(rf"(?<![\w-])((?:{body})\s+(?:{nat}))(?![\w-])"), "PublicBody", 1
            else:
                yield re.compile(rf"(?<![\w-])((?:{nat})\s+(?:{body}))(?![\w-])"), "PublicBody", 1
        if nat and cues.group_nouns:
            nouns = _alternation(cues.group_nouns)
            mods = _alternation(cues.group_modifiers)
            if self.language == "fr":
                pattern = rf"(?<![\w-])((?:{nouns})(?:\s+(?:{mods}))?\s+(?:{nat}))(?![\w-])"
            else:
                pattern = rf"(?<![\w-])((?:{nat})(?:\s+(?:{mods}))?\s+(?:{nouns}))(?![\w-])"
            yield re.compile(pattern), "Group", 1

    # ---- the component ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self._text = doc.text  # Doc.text joins every token: build it once per call
        mentions: list[Mention] = list(doc._.mentions or [])
        taken = _Occupancy(doc, [(m["start"], m["end"]) for m in mentions])
        for start, end, entry in self._gazetteer_matches(doc):
            if _TRANSLITERATION.search(self._text, start, end):
                continue  # scholarly romanizations are not annotated
            if taken.free(start, end):
                taken.add(start, end)
                mentions.append(
                    self._mention(
                        doc,
                        start,
                        end,
                        entry.type,
                        entry.canonical(self.language),
                        entry.qid,
                        "gazetteer",
                    )
                )
        for start, end, label in self._pattern_matches(doc):
            if taken.free(start, end):
                taken.add(start, end)
                mentions.append(
                    self._mention(doc, start, end, label, self._text[start:end], None, "pattern")
                )
        for start, end, label in self._ner_mentions(doc):
            if self._institution(start, end):
                inner = [m for m in mentions if start <= m["start"] and m["end"] <= end]
                if inner and all(m["start"] > start and m["source"] != "repair" for m in inner):
                    for m in inner:
                        mentions.remove(m)
                        taken.spans.remove((m["start"], m["end"]))
            if taken.free(start, end):
                taken.add(start, end)
                mentions.append(
                    self._mention(doc, start, end, label, self._text[start:end], None, "ner")
                )
        mentions.sort(key=lambda m: (m["start"], m["end"]))
        doc._.mentions = mentions
        return doc

    def _mention(
        self,
        doc: Doc,
        start: int,
        end: int,
        label: str,
        canonical: str,
        qid: str | None,
        source: str,
    ) -> Mention:
        return Mention(
            start=start,
            end=end,
            text=self._text[start:end],
            label=label,
            canonical=canonical,
            qid=qid,
            source=source,
        )

    def _gazetteer_matches(self, doc: Doc) -> list[tuple[int, int, GazetteerEntry]]:
        # token arrays, not Token objects: building a Token per token is the costly part
        strings = self.vocab.strings
        array = doc.to_array([ORTH, IDX, LENGTH])
        words: list[str] = []
        spans: list[tuple[int, int]] = []  # character span of each key word's token
        for orth, idx, length in array.tolist():
            keys = self._orth_keys.get(orth)
            if keys is None:
                keys = self._orth_keys[orth] = self._token_key(strings[orth])
            for key in keys:
                words.append(key)
                spans.append((idx, idx + length))
        candidates: list[tuple[int, int, GazetteerEntry]] = []
        if words:
            keydoc = Doc(self.vocab, words=words)
            for match_id, s, e in self.key_matcher(keydoc):
                entry = self.entries[strings[match_id]]
                candidates.append((spans[s][0], spans[e - 1][1], entry))
        for match_id, s, e in self.exact_matcher(doc):
            span = doc[s:e]
            candidates.append(
                (span.start_char, span.end_char, self.entries[self.vocab.strings[match_id]])
            )
        return _longest_first(candidates)

    def _pattern_matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        found = []
        for pattern, label, group in self._patterns:
            for match in pattern.finditer(self._text):
                start, end = match.span(group)
                if label == "PublicBody" and self._noun_follows(doc, end):
                    continue  # "French government agencies"
                if label == "Location" and not self._place_name_ok(self._text[start:end]):
                    continue
                found.append((start, end, label))
        return _longest_first(found)

    def _institution(self, start: int, end: int) -> bool:
        first = re.match(r"[\w'’-]+", self._text[start:end])
        return bool(first) and first.group(0).lower() in self.institution_words

    def _place_name_ok(self, text: str) -> bool:
        first = text.split()[0].lower()
        if first in _DETERMINERS:
            return False  # "The governorate"
        words = {w.lower() for w in re.findall(r"\w+", text)}
        return not (words & self.not_entities and len(words) <= 2)

    def _noun_follows(self, doc: Doc, end: int) -> bool:
        span = doc.char_span(end, min(len(self._text), end + 30), alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span[0] if span[0].idx >= end else (span[1] if len(span) > 1 else None)
        return token is not None and token.pos_ in ("NOUN", "PROPN") and not token.is_sent_start

    def _ner_mentions(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        for ent in doc.ents:
            base = NER_TYPES.get(ent.label_)
            if base is None:
                continue  # NORP, DATE, CARDINAL, MISC, EVENT, ...
            for start, end in self._pieces(ent):
                if base == "Person":
                    start = self._given_name_before(doc, start)
                text = self._text[start:end]
                if not self._keep(doc, text, end):
                    continue
                yield start, end, self._type(text, base)

    def _given_name_before(self, doc: Doc, start: int) -> int:
        """Extend a person's span over one capitalised proper noun the model left out
        ("Fionnuala Ní Aoláin"), never over a title ("Rapporteur") or a sentence start."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return start
        previous = doc[span.start - 1]
        if (
            previous.pos_ == "PROPN"
            and previous.is_title
            and not previous.is_sent_start
            and previous.lower_ not in self.not_entity_heads
            and previous.lower_ not in self.role_nouns
            and previous.lower_.rstrip(".") not in self.titles
            and previous.lower_ not in self.not_entities
            and previous.ent_type_ in ("", "PERSON", "PER")
            and doc[span.start - 1].whitespace_
        ):
            return previous.idx
        return start

    def _pieces(self, ent: Span) -> Iterator[tuple[int, int]]:
        """Sub-spans of a NER span: split at line breaks and inner possessives, trimmed."""
        text, offset = ent.text, ent.start_char
        position = 0
        for separator in _PIECE_SEPARATOR.finditer(text):
            yield from self._trim(text[position : separator.start()], offset + position)
            position = separator.end()
        yield from self._trim(text[position:], offset + position)

    def _trim(self, part: str, start: int) -> Iterator[tuple[int, int]]:
        head = _LEADING_DETERMINER.match(part)
        cut = head.end() if head else 0
        # leading lowercase words that are not name particles ("orthographié al-Howl")
        while True:
            m = re.match(r"([a-zà-ÿ]+)\s+", part[cut:])
            if not m or m.group(1) in _NAME_PARTICLES:
                break
            cut += m.end()
        tail = _TRAILING_JUNK.search(part[cut:])
        stop = cut + (tail.start() if tail else len(part) - cut)
        # closing quote/bracket junk was removed; drop an unbalanced opening bracket
        if stop > cut:
            yield start + cut, start + stop

    def _keep(self, doc: Doc, text: str, end: int) -> bool:
        words = text.split()
        if (
            len(text) < 2
            or not any(c.isupper() for c in text)
            or not any(c.isalpha() for c in text)
        ):
            return False
        if (
            text.lower() in self.not_entities
            or _TRANSLITERATION.search(text)
            or _ARABIC.search(text)
        ):
            return False
        if text[-1] in "-'’" or (end < len(self._text) and self._text[end] == "-"):
            return False  # "Al-" / "ALA-LC"
        first = words[0].lower()
        if first in self.not_entity_heads or re.search(r"(?:isme|ism)$", first):
            return False  # "Guerre civile syrienne", "Islamisme sunnite"
        last = re.sub(r"\W+$", "", words[-1]).lower()
        if last in self.not_entity_heads or last in {"of", "de", "du", "des", "d", "and", "et"}:
            return False
        if len(words) == 1 and re.search(r"ist(e|es|s)?$", text.lower()):
            return False  # ideology words: Salafist, SalafiJihadist, islamiste
        if len(words) == 1:
            following = doc.char_span(end, min(len(self._text), end + 30), alignment_mode="expand")
            if following is not None and len(following) and following[0].lower_ in self.role_nouns:
                return False  # "the Interior Minister"
        return True

    def _type(self, text: str, base: str) -> str:
        words = [w.lower() for w in re.findall(r"[\w'’-]+", text)]
        if words and words[0] in self.institution_words:
            return "PublicBody" if words[0] in self.public_body_words else "Organization"
        if words and words[0] in self.organization_words:
            return "Organization"
        if base == "Organization" and any(w in self.public_body_words for w in words):
            return "PublicBody"
        if base == "Location" and normalise_surface(text) in self.countries:
            return "Country"
        return base


class _Occupancy:
    """Character ranges already given to a mention."""

    def __init__(self, doc: Doc, spans: list[tuple[int, int]]) -> None:
        self.spans = list(spans)

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.spans)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))


def _longest_first(candidates: list) -> list:
    """Non-overlapping candidates, longer ones winning, then earlier ones."""
    chosen: list = []
    for cand in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c[0])


@Language.factory(
    "claimgraph_gazetteer",
    default_config={"language": "en", "directory": None},
    assigns=["doc._.mentions"],
    requires=["doc.ents", "token.pos"],
)
def make_gazetteer(
    nlp: Language, name: str, language: str, directory: str | None
) -> GazetteerMentions:
    entries = load_gazetteer(Path(directory) if directory else None)
    return GazetteerMentions(nlp, language, entries, load_cues(language))
