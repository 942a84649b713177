import json
from pathlib import Path

import pytest

from claimgraph.errors import ConfigError, DataFileError
from claimgraph.evaluate.floors import check_floors, load_floors
from claimgraph.evaluate.scoring import evaluate_corpus, load_corpus

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"


def test_gold_scored_against_itself_is_perfect() -> None:
    documents = load_corpus(CORPUS)
    evaluation = evaluate_corpus(documents, lambda docs: ({**d.gold, "doc": d.slug} for d in docs))
    assert evaluation.documents == len(documents) >= 10
    for scope in ("all", "en", "fr"):
        for kind, result in evaluation.by_scope[scope].items():
            if result.tp + result.fn:
                assert result.f1 == 1.0, (scope, kind)


def test_an_empty_extraction_scores_zero_and_fails_the_floors(tmp_path: Path) -> None:
    documents = load_corpus(CORPUS, language="fr")
    empty = {"entities": [], "aliases": [], "figures": [], "relations": [], "dates": []}
    evaluation = evaluate_corpus(documents, lambda docs: ({**empty, "doc": d.slug} for d in docs))
    assert evaluation.by_scope["fr"]["entities"].recall == 0.0
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"fr": {"entities": 0.5}, "en": {"dates": 0.1}}))
    failures = check_floors(evaluation, load_floors(floors))
    assert any("fr entities" in failure for failure in failures)
    assert any(failure.startswith("en:") for failure in failures)


def test_bad_floors_file_names_the_problem(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"en": {"entitiez": 0.5}}))
    with pytest.raises(DataFileError, match="unknown kind 'entitiez'"):
        load_floors(floors)


def test_a_folder_without_gold_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="No annotated documents"):
        load_corpus(tmp_path)


def test_floors_on_recall_and_precision(tmp_path: Path) -> None:
    documents = load_corpus(CORPUS, language="en")
    evaluation = evaluate_corpus(documents, lambda docs: ({**d.gold, "doc": d.slug} for d in docs))
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"_why": "comment", "en": {"aliases:recall": 1.0, "figures:precision": 1.0}}))
    assert check_floors(evaluation, load_floors(floors)) == []
    floors.write_text(json.dumps({"en": {"aliases:recal": 0.5}}))
    with pytest.raises(DataFileError, match="unknown measure 'recal'"):
        load_floors(floors)


def test_raised_floors_go_up_to_the_score_and_never_down() -> None:
    from claimgraph.evaluate.floors import raised_floors

    documents = load_corpus(CORPUS, language="fr")
    empty = {"entities": [], "aliases": [], "figures": [], "relations": [], "dates": []}
    evaluation = evaluate_corpus(documents, lambda docs: ({**d.gold, "doc": d.slug} for d in docs))
    assert raised_floors(evaluation, {"fr": {"entities": 0.5}}) == {"fr": {"entities": 0.98}}
    assert raised_floors(evaluation, {"fr": {"entities": 0.5}}, margin=0) == {"fr": {"entities": 1.0}}
    nothing = evaluate_corpus(documents, lambda docs: ({**empty, "doc": d.slug} for d in docs))
    assert raised_floors(nothing, {"fr": {"entities": 0.5}}) == {"fr": {"entities": 0.5}}
