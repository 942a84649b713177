"""claimgraph_renamings: a stated renaming makes one entity of two (entities built by hand)."""

from __future__ import annotations

from claimgraph.nlp.attributes import EntityGroup, Relation
from claimgraph.nlp.components.renamings import merge_renamed

TEXT = "AMISOM became ATMIS in 2022. Kismayo fell. ATMIS left Kismayo; AMISOM was praised."


def _group(name: str, kind: str, *surfaces: str) -> EntityGroup:
    # every occurrence of each surface
    spans = sorted({(i, i + len(s)) for s in surfaces for i in _all(TEXT, s)})
    return EntityGroup(
        name=name, type=kind, qid=None, mentions=[list(s) for s in spans], surfaces=list(surfaces)
    )


def _all(text: str, part: str) -> list[int]:
    out, at = [], text.find(part)
    while at >= 0:
        out.append(at)
        at = text.find(part, at + 1)
    return out


def _renamed(subject: str, obj: str) -> Relation:
    s, o = TEXT.index(subject), TEXT.index(obj)
    return Relation(
        subject=subject,
        predicate="renamed_to",
        object=obj,
        subject_span=[s, s + len(subject)],
        object_span=[o, o + len(obj)],
        sentence_start=0,
        sentence_end=28,
        cue="became",
    )


def test_a_renaming_makes_one_entity_named_by_the_first_name() -> None:
    entities = [
        _group("African Union Mission in Somalia", "Organization", "AMISOM"),
        _group("ATMIS", "Organization", "ATMIS"),
        _group("Kismayo", "Location", "Kismayo"),
    ]
    merged, aliases = merge_renamed(entities, [_renamed("AMISOM", "ATMIS")], TEXT)
    assert [(g["name"], g["surfaces"]) for g in merged] == [
        ("African Union Mission in Somalia", ["AMISOM", "ATMIS"]),
        ("Kismayo", ["Kismayo"]),
    ]
    assert len(merged[0]["mentions"]) == 4  # both names, twice each, in text order
    assert merged[0]["mentions"] == sorted(merged[0]["mentions"])
    assert [(a["surface"], a["canonical"], a["how"]) for a in aliases] == [
        ("ATMIS", "African Union Mission in Somalia", "renamed")
    ]


def test_names_of_different_kinds_are_not_merged() -> None:
    entities = [
        _group("AMISOM", "Organization", "AMISOM"),
        _group("ATMIS", "Location", "ATMIS"),
    ]
    merged, aliases = merge_renamed(entities, [_renamed("AMISOM", "ATMIS")], TEXT)
    assert len(merged) == 2 and aliases == []


def test_without_a_renaming_nothing_changes() -> None:
    entities = [_group("AMISOM", "Organization", "AMISOM"), _group("ATMIS", "Organization", "ATMIS")]
    merged, aliases = merge_renamed(entities, [], TEXT)
    assert [g["name"] for g in merged] == ["AMISOM", "ATMIS"] and aliases == []
