"""The trained relation model: a multinomial logistic regression over pair features.

The model file (``data/relation_model.json``, written by ``claimgraph train-relations``)
holds, besides its weights, what it was trained on and the probability a predicate needs
before the component states it. It is validated at load. Scoring needs only numpy: the
score of a class is the intercept plus the sum of the weights of the features present,
turned into probabilities by a softmax. scikit-learn is needed only to train.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, Final

import numpy as np

from claimgraph.datafiles import DATA_PACKAGE
from claimgraph.errors import DataFileError

DATA_FILE: Final = "relation_model.json"
FORMAT: Final = 1
NO_RELATION: Final = "NONE"


@dataclass(frozen=True)
class RelationModel:
    classes: tuple[str, ...]  # NO_RELATION and predicates of the vocabulary
    intercepts: np.ndarray  # (classes,)
    weights: np.ndarray  # (features, classes)
    index: dict[str, int]  # feature -> row of ``weights``
    threshold: float  # a predicate is stated when its probability reaches this
    trained_on: tuple[str, ...]  # the annotated sets it learned from

    def probabilities(self, features: list[str]) -> np.ndarray:
        """The probability of each class (``classes`` order) for one pair."""
        return self.probabilities_of([features])[0]

    def probabilities_of(self, pairs: list[list[str]]) -> np.ndarray:
        """One row of class probabilities per pair, computed for all pairs at once."""
        lookup = self.index.get
        zero_row = len(self.weights)  # the padding row of ``_padded_weights``
        rows: list[int] = []
        offsets: list[int] = []
        for features in pairs:
            offsets.append(len(rows))
            rows.append(zero_row)  # every pair has a row, so reduceat sums each one's own
            rows.extend(row for row in map(lookup, features) if row is not None)
        scores = np.add.reduceat(self._padded_weights[rows], offsets, axis=0) + self.intercepts
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def predict(self, pairs: list[list[str]], allowed: list[np.ndarray]) -> list[tuple[str, float] | None]:
        """For each pair, its most probable predicate among those ``allowed`` for it (a
        boolean mask over ``classes``), with its probability, when that reaches the
        threshold; else None."""
        if not pairs:
            return []
        probabilities = self.probabilities_of(pairs) * np.asarray(allowed)
        best = probabilities.argmax(axis=1)
        values = probabilities[np.arange(len(pairs)), best]
        return [
            (self.classes[index], float(value)) if value >= self.threshold else None
            for index, value in zip(best.tolist(), values.tolist())
        ]

    def mask(self, allows: Callable[[str], bool]) -> np.ndarray:
        """The boolean mask over ``classes`` of the predicates ``allows`` accepts (never NONE)."""
        return np.array([label != NO_RELATION and allows(label) for label in self.classes])

    @cached_property
    def _padded_weights(self) -> np.ndarray:
        return np.vstack([self.weights, np.zeros((1, len(self.classes)))])

    def to_json_text(self) -> str:
        """The model file's text: one line per feature, so a retrained model diffs well."""
        data = self.as_json()
        weights = data.pop("weights")
        head = json.dumps(data, ensure_ascii=False)[:-1]
        lines = [
            json.dumps(feature, ensure_ascii=False) + ": " + json.dumps(row, separators=(",", ":"))
            for feature, row in weights.items()
        ]
        return head + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"

    def as_json(self) -> dict[str, Any]:
        features = sorted(self.index, key=self.index.__getitem__)
        return {
            "format": FORMAT,
            "trained_on": list(self.trained_on),
            "threshold": self.threshold,
            "classes": list(self.classes),
            "intercepts": [round(float(value), 4) for value in self.intercepts],
            "weights": {
                feature: [round(float(value), 4) for value in self.weights[self.index[feature]]]
                for feature in features
            },
        }


def parse_model(data: Any, name: str, predicates: frozenset[str]) -> RelationModel:
    """Check the model file's content and build the model; ``predicates`` are the
    vocabulary's, the only classes besides NO_RELATION a model may have."""
    if not isinstance(data, dict):
        raise DataFileError(name, "the top level must be a JSON object")
    if data.get("format") != FORMAT:
        raise DataFileError(name, f"format {data.get('format')!r} is not {FORMAT}; retrain with `claimgraph train-relations`")
    missing = {"trained_on", "threshold", "classes", "intercepts", "weights"} - set(data)
    if missing:
        raise DataFileError(name, f"missing keys: {', '.join(sorted(missing))}")
    classes = data["classes"]
    if not isinstance(classes, list) or NO_RELATION not in classes:
        raise DataFileError(name, f"'classes' must be a list holding {NO_RELATION!r}")
    unknown = set(classes) - predicates - {NO_RELATION}
    if unknown:
        raise DataFileError(name, f"classes not in the predicate vocabulary: {', '.join(sorted(unknown))}")
    threshold = data["threshold"]
    if not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise DataFileError(name, f"'threshold' must be a probability between 0 and 1, not {threshold!r}")
    if len(data["intercepts"]) != len(classes):
        raise DataFileError(name, "'intercepts' must have one value per class")
    weights = data["weights"]
    if not isinstance(weights, dict) or any(len(row) != len(classes) for row in weights.values()):
        raise DataFileError(name, "'weights' must map each feature to one value per class")
    features = list(weights)
    return RelationModel(
        classes=tuple(classes),
        intercepts=np.asarray(data["intercepts"], dtype=np.float64),
        weights=np.asarray([weights[feature] for feature in features], dtype=np.float64).reshape(len(features), len(classes)),
        index={feature: row for row, feature in enumerate(features)},
        threshold=float(threshold),
        trained_on=tuple(data["trained_on"]),
    )


@cache
def load(predicates: frozenset[str]) -> RelationModel:
    """The bundled model, read once."""
    resource = resources.files(DATA_PACKAGE).joinpath("data", DATA_FILE)
    try:
        data = json.loads(resource.read_text("utf-8"))
    except json.JSONDecodeError as error:
        raise DataFileError(DATA_FILE, f"not valid JSON ({error})") from None
    return parse_model(data, DATA_FILE, predicates)
