"""The benchmark generator: N unique, deterministic documents of realistic length."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

GENERATE = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def _generate():
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while decorating
    spec.loader.exec_module(module)
    return module


def test_documents_are_unique_deterministic_and_in_length():
    generate = _generate()
    docs = list(generate.documents(300, seed=3))
    assert len(docs) == 300
    assert len({doc.text for doc in docs}) == 300
    assert [d.text for d in generate.documents(20, seed=3)] == [d.text for d in docs[:20]]
    assert {doc.language for doc in docs} == {"en", "fr"}
    assert all(generate.MIN_WORDS <= doc.words <= generate.MAX_WORDS + 60 for doc in docs)


def test_written_documents_carry_their_meta(tmp_path):
    generate = _generate()
    generate.write_documents(5, tmp_path, seed=1, shard=2)
    texts = sorted(tmp_path.rglob("*.txt"))
    assert len(texts) == 5 and len({p.parent for p in texts}) == 3
    for text in texts:
        meta = json.loads(text.with_name(text.name + ".meta.json").read_text("utf-8"))
        assert meta["language"] in ("en", "fr") and meta["published"]
