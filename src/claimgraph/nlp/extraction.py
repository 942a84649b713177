"""Run the pipelines over texts and turn each ``Doc`` into the JSON shape of
EXTRACTION_FORMAT.md (plus our own extra fields: offsets, qualifiers, parents, ids).

This is the one place that knows both the ``doc._`` attributes and the output contract.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from claimgraph.nlp import pipelines


@dataclass(frozen=True, slots=True)
class TextInput:
    """One document to extract from."""

    doc_id: str
    text: str
    language: str
    published: str | None = None  # ISO date; resolves relative dates and figures' as_of


def doc_to_record(doc: Doc, doc_id: str) -> dict[str, Any]:
    """The EXTRACTION_FORMAT.md record of one processed Doc."""
    text = doc.text
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
    relations = [
        {
            "subject": relation["subject"],
            "predicate": relation["predicate"],
            "object": relation["object"],
            "quote": text[relation["sentence_start"] : relation["sentence_end"]],
            "cue": relation["cue"],
        }
        for relation in doc._.relations or []
    ]
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
    inputs: Iterable[TextInput], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[TextInput, Doc]]:
    """Yield (input, Doc) for every input whose language has a pipeline, in input order
    within each language. Docs are only valid until the next item is requested."""
    for language, group in _by_language(inputs, batch_size):
        nlp = pipelines.load(language)
        docs = []
        for item in group:
            doc = nlp.make_doc(item.text)
            doc._.published = item.published
            docs.append(doc)
        for item, doc in zip(group, nlp.pipe(docs, batch_size=batch_size, n_process=n_process)):
            yield item, doc


def extract(
    inputs: Iterable[TextInput], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[dict[str, Any]]:
    """EXTRACTION_FORMAT records, one per input with a supported language."""
    for item, doc in process(inputs, batch_size=batch_size, n_process=n_process):
        yield doc_to_record(doc, item.doc_id)


def input_from_path(path: Path) -> TextInput:
    """A TextInput for a corpus-style file: ``<folder>/source.txt`` with ``meta.json``
    beside it gives doc id = folder name, language and publication date from the meta."""
    text = path.read_text("utf-8")
    meta_path = path.parent / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
    doc_id = path.parent.name if path.name.startswith("source.") and meta else path.name
    language = meta.get("language") or _detect_language(text)
    return TextInput(doc_id=doc_id, text=text, language=language, published=meta.get("published"))


def inputs_from_paths(paths: Iterable[Path]) -> tuple[list[TextInput], list[str]]:
    """TextInputs for files and folders (recursively: corpus folders' source.txt, .txt,
    .md), and one message per path that could not be read."""
    inputs: list[TextInput] = []
    failures: list[str] = []
    for path in paths:
        files = sorted(_document_files(path)) if path.is_dir() else [path]
        for file in files:
            try:
                inputs.append(input_from_path(file))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                failures.append(f"{file}: {error}")
    return inputs, failures


def _document_files(folder: Path) -> Iterator[Path]:
    for file in folder.rglob("*"):
        if file.is_file() and file.suffix in {".txt", ".md"} and not file.name.startswith("."):
            yield file


def _detect_language(text: str) -> str:
    from claimgraph.ingest.language import detect_language

    return detect_language(text).code


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
