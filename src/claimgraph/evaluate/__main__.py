"""``python -m claimgraph.evaluate CORPUS_DIR``: the scorer without the CLI's extras."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claimgraph.evaluate.report import render_table
from claimgraph.evaluate.scoring import evaluate_corpus, load_corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.evaluate")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--lang", choices=["en", "fr"])
    parser.add_argument("--doc", help="only this document folder")
    parser.add_argument("--misses", metavar="KIND", help="list false negatives and positives of KIND")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    evaluation = evaluate_corpus(load_corpus(args.corpus, language=args.lang, slug=args.doc))
    if args.json:
        print(json.dumps(evaluation.as_dict(misses=bool(args.misses)), ensure_ascii=False, indent=1))
        return 0
    print(render_table(evaluation))
    if args.misses:
        result = evaluation.by_scope["all"][args.misses]
        print(f"\nFalse negatives ({args.misses}):")
        for item in result.false_negatives:
            print("  -", json.dumps(item, ensure_ascii=False))
        print(f"\nFalse positives ({args.misses}):")
        for item in result.false_positives:
            print("  +", json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
