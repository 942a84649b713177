"""Accuracy floors kept in the repository: scores may only go up.

The file maps a scope ("en", "fr", "all") to kind -> minimum F1, e.g.
``{"en": {"entities": 0.9}, "fr": {"entities": 0.9}}``. A key ``"kind:recall"`` or
``"kind:precision"`` sets a floor on that measure instead of F1. Keys starting with ``_``
are comments.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from claimgraph.errors import DataFileError
from claimgraph.evaluate.scoring import KINDS, Evaluation

MEASURES = ("f1", "precision", "recall")


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(str(path), f"cannot read floors: {error}") from error
    for scope, kinds in data.items():
        if scope.startswith("_"):
            continue
        for key, value in kinds.items():
            kind, _, measure = key.partition(":")
            if measure and measure not in MEASURES:
                raise DataFileError(str(path), f"unknown measure {measure!r} in {scope}.{key}; measures: {', '.join(MEASURES)}")
            if kind not in KINDS:
                raise DataFileError(str(path), f"unknown kind {kind!r} in {scope!r}; kinds: {', '.join(KINDS)}")
            if not isinstance(value, int | float) or not 0 <= value <= 1:
                raise DataFileError(str(path), f"{scope}.{key} must be a number between 0 and 1")
    return {scope: kinds for scope, kinds in data.items() if not scope.startswith("_")}


def check_floors(evaluation: Evaluation, floors: dict[str, dict[str, float]]) -> list[str]:
    """One message per score below its floor (empty when all pass)."""
    failures = []
    for scope, kinds in floors.items():
        table = evaluation.by_scope.get(scope)
        if table is None:
            failures.append(f"{scope}: no documents in this language were scored")
            continue
        for key, floor in kinds.items():
            kind, _, measure = key.partition(":")
            measure = measure or "f1"
            score = getattr(table[kind], measure)
            if score + 1e-9 < floor:
                failures.append(f"{scope} {kind}: {measure} {score:.3f} < floor {floor:.3f}")
    return failures


# How far below a measured score a raised floor sits: one document scored differently on
# another machine (spaCy on another CPU) must not fail CI.
MARGIN = 0.02


def raised_floors(
    evaluation: Evaluation, floors: dict[str, dict[str, float]], margin: float = MARGIN
) -> dict[str, dict[str, float]]:
    """The floors raised to ``margin`` below the scores just measured (rounded down to
    0.01); never lowered."""
    raised: dict[str, dict[str, float]] = {}
    for scope, kinds in floors.items():
        table = evaluation.by_scope.get(scope)
        raised[scope] = {}
        for key, floor in kinds.items():
            kind, _, measure = key.partition(":")
            score = getattr(table[kind], measure or "f1") if table else 0.0
            raised[scope][key] = max(floor, round(math.floor(score * 100 + 1e-9) / 100 - margin, 2))
    return raised
