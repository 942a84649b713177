"""The annotated sets CI scores (make test) are well formed: every quote and mention is in
its text, every document says its licence, and each set has its floors file."""

import json
from pathlib import Path

import pytest

from claimgraph.evaluate.scoring import load_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS = {
    "corpus": "eval_floors.json",
    "dev2": "dev2_floors.json",
    "holdout": "holdout_floors.json",
    "holdout_final": "holdout_final_floors.json",
    "holdout_c": "holdout_c_floors.json",
    "holdout_d": "holdout_d_floors.json",
    "holdout_e": "holdout_e_floors.json",
    "holdout_f": "holdout_f_floors.json",
    "train_sahel": "train_sahel_floors.json",
    "train_levant": "train_levant_floors.json",
    "train_horn": "train_horn_floors.json",
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_quote_and_mention_is_in_its_text(name):
    for document in load_corpus(FIXTURES / name):
        gold, text = document.gold, document.text
        for kind in ("figures", "relations"):
            for item in gold.get(kind, []):
                assert item["quote"] in text, f"{name}/{document.slug}: {kind} quote not in text"
        for entity in gold.get("entities", []):
            for mention in entity["mentions"]:
                assert mention in text, f"{name}/{document.slug}: mention {mention!r} not in text"


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_document_states_its_licence_and_language(name):
    for meta_path in sorted((FIXTURES / name).glob("*/meta.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        assert meta.get("license"), f"{meta_path} has no licence"
        assert meta.get("language") in ("en", "fr"), f"{meta_path} has no language"


@pytest.mark.parametrize(("name", "floors"), sorted(SETS.items()))
def test_each_set_has_floors_for_both_languages(name, floors):
    data = json.loads((FIXTURES / floors).read_text("utf-8"))
    assert set(data) >= {"en", "fr"}
    assert all(0.0 <= value <= 1.0 for lang in ("en", "fr") for value in data[lang].values())
    makefile = (FIXTURES.parents[1] / "Makefile").read_text("utf-8")
    assert f"tests/fixtures/{name} --floors tests/fixtures/{floors}" in makefile
