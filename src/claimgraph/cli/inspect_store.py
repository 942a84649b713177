"""``claimgraph stats``, ``errors`` and ``search``: look at what the store holds."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from claimgraph.cli.console import out
from claimgraph.cli.options import DEFAULT_DB, DbOption, OutputFormat
from claimgraph.store.opening import open_store


def stats_command(
    db: DbOption = DEFAULT_DB,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table or json.")] = OutputFormat.table,
) -> None:
    """Count what is stored: documents, sentences, errors, entities, claims, figures."""
    with open_store(db) as store:
        stats = store.stats()
    if format is OutputFormat.json:
        print(json.dumps(stats, ensure_ascii=False))
        return
    table = Table(title=f"claimgraph store {db}", show_header=False)
    for key, value in stats.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in sorted(value.items())) or "-"
        table.add_row(key.replace("_", " "), str(value))
    out.print(table)


def errors_command(
    db: DbOption = DEFAULT_DB,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table or json.")] = OutputFormat.table,
) -> None:
    """List each input that could not be ingested, with its reason.

    An input that is later ingested successfully leaves this list.
    """
    with open_store(db) as store:
        errors = store.errors()
    if format is OutputFormat.json:
        print(json.dumps([asdict(error) for error in errors], ensure_ascii=False))
        return
    if not errors:
        out.print("No ingest errors.")
        return
    table = Table(title=f"{len(errors)} input(s) not ingested")
    for column in ("source", "kind", "reason", "last seen", "attempts"):
        table.add_column(column)
    for error in errors:
        table.add_row(escape(error.source), error.code, escape(error.reason), error.occurred_at, str(error.attempts))
    out.print(table)


def search_command(
    words: Annotated[str, typer.Argument(help='Words to find (all of them); "a phrase" in quotes; prefix*.')],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Most sentences to show.")] = 20,
    any_word: Annotated[bool, typer.Option("--any", help="Match sentences with any of the words.")] = False,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table or json.")] = OutputFormat.table,
) -> None:
    """Find sentences by their words (accents and case ignored), with their document."""
    with open_store(db) as store:
        hits = store.search(words, limit, any_word=any_word)
    if format is OutputFormat.json:
        print(json.dumps([asdict(hit) for hit in hits], ensure_ascii=False))
        return
    if not hits:
        out.print(f"No sentence matches {escape(words)!r}.")
        return
    for hit in hits:
        where = hit.title or hit.source
        date = f", {hit.published}" if hit.published else ""
        # soft_wrap: sources and sentences verbatim, never folded mid-word (grep, copy).
        out.print(f"[bold]{escape(where)}[/bold]{date} [dim]({escape(hit.source)}, chars {hit.start_char}-{hit.end_char})[/dim]",
                  highlight=False, soft_wrap=True)
        out.print(f"  {escape(hit.text)}\n", highlight=False, soft_wrap=True)
