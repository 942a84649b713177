"""Training the relation model on a small annotated corpus written for these tests."""

import json
from pathlib import Path

import pytest

from claimgraph.errors import ConfigError
from claimgraph.evaluate.relation_training import examples, train
from claimgraph.nlp.relation_model import NO_RELATION

pytestmark = pytest.mark.models

TEXT = "Hay'at Tahrir al-Sham controls Idlib. The Islamic State fought the Syrian Democratic Forces in Raqqa.\n"
ENTITIES = [
    {"name": "Hay'at Tahrir al-Sham", "type": "Organization", "mentions": ["Hay'at Tahrir al-Sham"]},
    {"name": "Idlib", "type": "Location", "mentions": ["Idlib"]},
    {"name": "Islamic State", "type": "Organization", "mentions": ["Islamic State"]},
    {"name": "Syrian Democratic Forces", "type": "Organization", "mentions": ["Syrian Democratic Forces"]},
    {"name": "Raqqa", "type": "Location", "mentions": ["Raqqa"]},
]
RELATIONS = [
    {"subject": "Hay'at Tahrir al-Sham", "predicate": "controls", "object": "Idlib"},
    {"subject": "Islamic State", "predicate": "fights", "object": "Syrian Democratic Forces"},
]


def annotated_corpus(root: Path, relations: list[dict]) -> Path:
    for slug in ("doc-one", "doc-two"):
        folder = root / slug
        folder.mkdir(parents=True)
        (folder / "source.txt").write_text(TEXT, "utf-8")
        (folder / "meta.json").write_text(json.dumps({"language": "en", "published": None}), "utf-8")
        gold = {"entities": ENTITIES, "aliases": [], "figures": [], "relations": relations, "dates": []}
        (folder / "gold.json").write_text(json.dumps(gold), "utf-8")
    return root


def test_each_candidate_pair_is_labelled_with_the_gold_predicate_in_its_direction(tmp_path):
    labelled = list(examples(annotated_corpus(tmp_path, RELATIONS)))
    labels = [example.label for example in labelled]
    assert labels.count("controls") == 2 and labels.count("fights") == 2  # once per document
    assert labels.count(NO_RELATION) == len(labels) - 4
    controls = next(example for example in labelled if example.label == "controls")
    assert "T:Organization>Location" in controls.features


def test_pairs_no_predicate_takes_are_not_examples(tmp_path):
    labelled = list(examples(annotated_corpus(tmp_path, RELATIONS)))
    # nothing has a place as subject and a group as object: (Idlib, Hay'at Tahrir al-Sham) is no example
    assert not any("T:Location>Organization" in example.features for example in labelled)


def test_the_trained_model_learns_what_tells_its_relations_apart(tmp_path):
    model, _ = train([annotated_corpus(tmp_path, RELATIONS)], min_count=1)
    assert set(model.classes) == {NO_RELATION, "controls", "fights"}
    assert model.trained_on == (tmp_path.name,)
    labelled = list(examples(tmp_path))
    held = next(example for example in labelled if example.label == "controls")  # HTS controls Idlib
    fought_in = next(  # the Islamic State and Raqqa: a group and a place too, but no gold relation
        e for e in labelled if e.label == NO_RELATION and "T:Organization>Location" in e.features
    )
    controls = model.classes.index("controls")
    assert model.probabilities(held.features)[controls] > model.probabilities(fought_in.features)[controls]


def test_a_corpus_without_relations_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="no relation to learn"):
        train([annotated_corpus(tmp_path, [])], min_count=1)
