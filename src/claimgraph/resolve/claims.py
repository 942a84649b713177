"""Turn what the pipeline extracted into what the store keeps: sentences and a claim batch.

One claim per fact, each with the full extracted dict as its payload:

=========  ==================  ==========  ====================  =========================
kind       subject             predicate   value_text            span
=========  ==================  ==========  ====================  =========================
entity     canonical name      ``type``    entity type           first mention
alias      canonical name      ``alias``   surface               the surface occurrence
relation   subject name        predicate   object name           subject..object
date       event               ``date``    iso                   the date as written
figure     counts              status      the number as written the number as written
=========  ==================  ==========  ====================  =========================

Every claim points at the sentence that states it. ``attributed_to`` comes from the
attribution of that sentence. Entities are resolved across documents by the store on
(canonical name, type); canonical names come from the gazetteer, so "HTS" in one document
and "Hayat Tahrir al-Cham" in another land on one entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claimgraph.store.records import ClaimBatch, NewClaim, NewEntity, NewFigure, NewMention

if TYPE_CHECKING:  # spaCy is only needed to call extracted_document
    from spacy.tokens import Doc

    from claimgraph.nlp.attributes import (
        Alias,
        Attribution,
        DateMention,
        EntityGroup,
        Figure,
        Mention,
        Relation,
    )

Sentence = tuple[int, int, str]


@dataclass(frozen=True)
class ExtractedDocument:
    """A document's sentences and claims, ready for ``add_sentences`` and ``replace_claims``."""

    sentences: list[Sentence]
    batch: ClaimBatch


def extracted_document(doc: Doc) -> ExtractedDocument:
    """Sentences and claims of one processed Doc; claims outside every sentence (in white
    space between them) are dropped rather than stored without their sentence."""
    sentences = sentences_of(doc)
    batch = batch_from_extraction(
        mentions=doc._.mentions or [],
        aliases=doc._.aliases or [],
        entities=doc._.entities or [],
        attributions=doc._.attributions or [],
        relations=doc._.relations or [],
        dates=doc._.dates or [],
        figures=doc._.figures or [],
    )
    return ExtractedDocument(sentences, within_sentences(batch, sentences))


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


def batch_from_extraction(
    *,
    mentions: Sequence[Mention] = (),
    aliases: Sequence[Alias] = (),
    entities: Sequence[EntityGroup] = (),
    attributions: Sequence[Attribution] = (),
    relations: Sequence[Relation] = (),
    dates: Sequence[DateMention] = (),
    figures: Sequence[Figure] = (),
) -> ClaimBatch:
    """The ClaimBatch for the extracted lists of one document (plain data, no spaCy)."""
    by_name: dict[str, int] = {}
    by_span: dict[tuple[int, int], int] = {}
    for index, group in enumerate(entities):
        by_name.setdefault(group["name"], index)
        for start, end in group["mentions"]:
            by_span.setdefault((start, end), index)

    def cited_by(offset: int) -> str | None:
        for attribution in attributions:
            if attribution["sentence_start"] <= offset < attribution["sentence_end"]:
                return attribution["source"]
        return None

    aliases_of: dict[int, list[tuple[str, str]]] = {}
    for alias in aliases:
        if alias["canonical"] in by_name:
            aliases_of.setdefault(by_name[alias["canonical"]], []).append((alias["surface"], alias["how"]))
    new_entities = [
        NewEntity(group["name"], group["type"], group["qid"], tuple(dict.fromkeys(aliases_of.get(index, []))))
        for index, group in enumerate(entities)
    ]
    new_mentions = [
        NewMention(
            start=mention["start"], end=mention["end"], text=mention["text"], label=mention["label"],
            source_component=mention["source"], canonical=mention["canonical"], qid=mention["qid"],
            entity=by_span.get((mention["start"], mention["end"])),
        )
        for mention in mentions
    ]
    claims: list[NewClaim] = []
    for index, group in enumerate(entities):
        start, end = group["mentions"][0]
        claims.append(NewClaim("entity", start, end, group["name"], "type", group["type"],
                               subject_entity=index, attributed_to=cited_by(start), payload=dict(group)))
    for alias in aliases:
        claims.append(NewClaim("alias", alias["start"], alias["end"], alias["canonical"], "alias",
                               alias["surface"], subject_entity=by_name.get(alias["canonical"]),
                               attributed_to=cited_by(alias["start"]), payload=dict(alias)))
    for relation in relations:
        subject_span = (relation["subject_span"][0], relation["subject_span"][1])
        object_span = (relation["object_span"][0], relation["object_span"][1])
        claims.append(NewClaim(
            "relation", min(subject_span[0], object_span[0]), max(subject_span[1], object_span[1]),
            relation["subject"], relation["predicate"], relation["object"],
            subject_entity=by_span.get(subject_span, by_name.get(relation["subject"])),
            value_entity=by_span.get(object_span, by_name.get(relation["object"])),
            attributed_to=cited_by(relation["sentence_start"]),
            sentence_start=relation["sentence_start"], payload=dict(relation),
        ))
    for date in dates:
        claims.append(NewClaim("date", date["start"], date["end"], date["event"], "date", date["iso"],
                               as_of=date["iso"], attributed_to=cited_by(date["start"]), payload=dict(date)))
    new_figures = [
        NewFigure(
            start=figure["start"], end=figure["end"], value_text=figure["value_text"],
            value=figure["value"], low=figure["low"], high=figure["high"],
            qualifier=figure["qualifier"], approx=figure["approx"], unit=figure["unit"],
            counts=figure["counts"], cohort=figure["cohort"], status=figure["status"],
            place=figure["place"], as_of=figure["as_of"], parent=figure["parent"],
            attributed_to=cited_by(figure["start"]),
            payload={key: value for key, value in figure.items() if key != "cohort"},
        )
        for figure in figures
    ]
    return ClaimBatch(new_entities, new_mentions, claims, new_figures)


def within_sentences(batch: ClaimBatch, sentences: Sequence[Sentence]) -> ClaimBatch:
    """The batch without what falls outside every sentence; a dropped figure's children
    lose their parent link, and kept figures' parent indexes are renumbered."""
    starts = [start for start, _, _ in sentences]

    def inside(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and offset < sentences[index][1]

    kept_index: dict[int, int] = {}
    kept: list[NewFigure] = []
    for index, figure in enumerate(batch.figures):
        if inside(figure.start):
            kept_index[index] = len(kept)
            kept.append(figure)
    figures = [
        replace(figure, parent=kept_index.get(figure.parent) if figure.parent is not None else None)
        for figure in kept
    ]
    claims = [claim for claim in batch.claims if inside(claim.start)]
    mentions = [mention for mention in batch.mentions if inside(mention.start)]
    return ClaimBatch(batch.entities, mentions, claims, figures)
