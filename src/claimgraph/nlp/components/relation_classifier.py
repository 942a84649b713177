"""The relation classifier: relations the cue rules missed, from the trained relation model.

The cue rules (``relations``) are precise on the sentence shapes they were written for and
miss the others. This component scores every candidate pair of a sentence
(``relation_pairs``) with the trained model (``claimgraph.nlp.relation_model``), the rules'
own findings among its features, and adds the relations it is confident of that the rules
did not state. Only predicates whose signature takes the two argument types compete. Each
added relation is tied to its sentence like any other; its ``cue`` says it came from the
model and with what probability, so a reader can tell the two sources apart.
"""

from __future__ import annotations

from functools import cached_property
from typing import Final

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp import relation_model
from claimgraph.nlp.attributes import Relation
from claimgraph.nlp.components import relation_cues
from claimgraph.nlp.components.relation_pairs import featured_pairs

COMPONENT: Final = "claimgraph_relation_classifier"
CUE_PREFIX: Final = "relation model"  # the ``cue`` of a relation this component added


@Language.factory(
    COMPONENT,
    default_config={"language": "en"},
    assigns=["doc._.relations"],
    requires=["doc._.mentions", "doc._.entities", "doc._.relations"],
)
def make_relation_classifier(nlp: Language, name: str, language: str) -> RelationClassifier:
    return RelationClassifier(language)


class RelationClassifier:
    """Adds the model's confident relations to ``doc._.relations``."""

    def __init__(self, language: str) -> None:
        self.cues = relation_cues.load(language)
        self._masks: dict[tuple[str, str], np.ndarray | None] = {}

    @cached_property
    def trained(self) -> relation_model.RelationModel:
        # read on first use, so a pipeline run without this component (as when training
        # the model) needs no model file. Not named ``model``: spaCy looks for that
        # attribute on every component when it builds the pipeline.
        return relation_model.load(frozenset(self.cues.signatures))

    def __call__(self, doc: Doc) -> Doc:
        pairs, features, allowed = [], [], []
        for sentence, subject, obj, pair in featured_pairs(doc, self.cues):
            fitting = self._fitting(subject.type, obj.type)
            if fitting is not None:
                pairs.append((sentence, subject, obj))
                features.append(pair)
                allowed.append(fitting)
        if not pairs:
            return doc
        relations: list[Relation] = list(doc._.relations or [])
        stated = {(r["sentence_start"], r["subject"], r["predicate"], r["object"]) for r in relations}
        for (sentence, subject, obj), best in zip(pairs, self.trained.predict(features, allowed)):
            if best is None:
                continue
            predicate, probability = best
            key = (sentence.start_char, subject.name, predicate, obj.name)
            if key in stated:
                continue
            stated.add(key)
            relations.append(
                Relation(
                    subject=subject.name,
                    predicate=predicate,
                    object=obj.name,
                    subject_span=[subject.start, subject.end],
                    object_span=[obj.start, obj.end],
                    sentence_start=sentence.start_char,
                    sentence_end=sentence.end_char,
                    cue=f"{CUE_PREFIX} (p={probability:.2f})",
                )
            )
        doc._.relations = relations
        return doc

    def _fitting(self, subject_type: str, object_type: str) -> np.ndarray | None:
        """The mask of the model's predicates whose signature takes these types, None when
        the model has none of them (cached per pair of types)."""
        key = (subject_type, object_type)
        if key not in self._masks:
            mask = self.trained.mask(lambda predicate: self.cues.fits(predicate, subject_type, object_type))
            self._masks[key] = mask if mask.any() else None
        return self._masks[key]
