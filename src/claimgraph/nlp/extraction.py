"""Run the pipelines over texts and turn each ``Doc`` into the JSON shape of
EXTRACTION_FORMAT.md (plus our own extra fields: offsets, qualifiers, parents, ids).

This is the one place that knows both the ``doc._`` attributes and the output contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from claimgraph.ingest.document import IngestFailure
from claimgraph.ingest.pipeline import ingest_sources
from claimgraph.nlp import pipelines
from claimgraph.nlp.attributes import doc_text


@dataclass(frozen=True, slots=True)
class TextInput:
    """One document to extract from."""

    doc_id: str
    text: str
    language: str
    published: str | None = None  # ISO date; resolves relative dates and figures' as_of


def doc_to_record(doc: Doc, doc_id: str) -> dict[str, Any]:
    """The EXTRACTION_FORMAT.md record of one processed Doc."""
    text = doc_text(doc)
    entities = [
        {
            "name": group["name"],
            "type": group["type"],
            "mentions": group["surfaces"],
            "qid": group["qid"],
        }
        for group in doc._.entities or []
    ]
    aliases = [[alias["surface"], alias["canonical"]] for alias in doc._.aliases or []]
    figures = [
        {
            "value": figure["value"],
            "approx": figure["approx"],
            "unit": figure["unit"],
            "counts": figure["counts"],
            "status": figure["status"],
            "place": figure["place"],
            "as_of": figure["as_of"],
            "value_text": figure["value_text"],
            "quote": text[figure["sentence_start"] : figure["sentence_end"]],
            "low": figure["low"],
            "high": figure["high"],
            "qualifier": figure["qualifier"],
            "cohort": figure["cohort"],
            "parent": figure["parent"],
            "start": figure["start"],
            "end": figure["end"],
        }
        for figure in doc._.figures or []
    ]
    # One record per (subject, predicate, object): a fact the document states twice is one
    # fact with two sentences (the first is its quote, the others are kept beside it); the
    # store keeps a claim per sentence.
    relations: list[dict[str, Any]] = []
    by_triple: dict[tuple[str, str, str], dict[str, Any]] = {}
    for relation in doc._.relations or []:
        quote = text[relation["sentence_start"] : relation["sentence_end"]]
        triple = (relation["subject"], relation["predicate"], relation["object"])
        if triple in by_triple:
            stated = by_triple[triple]["also_stated_in"]
            if quote != by_triple[triple]["quote"] and quote not in stated:
                stated.append(quote)
            continue
        by_triple[triple] = {
            "subject": relation["subject"],
            "predicate": relation["predicate"],
            "object": relation["object"],
            "quote": quote,
            "cue": relation["cue"],
            "also_stated_in": [],
        }
        relations.append(by_triple[triple])
    dates = [
        {
            "text": date["text"],
            "iso": date["iso"],
            "event": date["event"],
            "start": date["start"],
            "end": date["end"],
            "relative": date["relative"],
        }
        for date in doc._.dates or []
    ]
    return {
        "doc": doc_id,
        "entities": entities,
        "aliases": aliases,
        "figures": figures,
        "relations": relations,
        "dates": dates,
    }


def process(
    inputs: Iterable[TextInput], *, batch_size: int = 32, n_process: int = 1, without: tuple[str, ...] = ()
) -> Iterator[tuple[TextInput, Doc]]:
    """Yield (input, Doc) for every input whose language has a pipeline, in input order
    within each language. Docs are only valid until the next item is requested. ``without``
    names pipeline components to skip (training the relation model runs without its
    classifier).

    Each chunk runs in a spaCy memory zone: the strings and lexemes its texts add to the
    vocabulary are freed when the chunk is done, so memory stays flat however many
    documents go through. A Doc (or Span, Token) must therefore be converted to plain data
    before the next item is requested, never kept.
    """
    for language, group in _by_language(inputs, batch_size):
        nlp = pipelines.load(language)
        with nlp.memory_zone():
            docs = []
            for item in group:
                doc = nlp.make_doc(item.text)
                doc._.published = item.published
                docs.append(doc)
            for item, doc in zip(group, nlp.pipe(docs, batch_size=batch_size, n_process=n_process, disable=list(without))):
                yield item, doc


def extract(
    inputs: Iterable[TextInput], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[dict[str, Any]]:
    """EXTRACTION_FORMAT records, one per input with a supported language."""
    for item, doc in process(inputs, batch_size=batch_size, n_process=n_process):
        yield doc_to_record(doc, item.doc_id)


def inputs_from_paths(
    paths: Iterable[str | Path], *, max_bytes: int = 20_000_000
) -> Iterator[TextInput | IngestFailure]:
    """TextInputs for files and folders, read exactly as ``claimgraph ingest`` reads them
    (readers, boilerplate removal, meta.json, language detection); an IngestFailure for
    each input that cannot be read. ``doc_id`` is the folder name for ``<folder>/source.txt``,
    else the file name."""
    for item in ingest_sources([str(path) for path in paths], max_bytes=max_bytes):
        if isinstance(item, IngestFailure):
            yield item
        else:
            yield TextInput(doc_id=item.name, text=item.text, language=item.language, published=item.published)


def _by_language(
    inputs: Iterable[TextInput], batch_size: int
) -> Iterator[tuple[str, list[TextInput]]]:
    """Chunks of up to ``batch_size * 8`` inputs of one language, streaming."""
    buffers: dict[str, list[TextInput]] = {}
    limit = batch_size * 8
    for item in inputs:
        if item.language not in pipelines.SUPPORTED_LANGUAGES:
            continue
        buffer = buffers.setdefault(item.language, [])
        buffer.append(item)
        if len(buffer) >= limit:
            yield item.language, buffer
            buffers[item.language] = []
    for language, buffer in buffers.items():
        if buffer:
            yield language, buffer
