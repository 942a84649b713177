"""``claimgraph eval``: precision, recall and F1 per kind on an annotated corpus."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from claimgraph.cli.console import err, out
from claimgraph.evaluate.floors import check_floors, load_floors, raised_floors
from claimgraph.evaluate.scoring import KINDS, Evaluation, evaluate_corpus, load_corpus


class Format(str, Enum):
    table = "table"
    json = "json"


def eval_command(
    corpus_dir: Annotated[Path, typer.Argument(help="Folder of annotated documents: <doc>/source.txt, meta.json, gold.json.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="table for people, json for programs.")] = Format.table,
    lang: Annotated[str | None, typer.Option("--lang", help="Only documents in this language (en, fr).")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document folder.")] = None,
    misses: Annotated[str | None, typer.Option("--misses", help=f"List what was missed and wrongly found for one kind: {', '.join(KINDS)}.")] = None,
    floors: Annotated[Path | None, typer.Option("--floors", help="JSON file of minimum F1 per language and kind; exit 1 if any score is below.")] = None,
    raise_floors: Annotated[bool, typer.Option("--raise-floors", help="With --floors: raise each floor in the file to 0.02 below the score just measured (never lowers one).")] = False,
) -> None:
    """Score extraction against gold annotations (the matching rules of EXTRACTION_FORMAT.md).

    Scores are micro-averaged over documents, overall and per language. With --floors,
    the command fails when a score drops below the floor kept in the repository.
    """
    if misses is not None and misses not in KINDS:
        raise typer.BadParameter(f"unknown kind {misses!r}; choose one of {', '.join(KINDS)}", param_hint="--misses")
    evaluation = evaluate_corpus(load_corpus(corpus_dir, language=lang, slug=doc))
    if format is Format.json:
        out.print_json(json.dumps(evaluation.as_dict(misses=misses is not None), ensure_ascii=False))
    else:
        _print_table(evaluation)
        if misses:
            result = evaluation.by_scope["all"][misses]
            out.print(f"\n[bold]Missed ({misses})[/bold]")
            for item in result.false_negatives:
                out.print("  -", json.dumps(item, ensure_ascii=False), markup=False, highlight=False)
            out.print(f"\n[bold]Wrongly found ({misses})[/bold]")
            for item in result.false_positives:
                out.print("  +", json.dumps(item, ensure_ascii=False), markup=False, highlight=False)
    if raise_floors and floors is None:
        raise typer.BadParameter("--raise-floors needs --floors FILE", param_hint="--raise-floors")
    if floors is not None:
        if raise_floors:
            comments = {key: value for key, value in json.loads(floors.read_text("utf-8")).items() if key.startswith("_")}
            raised = raised_floors(evaluation, load_floors(floors))
            floors.write_text(json.dumps(comments | raised, indent=2, ensure_ascii=False) + "\n", "utf-8")
            err.print(f"floors in {escape(str(floors))} raised to the scores just measured")
        failures = check_floors(evaluation, load_floors(floors))
        for failure in failures:
            err.print(f"[red]below floor[/red] {escape(failure)}", soft_wrap=True)
        if failures:
            raise typer.Exit(1)
        err.print(f"[green]all scores at or above the floors in {escape(str(floors))}[/green]")


def _print_table(evaluation: Evaluation) -> None:
    scopes = ["all", *sorted(scope for scope in evaluation.by_scope if scope != "all")]
    table = Table(title=f"{evaluation.documents} documents: precision / recall / F1")
    table.add_column("kind")
    for scope in scopes:
        table.add_column(scope, justify="right")
    for kind in KINDS:
        cells = []
        for scope in scopes:
            result = evaluation.by_scope[scope][kind]
            cells.append(f"{result.precision:.2f} / {result.recall:.2f} / [bold]{result.f1:.2f}[/bold]")
        table.add_row(kind, *cells)
    out.print(table)
