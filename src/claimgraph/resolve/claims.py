"""Turn one processed ``Doc`` into what the store keeps: sentences and a claim batch.

Every claim points at the sentence that states it (by the sentence's first character);
entities are resolved across documents by the store on (canonical name, type), and the
canonical names come from the gazetteer, so "HTS" in one document and "Hayat Tahrir
al-Cham" in another land on one entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from claimgraph.store.records import ClaimBatch, NewClaim, NewEntity, NewFigure, NewMention

Sentence = tuple[int, int, str]


@dataclass(frozen=True)
class ExtractedDocument:
    """A document's sentences and claims, ready for ``store.replace_claims``."""

    sentences: list[Sentence]
    batch: ClaimBatch


def sentences_of(doc: Doc) -> list[Sentence]:
    """The Doc's sentences with surrounding white space trimmed (never empty)."""
    text = doc.text
    sentences = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append((start, end, text[start:end]))
    return sentences


def extracted_document(doc: Doc) -> ExtractedDocument:
    """Sentences and claims of one processed Doc."""
    sentences = sentences_of(doc)
    starts = [start for start, _, _ in sentences]

    def sentence_start(offset: int) -> int | None:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < sentences[index][1]:
            return sentences[index][0]
        return None

    # Who each sentence cites, keyed by the sentence's first character.
    attributions = {
        sentence_start(item["source_start"]): item["source"] for item in doc._.attributions or []
    }

    def attributed(offset: int) -> str | None:
        return attributions.get(sentence_start(offset))

    groups = doc._.entities or []
    entity_of_span: dict[tuple[int, int], int] = {}
    for index, group in enumerate(groups):
        for start, end in group["mentions"]:
            entity_of_span[(start, end)] = index

    aliases_by_canonical: dict[str, list[tuple[str, str]]] = {}
    for alias in doc._.aliases or []:
        aliases_by_canonical.setdefault(alias["canonical"], []).append((alias["surface"], alias["how"]))
    entities = [
        NewEntity(
            name=group["name"],
            type=group["type"],
            qid=group["qid"],
            aliases=tuple(dict.fromkeys(aliases_by_canonical.get(group["name"], []))),
        )
        for group in groups
    ]
    mentions = [
        NewMention(
            start=mention["start"],
            end=mention["end"],
            text=mention["text"],
            label=mention["label"],
            source_component=mention["source"],
            canonical=mention["canonical"],
            qid=mention["qid"],
            entity=entity_of_span.get((mention["start"], mention["end"])),
        )
        for mention in doc._.mentions or []
        if sentence_start(mention["start"]) is not None
    ]
    claims: list[NewClaim] = []
    for index, group in enumerate(groups):
        start, end = group["mentions"][0]
        claims.append(_claim("entity", start, end, group["name"], "type", group["type"],
                             sentence_start, attributed, subject_entity=index, payload=dict(group)))
    group_index = {group["name"]: index for index, group in enumerate(groups)}
    for alias in doc._.aliases or []:
        claims.append(_claim("alias", alias["start"], alias["end"], alias["canonical"], "alias",
                             alias["surface"], sentence_start, attributed,
                             subject_entity=group_index.get(alias["canonical"]), payload=dict(alias)))
    for relation in doc._.relations or []:
        start = min(relation["subject_span"][0], relation["object_span"][0])
        end = max(relation["subject_span"][1], relation["object_span"][1])
        claims.append(_claim(
            "relation", start, end, relation["subject"], relation["predicate"], relation["object"],
            sentence_start, attributed,
            subject_entity=entity_of_span.get(tuple(relation["subject_span"])),  # type: ignore[arg-type]
            value_entity=entity_of_span.get(tuple(relation["object_span"])),  # type: ignore[arg-type]
            explicit_sentence=relation["sentence_start"], payload=dict(relation),
        ))
    for date in doc._.dates or []:
        claims.append(_claim("date", date["start"], date["end"], date["event"], "date", date["iso"],
                             sentence_start, attributed, as_of=date["iso"], payload=dict(date)))
    figures = [
        NewFigure(
            start=figure["start"],
            end=figure["end"],
            value_text=figure["value_text"],
            value=figure["value"],
            low=figure["low"],
            high=figure["high"],
            qualifier=figure["qualifier"],
            approx=figure["approx"],
            unit=figure["unit"],
            counts=figure["counts"],
            cohort=figure["cohort"],
            status=figure["status"],
            place=figure["place"],
            as_of=figure["as_of"],
            parent=figure["parent"],
            attributed_to=attributed(figure["start"]),
            sentence_start=sentence_start(figure["start"]),
            payload={key: value for key, value in figure.items() if key != "cohort"},
        )
        for figure in doc._.figures or []
    ]
    claims = [claim for claim in claims if claim.sentence_start is not None]
    return ExtractedDocument(sentences, ClaimBatch(entities, mentions, claims, _keep_placed(figures)))


def _keep_placed(figures: Sequence[NewFigure]) -> list[NewFigure]:
    """Figures outside every sentence cannot be stored; their children lose the parent."""
    kept_index: dict[int, int] = {}
    kept: list[NewFigure] = []
    for index, figure in enumerate(figures):
        if figure.sentence_start is not None:
            kept_index[index] = len(kept)
            kept.append(figure)
    return [
        replace(figure, parent=kept_index.get(figure.parent) if figure.parent is not None else None)
        for figure in kept
    ]


def _claim(
    kind: Any, start: int, end: int, subject: str, predicate: str, value_text: str | None,
    sentence_start: Any, attributed: Any, *, subject_entity: int | None = None,
    value_entity: int | None = None, as_of: str | None = None, explicit_sentence: int | None = None,
    payload: dict[str, Any] | None = None,
) -> NewClaim:
    return NewClaim(
        kind=kind, start=start, end=end, subject=subject, predicate=predicate,
        value_text=value_text, subject_entity=subject_entity, value_entity=value_entity,
        attributed_to=attributed(start), as_of=as_of,
        sentence_start=sentence_start(start if explicit_sentence is None else explicit_sentence),
        payload=payload or {},
    )
