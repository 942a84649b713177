"""The relation model file: validation at load, scoring, and the bundled model."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from claimgraph.errors import DataFileError
from claimgraph.nlp.components import relation_cues
from claimgraph.nlp.relation_model import NO_RELATION, RelationModel, load, parse_model

PREDICATES = frozenset({"located_in", "leads", "fights"})


def small_model(threshold: float = 0.5) -> RelationModel:
    """Two features: 'B:in' votes located_in, 'B:against' votes fights."""
    return parse_model(
        {
            "format": 1,
            "trained_on": ["made-up"],
            "threshold": threshold,
            "classes": [NO_RELATION, "fights", "located_in"],
            "intercepts": [2.0, 0.0, 0.0],
            "weights": {"B:in": [0.0, 0.0, 4.0], "B:against": [0.0, 4.0, 0.0]},
        },
        "test",
        PREDICATES,
    )


def test_probabilities_sum_to_one_and_follow_the_weights():
    model = small_model()
    p = model.probabilities(["B:in", "unknown feature"])
    assert p.sum() == pytest.approx(1.0)
    assert p.argmax() == model.classes.index("located_in")
    assert model.probabilities([]).argmax() == model.classes.index(NO_RELATION)


def test_prediction_needs_the_threshold_and_an_allowed_predicate():
    model = small_model(0.5)
    every = model.mask(lambda predicate: True)
    assert not every[model.classes.index(NO_RELATION)]  # NONE is never a prediction
    found = model.predict([["B:against"], [], ["B:in"]], [every, every, every])
    assert found[0][0] == "fights"
    assert found[1] is None  # no evidence: no predicate reaches 0.5
    assert found[2][0] == "located_in" and found[2][1] == pytest.approx(model.probabilities(["B:in"])[2])
    assert small_model(0.95).predict([["B:in"]], [every]) == [None]  # ~0.88 is not enough
    no_places = model.mask(lambda predicate: predicate != "located_in")
    assert model.predict([["B:in"]], [no_places]) == [None]


def test_pairs_scored_together_score_as_alone():
    model = small_model()
    together = model.probabilities_of([["B:in"], [], ["B:against", "B:in"], ["B:in", "B:in"]])
    for row, features in zip(together, [["B:in"], [], ["B:against", "B:in"], ["B:in", "B:in"]]):
        assert np.allclose(row, model.probabilities(features))
    assert together[3][2] > together[0][2]  # a feature counted twice weighs twice


def test_model_text_round_trips():
    model = small_model()
    again = parse_model(json.loads(model.to_json_text()), "again", PREDICATES)
    assert again.classes == model.classes and again.threshold == model.threshold
    features = ["B:in", "B:against"]
    assert np.allclose(again.probabilities(features), model.probabilities(features), atol=1e-4)


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"format": 9}, "format"),
        ({"classes": ["fights", "located_in", "leads"]}, "NONE"),
        ({"classes": [NO_RELATION, "fights", "is_friend_of"]}, "is_friend_of"),
        ({"threshold": 1.5}, "threshold"),
        ({"intercepts": [0.0]}, "intercepts"),
        ({"weights": {"B:in": [1.0]}}, "weights"),
    ],
)
def test_a_bad_model_file_is_named_with_its_problem(change, complaint):
    data = json.loads(small_model().to_json_text()) | change
    with pytest.raises(DataFileError, match=complaint):
        parse_model(data, "bad.json", PREDICATES)


def test_a_missing_key_is_named():
    data = json.loads(small_model().to_json_text())
    del data["weights"]
    with pytest.raises(DataFileError, match="missing keys: weights"):
        parse_model(data, "bad.json", PREDICATES)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_bundled_model_loads_against_the_vocabulary(language):
    cues = relation_cues.load(language)
    model = load(frozenset(cues.signatures))
    assert NO_RELATION in model.classes and len(model.classes) > 2
    assert model.weights.shape == (len(model.index), len(model.classes))
    assert model.trained_on  # says what it learned from
    assert not {"holdout_final", "holdout_e", "holdout_f"} & set(model.trained_on)  # blind sets stay blind


def test_the_bundled_model_was_trained_on_the_sets_the_makefile_names():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text("utf-8")
    training_sets = re.search(r"^TRAINING_SETS := (.+)$", makefile, re.MULTILINE).group(1).split()
    model = load(frozenset(relation_cues.load("en").signatures))
    assert list(model.trained_on) == training_sets  # `make relation-model` rebuilds this very model
