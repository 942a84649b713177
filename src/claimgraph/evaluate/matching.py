"""Matching of predicted records against gold records, one kind at a time.

Each ``match_*`` function takes one document's predicted and gold records (the JSON shape of
EXTRACTION_FORMAT.md) and returns a ``KindResult``: true positives, false positives and false
negatives, with the unmatched items kept for ``--misses``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from claimgraph.evaluate.normalise import normalise_name

Record = dict[str, Any]


@dataclass
class KindResult:
    """Counts for one kind in one or more documents, plus what was missed."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_negatives: list[Any] = field(default_factory=list)
    false_positives: list[Any] = field(default_factory=list)

    def add(self, other: KindResult) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.false_negatives.extend(other.false_negatives)
        self.false_positives.extend(other.false_positives)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _keys(entity: Record) -> set[str]:
    names = [entity.get("name", ""), *entity.get("mentions", [])]
    return {key for key in (normalise_name(name) for name in names) if key}


@dataclass
class EntityMatch:
    """The entity pairing of one document, reused by aliases and relations."""

    pairs: list[tuple[int, int]]  # (predicted index, gold index)
    predicted: list[Record]
    gold: list[Record]

    def gold_for_predicted(self, index: int) -> int | None:
        return next((g for p, g in self.pairs if p == index), None)

    def predicted_for_name(self, name: str) -> list[int]:
        """Predicted entities whose name or a mention equals ``name``."""
        key = normalise_name(name)
        return [i for i, entity in enumerate(self.predicted) if key in _keys(entity)]

    def gold_for_name(self, name: str) -> list[int]:
        key = normalise_name(name)
        return [i for i, entity in enumerate(self.gold) if key in _keys(entity)]


def match_entities(predicted: list[Record], gold: list[Record]) -> tuple[KindResult, KindResult, EntityMatch]:
    """Entities (any name or mention equal) and entity types (over matched pairs)."""
    pred_keys = [_keys(entity) for entity in predicted]
    gold_keys = [_keys(entity) for entity in gold]
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    # Most specific first: predicted entities with fewer candidate golds are paired first.
    candidates = {
        p: [g for g in range(len(gold)) if pred_keys[p] & gold_keys[g]] for p in range(len(predicted))
    }
    for p in sorted(candidates, key=lambda p: len(candidates[p])):
        for g in candidates[p]:
            if g not in used_gold:
                pairs.append((p, g))
                used_gold.add(g)
                break
    matched_pred = {p for p, _ in pairs}
    entities = KindResult(
        tp=len(pairs),
        fp=len(predicted) - len(pairs),
        fn=len(gold) - len(pairs),
        false_negatives=[gold[g] for g in range(len(gold)) if g not in used_gold],
        false_positives=[predicted[p] for p in range(len(predicted)) if p not in matched_pred],
    )
    types = KindResult()
    for p, g in pairs:
        if predicted[p].get("type") == gold[g].get("type"):
            types.tp += 1
        else:
            types.fp += 1
            types.fn += 1
            types.false_negatives.append({"gold": gold[g], "predicted_type": predicted[p].get("type")})
    return entities, types, EntityMatch(pairs, predicted, gold)


def match_aliases(predicted: list[list[str]], gold: list[list[str]], entities: EntityMatch) -> KindResult:
    """A gold (surface, canonical) is found when the predicted entity listing ``surface``
    among its mentions is the one matched to the gold entity ``canonical``."""
    result = KindResult()
    found_surfaces: set[tuple[str, int]] = set()
    for surface, canonical in gold:
        gold_indexes = set(entities.gold_for_name(canonical))
        key = normalise_name(surface)
        holders = [
            p for p, entity in enumerate(entities.predicted)
            if key in {normalise_name(m) for m in entity.get("mentions", [])}
        ]
        hit = next((p for p in holders if entities.gold_for_predicted(p) in gold_indexes), None)
        if hit is None:
            result.fn += 1
            result.false_negatives.append([surface, canonical])
        else:
            result.tp += 1
            found_surfaces.add((key, hit))
    gold_surfaces = {normalise_name(surface) for surface, _ in gold}
    for surface, canonical in predicted:
        if normalise_name(surface) not in gold_surfaces:
            result.fp += 1
            result.false_positives.append([surface, canonical])
    return result


def _value_equal(pred: Record, gold: Record) -> bool:
    a, b = pred.get("value"), gold.get("value")
    if a is None or b is None:
        return a is None and b is None
    if pred.get("approx") or gold.get("approx"):
        return abs(a - b) <= 0.02 * max(abs(a), abs(b))
    return abs(a - b) < 1e-9


def quotes_overlap(a: str, b: str, text: str) -> bool:
    """One quote contains the other, or they share at least half of the shorter one's
    characters (measured as overlapping character ranges in the document text)."""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    shorter = min(len(a), len(b))
    for start_a in _occurrences(text, a):
        for start_b in _occurrences(text, b):
            overlap = min(start_a + len(a), start_b + len(b)) - max(start_a, start_b)
            if overlap * 2 >= shorter:
                return True
    return False


def _occurrences(text: str, needle: str) -> Iterable[int]:
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def _pair(
    predicted: list[Record], gold: list[Record], same: Callable[[Record, Record], bool],
    prefer: Callable[[Record, Record], int] = lambda p, g: 0,
) -> list[tuple[int, int]]:
    """One-to-one greedy pairing, best ``prefer`` score first."""
    options = [
        (prefer(p_item, g_item), p, g)
        for p, p_item in enumerate(predicted)
        for g, g_item in enumerate(gold)
        if same(p_item, g_item)
    ]
    options.sort(key=lambda option: -option[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p, g in options:
        if p not in used_p and g not in used_g:
            pairs.append((p, g))
            used_p.add(p)
            used_g.add(g)
    return pairs


def _counts_right(pred: Record, gold: Record) -> bool:
    counts = normalise_name(pred.get("counts") or "")
    return any(normalise_name(keyword) in counts for keyword in gold.get("counts_keywords", []))


def _status_right(pred: Record, gold: Record) -> bool:
    return pred.get("status") == gold.get("status")


def match_figures(predicted: list[Record], gold: list[Record], text: str) -> dict[str, KindResult]:
    """figures (value + quote), figure-counts, figure-status, figure-place, figure-as_of,
    and figures_strict (value, counts and status all right)."""

    def same(p: Record, g: Record) -> bool:
        return _value_equal(p, g) and quotes_overlap(p.get("quote", ""), g.get("quote", ""), text)

    def prefer(p: Record, g: Record) -> int:
        return (
            4 * (normalise_name(p.get("value_text") or "") == normalise_name(g.get("value_text") or ""))
            + 2 * _counts_right(p, g)
            + _status_right(p, g)
        )

    pairs = _pair(predicted, gold, same, prefer)
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    figures = KindResult(
        tp=len(pairs),
        fp=len(predicted) - len(pairs),
        fn=len(gold) - len(pairs),
        false_negatives=[gold[g] for g in range(len(gold)) if g not in matched_g],
        false_positives=[predicted[p] for p in range(len(predicted)) if p not in matched_p],
    )
    checks: dict[str, Callable[[Record, Record], bool]] = {
        "figure-counts": _counts_right,
        "figure-status": _status_right,
        "figure-place": lambda p, g: normalise_name(p.get("place") or "") == normalise_name(g.get("place") or ""),
        "figure-as_of": lambda p, g: (p.get("as_of") or None) == (g.get("as_of") or None),
        "figures_strict": lambda p, g: _counts_right(p, g) and _status_right(p, g),
    }
    results = {"figures": figures}
    for name, check in checks.items():
        result = KindResult()
        for p, g in pairs:
            if check(predicted[p], gold[g]):
                result.tp += 1
            else:
                result.false_negatives.append({"gold": gold[g], "predicted": predicted[p]})
        result.fp = len(predicted) - result.tp
        result.fn = len(gold) - result.tp
        result.false_positives = figures.false_positives
        results[name] = result
    return results


def match_relations(predicted: list[Record], gold: list[Record], entities: EntityMatch) -> KindResult:
    """Predicate equal, subject and object matching gold names through predicted mentions."""

    def refers_to(pred_name: str, gold_name: str) -> bool:
        if normalise_name(pred_name) == normalise_name(gold_name):
            return True
        gold_indexes = set(entities.gold_for_name(gold_name))
        return any(
            entities.gold_for_predicted(p) in gold_indexes
            for p in entities.predicted_for_name(pred_name)
        )

    def same(p: Record, g: Record) -> bool:
        return (
            p.get("predicate") == g.get("predicate")
            and refers_to(p.get("subject", ""), g.get("subject", ""))
            and refers_to(p.get("object", ""), g.get("object", ""))
        )

    return _as_result(predicted, gold, _pair(predicted, gold, same))


def match_dates(predicted: list[Record], gold: list[Record], text: str) -> KindResult:
    """iso equal and text overlapping."""

    def same(p: Record, g: Record) -> bool:
        return p.get("iso") == g.get("iso") and _texts_overlap(p, g.get("text", ""), text)

    return _as_result(predicted, gold, _pair(predicted, gold, same))


def _texts_overlap(pred: Record, gold_text: str, text: str) -> bool:
    pred_text = pred.get("text", "")
    if not pred_text or not gold_text:
        return False
    if pred_text in gold_text or gold_text in pred_text:
        return True
    # Offsets are trusted only when they point at the predicted text in this document
    # (an extractor that removed boilerplate first has offsets into its cleaned text).
    if "start" in pred and "end" in pred and text[pred["start"] : pred["end"]] == pred_text:
        starts = [pred["start"]]
    else:
        starts = list(_occurrences(text, pred_text))
    return any(
        min(start + len(pred_text), gold_start + len(gold_text)) > max(start, gold_start)
        for start in starts
        for gold_start in _occurrences(text, gold_text)
    )


def _as_result(predicted: list[Record], gold: list[Record], pairs: list[tuple[int, int]]) -> KindResult:
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    return KindResult(
        tp=len(pairs),
        fp=len(predicted) - len(pairs),
        fn=len(gold) - len(pairs),
        false_negatives=[gold[g] for g in range(len(gold)) if g not in matched_g],
        false_positives=[predicted[p] for p in range(len(predicted)) if p not in matched_p],
    )
