"""Extraction benchmark: words/second of the bare spaCy models (``load_raw`` + ``nlp.pipe``)
against ``claimgraph extract`` (the library ``extract()``: our components + the JSON
records), their ratio (target >= 0.8), peak memory per corpus size, and the cost of each
pipeline component.

One worker per corpus size, each in a fresh interpreter (its ``ru_maxrss`` is its own).
A worker streams the generated EN+FR documents in chunks of ``batch_size * 8`` and runs
(a) the raw models then (b) ``extract()`` on each chunk, same batch size and n_process,
so that both see the same machine load; the ratio is taken on CPU time of the process
(wall time is reported too). The component table comes from a separate worker that
runs the full pipeline one component at a time (``component.pipe`` over a chunk's Docs)
and times the tokenizer, every component and the two conversions to plain data
(``doc_to_record`` for ``extract``, ``extracted_document`` for ``ingest``).

    .venv/bin/python bench/bench_extract.py                         # 0.25M and 1M words
    .venv/bin/python bench/bench_extract.py --words 20000 --breakdown-words 10000 --no-write
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import common
import generate

TARGET = 0.8


def corpus(words: int, seed: int) -> Iterator[generate.SyntheticDocument]:
    """Generated documents until ``words`` words (the last one included)."""
    total = 0
    for doc in generate.documents(10**9, seed):
        if total >= words:
            return
        total += doc.words
        yield doc


def chunks(words: int, seed: int, size: int) -> Iterator[list[generate.SyntheticDocument]]:
    chunk: list[generate.SyntheticDocument] = []
    for doc in corpus(words, seed):
        chunk.append(doc)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def speed_worker(words: int, seed: int, batch_size: int, n_process: int) -> dict[str, Any]:
    from claimgraph.nlp import pipelines
    from claimgraph.nlp.extraction import TextInput, extract

    languages = sorted(pipelines.SUPPORTED_LANGUAGES)
    raw = {language: pipelines.load_raw(language) for language in languages}
    for language in languages:
        pipelines.load(language)
    rss_loaded = common.rss_mib()
    totals = {"words": 0, "docs": 0, "records": 0}
    wall = {"raw": 0.0, "extract": 0.0}
    cpu = {"raw": 0.0, "extract": 0.0}
    load_before = common.load_average()
    for chunk in chunks(words, seed, batch_size * 8):
        totals["words"] += sum(doc.words for doc in chunk)
        totals["docs"] += len(chunk)
        w, c = time.perf_counter(), time.process_time()
        for language in languages:
            nlp = raw[language]
            texts = [doc.text for doc in chunk if doc.language == language]
            with nlp.memory_zone():
                for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
                    pass
        wall["raw"] += time.perf_counter() - w
        cpu["raw"] += time.process_time() - c
        inputs = [TextInput(d.name, d.text, d.language, d.published) for d in chunk]
        w, c = time.perf_counter(), time.process_time()
        for _record in extract(inputs, batch_size=batch_size, n_process=n_process):
            totals["records"] += 1
        wall["extract"] += time.perf_counter() - w
        cpu["extract"] += time.process_time() - c
    return {
        **totals,
        "wall": wall,
        "cpu": cpu,
        "rss_loaded": rss_loaded,
        "peak": common.peak_rss_mib(),
        "strings": {language: len(pipelines.load(language).vocab.strings) for language in languages},
        "load_before": load_before,
        "load_after": common.load_average(),
    }


def breakdown_worker(words: int, seed: int, batch_size: int) -> dict[str, Any]:
    from claimgraph.nlp import pipelines
    from claimgraph.nlp.extraction import doc_to_record
    from claimgraph.resolve.claims import extracted_document

    cost: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    counted: dict[str, int] = defaultdict(int)
    for chunk in chunks(words, seed, batch_size * 8):
        for language in sorted(pipelines.SUPPORTED_LANGUAGES):
            group = [doc for doc in chunk if doc.language == language]
            if not group:
                continue
            counted[language] += sum(doc.words for doc in group)
            nlp = pipelines.load(language)
            with nlp.memory_zone():
                started = time.process_time()
                docs = []
                for item in group:
                    doc = nlp.make_doc(item.text)
                    doc._.published = item.published
                    docs.append(doc)
                cost["tokenizer"][language] += time.process_time() - started
                for name, component in nlp.pipeline:
                    started = time.process_time()
                    if hasattr(component, "pipe"):
                        docs = list(component.pipe(docs, batch_size=batch_size))
                    else:
                        docs = [component(doc) for doc in docs]
                    cost[name][language] += time.process_time() - started
                started = time.process_time()
                for item, doc in zip(group, docs):
                    doc_to_record(doc, item.name)
                cost["(doc_to_record)"][language] += time.process_time() - started
                started = time.process_time()
                for doc in docs:
                    extracted_document(doc)
                cost["(extracted_document, ingest)"][language] += time.process_time() - started
    return {"words": dict(counted), "cost": {k: dict(v) for k, v in cost.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, nargs="+", default=[250_000, 1_000_000],
                        help="corpus sizes in words; the largest gives the speed figures")
    parser.add_argument("--breakdown-words", type=int, default=100_000,
                        help="words for the per-component table (0: skip it)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    parser.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        kind, words, seed, batch, nproc = args.worker
        if kind == "speed":
            result = speed_worker(int(words), int(seed), int(batch), int(nproc))
        else:
            result = breakdown_worker(int(words), int(seed), int(batch))
        print(json.dumps(result))
        return

    command = common.command_line()
    script = Path(__file__)
    runs = []
    for words in sorted(args.words):
        print(f"speed + memory, {words:,} words...", file=sys.stderr, flush=True)
        run = common.run_worker(
            script, ["speed", str(words), str(args.seed), str(args.batch_size), str(args.n_process)]
        )
        runs.append(run)
        print(_speed_row(run), file=sys.stderr, flush=True)
    breakdown = None
    if args.breakdown_words:
        print(f"component breakdown, {args.breakdown_words:,} words...", file=sys.stderr, flush=True)
        try:
            breakdown = common.run_worker(
                script,
                ["breakdown", str(args.breakdown_words), str(args.seed), str(args.batch_size), "1"],
            )
        except subprocess.CalledProcessError as error:  # keep the speed figures all the same
            breakdown = {"error": f"the breakdown worker failed (exit {error.returncode}); see stderr"}
    body = _report(runs, breakdown, command, args)
    print(body)
    if not args.no_write:
        common.write_section("bench_extract", body)


def _speed_row(r: dict[str, Any]) -> str:
    ratio = (r["words"] / r["cpu"]["extract"]) / (r["words"] / r["cpu"]["raw"])
    return (
        f"| {r['words']:,} | {r['docs']:,} | {r['words'] / r['cpu']['raw']:,.0f} "
        f"| {r['words'] / r['cpu']['extract']:,.0f} | **{ratio:.2f}** "
        f"| {r['words'] / r['wall']['raw']:,.0f} | {r['words'] / r['wall']['extract']:,.0f} "
        f"| {r['wall']['raw'] / r['wall']['extract']:.2f} "
        f"| {r['rss_loaded']:.0f} | {r['peak']:.0f} "
        f"| {r['strings'].get('en', 0):,} / {r['strings'].get('fr', 0):,} "
        f"| {r['load_before']} → {r['load_after']} |"
    )


def _report(
    runs: list[dict[str, Any]], breakdown: dict[str, Any] | None, command: str,
    args: argparse.Namespace,
) -> str:
    lines = [
        "## Extraction (`bench/bench_extract.py`)",
        "",
        f"Machine: {common.machine()}.",
        f"Run: {time.strftime('%Y-%m-%d %H:%M %Z')}.",
        "",
        "```",
        command,
        "```",
        "",
        (
            "(a) raw = the bare models (`pipelines.load_raw`, `nlp.pipe`); (b) extract = the "
            "library `extract()` (our components + EXTRACTION_FORMAT records). Same generated "
            f"EN+FR documents (seed {args.seed}), batch size {args.batch_size}, n_process "
            f"{args.n_process}, chunk by chunk in one process (a fresh interpreter per corpus "
            "size). Words = whitespace-separated. Rates per CPU second of the process are the "
            f"reliable ones on a shared machine; the target is b/a >= {TARGET}."
        ),
        "",
        (
            "| corpus words | docs | (a) raw words/CPU-s | (b) extract words/CPU-s | b/a (CPU) "
            "| (a) words/s wall | (b) words/s wall | b/a (wall) | RSS after load MiB "
            "| peak RSS MiB | strings en / fr at end | load avg |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(_speed_row(r) for r in runs),
        "",
    ]
    if len(runs) >= 2:
        small, large = runs[0], runs[-1]
        lines.append(
            f"Peak memory, {large['words']:,} vs {small['words']:,} words: "
            f"{large['peak'] / small['peak']:.2f}x."
        )
        lines.append("")
    if breakdown and "error" in breakdown:
        lines.append(f"Per-component table: {breakdown['error']}.")
    elif breakdown:
        lines += _breakdown_table(breakdown)
    return "\n".join(lines) + "\n"


def _breakdown_table(breakdown: dict[str, Any]) -> list[str]:
    words = breakdown["words"]
    cost = breakdown["cost"]
    languages = sorted(words)
    total = {lang: sum(cost[name].get(lang, 0.0) for name in cost) for lang in languages}
    lines = [
        f"Per-component CPU cost, full pipeline one component at a time over "
        f"{sum(words.values()):,} words ("
        + ", ".join(f"{lang} {words[lang]:,}" for lang in languages)
        + "). ms per 1,000 words, and share of that language's total:",
        "",
        "| step | " + " | ".join(f"{lang} ms/1k words | {lang} share" for lang in languages) + " |",
        "|---|" + "---|---|" * len(languages),
    ]
    ours = {lang: 0.0 for lang in languages}
    for name, by_language in cost.items():
        cells = []
        for lang in languages:
            seconds = by_language.get(lang, 0.0)
            if name.startswith(("claimgraph_", "(doc_to")):
                ours[lang] += seconds
            cells.append(f"{1000 * seconds / words[lang] * 1000:.1f} | {seconds / total[lang]:.0%}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(
        "Our components + `doc_to_record` (what `extract()` adds to the models): "
        + ", ".join(
            f"{lang} {ours[lang] / (total[lang] - cost['(extracted_document, ingest)'].get(lang, 0.0)):.0%}"
            f" of the extract time (implied b/a {1 - ours[lang] / (total[lang] - cost['(extracted_document, ingest)'].get(lang, 0.0)):.2f})"
            for lang in languages
        )
        + "."
    )
    return lines


if __name__ == "__main__":
    main()
