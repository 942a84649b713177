"""Repair known machine-translation damage without touching the text.

Two kinds of damage, both described in ``data/mt_repairs.yaml``:

- an **outlet** whose name the translator turned into a common noun (Le Monde -> "world",
  Le Parisien -> "the Parisian"). A lowercase "world" is read as Le Monde only with a cue
  that it is a source: glued to the next word ("worldThere", a dropped link), followed by
  a capitalised clause word ("the world I was able to view"), after "according to" /
  "received from", bare after "from", or as the subject of "was able to view/consult".
  Each hit gives a ``Repair`` and an ``Organization`` mention (source "repair") whose
  surface is the word as written.
- a fixed **phrase** ("parent company" of an armed group, "Syrian company" for Syrian
  society), repaired when a context word occurs in the same sentence.

Sets ``doc._.repairs`` and starts ``doc._.mentions`` (the gazetteer adds to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.datafiles import load_bundled, load_path
from claimgraph.errors import DataFileError
from claimgraph.nlp.attributes import Mention, Repair, doc_text

DATA_FILE = "mt_repairs.yaml"
_CUE_KEYS = (
    "source_prepositions",
    "source_phrases",
    "determiners",
    "ability",
    "reporting_verbs",
    "strong_verbs",
    "clause_starters",
)
_OPTIONAL_CUE_KEYS = ("subject_verbs",)  # may be left out of a language's cues
_OF_AFTER = re.compile(r"\s+(?:of|de|du|des|d['’])(?:\s|$)", re.IGNORECASE)
_VERB_WINDOW = 5  # tokens after the noun in which "was able to view" may come


@dataclass(frozen=True, slots=True)
class OutletRule:
    name: str
    canonical: str
    surfaces: tuple[str, ...]
    strong_only: bool
    languages: frozenset[str]


@dataclass(frozen=True, slots=True)
class PhraseRule:
    name: str
    repairs: dict[str, str]
    context: frozenset[str]
    languages: frozenset[str]


@dataclass(frozen=True, slots=True)
class RepairData:
    outlets: tuple[OutletRule, ...]
    cues: dict[str, dict[str, tuple[str, ...]]]
    phrases: tuple[PhraseRule, ...]


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(DATA_FILE, f"{where} must be a list of non-empty strings")
    return tuple(value)


def parse_repair_data(data: Any) -> RepairData:
    """Validate the parsed YAML; raises DataFileError naming the bad key."""
    if not isinstance(data, dict):
        raise DataFileError(DATA_FILE, "the top level must be a mapping")
    for key in ("outlets", "cues", "phrases"):
        if key not in data:
            raise DataFileError(DATA_FILE, f"section {key!r} is missing")
    outlets = []
    for i, item in enumerate(data["outlets"] or []):
        where = f"outlets[{i}]"
        if not isinstance(item, dict) or not all(
            k in item for k in ("name", "canonical", "surfaces")
        ):
            raise DataFileError(DATA_FILE, f"{where} needs name, canonical and surfaces")
        strength = item.get("strength", "normal")
        if strength not in ("normal", "strong"):
            raise DataFileError(DATA_FILE, f"{where}.strength must be 'normal' or 'strong'")
        surfaces = _strings(item["surfaces"], f"{where}.surfaces")
        outlets.append(
            OutletRule(
                name=str(item["name"]),
                canonical=str(item["canonical"]),
                surfaces=surfaces,
                strong_only=strength == "strong",
                languages=frozenset(_strings(item.get("languages", ["en"]), f"{where}.languages")),
            )
        )
    cues: dict[str, dict[str, tuple[str, ...]]] = {}
    for language, section in (data["cues"] or {}).items():
        if not isinstance(section, dict):
            raise DataFileError(DATA_FILE, f"cues.{language} must be a mapping")
        cues[language] = {}
        for key in _CUE_KEYS:
            value = section.get(key)
            if value is None:
                raise DataFileError(DATA_FILE, f"cues.{language}.{key} is missing")
            cues[language][key] = _strings(value, f"cues.{language}.{key}") if value else ()
        for key in _OPTIONAL_CUE_KEYS:
            value = section.get(key)
            cues[language][key] = _strings(value, f"cues.{language}.{key}") if value else ()
    phrases = []
    for i, item in enumerate(data["phrases"] or []):
        where = f"phrases[{i}]"
        repairs = item.get("repairs") if isinstance(item, dict) else None
        if not isinstance(repairs, dict) or not repairs or "name" not in item:
            raise DataFileError(DATA_FILE, f"{where} needs a name and a repairs mapping")
        phrases.append(
            PhraseRule(
                name=str(item["name"]),
                repairs={str(k): str(v) for k, v in repairs.items()},
                context=frozenset(
                    w.lower() for w in _strings(item.get("context"), f"{where}.context")
                ),
                languages=frozenset(_strings(item.get("languages", ["en"]), f"{where}.languages")),
            )
        )
    return RepairData(tuple(outlets), cues, tuple(phrases))


@cache
def load_repair_data(path: Path | None = None) -> RepairData:
    data = load_bundled(DATA_FILE) if path is None else load_path(path)
    return parse_repair_data(data)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class MtRepair:
    """Find outlet names turned into common nouns and fixed mistranslated phrases."""

    def __init__(self, language: str, data: RepairData) -> None:
        self.language = language
        cues = data.cues.get(language)
        self.outlets = [o for o in data.outlets if language in o.languages] if cues else []
        self.phrases = [p for p in data.phrases if language in p.languages]
        if cues:
            self._cues = cues
            det = _alternation(cues["determiners"])
            self._det_before = re.compile(rf"(?:^|[^\w'’])({det})\s+$", re.IGNORECASE)
            phrases = _alternation(cues["source_phrases"])
            self._phrase_before = (
                re.compile(rf"(?:^|\W)(?:{phrases})\s+(?:(?:{det})\s+)?$", re.IGNORECASE)
                if phrases
                else None
            )
            preps = _alternation(cues["source_prepositions"])
            self._prep_before = re.compile(rf"(?:^|\W)(?:{preps})\s+$") if preps else None
            starters = _alternation(cues["clause_starters"])
            self._starter_after = re.compile(rf" +(?:{starters})\b")
            self._ability = frozenset(cues["ability"])
            self._verbs = frozenset(cues["reporting_verbs"])
            self._strong_verbs = frozenset(cues["strong_verbs"])
            self._subject_verbs = frozenset(cues.get("subject_verbs", ()))
        self._outlet_res = [
            (rule, re.compile(rf"(?<![\w'’-])({_alternation(rule.surfaces)})(?![a-z0-9'’-])"))
            for rule in self.outlets
        ]
        self._phrase_res = [
            (rule, re.compile(rf"\b({_alternation(tuple(rule.repairs))})\b"))
            for rule in self.phrases
        ]

    def __call__(self, doc: Doc) -> Doc:
        repairs: list[Repair] = []
        mentions: list[Mention] = []
        self._text = text = doc_text(doc)
        for rule, pattern in self._outlet_res:
            for match in pattern.finditer(text):
                start, end = match.span(1)
                det = self._det_before.search(text, max(0, start - 40), start)
                strong, normal = self._outlet_cues(doc, start, end, det is not None)
                if not (strong or (normal and not rule.strong_only)):
                    continue
                repair_start = det.start(1) if det else start
                repairs.append(
                    Repair(
                        start=repair_start,
                        end=end,
                        original=text[repair_start:end],
                        reading=rule.canonical,
                        rule=rule.name,
                    )
                )
                mentions.append(
                    Mention(
                        start=start,
                        end=end,
                        text=text[start:end],
                        label="Organization",
                        canonical=rule.canonical,
                        qid=None,
                        source="repair",
                    )
                )
        for prule, pattern in self._phrase_res:
            for match in pattern.finditer(text):
                if self._has_context(doc, match.start(), match.end(), prule.context):
                    repairs.append(
                        Repair(
                            start=match.start(),
                            end=match.end(),
                            original=match.group(0),
                            reading=prule.repairs[match.group(0)],
                            rule=prule.name,
                        )
                    )
        repairs.sort(key=lambda r: r["start"])
        doc._.repairs = repairs
        doc._.mentions = list(doc._.mentions or []) + mentions
        return doc

    def _outlet_cues(self, doc: Doc, start: int, end: int, has_det: bool) -> tuple[bool, bool]:
        """(strong cue, normal cue) that the noun at text[start:end] names a source."""
        text = self._text
        if end < len(text) and text[end].isupper():
            return True, True  # glued to the next word: "worldThere"
        if self._starter_after.match(text, end):
            return True, True  # "the world I was able", "that the world The book"
        before = text[max(0, start - 60) : start]
        after = text[end : end + 3]
        ends_phrase = (not has_det or not after[:1].strip() or after[:1] in ",.;:)") and not (
            has_det and _OF_AFTER.match(text, end)
        )  # not "according to the point of view"
        if self._phrase_before and self._phrase_before.search(before) and ends_phrase:
            return True, True  # "according to world", "selon le monde,"
        if (
            self._prep_before
            and not has_det
            and self._prep_before.search(before)
            and not self._modifies_next(doc, end)
        ):
            return False, True  # "received from world ..." (not "from world capitals")
        if has_det and self._subject_of_reporting_verb(doc, end):
            return True, True  # "the parisian reports that", "The express reveals"
        return False, self._verb_follows(doc, end)

    def _subject_of_reporting_verb(self, doc: Doc, end: int) -> bool:
        if not self._subject_verbs:
            return False
        span = doc.char_span(end, min(len(self._text), end + 40), alignment_mode="expand")
        if span is None:
            return False
        for i, token in enumerate(span):
            if token.idx < end:
                continue
            if i > 2 or token.is_punct:
                return False
            if token.pos_ == "ADV":
                continue
            if token.lemma_.lower() not in self._subject_verbs:
                return False
            if token.pos_ in ("VERB", "AUX"):
                return True
            # the tagger may read "reports" as a noun: a "that"/"que" clause settles it
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            return following is not None and following.lower_ in ("that", "que", "qu'", "qu’")
        return False

    def _modifies_next(self, doc: Doc, end: int) -> bool:
        span = doc.char_span(end, min(len(self._text), end + 40), alignment_mode="expand")
        if span is None or not len(span):
            return False
        first = span[0] if span[0].idx >= end else (span[1] if len(span) > 1 else None)
        if first is None:
            return False
        if not doc.has_annotation("POS"):
            return first.is_alpha  # no tagger: any word right after may be the head noun
        return first.pos_ in ("NOUN", "PROPN", "ADJ")

    def _verb_follows(self, doc: Doc, end: int) -> bool:
        span = doc.char_span(end, min(len(self._text), end + 80), alignment_mode="expand")
        if span is None:
            return False
        able = False
        for i, token in enumerate(span):
            if i >= _VERB_WINDOW or token.is_punct:
                return False
            lemma = token.lemma_.lower()
            if token.lower_ in self._ability or lemma in self._ability:
                able = True
            elif lemma in self._verbs and token.pos_ == "VERB":
                return able or lemma in self._strong_verbs
            elif token.pos_ in ("NOUN", "PROPN") and i > 0:
                return False
        return False

    def _has_context(self, doc: Doc, start: int, end: int, context: frozenset[str]) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
        return any(t.lower_ in context or t.lemma_.lower() in context for t in sentence)


@Language.factory(
    "claimgraph_mt_repair",
    default_config={"language": "en"},
    assigns=["doc._.repairs", "doc._.mentions"],
    requires=["token.lemma", "token.pos"],
)
def make_mt_repair(nlp: Language, name: str, language: str) -> MtRepair:
    return MtRepair(language, load_repair_data())
