"""Score extraction records against a corpus of gold annotations.

``evaluate_corpus`` runs our extraction over every ``<doc>/source.txt`` that has a
``gold.json`` and returns precision, recall and F1 per kind, micro-averaged over documents,
overall and per language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.evaluate.matching import (
    KindResult,
    match_aliases,
    match_dates,
    match_entities,
    match_figures,
    match_relations,
)

KINDS: tuple[str, ...] = (
    "entities",
    "entity-types",
    "aliases",
    "figures",
    "figures_strict",
    "figure-counts",
    "figure-status",
    "figure-place",
    "figure-as_of",
    "relations",
    "dates",
)


@dataclass(frozen=True)
class GoldDocument:
    slug: str
    language: str
    text: str
    gold: dict[str, Any]
    source_path: Path


@dataclass
class Evaluation:
    """Scores overall (``"all"``) and per language, each a kind -> KindResult table."""

    by_scope: dict[str, dict[str, KindResult]] = field(default_factory=dict)
    documents: int = 0

    def add(self, scope: str, results: dict[str, KindResult]) -> None:
        table = self.by_scope.setdefault(scope, {kind: KindResult() for kind in KINDS})
        for kind, result in results.items():
            table[kind].add(result)

    def as_dict(self, misses: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents, "scores": {}}
        for scope, table in self.by_scope.items():
            out["scores"][scope] = {
                kind: {
                    "precision": round(result.precision, 4),
                    "recall": round(result.recall, 4),
                    "f1": round(result.f1, 4),
                    "tp": result.tp,
                    "fp": result.fp,
                    "fn": result.fn,
                    **(
                        {"false_negatives": result.false_negatives, "false_positives": result.false_positives}
                        if misses
                        else {}
                    ),
                }
                for kind, result in table.items()
            }
        return out


def load_corpus(corpus_dir: Path, *, language: str | None = None, slug: str | None = None) -> list[GoldDocument]:
    """Every annotated document below ``corpus_dir`` (folders holding a gold.json)."""
    if not corpus_dir.is_dir():
        raise ConfigError(f"{corpus_dir} is not a folder. Give the corpus folder, e.g. ../shared/corpus.")
    documents = []
    for gold_path in sorted(corpus_dir.glob("*/gold.json")):
        folder = gold_path.parent
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        if language and meta.get("language") != language:
            continue
        if slug and folder.name != slug:
            continue
        documents.append(
            GoldDocument(
                slug=folder.name,
                language=meta.get("language", "en"),
                text=(folder / "source.txt").read_text("utf-8"),
                gold=json.loads(gold_path.read_text("utf-8")),
                source_path=folder / "source.txt",
            )
        )
    if not documents:
        raise ConfigError(
            f"No annotated documents in {corpus_dir}: expected folders with source.txt, meta.json and gold.json."
        )
    return documents


def score_document(predicted: dict[str, Any], gold: dict[str, Any], text: str) -> dict[str, KindResult]:
    """Every kind's result for one document."""
    entities, types, entity_match = match_entities(predicted.get("entities", []), gold.get("entities", []))
    results = {
        "entities": entities,
        "entity-types": types,
        "aliases": match_aliases(predicted.get("aliases", []), gold.get("aliases", []), entity_match),
        "relations": match_relations(predicted.get("relations", []), gold.get("relations", []), entity_match),
        "dates": match_dates(predicted.get("dates", []), gold.get("dates", []), text),
    }
    results.update(match_figures(predicted.get("figures", []), gold.get("figures", []), text))
    return results


Extractor = Callable[[Iterable[GoldDocument]], Iterator[dict[str, Any]]]


def default_extractor(documents: Iterable[GoldDocument]) -> Iterator[dict[str, Any]]:
    """Our own extraction, run exactly as ``claimgraph extract`` runs it on these files."""
    from claimgraph.nlp.extraction import TextInput, extract, inputs_from_paths

    inputs = inputs_from_paths(document.source_path for document in documents)
    return extract(item for item in inputs if isinstance(item, TextInput))


def evaluate_corpus(documents: list[GoldDocument], extractor: Extractor = default_extractor) -> Evaluation:
    evaluation = Evaluation()
    by_slug = {document.slug: document for document in documents}
    for record in extractor(documents):
        document = by_slug[record["doc"]]
        results = score_document(record, document.gold, document.text)
        for result in results.values():
            for item in result.false_negatives + result.false_positives:
                if isinstance(item, dict):
                    item.setdefault("doc", document.slug)
        evaluation.add("all", results)
        evaluation.add(document.language, results)
        evaluation.documents += 1
    return evaluation
