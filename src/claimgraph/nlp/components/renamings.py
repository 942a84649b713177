"""Make one entity of two names the document says are one body renamed
(``claimgraph_renamings``).

"L'AMISOM ... devient la Mission de transition de l'Union africaine en Somalie (ATMIS)":
the gazetteer knows AMISOM and ATMIS as two entries, and ``entity_groups`` keeps them apart,
but the text states a renaming, so in this document they are one body under two names. The
renaming relation itself stays (it is a dated fact about the body); the entity takes the
earlier name, lists the later names among its mentions, and each later surface becomes an
alias of it. This is the convention of every annotated set: a renaming gives aliases, while
a merger into a new group ("merged_into") keeps two entities.

Runs after ``relations``, which finds the ``renamed_to`` statements.
"""

from __future__ import annotations

from typing import Final

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.attributes import Alias, EntityGroup, Relation, doc_text

RENAMING: Final = "renamed_to"


class RenamingMerger:
    """The ``claimgraph_renamings`` component."""

    def __call__(self, doc: Doc) -> Doc:
        entities: list[EntityGroup] = doc._.entities or []
        renamings = [r for r in doc._.relations or [] if r["predicate"] == RENAMING]
        if not renamings or len(entities) < 2:
            return doc
        merged, aliases = merge_renamed(entities, renamings, doc_text(doc))
        doc._.entities = merged
        doc._.aliases = list(doc._.aliases or []) + aliases
        return doc


def merge_renamed(
    entities: list[EntityGroup], renamings: list[Relation], text: str
) -> tuple[list[EntityGroup], list[Alias]]:
    """``entities`` with each renamed pair of the same kind made one, and the new aliases."""
    by_span = {tuple(span): i for i, group in enumerate(entities) for span in group["mentions"]}
    into = list(range(len(entities)))  # index -> the entity it was merged into

    def root(i: int) -> int:
        while into[i] != i:
            i = into[i]
        return i

    for relation in renamings:
        old = by_span.get(tuple(relation["subject_span"]))
        new = by_span.get(tuple(relation["object_span"]))
        if old is None or new is None:
            continue
        old, new = root(old), root(new)
        if old == new or entities[old]["type"] != entities[new]["type"]:
            continue  # a town renamed after a person is not that person
        first, later = sorted((old, new))  # the earlier-mentioned entity keeps its name
        into[later] = first
    groups: dict[int, EntityGroup] = {}
    aliases: list[Alias] = []
    for i, group in enumerate(entities):
        r = root(i)
        if r == i:
            groups[i] = EntityGroup(
                name=group["name"],
                type=group["type"],
                qid=group["qid"],
                mentions=list(group["mentions"]),
                surfaces=list(group["surfaces"]),
            )
            continue
        target = groups[r]
        target["mentions"] = sorted(target["mentions"] + group["mentions"])
        target["surfaces"] += [s for s in group["surfaces"] if s not in target["surfaces"]]
        target["qid"] = target["qid"] or group["qid"]
        for start, end in group["mentions"]:
            surface = text[start:end]
            if surface != target["name"] and all(a["surface"] != surface for a in aliases):
                aliases.append(
                    Alias(surface=surface, canonical=target["name"], start=start, end=end, how="renamed")
                )
    return list(groups.values()), aliases


@Language.factory(
    "claimgraph_renamings",
    default_config={"language": "en"},
    assigns=["doc._.entities", "doc._.aliases"],
    requires=["doc._.entities", "doc._.relations"],
)
def make_renamings(nlp: Language, name: str, language: str) -> RenamingMerger:
    return RenamingMerger()
