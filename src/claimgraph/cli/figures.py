"""``claimgraph figures`` (the table, a timeline chart) and ``claimgraph check`` (sums,
timelines, disagreements)."""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from claimgraph.cli.console import out
from claimgraph.cli.options import DEFAULT_DB, DbOption, OutputFormat
from claimgraph.export.charts import plot_series
from claimgraph.reconcile.from_store import figure_records
from claimgraph.reconcile.records import FigureRecord
from claimgraph.reconcile.report import CheckReport, evidence, reconcile, source_line
from claimgraph.reconcile.timelines import build_series
from claimgraph.store.opening import open_store
from claimgraph.vocabulary import statuses


class FiguresFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def figures_command(
    db: DbOption = DEFAULT_DB,
    cohort: Annotated[str | None, typer.Option("--cohort", help='Words the cohort must contain, e.g. "french" or "french adult".')] = None,
    status: Annotated[str | None, typer.Option("--status", help=f"One of: {', '.join(sorted(statuses()))}.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Place as the text names it (accents and case ignored).")] = None,
    format: Annotated[FiguresFormat, typer.Option("--format", "-f", help="table, json or csv.")] = FiguresFormat.table,
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw a timeline per cohort and status into FILE.png or FILE.svg.")] = None,
) -> None:
    """List the figures (counts of people by status, and other measures) with their evidence.

    Every row says who states the number and in which sentence; nothing is averaged.
    """
    if status is not None and status not in statuses():
        raise typer.BadParameter(f"unknown status {status!r}; choose one of {', '.join(sorted(statuses()))}", param_hint="--status")
    with open_store(db) as store:
        records = figure_records(store, store.figures(cohort=cohort, status=status, place=place))
    if format is FiguresFormat.json:
        print(json.dumps([evidence(record) | {"unit": record.unit, "cohort": record.cohort_key} for record in records], ensure_ascii=False))
    elif format is FiguresFormat.csv:
        _write_csv(records)
    else:
        _print_table(records)
    if plot is not None:
        drawn = plot_series(build_series(records), plot)
        out.print(f"Drew {drawn} timeline(s) into {escape(str(plot))}.", highlight=False)


def check_command(
    db: DbOption = DEFAULT_DB,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="table or json.")] = OutputFormat.table,
) -> None:
    """Reconcile figures: totals against their parts, children against parents, the same
    count across sources and dates, and disagreements with both sides' evidence."""
    with open_store(db) as store:
        report = reconcile(figure_records(store, store.figures()))
    if format is OutputFormat.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return
    print_check(report)


def print_check(report: CheckReport) -> None:
    out.rule("[bold]Sum checks[/bold]")
    if not report.sums.sums:
        out.print("No total with a breakdown was found.")
    for check in report.sums.sums:
        mark = "[green]consistent[/green]" if check.consistent else "[red]inconsistent[/red]"
        parts = " + ".join(f"{part.value_text} {part.status}" for part in check.parts)
        out.print(f"{mark}: {escape(check.total.value_text)} {check.total.status or ''} = {escape(parts)} "
                  f"({check.note}; {source_line(check.total)})", highlight=False)
        out.print(f"  [dim]{escape(check.total.sentence)}[/dim]")
    for subset in report.sums.subsets:
        mark = "[green]ok[/green]" if subset.consistent else "[red]larger than its whole[/red]"
        out.print(f"{mark}: {escape(subset.child.value_text)} {escape(subset.child.counts)} within "
                  f"{escape(subset.parent.value_text)} {escape(subset.parent.counts)}", highlight=False)
    out.rule("[bold]Timelines (same cohort and status in several sources)[/bold]")
    shown = [one for one in report.series if one.sources > 1]
    if not shown:
        out.print("No cohort and status is counted by more than one source yet.")
    for one in shown:
        print_series(one.label, one.points)
    out.rule("[bold]Disagreements[/bold]")
    if not report.disagreements:
        out.print("None: no two sources give incompatible values for the same cohort, status, place and date.")
    for item in report.disagreements:
        out.print(f"[red]{escape(item.series.label)}[/red]:", highlight=False)
        for side in (item.first, item.second):
            out.print(f"  {escape(side.value_text)} according to {escape(source_line(side))}: [dim]{escape(side.sentence)}[/dim]", highlight=False)


def print_series(label: str, points: tuple[FigureRecord, ...] | list[FigureRecord]) -> None:
    tree = Tree(f"[bold]{escape(label)}[/bold]")
    for point in points:
        when = point.when or "undated"
        branch = tree.add(f"{when}: [bold]{escape(point.value_text)}[/bold] {escape(point.counts)} — {escape(source_line(point))}")
        branch.add(f"[dim]{escape(point.sentence)}[/dim]")
    out.print(tree, highlight=False)


def print_figure_tree(records: list[FigureRecord], title: str) -> None:
    """A document's person counts as a tree: totals, their parts, and parts of parts."""
    children: dict[int | None, list[FigureRecord]] = {}
    ids = {record.claim_id for record in records}
    for record in records:
        parent = record.parent_claim_id if record.parent_claim_id in ids else None
        children.setdefault(parent, []).append(record)
    tree = Tree(f"[bold]{escape(title)}[/bold]")

    def add(branch: Tree, record: FigureRecord) -> None:
        status = f" [{record.status}]" if record.status else ""
        place = f" in {record.place}" if record.place else ""
        node = branch.add(f"[bold]{escape(record.value_text)}[/bold] {escape(record.counts)}{escape(status)}{escape(place)}")
        kids = children.get(record.claim_id, [])
        if not kids:
            node.add(f"[dim]{escape(record.sentence)}[/dim]")
        for kid in kids:
            add(node, kid)

    for record in children.get(None, []):
        if record.unit == "persons":
            add(tree, record)
    out.print(tree, highlight=False)


def _print_table(records: list[FigureRecord]) -> None:
    table = Table(title=f"{len(records)} figure(s)")
    for column in ("value", "counts", "status", "place", "as of", "according to", "sentence"):
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(
            escape(record.value_text), escape(record.counts), record.status or "", escape(record.place or ""),
            record.when or "", escape(source_line(record)), escape(record.sentence),
        )
    out.print(table)


def _write_csv(records: list[FigureRecord]) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(["value", "value_text", "unit", "counts", "cohort", "status", "place", "as_of",
                     "published", "document", "publisher", "attributed_to", "sentence"])
    for record in records:
        writer.writerow([record.value, record.value_text, record.unit, record.counts, record.cohort_key,
                         record.status, record.place, record.as_of, record.published, record.document_title,
                         record.publisher, record.attributed_to, record.sentence])
