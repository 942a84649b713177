"""``claimgraph extract``: what the extractors find in files, without storing anything."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from claimgraph import settings
from claimgraph.cli.console import err, out, progress

if TYPE_CHECKING:
    from claimgraph.nlp.extraction import TextInput


class Format(str, Enum):
    text = "text"
    json = "json"


def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively): .txt, .html, .pdf; a meta.json beside a file gives its metadata.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json: one EXTRACTION_FORMAT.md object per line per document.")] = Format.text,
    batch_size: Annotated[int, typer.Option(help=settings.SETTINGS["batch_size"].help)] = int(settings.get("batch_size")),
    n_process: Annotated[int, typer.Option(help=settings.SETTINGS["n_process"].help)] = int(settings.get("n_process")),
) -> None:
    """Extract entities, aliases, figures, relations and dates from documents.

    The "doc" field is the folder name for <folder>/source.txt, else the file name. A
    meta.json beside a file supplies its title, publisher, publication date and language.
    """
    from claimgraph.ingest.document import IngestFailure
    from claimgraph.nlp.extraction import extract, inputs_from_paths

    failures: list[IngestFailure] = []

    def readable() -> Iterator[TextInput]:
        for item in inputs_from_paths(paths):
            if isinstance(item, IngestFailure):
                failures.append(item)
                err.print(f"[red]error[/red] {escape(item.reason)}", highlight=False, soft_wrap=True)
            else:
                yield item

    with progress() as bar:
        task = bar.add_task("extracting", total=None)
        for record in extract(readable(), batch_size=batch_size, n_process=n_process):
            bar.advance(task)
            if format is Format.json:
                print(json.dumps(record, ensure_ascii=False))
            else:
                _print_summary(record)
    if failures:
        raise typer.Exit(1)


def _print_summary(record: dict[str, Any]) -> None:
    out.rule(f"[bold]{record['doc']}[/bold]")
    entities = ", ".join(f"{e['name']} ({e['type']})" for e in record["entities"])
    out.print(f"[bold]Entities[/bold] {entities or '-'}", highlight=False)
    for surface, canonical in record["aliases"]:
        out.print(f"  alias: {surface} = {canonical}", highlight=False)
    for figure in record["figures"]:
        status = f" [{figure['status']}]" if figure["status"] else ""
        place = f" in {figure['place']}" if figure["place"] else ""
        out.print(f"[bold]Figure[/bold] {figure['value_text']} {figure['counts']}{status}{place}", highlight=False)
    for relation in record["relations"]:
        out.print(f"[bold]Relation[/bold] {relation['subject']} --{relation['predicate']}--> {relation['object']}", highlight=False)
    for date in record["dates"]:
        out.print(f"[bold]Date[/bold] {date['text']} = {date['iso']}: {date['event']}", highlight=False)
