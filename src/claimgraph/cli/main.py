"""The ``claimgraph`` command. Each sub-command is a thin layer over a library function.

Exit status: 0 when everything asked for was done, 1 when some inputs failed (the rest were
done), 2 for usage errors (Typer/Click's own convention).
"""

from __future__ import annotations

import logging

import typer
from rich.markup import escape

from claimgraph.cli import demo, evaluate, extract, figures, ingest, inspect_store, reprocess, train
from claimgraph.cli.console import err
from claimgraph.errors import ClaimgraphError, ConfigError

app = typer.Typer(
    name="claimgraph",
    help=(
        "Turn reporting on armed groups and foreign fighters into a sourced, checkable "
        "knowledge base.\n\n"
        "Typical session:\n\n"
        "  claimgraph ingest articles/ https://example.org/report.html\n\n"
        "  claimgraph stats\n\n"
        "  claimgraph search \"Firqat al-Ghuraba\"\n\n"
        "  claimgraph figures --cohort french --status returned\n\n"
        "  claimgraph check\n\n"
        "Every fact is a claim tied to the sentence that states it; nothing is asserted as true."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)

app.command("demo")(demo.demo_command)
app.command("ingest")(ingest.ingest_command)
app.command("stats")(inspect_store.stats_command)
app.command("errors")(inspect_store.errors_command)
app.command("search")(inspect_store.search_command)
app.command("figures")(figures.figures_command)
app.command("check")(figures.check_command)
app.command("reprocess")(reprocess.reprocess_command)
app.command("extract")(extract.extract_command)
app.command("eval")(evaluate.eval_command)
app.command("train-relations")(train.train_relations_command)


def main() -> None:
    """The console entry point: our own errors become one clear line, not a traceback."""
    # Libraries log; only the CLI decides what reaches the terminal. Per-document problems
    # are already reported as ingest errors, so library warnings (pypdf's "EOF marker not
    # found", trafilatura's parse notes) would only repeat them.
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except ClaimgraphError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
        raise SystemExit(2 if isinstance(error, ConfigError) else 1) from None
