"""``claimgraph train-relations``: train the relation model from annotated documents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.console import err, out


def train_relations_command(
    corpus_dirs: Annotated[list[Path], typer.Argument(help="Folders of annotated documents (<doc>/source.txt, meta.json, gold.json) to learn from.")],
    output: Annotated[Path, typer.Option("--out", "-o", help="Where to write the model (JSON). The bundled one is src/claimgraph/nlp/data/relation_model.json.")] = Path("relation_model.json"),
    threshold: Annotated[float, typer.Option("--threshold", min=0.01, max=0.99, help="Probability a predicate needs before the model states it; higher is more precise, lower finds more.")] = 0.3,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Leave out features seen in fewer candidate pairs than this.")] = 2,
) -> None:
    """Train the relation model (a logistic regression over the candidate pairs of each
    sentence) from annotated documents, and write it as JSON.

    Keep at least one annotated set out of training and score the model there with
    `claimgraph eval`: the sets it learned from say nothing of its accuracy. Needs
    scikit-learn (`pip install 'claimgraph[train]'`; `make setup` installs it).

    Example: claimgraph train-relations tests/fixtures/corpus tests/fixtures/dev2 --out model.json
    """
    from claimgraph.evaluate.relation_training import train
    from claimgraph.nlp.relation_model import NO_RELATION

    with err.status("Running the pipeline over the annotated documents and fitting the model..."):
        model, labels = train(corpus_dirs, threshold=threshold, min_count=min_count)
    output.write_text(model.to_json_text(), "utf-8")
    positives = sum(count for label, count in labels.items() if label != NO_RELATION)
    out.print(
        f"Trained on {sum(labels.values())} candidate pairs ({positives} with a gold relation) "
        f"from {', '.join(escape(str(path)) for path in corpus_dirs)}; "
        f"{len(model.index)} features; written to {escape(str(output))}."
    )
