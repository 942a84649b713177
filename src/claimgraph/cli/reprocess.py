"""``claimgraph reprocess``: extract stored documents again after an upgrade."""

from __future__ import annotations

from typing import Annotated

import typer

from claimgraph import settings
from claimgraph.cli.console import err, progress
from claimgraph.cli.options import DEFAULT_DB, DbOption
from claimgraph.store.opening import open_store

_S = settings.SETTINGS


def reprocess_command(
    db: DbOption = DEFAULT_DB,
    everything: Annotated[bool, typer.Option("--all", help="Extract every document again, not only those made by another version.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", envvar=_S["batch_size"].env_var, help=_S["batch_size"].help)] = int(_S["batch_size"].default),
    n_process: Annotated[int, typer.Option("--n-process", envvar=_S["n_process"].env_var, help=_S["n_process"].help)] = int(_S["n_process"].default),
) -> None:
    """Re-extract stored documents whose claims were made by another extractor version.

    Each document's old sentences, mentions and claims are replaced in one transaction;
    entities stay (other documents may cite them). A reviewer's verdict (accepted, rejected,
    edited) is given back to the new claim that says the same thing at the same place; a
    claim that changed starts unreviewed.
    """
    from claimgraph.pipeline import EXTRACTOR_VERSION
    from claimgraph.reprocess import documents_to_reprocess, run_reprocess

    with open_store(db) as store:
        ids = documents_to_reprocess(store, EXTRACTOR_VERSION, everything=everything)
        if not ids:
            err.print(f"Every document is already extracted by version {EXTRACTOR_VERSION}.")
            return
        with progress() as bar:
            task = bar.add_task("re-extracting", total=len(ids))
            report = run_reprocess(store, ids, EXTRACTOR_VERSION, batch_size=batch_size, n_process=n_process,
                                   on_item=lambda name: bar.advance(task))
    err.print(f"re-extracted {report.documents} document(s): {report.claims} claims, {report.figures} figures "
              f"(extractor version {EXTRACTOR_VERSION}); {report.reviews_kept} review verdict(s) kept")
