"""Synthetic documents for the benchmarks, mixed from the corpus texts.

Each document takes one language (English or French, about 60/40 like the corpus), a
target length drawn from 200-600 words, and a title line followed by paragraphs; each
paragraph is a run of consecutive sentences from one corpus paragraph of that language,
so sentences stay readable and the extractors see realistic text. The same ``seed`` gives
the same documents; every document's text is unique (the store deduplicates by content).

    python bench/generate.py 1000 /tmp/docs          # doc-00001.txt + doc-00001.txt.meta.json ...
    python bench/generate.py 1000 /tmp/docs --seed 7

As a library: ``documents(n, seed)`` yields :class:`SyntheticDocument` in memory;
``write_documents(n, folder, seed)`` writes ``<name>.txt`` with ``<name>.txt.meta.json``
(``language``, ``published``, ``title``: what ``claimgraph ingest`` reads).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus"
LANGUAGES = ("en", "fr")
LANGUAGE_WEIGHTS = (0.6, 0.4)
MIN_WORDS, MAX_WORDS = 200, 600
MIN_PARAGRAPH_WORDS = 8  # shorter lines are headings or list items: not mixed in
_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«\"A-ZÀ-ÖØ-Ý0-9])")


@dataclass(frozen=True, slots=True)
class SyntheticDocument:
    name: str
    language: str
    published: str
    title: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@cache
def paragraphs(language: str, corpus: Path = CORPUS) -> tuple[tuple[str, ...], ...]:
    """Every corpus paragraph of ``language`` as a tuple of its sentences."""
    found: list[tuple[str, ...]] = []
    for folder in sorted(p for p in corpus.iterdir() if (p / "source.txt").is_file()):
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        if meta.get("language") != language:
            continue
        for line in (folder / "source.txt").read_text("utf-8").splitlines():
            line = line.strip()
            if len(line.split()) >= MIN_PARAGRAPH_WORDS:
                found.append(tuple(s for s in _SENTENCE_END.split(line) if s.strip()))
    if not found:
        raise ValueError(f"no {language!r} paragraphs in {corpus}")
    return tuple(found)


def documents(n: int, seed: int = 0, corpus: Path = CORPUS) -> Iterator[SyntheticDocument]:
    """``n`` unique documents, deterministic for a given ``seed``."""
    rng = random.Random(seed)
    seen: set[bytes] = set()
    number = 0
    while number < n:
        language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
        title, text = _compose(rng, paragraphs(language, corpus), rng.randint(MIN_WORDS, MAX_WORDS))
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        if digest in seen:
            continue
        seen.add(digest)
        number += 1
        published = f"{rng.randint(2013, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield SyntheticDocument(f"doc-{number:05d}", language, published, title, text)


def write_documents(n: int, folder: Path, seed: int = 0, *, shard: int | None = None) -> int:
    """Write ``n`` documents into ``folder`` (into ``part-000/``, ``part-001/``... of
    ``shard`` documents each when given); the total number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for number, doc in enumerate(documents(n, seed)):
        into = folder / f"part-{number // shard:03d}" if shard else folder
        into.mkdir(exist_ok=True)
        path = into / f"{doc.name}.txt"
        path.write_text(doc.text, "utf-8")
        meta = {"language": doc.language, "published": doc.published, "title": doc.title}
        path.with_name(path.name + ".meta.json").write_text(json.dumps(meta), "utf-8")
        total += doc.words
    return total


def _compose(
    rng: random.Random, pool: tuple[tuple[str, ...], ...], target: int
) -> tuple[str, str]:
    parts: list[str] = []
    words = 0
    while words < target:
        sentences = rng.choice(pool)
        start = rng.randrange(len(sentences))
        end = rng.randint(start + 1, min(len(sentences), start + 6))
        run = list(sentences[start:end])
        while len(run) > 1 and words + sum(len(s.split()) for s in run) > MAX_WORDS:
            run.pop()  # keep documents within MAX_WORDS (one long sentence may still pass)
        paragraph = " ".join(run)
        if parts and words + len(paragraph.split()) > MAX_WORDS:
            break
        parts.append(paragraph)
        words += len(paragraph.split())
    title = " ".join(parts[0].split()[:8]).rstrip(",;:")
    return title, title + "\n\n" + "\n\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shard", type=int, help="documents per sub-folder (default: one folder)")
    args = parser.parse_args()
    words = write_documents(args.n, args.folder, args.seed, shard=args.shard)
    print(f"wrote {args.n} documents ({words:,} words) to {args.folder}")


if __name__ == "__main__":
    main()
