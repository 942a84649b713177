"""Ingest benchmark: N generated documents into a fresh SQLite store through ``run_ingest``
(the code path of ``claimgraph ingest``, extraction on); documents/second and peak memory.

Each N runs in a fresh interpreter so that its peak RSS (``ru_maxrss``) is its own; the
pipelines are loaded before the clock starts (their load time is reported apart). Memory
must stay flat: the largest run's peak within 1.25x of the smallest run's.

The documents are written in sub-folders of SHARD documents and ingested one sub-folder
per ``run_ingest`` call into the same store (what ``claimgraph ingest part-000`` would do
each time), so that a run can stop cleanly at ``--time-limit`` minutes between two calls;
a stopped run reports how many documents it stored.

    .venv/bin/python bench/bench_ingest.py                      # N = 1,000 and 10,000
    .venv/bin/python bench/bench_ingest.py --docs 200 --no-write
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import common
import generate

FLAT_LIMIT = 1.25
SHARD = 250  # documents per sub-folder, one run_ingest call each


def worker(
    n: int, folder: Path, db: Path, batch_size: int, n_process: int, limit: float
) -> dict[str, Any]:
    from claimgraph.nlp import pipelines
    from claimgraph.pipeline import IngestOptions, run_ingest
    from claimgraph.store import open_store

    started = time.perf_counter()
    for language in sorted(pipelines.SUPPORTED_LANGUAGES):
        pipelines.load(language)
    load_seconds = time.perf_counter() - started
    rss_loaded = common.rss_mib()
    samples: list[tuple[int, float]] = []
    stored = duplicates = failed = claims = words = 0
    options = IngestOptions(batch_size=batch_size, n_process=n_process)

    load_before = common.load_average()
    wall, cpu = time.perf_counter(), time.process_time()
    with open_store(db) as store:
        for part in sorted(folder.iterdir()):
            if time.perf_counter() - wall > limit:
                break
            report = run_ingest([str(part)], store, options)
            stored, duplicates = stored + report.stored, duplicates + report.duplicates
            failed, claims = failed + report.failed, claims + report.claims
            samples.append((stored, round(common.rss_mib(), 1)))
            words += sum(len(f.read_text("utf-8").split()) for f in part.glob("*.txt"))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "n": n,
        "stored": stored,
        "duplicates": duplicates,
        "failed": failed,
        "claims": claims,
        "words_done": words,
        "stopped": stored < n,
        "wall": wall,
        "cpu": cpu,
        "load_seconds": load_seconds,
        "rss_loaded": rss_loaded,
        "peak": common.peak_rss_mib(),
        "samples": samples,
        "strings": {
            language: len(pipelines.load(language).vocab.strings)
            for language in sorted(pipelines.SUPPORTED_LANGUAGES)
        },
        "db_mib": db.stat().st_size / 2**20,
        "load_before": load_before,
        "load_after": common.load_average(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000], help="values of N")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=15.0,
                        help="minutes per N; a longer run stops between two sub-folders")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    parser.add_argument("--worker", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        n, folder, db, batch, nproc, limit = args.worker
        result = worker(int(n), Path(folder), Path(db), int(batch), int(nproc), float(limit))
        print(json.dumps(result))
        return

    command = common.command_line()
    results = []
    for n in args.docs:
        with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
            folder = Path(tmp) / "docs"
            words = generate.write_documents(n, folder, args.seed, shard=SHARD)
            print(f"N={n}: {words:,} words generated; ingesting...", file=sys.stderr, flush=True)
            result = common.run_worker(
                Path(__file__),
                [str(n), str(folder), str(Path(tmp) / "bench.db"), str(args.batch_size),
                 str(args.n_process), str(args.time_limit * 60)],
            )
            shutil.rmtree(folder)
        results.append(result)
        print(_row(result), file=sys.stderr, flush=True)
    body = _report(results, command, args)
    print(body)
    if not args.no_write:
        common.write_section("bench_ingest", body)


def _row(r: dict[str, Any]) -> str:
    n = f"{r['n']:,}" + (f" (stopped at the time limit: {r['stored']:,} stored)" if r["stopped"] else "")
    return (
        f"| {n} | {r['words_done']:,} | {r['claims']:,} | {r['wall']:.0f} "
        f"| {r['stored'] / r['wall']:.2f} | {r['stored'] / r['cpu']:.2f} "
        f"| {r['words_done'] / r['cpu']:,.0f} "
        f"| {r['rss_loaded']:.0f} | {r['peak']:.0f} | {r['db_mib']:.0f} "
        f"| {r['strings'].get('en', 0):,} / {r['strings'].get('fr', 0):,} "
        f"| {r['load_before']} → {r['load_after']} |"
    )


def _report(results: list[dict[str, Any]], command: str, args: argparse.Namespace) -> str:
    lines = [
        "## Ingest (`bench/bench_ingest.py`)",
        "",
        f"Machine: {common.machine()}.",
        f"Run: {time.strftime('%Y-%m-%d %H:%M %Z')}.",
        "",
        "```",
        command,
        "```",
        "",
        (
            f"`run_ingest` over sub-folders of {SHARD} generated `.txt` + `.txt.meta.json` files "
            f"into a fresh SQLite store, extraction on, batch size {args.batch_size}, n_process "
            f"{args.n_process}, seed {args.seed}, time limit {args.time_limit:g} min per N. Each "
            "N in a fresh interpreter; models loaded before the clock starts. docs/CPU-s and "
            "words/CPU-s count the CPU time of the benchmark process (less sensitive to other "
            "load on the machine than wall time)."
        ),
        "",
        (
            "| N | words ingested | claims | wall s | docs/s | docs/CPU-s | words/CPU-s "
            "| RSS after load MiB | peak RSS MiB | DB MiB | strings en / fr | load avg |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(_row(r) for r in results),
        "",
    ]
    if len(results) >= 2:
        small, large = min(results, key=lambda r: r["n"]), max(results, key=lambda r: r["n"])
        ratio = large["peak"] / small["peak"]
        verdict = "flat (within" if ratio <= FLAT_LIMIT else "NOT flat (limit"
        lines.append(
            f"Peak memory, {large['stored']:,} vs {small['stored']:,} documents stored: "
            f"{ratio:.2f}x — {verdict} {FLAT_LIMIT}x)."
        )
    for r in results:
        if r["samples"]:
            trace = ", ".join(f"{n:,}: {mib:.0f}" for n, mib in r["samples"])
            lines.append(f"\nRSS (MiB) after k documents stored, N={r['n']:,}: {trace}.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
