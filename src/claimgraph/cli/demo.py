"""``claimgraph demo``: ingest the bundled sample corpus and show what claimgraph makes of it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.console import out, progress
from claimgraph.cli.figures import print_check, print_figure_tree, print_series
from claimgraph.cli.ingest import print_report
from claimgraph.cli.options import DEFAULT_DB, DbOption
from claimgraph.reconcile.from_store import figure_records
from claimgraph.reconcile.report import reconcile
from claimgraph.sample import sample_corpus_dir
from claimgraph.store.opening import open_store

# The questions the founding article raises, asked of every source in the store.
DEMO_SERIES: list[tuple[str, dict[str, str]]] = [
    ("French who returned", {"nationality": "French", "status": "returned"}),
    ("French present in Idlib", {"nationality": "French", "status": "present", "place": "Idlib"}),
    ("French who joined", {"nationality": "French", "status": "joined"}),
]


def demo_command(
    extra: Annotated[list[Path] | None, typer.Argument(help="More files or folders to ingest with the sample corpus.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Ingest the bundled sample corpus (plus EXTRA paths) and print what was stored: the
    counts, the richest document's figures as a tree, the sum checks, and the timelines of
    counts reported by several sources."""
    from claimgraph.pipeline import IngestOptions, run_ingest

    inputs = [str(sample_corpus_dir()), *(str(path) for path in extra or [])]
    with open_store(db) as store:
        with progress() as bar:
            task = bar.add_task("ingesting the sample corpus", total=None)
            report = run_ingest(inputs, store, IngestOptions(), on_item=lambda name: bar.advance(task))
        print_report(report, db)
        stats = store.stats()
        out.rule("[bold]What the store holds[/bold]")
        out.print(
            f"{stats['documents']} documents ({', '.join(f'{k}: {v}' for k, v in sorted(stats['documents_by_language'].items()))}), "
            f"{stats['sentences']} sentences, {stats['entities']} entities, {stats['claims']} claims, "
            f"{stats['figures']} figures, {stats['errors']} ingest errors."
        )
        records = figure_records(store, store.figures())
        series = [(label, figure_records(store, store.figures(**query))) for label, query in DEMO_SERIES]
    check = reconcile(records)
    if check.sums.sums:
        richest = max(check.sums.sums, key=lambda one: len(one.parts)).total.document_id
    elif records:
        richest = max({r.document_id for r in records}, key=lambda d: sum(r.document_id == d for r in records))
    else:
        richest = None
    if richest is not None:
        mine = [record for record in records if record.document_id == richest]
        out.rule("[bold]Figures of one document, as a tree[/bold]")
        print_figure_tree(mine, f"{mine[0].document_title} — {mine[0].publisher or ''}")
    print_check(check)
    out.rule("[bold]The same counts across the corpus's sources[/bold]")
    for label, points in series:
        if points:
            points.sort(key=lambda point: (point.when is None, point.when or ""))
            print_series(f"{label} ({len(points)} figure(s), {len({p.document_id for p in points})} source(s))", points)
        else:
            out.print(f"{label}: no figure in the store yet.")
    out.print(f"\nExplore further: [bold]claimgraph search {escape(repr('Idlib'))} --db {escape(db)}[/bold], "
              f"[bold]claimgraph figures --db {escape(db)}[/bold], [bold]claimgraph check --db {escape(db)}[/bold].")
