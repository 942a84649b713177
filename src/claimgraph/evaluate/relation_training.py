"""Train the relation model from annotated documents (the ``gold.json`` of EXTRACTION_FORMAT.md).

Each annotated folder is run through the pipeline without the relation classifier. Every
candidate pair (``relation_pairs``) becomes one example: its features, and as label the
predicate gold states between the two gold entities its mentions were matched to (by the
evaluation's own entity matching), or ``NONE``. A multinomial logistic regression
(scikit-learn, the standard, well-tested implementation; it is needed only here, not to
run the model) learns from them. Features seen fewer than ``min_count`` times are left
out: they cannot generalise and would only make the model file bigger.

The sets a model was trained on say nothing of its accuracy: score it on a set it never
saw (docs/evaluation.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from claimgraph.errors import ConfigError
from claimgraph.evaluate.matching import EntityMatch, match_entities
from claimgraph.evaluate.scoring import GoldDocument, load_corpus
from claimgraph.nlp.components import relation_cues
from claimgraph.nlp.components.relation_classifier import COMPONENT as CLASSIFIER
from claimgraph.nlp.components.relation_pairs import featured_pairs
from claimgraph.nlp.extraction import TextInput, doc_to_record, inputs_from_paths, process
from claimgraph.nlp.relation_model import NO_RELATION, RelationModel


@dataclass(frozen=True)
class Example:
    features: list[str]
    label: str  # a predicate, or NO_RELATION


def examples(corpus_dir: Path) -> Iterator[Example]:
    """The labelled candidate pairs of every annotated document in ``corpus_dir``."""
    documents = {document.slug: document for document in load_corpus(corpus_dir)}
    inputs = inputs_from_paths(document.source_path for document in documents.values())
    texts = (item for item in inputs if isinstance(item, TextInput))
    for item, doc in process(texts, without=(CLASSIFIER,)):
        yield from _document_examples(doc, documents[item.doc_id], doc_to_record(doc, item.doc_id))


def _document_examples(doc: Doc, gold: GoldDocument, record: dict[str, Any]) -> Iterator[Example]:
    _, _, entity_match = match_entities(record["entities"], gold.gold.get("entities", []))
    gold_of = {record["entities"][p]["name"]: g for p, g in entity_match.pairs}
    stated = _gold_triples(gold.gold.get("relations", []), entity_match)
    for _, subject, obj, features in featured_pairs(doc, relation_cues.load(gold.language)):
        labels = sorted(
            predicate
            for s, predicate, o in stated
            if s == gold_of.get(subject.name, -1) and o == gold_of.get(obj.name, -1)
        )
        yield Example(features, labels[0] if labels else NO_RELATION)


def _gold_triples(relations: list[dict[str, Any]], entities: EntityMatch) -> set[tuple[int, str, int]]:
    """Gold relations as (gold entity index, predicate, gold entity index)."""
    return {
        (subject, relation["predicate"], obj)
        for relation in relations
        for subject in entities.gold_for_name(relation.get("subject", ""))
        for obj in entities.gold_for_name(relation.get("object", ""))
    }


def train(
    corpus_dirs: Sequence[Path], *, threshold: float = 0.3, min_count: int = 2, regularisation: float = 1.0
) -> tuple[RelationModel, Counter[str]]:
    """A model trained on every annotated document of ``corpus_dirs``, and its label counts."""
    rows = [example for corpus_dir in corpus_dirs for example in examples(corpus_dir)]
    trained_on = tuple(corpus_dir.name for corpus_dir in corpus_dirs)
    return fit(rows, trained_on, threshold=threshold, min_count=min_count, regularisation=regularisation)


def fit(
    rows: Sequence[Example],
    trained_on: tuple[str, ...],
    *,
    threshold: float = 0.3,
    min_count: int = 2,
    regularisation: float = 1.0,
) -> tuple[RelationModel, Counter[str]]:
    """A model fitted to labelled examples (``examples``), and its label counts."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ConfigError(
            "Training needs scikit-learn: pip install 'claimgraph[train]' (make setup installs it)."
        ) from None
    labels = Counter(example.label for example in rows)
    if len(labels) < 2 or NO_RELATION not in labels:
        raise ConfigError(
            "The annotated documents give no relation to learn (or nothing but relations): "
            "check that their gold.json files list entities and relations."
        )
    seen = Counter(feature for example in rows for feature in set(example.features))
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(
        [{feature: 1 for feature in example.features if seen[feature] >= min_count} for example in rows]
    )
    classifier = LogisticRegression(C=regularisation, max_iter=5000)
    classifier.fit(matrix, [example.label for example in rows])
    coefficients, intercepts = classifier.coef_, classifier.intercept_
    if len(classifier.classes_) == 2:  # one logistic: as a softmax over (0, w)
        coefficients = np.vstack([np.zeros_like(coefficients), coefficients])
        intercepts = np.concatenate([[0.0], intercepts])
    features = list(vectoriser.get_feature_names_out())
    model = RelationModel(
        classes=tuple(str(label) for label in classifier.classes_),
        intercepts=np.asarray(intercepts, dtype=np.float64),
        weights=np.asarray(coefficients, dtype=np.float64).T.copy(),
        index={feature: row for row, feature in enumerate(features)},
        threshold=threshold,
        trained_on=trained_on,
    )
    return model, labels
