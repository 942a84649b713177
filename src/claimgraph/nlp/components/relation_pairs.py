"""Candidate argument pairs of a sentence and their features, for the relation model.

The relation model (``relation_model``) does not look for cue phrases: it scores every
ordered pair of different entities mentioned close together in one sentence, from what
lies between them and how the parse joins them. This module is the one definition of
those pairs and features, shared by the component that applies the model and by the
training command (``claimgraph.evaluate.relation_training``), so both see the same thing.

Features are strings; each names one observation:

- ``T:`` the two entity types, in order (``Organization>Location``);
- ``ORD:`` whether the subject is written first, with the types;
- ``GAP:`` the number of tokens between the two mentions, bucketed;
- ``B:``/``BT:`` each lemma between them (when at most ``MAX_BETWEEN`` tokens), alone and
  with the types and order;
- ``PRE:``/``POST:`` the lemma just before the first mention and just after the second;
- ``LCA:``/``LCAP:`` the lowest common ancestor of the two mentions in the parse (lemma
  with the types; part of speech);
- ``PD:`` the dependency labels on the path up from the subject and down to the object;
- ``PW:`` each lemma on that path; ``PLEN:`` its length;
- ``R:`` a predicate the cue rules (``relations``) found for this pair in this sentence,
  ``R:~`` one they found the other way round.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, POS, SENT_START
from spacy.tokens import Doc

from claimgraph.nlp.attributes import Relation
from claimgraph.nlp.components.relation_args import Arg
from claimgraph.nlp.components.relation_cues import RelationCues
from claimgraph.nlp.components.relations import mention_args

MAX_DISTANCE: Final = 30  # tokens between the two mentions' starts; farther pairs are not candidates
MAX_BETWEEN: Final = 12  # the words between two mentions are features up to this many
RULE_PREFIX: Final = "R:"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # token offsets [start, end)
    end: int
    start_char: int
    end_char: int


class ParseView:
    """The parse of one Doc as plain lists (heads, labels, lemmas), read once with
    ``Doc.to_array``: features are taken for many pairs of a sentence, and creating spaCy
    Token objects for each of them cost more than the model itself."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        columns = doc.to_array([HEAD, DEP, LEMMA, POS, SENT_START])  # uint64: string hashes
        # HEAD is an offset relative to the token, stored as uint64: as int64 it is signed again
        self.heads: list[int] = (columns[:, 0].astype(np.int64) + np.arange(len(doc))).tolist()
        strings = doc.vocab.strings
        keys = columns[:, 1:4].tolist()  # DEP, LEMMA, POS
        names = {key: strings[key] if key else "" for key in {key for row in keys for key in row}}
        self.deps = [names[dep] for dep, _, _ in keys]
        self.pos = [names[pos] for _, _, pos in keys]
        lemmas = [names[lemma].lower() for _, lemma, _ in keys]
        if not all(lemmas):  # a model without lemmatizer: the word itself
            lemmas = [lemma or token.lower_ for lemma, token in zip(lemmas, doc)]
        self.lemmas = lemmas
        self._chains: dict[int, list[int]] = {}
        self._roots: dict[tuple[int, int], int] = {}
        starts = np.flatnonzero(columns[:, 4].astype(np.int64) == 1).tolist()
        self.sentence_starts: list[int] = starts if starts and starts[0] == 0 else [0, *starts]

    def sentence(self, token: int) -> Sentence:
        n = bisect_right(self.sentence_starts, token) - 1
        start = self.sentence_starts[n]
        end = self.sentence_starts[n + 1] if n + 1 < len(self.sentence_starts) else len(self.heads)
        span = self.doc[start:end]
        return Sentence(start, end, span.start_char, span.end_char)

    def root(self, arg: Arg) -> int:
        """The token of a mention whose head lies outside it (the shallowest, if several)."""
        key = (arg.first, arg.last)
        if key not in self._roots:
            inside = range(arg.first, arg.last)
            tops = [i for i in inside if self.heads[i] == i or not arg.first <= self.heads[i] < arg.last]
            self._roots[key] = min(tops, key=self.depth) if len(tops) > 1 else (tops[0] if tops else arg.first)
        return self._roots[key]

    def depth(self, token: int) -> int:
        return len(self.chain(token))

    def chain(self, token: int) -> list[int]:
        """``token`` and its ancestors, up to the root of its sentence (kept per token)."""
        if token not in self._chains:
            chain = [token]
            while self.heads[chain[-1]] != chain[-1] and len(chain) <= len(self.heads):
                chain.append(self.heads[chain[-1]])
            self._chains[token] = chain
        return self._chains[token]


def featured_pairs(doc: Doc, cues: RelationCues) -> Iterator[tuple[Sentence, Arg, Arg, list[str]]]:
    """(sentence, subject, object, features) for every candidate pair of ``doc`` whose two
    types some predicate's signature takes: what the classifier scores and what training
    labels, defined once so that both see the same pairs."""
    args = mention_args(doc, cues.ner_labels)
    if len(args) < 2:
        return
    by_pair = rule_predicates_by_pair(doc._.relations or [])
    view = ParseView(doc)
    typed: dict[tuple[str, str], bool] = {}
    for sentence, subject, obj in candidate_pairs(view, args):
        types = (subject.type, obj.type)
        if types not in typed:
            typed[types] = any(cues.fits(predicate, *types) for predicate in cues.signatures)
        if typed[types]:
            found = by_pair.get((sentence.start_char, subject.name, obj.name), ())
            yield sentence, subject, obj, pair_features(view, sentence, subject, obj, found)


def candidate_pairs(view: ParseView, args: Iterable[Arg]) -> Iterator[tuple[Sentence, Arg, Arg]]:
    """(sentence, subject, object) for every ordered pair of two different entities
    mentioned in one sentence at most ``MAX_DISTANCE`` tokens apart; when a sentence
    names them more than once, only their closest two mentions make the pair."""
    by_sentence: dict[int, list[Arg]] = {}
    for arg in args:
        by_sentence.setdefault(bisect_right(view.sentence_starts, arg.first), []).append(arg)
    for items in by_sentence.values():
        if len(items) < 2:
            continue
        closest: dict[tuple[str, str], tuple[int, Arg, Arg]] = {}
        for subject in items:
            for obj in items:
                distance = abs(subject.first - obj.first)
                if subject.name == obj.name or distance > MAX_DISTANCE:
                    continue
                key = (subject.name, obj.name)
                if key not in closest or distance < closest[key][0]:
                    closest[key] = (distance, subject, obj)
        if closest:
            sentence = view.sentence(items[0].first)
            for _, subject, obj in closest.values():
                yield sentence, subject, obj


def pair_features(view: ParseView, sentence: Sentence, subject: Arg, obj: Arg, rule_predicates: Iterable[str]) -> list[str]:
    """The features of one candidate pair (see the module docstring)."""
    lemmas = view.lemmas
    types = f"{subject.type}>{obj.type}"
    subject_first = subject.first < obj.first
    first, second = (subject, obj) if subject_first else (obj, subject)
    features = [f"T:{types}", f"ORD:{subject_first}|{types}"]
    gap = second.first - first.last
    features.append(f"GAP:{min(max(gap, 0), MAX_BETWEEN) // 3}")
    if 0 <= gap <= MAX_BETWEEN:
        for word in lemmas[first.last : second.first]:
            features.append(f"B:{word}")
            features.append(f"BT:{word}|{types}|{subject_first}")
    if first.first > sentence.start:
        features.append(f"PRE:{lemmas[first.first - 1]}|{subject_first}")
    if second.last < sentence.end:
        features.append(f"POST:{lemmas[second.last]}|{subject_first}")
    path = _parse_path(view, view.root(subject), view.root(obj))
    if path is not None:
        up, down = path
        ancestor = up[-1]
        features.append(f"LCA:{lemmas[ancestor]}|{types}")
        features.append(f"LCAP:{view.pos[ancestor]}")
        labels = "^".join(view.deps[i] for i in up[:-1]) + "|" + "v".join(view.deps[i] for i in down)
        features.append(f"PD:{labels}|{types}")
        features.extend(f"PW:{lemmas[i]}" for i in [*up[1:], *down[:-1]])
        features.append(f"PLEN:{min(len(up) + len(down), 8)}")
    features.extend(f"{RULE_PREFIX}{predicate}" for predicate in rule_predicates)
    return features


def rule_predicates_by_pair(relations: Iterable[Relation]) -> dict[tuple[int, str, str], tuple[str, ...]]:
    """What the cue rules said of each (sentence start, subject, object): their predicates,
    and ``~predicate`` for those they stated the other way round."""
    found: dict[tuple[int, str, str], list[str]] = {}
    for relation in relations:
        start, subject, obj = relation["sentence_start"], relation["subject"], relation["object"]
        found.setdefault((start, subject, obj), []).append(relation["predicate"])
        found.setdefault((start, obj, subject), []).append(f"~{relation['predicate']}")
    return {key: tuple(sorted(set(predicates))) for key, predicates in found.items()}


def _parse_path(view: ParseView, source: int, target: int) -> tuple[list[int], list[int]] | None:
    """The tokens from ``source`` up to the lowest common ancestor (included), and from
    below that ancestor down to ``target``; None when they share no ancestor."""
    up = view.chain(source)
    target_chain = view.chain(target)
    depth = {token: n for n, token in enumerate(target_chain)}
    for n, token in enumerate(up):
        if token in depth:
            return up[: n + 1], target_chain[: depth[token]][::-1]
    return None
