"""Store write and query speed on a synthetic workload.

    .venv/bin/python bench/bench_store.py                 # 1,000 documents (the reference)
    .venv/bin/python bench/bench_store.py --docs 200 --profile store.prof

Workload per document: 30 sentences, 5 entities (from a pool of 200, one alias each),
20 mentions, 30 claims and 30 figures (60 claim rows), written 100 documents per
transaction exactly as the ingest does (add_document, add_sentences, replace_claims).
The inputs are built before timing starts, so only store time is measured. CPU time
(process_time) is reported beside wall time: on a shared, loaded machine wall time mostly
measures the other processes. Then:
``figures()`` with no filter, a filtered and a paginated ``figures()``, a search, and
``integrity_check()``.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from claimgraph.store import NewClaim, NewEntity, NewFigure, NewMention, open_store

SENTENCES, ENTITIES, MENTIONS, CLAIMS, FIGURES = 30, 5, 20, 30, 30
WORDS = ["combattants", "français", "détenus", "Idléb", "Raqqa", "retour", "camp", "al-Hol"]
NATIONALITIES = ["French", "Belgian", "German", "Tunisian", None]
STATUSES = ["detained", "returned", "killed", None]
PLACES = ["Idléb", "Raqqa", "al-Hol", None]


def make_document(n: int, rng: random.Random) -> dict[str, Any]:
    sentences, parts, pos = [], [], 0
    for i in range(SENTENCES):
        words = " ".join(rng.choice(WORDS) for _ in range(14))
        sentence = f"Selon la source {n}-{i}, {rng.randint(2, 999)} {words}."
        sentences.append((pos, pos + len(sentence), sentence))
        parts.append(sentence)
        pos += len(sentence) + 1
    text = " ".join(parts)
    entities = [
        NewEntity(f"Group {k}", "Organization", aliases=[(f"G{k}", "acronym")])
        for k in rng.sample(range(200), ENTITIES)
    ]
    mentions = [
        NewMention(
            s[0], s[0] + 5, text[s[0] : s[0] + 5], "Organization", "gazetteer", entity=i % ENTITIES
        )
        for i, s in enumerate(rng.choices(sentences, k=MENTIONS))
    ]
    claims = [
        NewClaim(
            "relation",
            s[0] + 1,
            s[0] + 6,
            "Group",
            "member_of",
            value_text="x",
            subject_entity=i % ENTITIES,
            confidence=0.8,
            sentence_start=s[0],
            payload={"cue": "selon", "i": i},
        )
        for i, s in enumerate(rng.choices(sentences, k=CLAIMS))
    ]
    figures = [
        NewFigure(
            s[0] + 2,
            s[0] + 5,
            "130",
            rng.randint(1, 5000),
            cohort={"nationality": rng.choice(NATIONALITIES), "role": "fighter"},
            counts="fighters",
            status=rng.choice(STATUSES),
            place=rng.choice(PLACES),
            attributed_to="Le Monde",
            sentence_start=s[0],
            payload={"i": i},
            parent=None if i == 0 else rng.choice([None, 0]),
        )
        for i, s in enumerate(rng.choices(sentences, k=FIGURES))
    ]
    return {
        "source": f"doc-{n}.txt",
        "text": text,
        "sentences": sentences,
        "published": f"20{10 + n % 14}-0{1 + n % 9}-1{n % 10}",
        "batch": {"entities": entities, "mentions": mentions, "claims": claims, "figures": figures},
    }


def run(path: Path, docs: int, batch: int, profile: str | None) -> None:
    rng = random.Random(7)
    inputs = [make_document(n, rng) for n in range(docs)]
    timings: dict[str, float] = defaultdict(float)
    profiler = cProfile.Profile() if profile else None
    with open_store(path) as store:
        if profiler:
            profiler.enable()
        start, cpu_start, times_start = time.perf_counter(), time.process_time(), os.times()
        for first in range(0, docs, batch):
            with store.transaction():
                for doc in inputs[first : first + batch]:
                    t0 = time.process_time()
                    document_id, _ = store.add_document(
                        source=doc["source"], text=doc["text"], published=doc["published"]
                    )
                    t1 = time.process_time()
                    store.add_sentences(document_id, doc["sentences"])
                    t2 = time.process_time()
                    store.replace_claims(document_id, "0.1.0", **doc["batch"])
                    t3 = time.process_time()
                    timings["add_document"] += t1 - t0
                    timings["add_sentences"] += t2 - t1
                    timings["replace_claims"] += t3 - t2
                committing = time.process_time()
            timings["commit (per document)"] += time.process_time() - committing
        total, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        user, system = (after - before for after, before in zip(os.times()[:2], times_start[:2]))
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
        print(
            f"write: {docs} documents in {total:.2f} s wall = {docs / total:.0f} documents/s; "
            f"{cpu:.2f} s CPU ({user:.2f} user, {system:.2f} system) = {docs / cpu:.0f} "
            "documents/CPU-s"
        )
        for name, seconds in timings.items():
            print(f"  {name:21s} {seconds / docs * 1000:6.2f} ms CPU/document")
        print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")

        def timed(label: str, call: Any) -> Any:
            t0, c0 = time.perf_counter(), time.process_time()
            result = call()
            wall, used = time.perf_counter() - t0, time.process_time() - c0
            shown = f"{len(result)} rows" if isinstance(result, list) else repr(result)
            print(f"{label:42s} {wall * 1000:8.1f} ms wall {used * 1000:8.1f} ms CPU  ({shown})")
            return result

        timed("figures()", store.figures)
        timed("figures()  [again]", store.figures)
        timed("figures(cohort='french fighter')", lambda: store.figures(cohort="french fighter"))
        timed(
            "figures(place='idleb', status='detained')",
            lambda: store.figures(place="idleb", status="detained"),
        )
        timed("figures(nationality='french')", lambda: store.figures(nationality="french"))
        timed("figures(document_id=500)", lambda: store.figures(document_id=docs // 2))
        timed("figures(limit=100)", lambda: store.figures(limit=100))
        try:
            timed(
                "figures(limit=100, offset=20000)",
                lambda: store.figures(limit=100, offset=docs * 20),
            )
        except TypeError:
            print("figures(offset=...)                        (not supported)")
        timed("search('français Idléb')", lambda: store.search("français Idléb"))
        timed("stats()", lambda: store.stats()["figures"])
        timed("integrity_check()", store.integrity_check)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=100, help="documents per transaction")
    parser.add_argument("--db", type=Path, help="store file (default: a temporary one)")
    parser.add_argument("--profile", help="write cProfile stats of the write phase here")
    args = parser.parse_args(argv)
    if args.db:
        run(args.db, args.docs, args.batch, args.profile)
    else:
        with tempfile.TemporaryDirectory() as folder:
            run(Path(folder) / "bench.db", args.docs, args.batch, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
