"""``claimgraph ingest``: read sources, extract claims, store them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from claimgraph import settings
from claimgraph.cli.console import err, progress
from claimgraph.cli.options import DEFAULT_DB, DbOption
from claimgraph.store.opening import open_store

if TYPE_CHECKING:
    from claimgraph.pipeline import IngestReport

_S = settings.SETTINGS


def ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (read recursively), http(s) URLs, or feeds with --feed.", metavar="PATH_OR_URL...")],
    db: DbOption = DEFAULT_DB,
    feed: Annotated[bool, typer.Option("--feed", help="Treat each input as an RSS/Atom feed and fetch every entry's page.")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Allow URLs on private and loopback addresses (refused by default).")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", envvar=_S["max_bytes"].env_var, help=_S["max_bytes"].help)] = int(_S["max_bytes"].default),
    timeout: Annotated[float, typer.Option("--timeout", envvar=_S["timeout"].env_var, help=_S["timeout"].help)] = float(_S["timeout"].default),
    batch_size: Annotated[int, typer.Option("--batch-size", envvar=_S["batch_size"].env_var, help=_S["batch_size"].help)] = int(_S["batch_size"].default),
    n_process: Annotated[int, typer.Option("--n-process", envvar=_S["n_process"].env_var, help=_S["n_process"].help)] = int(_S["n_process"].default),
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Run extraction (entities, figures, relations, dates) while ingesting.")] = True,
) -> None:
    """Ingest documents into the knowledge base and extract their claims.

    The same content is stored once; a changed document at a known path or URL becomes a
    new version that keeps the old one. Each input that cannot be read is reported with
    its reason (see `claimgraph errors`) and the rest of the batch goes on.

    Exit status: 0 when every input was stored, 1 when some failed (the rest are stored).
    """
    from claimgraph.ingest.sources import plan_sources
    from claimgraph.pipeline import IngestOptions, run_ingest

    options = IngestOptions(
        feed=feed, allow_private=allow_private, max_bytes=max_bytes, timeout=timeout,
        batch_size=batch_size, n_process=n_process, extract=extract,
    )
    with open_store(db) as store, progress(transient=False) as bar:
        # Planning only lists folders, so the total is cheap; a feed's entries are unknown.
        task = bar.add_task("ingesting", total=None if feed else len(plan_sources(inputs)))

        def on_item(name: str) -> None:
            bar.update(task, advance=1, description=f"ingesting {escape(name[-40:])}")

        report = run_ingest(inputs, store, options, on_item=on_item)
        bar.update(task, description="ingested")
    print_report(report, db)
    if report.failed:
        raise typer.Exit(1)


def print_report(report: IngestReport, db: str) -> None:
    for failure in report.failures:
        # One line per input whatever the terminal width, so that it can be grepped.
        err.print(f"[red]error[/red] {escape(failure.reason)}", highlight=False, soft_wrap=True)
    err.print(
        f"stored {report.stored} document(s) in {db}: {report.claims} claims, {report.figures} figures; "
        f"{report.duplicates} already stored, {report.unsupported_language} in unsupported languages, "
        f"{report.failed} failed",
        highlight=False,
    )
