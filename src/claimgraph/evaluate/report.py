"""Plain-text rendering of an Evaluation (the CLI adds colour with Rich)."""

from __future__ import annotations

from claimgraph.evaluate.scoring import KINDS, Evaluation


def render_table(evaluation: Evaluation) -> str:
    scopes = ["all", *sorted(scope for scope in evaluation.by_scope if scope != "all")]
    header = f"{'kind':<15}" + "".join(f"{scope + ' P/R/F1':>24}" for scope in scopes)
    lines = [f"{evaluation.documents} documents", header]
    for kind in KINDS:
        cells = []
        for scope in scopes:
            result = evaluation.by_scope[scope][kind]
            cells.append(f"{result.precision:.2f}/{result.recall:.2f}/{result.f1:.2f}".rjust(24))
        lines.append(f"{kind:<15}" + "".join(cells))
    return "\n".join(lines)
