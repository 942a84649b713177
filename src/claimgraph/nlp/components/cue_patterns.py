"""A compact notation for cue phrases kept in data files, compiled to Matcher patterns.

A phrase is a space-separated list of token specs; each spec matches one token:

    word            the lower-cased text equals ``word``
    a|b|c           the lower-cased text is one of the alternatives
    <NOUN>          the coarse part of speech (``<NOUN|PROPN>`` for several)
    _               any token
    ~               any token but punctuation (a bounded adjunct: ``founded ~{0,4} by``)
    SPEC?           optional (zero or one), SPEC* zero or more, SPEC+ one or more
    SPEC{0,6}       between 0 and 6 (a bounded gap, e.g. ``_{1,8}``)

e.g. ``"founded|established by"``, ``"is|was a|an <ADJ|NOUN>* camp|city|town in"``.
Data files use it so that cues stay readable and reviewable as data, not code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.errors import DataFileError

_POS_RE: Final = re.compile(r"^<([A-Z|]+)>$")
_OPERATORS: Final = ("?", "*", "+")
_RANGE_RE: Final = re.compile(r"^(.+)(\{\d*,\d*\})$")


def compile_phrase(phrase: str, *, file: str, where: str) -> list[dict[str, Any]]:
    """The Matcher token pattern for one phrase; DataFileError names ``where`` when bad."""
    if not isinstance(phrase, str) or not phrase.strip():
        raise DataFileError(file, f"{where}: a cue phrase must be a non-empty string")
    pattern: list[dict[str, Any]] = []
    for spec in phrase.split():
        op = None
        if ranged := _RANGE_RE.match(spec):
            spec, op = ranged.group(1), ranged.group(2)
        elif len(spec) > 1 and spec[-1] in _OPERATORS:
            spec, op = spec[:-1], spec[-1]
        token: dict[str, Any]
        if spec == "_":
            token = {}
        elif spec == "~":
            token = {"IS_PUNCT": False}
        elif match := _POS_RE.match(spec):
            token = {"POS": {"IN": match.group(1).split("|")}}
        elif "<" in spec or ">" in spec:
            raise DataFileError(file, f"{where}: bad part-of-speech spec {spec!r} (write <NOUN>)")
        else:
            words = spec.lower().split("|")
            if not all(words):
                raise DataFileError(file, f"{where}: empty alternative in {phrase!r}")
            token = {"LOWER": {"IN": words}} if len(words) > 1 else {"LOWER": words[0]}
        if op:
            token["OP"] = op
        pattern.append(token)
    if all(token.get("OP", "1")[0] in "?*{" for token in pattern):
        raise DataFileError(file, f"{where}: phrase {phrase!r} can match nothing")
    return pattern


def split_hyphenated(pattern: list[dict[str, Any]], tokenize: Callable[[str], list[str]]) -> list[list[dict[str, Any]]]:
    """Variants of ``pattern`` for the words a tokenizer splits at hyphens.

    A cue word such as "commander-in-chief" or "co-founder" is one token to the French
    tokenizer but five or three to the English one; each variant spells such a word as the
    tokenizer's pieces, so the phrase matches however the language splits it.
    """
    variants: list[list[dict[str, Any]]] = []
    for position, token in enumerate(pattern):
        lower = token.get("LOWER")
        if lower is None or token.get("OP") is not None:
            continue
        words = [lower] if isinstance(lower, str) else list(lower["IN"])
        for word in words:
            pieces = tokenize(word) if "-" in word else [word]
            if len(pieces) > 1:
                spelled = [{"LOWER": piece} for piece in pieces]
                variants.append([*pattern[:position], *spelled, *pattern[position + 1 :]])
    return variants


def expand_first(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The same matches as ``pattern``, as patterns whose first token is one exact word.

    The Matcher tests every pattern's first token at every position; an exact
    ``{"LOWER": word}`` test runs in C while a ``{"IN": [...]}`` set runs in Python, so
    splitting the first token's alternatives makes matching several times faster.
    """
    if not pattern:
        return []
    first, rest = pattern[0], pattern[1:]
    op = first.get("OP")
    if op in ("?", "*") and rest:  # the match may start on the next token
        bare = {key: value for key, value in first.items() if key != "OP"}
        without = expand_first(rest)
        with_it = expand_first([bare, *([first] if op == "*" else []), *rest])
        return with_it + without
    lower = first.get("LOWER")
    if isinstance(lower, dict) and set(lower) == {"IN"} and op is None:
        return [[{**first, "LOWER": word}, *rest] for word in lower["IN"]]
    return [pattern]


class AnchoredMatcher:
    """A Matcher that only runs around the words a pattern cannot do without.

    Each pattern's anchor is its required word with the longest shortest alternative
    ("camp|city" rather than "is|was"). The Doc's words are looked up in the anchor set
    once; around each hit, only the patterns anchored on that word run, on a window as
    wide as they can reach. Much cheaper than running a hundred patterns over every token
    (the Matcher's cost grows with patterns x tokens).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.anchors: dict[str, tuple[int, int]] = {}  # word -> tokens (before, after) it
        self.by_anchor: dict[str, Matcher] = {}  # word -> the patterns anchored on it
        self.unanchored = Matcher(vocab)  # patterns with no required word: run everywhere
        self.has_unanchored = False
        self._hashed: dict[int, tuple[int, int, Matcher]] | None = None

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        choices = []
        for position, token in enumerate(pattern):
            lower = token.get("LOWER")
            if token.get("OP") in (None, "+") and lower is not None:
                words = [lower] if isinstance(lower, str) else list(lower["IN"])
                choices.append((min(len(word) for word in words), position, words))
        self._hashed = None
        if not choices:
            self.unanchored.add(key, [pattern])
            self.has_unanchored = True
            return
        _, position, words = max(choices, key=lambda choice: choice[0])
        before = sum(_max_length(token) for token in pattern[:position])
        after = sum(_max_length(token) for token in pattern[position:])
        for word in words:
            old = self.anchors.get(word, (0, 0))
            self.anchors[word] = (max(old[0], before), max(old[1], after))
            self.by_anchor.setdefault(word, Matcher(self.vocab)).add(key, [pattern])

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = doc.vocab.strings
        found: set[tuple[str, int, int]] = set()
        if self.has_unanchored:
            found.update((strings[key], s, e) for key, s, e in self.unanchored(doc))
        if self._hashed is None:  # by string hash: no Token objects in the scan
            self._hashed = {
                strings.add(word): (*reach, self.by_anchor[word])
                for word, reach in self.anchors.items()
            }
        anchors = self._hashed
        size = len(doc)
        seen: set[tuple[int, int, int]] = set()
        for i, lower in enumerate(doc.to_array(LOWER).tolist()):
            hit = anchors.get(lower)
            if hit is None:
                continue
            start, end = max(0, i - hit[0]), min(size, i + hit[1])
            if (lower, start, end) in seen:
                continue
            seen.add((lower, start, end))
            for key, s, e in hit[2](doc[start:end]):
                found.add((strings[key], start + s, start + e))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))  # key last: no set-order ties


def _max_length(token: dict[str, Any]) -> int:
    """How many Doc tokens one pattern token can cover (open repeats count as 8)."""
    op = token.get("OP")
    if op in ("*", "+"):
        return 8
    if isinstance(op, str) and op.startswith("{"):
        high = op.strip("{}").split(",")[-1]
        return int(high) if high else 8
    return 1
