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
   known country -> Country, an armed-group head word -> Organization). One-word spans
   that are common words of the language (the lemmatizer's word lists), French demonyms
   ("un Niçois") or compass words are dropped; question words are trimmed; a person's
   span grows over the proper nouns around it ("Ibrahim" -> "Ibrahim Malam Dicko");
5. places take the generic noun the text names them with ("al-Malikiyah district",
   "région de Harem"), and "<the> <nationality> [role nouns] of <place>" becomes a Group
   ("the Frenchwomen of Roj", "les djihadistes français de Syrie") beside the place.

Offsets are always exact character offsets of ``self._text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from spacy.attrs import IDX, LENGTH, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.attributes import Mention, doc_text
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
_LEADING_DETERMINER = re.compile(r"^(?:(?:the|The|THE|le|Le|la|La|les|Les)\s+|(?:[lL]|d)[’'])")
_TRAILING_JUNK = re.compile(r"(?:[’']s|[’'])?[\s\W]*$")
# an inner possessive separates two names ("Turkey's Hatay", "Treasury's Office of Foreign
# Assets Control"), except before a last word "Office": "the Federal Prosecutor's Office" is
# one body
_PIECE_SEPARATOR = re.compile(r"\n+|[’']s\s+(?!Office\b(?!\s+of\b))|\s*[()\[\]]\s*")
# scholarly transliteration: dots below, macrons, ayn/hamza letters (not annotated)
_TRANSLITERATION = re.compile("[\u1e00-\u1eff\u0100-\u0101\u012a-\u012b\u016a-\u016b\u02be\u02bf]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_PARTICLE = r"al|el|ez|ed|es|ad|an|as|ash|at|ibn|bin|ben|abu|abou"
_NAME_WORD = r"(?:[Aa]l-|[Ee]l-|[a-z]{1,3}-)?[A-ZÀ-ÖØ-Þ](?:[\w-]|['’](?!s\b))*"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))



_MAX_CACHED_KEYS = 200_000


@lru_cache(maxsize=_MAX_CACHED_KEYS)
def _surface_words(text: str) -> tuple[str, ...]:
    """The normalised lookup words of one token's text (cached, bounded)."""
    return tuple(normalise_surface(text).split())

class GazetteerMentions:
    """The ``claimgraph_gazetteer`` component."""

    def __init__(
        self, nlp: Language, language: str, entries: Iterable[GazetteerEntry], cues: EntityCues
    ) -> None:
        self.language = language
        self.cues = cues
        self.vocab = nlp.vocab
        # Lookup keys per token, bounded: a long run meets new words forever, and memory
        # must stay flat (see bench/RESULTS.md).
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
        self.nationalities = lower(cues.nationalities)
        self.compass_words = lower(cues.compass_words)
        self.admin_place_nouns = lower(cues.admin_place_nouns)
        self.demonym_suffixes = tuple(sorted(cues.demonym_suffixes, key=len, reverse=True))
        self.lexicon = _common_words(nlp)
        self._lexicon_lemmas = _lemma_lookup(nlp)
        self._question = (
            re.compile(rf"(?i:{_phrases(cues.question_words)})\s+") if cues.question_words else None
        )
        after = _phrases(cues.place_nouns_after, ignore_case=True)
        self._place_after = re.compile(rf"[ \t]+({after})(?![\w-])") if after else None
        before = _phrases(cues.place_nouns_before, ignore_case=True)
        self._place_before = (
            re.compile(rf"(?<![\w-])({before})\s+(?:(?:de\s+la|de|du|des|of)\s+|(?:de\s+l|d)['’])$")
            if before
            else None
        )
        heads = self.public_body_words & self.institution_words
        self._body_heads = (
            re.compile(rf"(?<![\w'’-])(?:{_alternation(heads)})(?![\w-])")
            if language == "fr" and heads
            else None
        )
        self._place_context = _place_context(language, cues.place_context_nouns)
        self._stateless = frozenset(w.lower() for w in cues.stateless_nationalities)
        self._place_context_labels = ("Person",) if language == "fr" else ("Person", "Organization")
        self._group = self._compile_group(cues)
        self._patterns = list(self._compile_patterns(cues))
        # bodies named with their country ("the Government of Yemen") take the place of the
        # country inside them; a language without that data list keeps both as they are
        self._bodies_take_their_country = bool(cues.state_body_modifiers)

    # ---- keys -----------------------------------------------------------------
    def _token_key(self, text: str) -> tuple[str, ...]:
        return _surface_words(text)

    def _keys(self, tokens: Iterable) -> tuple[str, ...]:
        return tuple(k for token in tokens for k in self._token_key(token.text))

    # ---- patterns ---------------------------------------------------------------
    def _compile_patterns(self, cues: EntityCues) -> Iterator[tuple[re.Pattern[str], str, int]]:
        """(regex, label, group holding the mention) triples."""
        name = rf"{_NAME_WORD}(?:\s+(?:(?:{_PARTICLE})\s+)?(?:{_NAME_WORD}))*"
        nat = self._nationality_alternation(cues)
        if cues.place_nouns_after:
            after = _alternation(cues.place_nouns_after)
            yield re.compile(rf"(?<![\w-])({name}\s+(?:{after}))(?![\w-])"), "Location", 1
        if cues.place_nouns_before:
            before = _alternation(cues.place_nouns_before)
            yield (
                re.compile(
                    rf"(?<![\w'’-])((?i:{before})\s+(?:(?:de\s+la|de|du|des)\s+|(?:de\s+l|d)['’])?{name})(?![\w-])"
                ),
                "Location",
                1,
            )
        state = self._nationality_alternation(cues, stateless=False)
        if state and cues.state_body_nouns:
            body = _alternation(cues.state_body_nouns)
            if self.language == "fr":
                yield re.compile(rf"(?<![\w-])((?:{body})\s+(?:{state}))(?![\w-])"), "PublicBody", 1
            else:
                yield re.compile(rf"(?<![\w-])((?:{state})\s+(?:{body}))(?![\w-])"), "PublicBody", 1
        if cues.state_body_modifiers and cues.countries:
            # "the Federal Government of Somalia", "the Government of Yemen" (English only:
            # French bodies written "gouvernement fédéral" are found in lowercase and joined
            # to their place later, and a French pattern cost aliases on a blind set)
            body = _alternation(cues.state_body_nouns)
            mods = _alternation(cues.state_body_modifiers)
            country = _alternation(cues.countries)
            pattern = rf"(?<![\w-])((?:(?i:{mods})\s+)?(?i:{body})\s+of\s+(?:the\s+)?(?:{country}))(?![\w-])"
            yield re.compile(pattern), "PublicBody", 1
        if nat and cues.group_nouns:
            nouns = _alternation(cues.group_nouns)
            mods = _alternation(cues.group_modifiers)
            if self.language == "fr":
                pattern = rf"(?<![\w-])((?:{nouns})(?:\s+(?:{mods}))?\s+(?:{nat}))(?![\w-])"
            else:
                pattern = rf"(?<![\w-])((?:{nat})(?:\s+(?:{mods}))?\s+(?:{nouns}))(?![\w-])"
            yield re.compile(pattern), "Group", 1

    def _nationality_alternation(self, cues: EntityCues, stateless: bool = True) -> str:
        """Nationality words and their French forms; without ``stateless``, only those that
        name a state: "forces kurdes", "European forces" are not a state's forces."""
        words = set(cues.nationalities)
        if self.language == "fr":
            words |= {form for w in cues.nationalities if w.islower() for form in _inflect_fr(w)}
        if not stateless:
            words = {w for w in words if w.lower() not in self._stateless}
        return _alternation(words)

    def _compile_group(self, cues: EntityCues) -> re.Pattern[str] | None:
        """ "the Belgian women of ", "les djihadistes français de ": a definite determiner,
        a nationality (with role nouns) and of/de; a known place must follow."""
        if not cues.nationalities:
            return None
        nat = self._nationality_alternation(cues)
        word = rf"(?:{nat}|{_phrases(cues.group_role_nouns)})" if cues.group_role_nouns else nat
        return re.compile(
            rf"(?<![\w-])(?:[Tt]he|[Tt]hese|[Ll]es|[Cc]es)\s+({word}(?:\s+{word}){{0,2}})"
            rf"\s+(?:of|from|de|du|des\s|d['’])\s*"
        )

    # ---- the component ---------------------------------------------------------------
    @staticmethod
    def _give_way(mentions: list[Mention], taken: _Occupancy, start: int, end: int) -> None:
        """Drop the mentions inside an institution's name that it does not start with (the
        country of "Government of Yemen", the town of "Tribunal de Paris"), so that the
        institution takes their place."""
        inner = [m for m in mentions if start <= m["start"] and m["end"] <= end]
        if inner and all(m["start"] > start and m["source"] != "repair" for m in inner):
            for m in inner:
                mentions.remove(m)
                taken.spans.remove((m["start"], m["end"]))

    def __call__(self, doc: Doc) -> Doc:
        self._text = doc_text(doc)
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
        self._hyphenated_branches(mentions, taken)
        for start, end, label in self._pattern_matches(doc):
            if label == "PublicBody" and self._bodies_take_their_country:
                # "the Federal Government of Somalia": the body, not the country inside it
                self._give_way(mentions, taken, start, end)
            if taken.free(start, end):
                taken.add(start, end)
                mentions.append(
                    self._mention(doc, start, end, label, self._text[start:end], None, "pattern")
                )
        for start, end in self._lowercase_bodies(doc):
            if taken.free(start, end):
                taken.add(start, end)
                mentions.append(
                    self._mention(doc, start, end, "PublicBody", self._text[start:end], None, "pattern")
                )
        for start, end, label, source in self._ner_mentions(doc):
            if self._institution(start, end):
                self._give_way(mentions, taken, start, end)
            if taken.free(start, end):
                taken.add(start, end)
                mentions.append(
                    self._mention(doc, start, end, label, self._text[start:end], None, source)
                )
        self._extend_places(mentions, taken)
        self._extend_bodies(mentions)
        mentions.extend(self._groups(mentions))
        mentions.sort(key=lambda m: (m["start"], m["end"]))
        doc._.mentions = mentions
        return doc

    # ---- branches named by a hyphen ---------------------------------------------------------
    def _hyphenated_branches(self, mentions: list[Mention], taken: _Occupancy) -> None:
        """ "ISIS-DRC", "EI-Sahel", "ISIL-Somalia", "ISIS-Democratic Republic of the Congo": a
        group's name glued by a hyphen to a capitalised name is another group (a branch),
        not the group itself. The mention grows over the compound and takes it as its name,
        unless the gazetteer knows the compound (it then matched as a whole already)."""
        text = self._text
        for m in mentions:
            if m["label"] != "Organization" or m["source"] != "gazetteer":
                continue
            tail = _BRANCH_TAIL.match(text, m["end"])
            if tail is None:
                continue
            end = tail.end()
            taken.spans.remove((m["start"], m["end"]))
            if not taken.free(m["start"], end):
                taken.add(m["start"], m["end"])
                continue
            taken.add(m["start"], end)
            m["end"], m["text"] = end, text[m["start"] : end]
            m["canonical"], m["qid"], m["source"] = m["text"], None, "pattern"

    # ---- place nouns and collective actors -----------------------------------------------
    def _extend_places(self, mentions: list[Mention], taken: _Occupancy) -> None:
        """Give a place its generic noun when the text names it with one: "al-Malikiyah
        district", "Villacoublay air base", "région de Harem", "province d'Idleb". The
        mention keeps its entity unless the noun names another unit ("Idlib Governorate")."""
        text = self._text
        for m in mentions:
            if m["label"] != "Location":
                continue
            start, end, noun = m["start"], m["end"], None
            if self._place_after is not None:
                after = self._place_after.match(text, end)
                if after and taken.free(end, after.end(1)):
                    end, noun = after.end(1), after.group(1)
            if self._place_before is not None:
                before = self._place_before.search(text, max(0, start - 40), start)
                if before and taken.free(before.start(1), start) and noun is None:
                    start, noun = before.start(1), before.group(1)
            if noun is None:
                continue
            taken.spans.remove((m["start"], m["end"]))
            taken.add(start, end)
            if noun.lower() in self.admin_place_nouns or m["source"] == "ner":
                m["canonical"] = text[start:end]
            m["start"], m["end"], m["text"] = start, end, text[start:end]

    def _extend_bodies(self, mentions: list[Mention]) -> None:
        """A public body takes the complement the text names it with: a country always
        ("département d'État des États-Unis"), a city when the body is a generic one the
        gazetteer does not know ("tribunal correctionnel d'Anvers"; the seat of a known
        body, "parquet fédéral de Karlsruhe", stays a place); and a committee its list of
        remits ("Commission de l'Intérieur, de la Sécurité et des Matières administratives")."""
        text = self._text
        places = {m["start"]: m for m in mentions if m["label"] in ("Country", "Location")}
        removed: set[int] = set()  # ids of mentions taken into a body (no O(n^2) list search)
        for m in list(mentions):
            if m["label"] not in ("PublicBody", "Organization") or id(m) in removed:
                continue
            of = _OF_PLACE.match(text, m["end"])
            place = places.get(of.end()) if of else None
            if (
                m["label"] == "PublicBody"
                and place is not None
                and id(place) not in removed
                and (place["label"] == "Country" or m["source"] != "gazetteer")
                and "\n" not in text[m["end"] : place["start"]]
                and not _POSSESSIVE.match(text, place["end"])  # "of Iran's Guard Corps"
            ):
                removed.add(id(place))
                self._grow(m, place["end"])
                continue
            if self._institution(m["start"], m["end"]) and m["source"] != "gazetteer":
                remits = _COMPLEMENT_LIST.match(text, m["end"])
                if remits is not None:
                    end = remits.end()
                    inner = [o for o in mentions if m["end"] <= o["start"] and o["end"] <= end]
                    if all(o["end"] <= end for o in mentions if m["end"] <= o["start"] < end):
                        removed.update(id(o) for o in inner)
                        self._grow(m, end)
        if removed:
            mentions[:] = [m for m in mentions if id(m) not in removed]

    def _grow(self, mention: Mention, end: int) -> None:
        mention["end"], mention["text"] = end, self._text[mention["start"] : end]
        if mention["source"] != "gazetteer":
            mention["canonical"] = mention["text"]
        if mention["label"] == "Organization" and self._type(mention["text"], "Organization") == "PublicBody":
            mention["label"] = "PublicBody"

    def _groups(self, mentions: list[Mention]) -> list[Mention]:
        """ "the Frenchwomen of Roj", "les Français d'Idlib": a Group, beside the place."""
        if self._group is None:
            return []
        places = {m["start"]: m for m in mentions if m["label"] in ("Location", "Country")}
        found = []
        for match in self._group.finditer(self._text):
            place = places.get(match.end())
            if place is None or not (
                set(match.group(1).lower().split()) & self.nationalities
                or self._inflected_nationality(match.group(1))
            ):
                continue
            start, end = match.start(1), place["end"]
            inner = [m for m in mentions if start <= m["start"] < end and m is not place]
            if any(m["end"] > end for m in inner):
                continue
            for m in inner:
                mentions.remove(m)
            found.append(
                self._mention(None, start, end, "Group", self._text[start:end], None, "pattern")
            )
        return found

    def _inflected_nationality(self, words: str) -> bool:
        return self.language == "fr" and any(
            _base_fr(w) in self.nationalities for w in words.lower().split()
        )

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
                if len(self._orth_keys) >= _MAX_CACHED_KEYS:
                    self._orth_keys.clear()
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

    def _lowercase_bodies(self, doc: Doc) -> Iterator[tuple[int, int]]:
        """French institutions written in lowercase: a public body's head noun and the
        adjectives that name it ("gouvernement fédéral", "garde nationale", "pôle judiciaire
        antiterroriste", "cour régionale supérieure"); the place after "de" joins later."""
        if self._body_heads is None:
            return
        for head in self._body_heads.finditer(self._text):
            span = doc.char_span(head.start(), head.end())
            if span is None:
                continue
            i = span.end
            while i < len(doc) and i - span.end < 3 and self._naming_adjective(doc[i]):
                i += 1
            if i > span.end:
                yield head.start(), doc[i - 1].idx + len(doc[i - 1])

    def _naming_adjective(self, token: Token) -> bool:
        low = token.lower_
        return (
            token.pos_ == "ADJ"
            and not token.is_stop
            and low not in _NOT_NAMING_FR
            and low not in self.nationalities
            and _base_fr(low) not in self.nationalities
            and not low.endswith(_PARTICIPLE_ENDINGS[:4])
            and token.text[:1].islower()
        )

    def _institution(self, start: int, end: int) -> bool:
        first = re.match(r"[\w'’-]+", self._text[start:end])
        return bool(first) and first.group(0).lower() in self.institution_words

    def _place_name_ok(self, text: str) -> bool:
        first = text.split()[0].lower()
        if first in _DETERMINERS:
            return False  # "The governorate"
        words = {w.lower() for w in re.findall(r"\w+", text)}
        if words & self.not_entities and len(words) <= 2:
            return False
        named = [w.lower() for w in re.findall(r"[\w'’]+", text) if w[0].isupper()]
        return not named or not all(
            w in self.nationalities or w in self.compass_words or w in self.not_entities
            for w in re.split(r"[-\s]", " ".join(named))
        )  # "Iraqi-Syrian region", "Western region"

    def _noun_follows(self, doc: Doc, end: int) -> bool:
        span = doc.char_span(end, min(len(self._text), end + 30), alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span[0] if span[0].idx >= end else (span[1] if len(span) > 1 else None)
        return token is not None and token.pos_ in ("NOUN", "PROPN") and not token.is_sent_start

    def _ner_mentions(self, doc: Doc) -> Iterator[tuple[int, int, str, str]]:
        """(start, end, type, source): a span the context types as a place ("près de
        Kasserine", "the town of Binnish") is a Location whatever the model said, and
        counts as a pattern's mention in the entity's type vote."""
        for ent in doc.ents:
            base = NER_TYPES.get(ent.label_)
            if base is None:
                continue  # NORP, DATE, CARDINAL, MISC, EVENT, ...
            for start, end in self._pieces(ent):
                if self._question is not None:
                    question = self._question.match(self._text, start, end)
                    if question:
                        start = question.end()  # "Combien de Français"
                if base == "Person":
                    start = self._given_name_before(doc, start)
                    end = self._names_after(doc, end)
                text = self._text[start:end]
                if not self._keep(doc, text, start, end, ent.label_):
                    continue
                if base in self._place_context_labels and self._in_place_context(start):
                    yield start, end, "Location", "pattern"
                    continue
                yield start, end, self._type(text, base), "ner"

    def _in_place_context(self, start: int) -> bool:
        cue = self._place_context.search(self._text, max(0, start - 80), start)
        if cue is None:
            return False
        # "à" after a verb or noun that takes a person ("a succédé à", "proche de",
        # "lié à") introduces a person
        return not _PERSON_BEFORE_A.search(self._text, max(0, cue.start() - 30), cue.start())

    def _given_name_before(self, doc: Doc, start: int) -> int:
        """Extend a person's span over the capitalised proper nouns the model left out
        before it ("Fionnuala Ní Aoláin", "Ibrahim Malam Dicko"), never over a title
        ("Rapporteur") nor over a sentence-initial common word."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return start
        i = span.start
        while i > 0 and self._name_token(doc[i - 1]) and doc[i - 1].whitespace_ == " ":
            i -= 1
            if doc[i].is_sent_start:
                break
        return doc[i].idx

    def _names_after(self, doc: Doc, end: int) -> int:
        """Extend a person's span over capitalised proper nouns right after it
        ("Ibrahim" + "Malam Dicko")."""
        span = doc.char_span(max(0, end - 1), end, alignment_mode="expand")
        if span is None:
            return end
        i = span.end
        while (
            i < len(doc)
            and doc[i - 1].whitespace_ == " "
            and not doc[i].is_sent_start
            and self._name_token(doc[i])
        ):
            i += 1
        return doc[i - 1].idx + len(doc[i - 1]) if i > span.end else end

    def _name_token(self, token: Token) -> bool:
        low = token.lower_
        return (
            token.pos_ == "PROPN"
            and token.is_title
            and len(low) > 1
            and low not in self.not_entity_heads
            and low not in self.role_nouns
            and low.rstrip(".") not in self.titles
            and low not in self.not_entities
            and low not in self.organization_words
            and low not in self.institution_words
            and not (token.is_sent_start and self._common_word(token))
            and token.ent_type_ in ("", "PERSON", "PER")
        )

    def _common_word(self, token: Token) -> bool:
        """Whether the token's lowercase form is a common noun, adjective or verb form of
        the language (the lemmatizer's word lists), so a capital may come from its place."""
        low = token.lower_
        if low in self.lexicon:
            return True
        lemma = self._lexicon_lemmas.get(low)
        # a participle the lemmatizer knows ("Classée", "Inscrite": lemma "inscrit")
        return bool(lemma) and lemma != low and low.endswith(_PARTICIPLE_ENDINGS)

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
        if start == 0 or self._text[start - 1] == "\n":
            number = _HEADING_NUMBER.match(part)
            if number:  # a numbered heading: "I. Exposé", "A. Un ..."
                rest = part[number.end() :].split()
                if len(rest) == 1 and rest[0].lower().rstrip(".:") in self.lexicon:
                    return
                cut = number.end()
        # leading lowercase words that are not name particles ("orthographié al-Howl"), and
        # the elided "d'" they leave ("archipel d'Ormalie")
        while True:
            m = re.match(r"([a-zà-ÿ]+)\s+", part[cut:])
            if not m or m.group(1) in _NAME_PARTICLES:
                break
            cut += m.end()
            elided = _LEADING_DETERMINER.match(part[cut:])
            if elided and elided.group(0)[-1] in "'’":
                cut += elided.end()
        tail = _TRAILING_JUNK.search(part[cut:])
        stop = cut + (tail.start() if tail else len(part) - cut)
        # closing quote/bracket junk was removed; drop an unbalanced opening bracket
        if stop > cut:
            yield start + cut, start + stop

    def _keep(self, doc: Doc, text: str, start: int, end: int, label: str = "") -> bool:
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
        lows = [w.lower() for w in re.findall(r"[\w'’-]+", text)]
        if (
            lows
            and all(
                w in self.compass_words or w in self.not_entities or w in self.nationalities
                for w in lows
            )
            and any(w in self.compass_words for w in lows)
        ):
            return False  # "North-east", "North-East Syrian"
        if len(words) == 1:
            following = doc.char_span(end, min(len(self._text), end + 30), alignment_mode="expand")
            if following is not None and len(following) and following[0].lower_ in self.role_nouns:
                return False  # "the Interior Minister"
            if self._common_single(doc, start, end, label):
                return False
        return True

    def _common_single(self, doc: Doc, start: int, end: int, label: str) -> bool:
        """A one-word span that is a common word capitalised by its position ("Réponse",
        "Classée", "Outre-mer") or a demonym ("un Niçois", "une Toulousaine")."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        token = span[0]
        if token.is_upper and len(token) <= 6:
            return False  # an acronym, or a dateline ("PARIS —")
        person = label in ("PERSON", "PER")
        if token.is_stop and (token.is_sent_start or not person):
            return True
        previous = doc[token.i - 1].lower_ if token.i > 0 else ""
        if self.language == "fr":
            if self._demonym(token.lower_) and (
                previous in _INDEFINITE_FR or (not person and previous not in _PLACE_PREPS_FR)
            ):
                return True
            return (token.is_sent_start or not person) and self._common_word(token)
        # English: the word lists include proper nouns (WordNet), so only a sentence-initial
        # word the tagger did not read as a proper noun
        return token.is_sent_start and token.pos_ != "PROPN" and self._common_word(token)

    def _demonym(self, low: str) -> bool:
        return any(
            low.endswith(suffix) and len(low) - len(suffix) >= 3 for suffix in self.demonym_suffixes
        )

    def _type(self, text: str, base: str) -> str:
        if base != "Person" and normalise_surface(text) in self.countries:
            return "Country"  # "Democratic Republic of the Congo"/ORG, "Kenya"/GPE
        words = [w.lower() for w in re.findall(r"[\w'’-]+", text)]
        if words and words[0] in self.institution_words:
            return "PublicBody" if words[0] in self.public_body_words else "Organization"
        if words and words[0] in self.organization_words:
            return "Organization"
        if base == "Organization" and any(w in self.public_body_words for w in words):
            return "PublicBody"
        return base


# adjectives that say which one or when, not what: "le gouvernement actuel"
_NOT_NAMING_FR: Final = frozenset(
    [
        "actuel", "actuelle", "ancien", "ancienne", "nouveau", "nouvel", "nouvelle",
        "précédent", "précédente", "prochain", "prochaine", "dernier", "dernière", "premier",
        "première", "futur", "future", "même", "seul", "seule", "compétent", "compétente",
        "concerné", "concernée", "local", "locale",
    ]
)  # fmt: skip
# "the neighbourhoods of Ghweiran and X", "près de Tala et X": the cue covers the second
# name of a pair too
_COORDINATED_PLACE = (
    rf"(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}(?:\s*,\s*|\s+(?:and|et|or|ou)\s+))?"
)


def _place_context(language: str, nouns: Iterable[str]) -> re.Pattern[str]:
    """The words right before a name that make it a place (``place_context_nouns`` of
    entity_cues.yaml + "of" / "de", "near", "près de", French "à"), ending where the name
    starts. French applies it to PER spans only ("de Nosra à HTC": an ORG after "à" stays
    one), English to PERSON and ORG spans."""
    listed = _alternation(nouns)
    if language == "fr":
        return re.compile(
            r"(?i:(?<![\w'’])à"
            r"|(?<![\w'’])près\s+(?:de|d['’])"
            rf"|(?<![\w'’])(?:{listed})\s+(?:de|d['’]))\s*{_COORDINATED_PLACE}$"
        )
    return re.compile(
        rf"(?i:(?<![\w'’])(?:{listed})\s+of|(?<![\w'’])near)\s+{_COORDINATED_PLACE}$"
    )


# words before "à" that take a person, not a place: "grâce à", "face à", "a succédé à"
_PERSON_BEFORE_A: Final = re.compile(
    r"(?<![\w'’])(?:grâce|face|quant|jusqu|succéd\w*|reproch\w*|demand\w*|dit|dire|déclar\w*"
    r"|écri\w*|répond\w*|li[ée]e?s?|associ\w*|attribu\w*|proches?|fidèles?|allégeance"
    r"|confi\w*|rend\w*|rendu\w*|opposé\w*|permis|annoncé|expliqué|"
    r"adress\w*|envoy\w*|livr\w*|remis\w*|hommage)['’]?\s*$",
    re.IGNORECASE,
)
_HEADING_NUMBER: Final = re.compile(r"(?:[IVXLC]{1,4}|[A-Z]|\d{1,2})[.)]\s+")
# "de la Sécurité, de la Migration et des Matières administratives": the further
# complements of a committee's name
_COMPLEMENT = r"(?:de\s+la|de\s+l['’]|des|du|de|d['’])\s*[A-ZÀ-Ý][\w'’-]*(?:\s+[a-zà-ÿ]+)?"
_COMPLEMENT_LIST: Final = re.compile(rf"(?:,\s+{_COMPLEMENT})*,?\s+et\s+{_COMPLEMENT}(?![\w-])")
_POSSESSIVE: Final = re.compile(r"[’']s?(?!\w)")
_OF_PLACE: Final = re.compile(r"\s+(?:of\s+the|of|de\s+la|des|du|de|d['’])\s*")

# "-DRC", "-Sahel", "-Democratic Republic of the Congo": capitalised words after a hyphen,
# joined by "of (the)" / "de (la)" / "du"; not "-linked", "-affiliated" (lowercase).
_CAPITAL_WORD = r"[A-ZÀ-Ý][\w'’]*"
_BRANCH_TAIL: Final = re.compile(
    rf"-{_CAPITAL_WORD}(?:\s+(?:(?:of\s+the|of|de\s+la|du|des|de)\s+)?{_CAPITAL_WORD})*"
)

_PARTICIPLE_ENDINGS: Final = (
    "é", "ée", "és", "ées", "ed", "ite", "ites", "ue", "ues", "ise", "ises", "te", "tes"
)  # fmt: skip
_INDEFINITE_FR: Final = frozenset(
    [
        "un",
        "une",
        "des",
        "les",
        "le",
        "ce",
        "cet",
        "cette",
        "ces",
        "plusieurs",
        "quelques",
        "jeune",
        "jeunes",
        "deux",
        "trois",
        "quatre",
        "cinq",
    ]
)
_PLACE_PREPS_FR: Final = frozenset(
    [
        "à",
        "a",
        "en",
        "au",
        "aux",
        "dans",
        "vers",
        "la",
        "l'",
        "l’",
        "de",
        "d'",
        "d’",
        "du",
        "sur",
        "près",
        "depuis",
        "par",
    ]
)


def _phrases(items: Iterable[str], ignore_case: bool = False) -> str:
    """Alternation of phrases, longest first, any whitespace between words."""
    parts = [
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in item.split())
        for item in sorted(set(items), key=len, reverse=True)
    ]
    joined = "|".join(parts)
    return f"(?i:{joined})" if ignore_case and joined else joined


def _inflect_fr(word: str) -> set[str]:
    """Feminine and plural forms of a French nationality adjective."""
    if word.endswith("ien"):
        return {word + "s", word + "ne", word + "nes"}
    if word.endswith(("e", "è", "é", "i", "k")):
        return {word + "s"}
    if word.endswith("s"):
        return {word + "e", word + "es"}
    return {word + "s", word + "e", word + "es"}


def _base_fr(word: str) -> str:
    for ending, base in (
        ("iennes", "ien"),
        ("ienne", "ien"),
        ("iens", "ien"),
        ("es", ""),
        ("e", ""),
        ("s", ""),
    ):
        if word.endswith(ending):
            return word[: len(word) - len(ending)] + base
    return word


def _common_words(nlp: Language) -> frozenset[str]:
    """The lemmatizer's word lists of common nouns, adjectives and verbs (empty when the
    pipeline has no rule lemmatizer)."""
    table = _lookup_table(nlp, "lemma_index")
    if table is None:
        return frozenset()
    words: set[str] = set()
    for pos in ("noun", "adj", "verb"):
        words.update(table.get(pos, []) or [])
    return frozenset(words)


def _lemma_lookup(nlp: Language) -> dict[str, str]:
    table = _lookup_table(nlp, "lemma_lookup")
    return {} if table is None else _LookupView(table)  # type: ignore[return-value]


class _LookupView:
    """dict-like ``get`` over a spaCy lookups table (values may be lists)."""

    def __init__(self, table: Any) -> None:
        self.table = table

    def get(self, key: str, default: str | None = None) -> str | None:
        value = self.table.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        return value if isinstance(value, str) else default


def _lookup_table(nlp: Language, name: str) -> Any:
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or name not in lookups.tables:
        return None
    return lookups.get_table(name)


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
